"""Tidying a check's findings: one card per reason, in reading order.

Several rules often flag the same words for the same reason (a concept rule and a phrase
rule on "the best rates in town"); the agent should see one card, the most severe.
"""

from __future__ import annotations

from composer.domain.findings import SEVERITIES, Finding

_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def tidy(findings: list[Finding]) -> list[Finding]:
    """Drop repeats of one category on one span (keeping the most severe), then sort."""
    best: dict[tuple[object, ...], Finding] = {}
    for finding in findings:
        key: tuple[object, ...] = (finding.category, finding.start, finding.end)
        if finding.start is None:
            key = (finding.rule, finding.message)
        kept = best.get(key)
        if kept is None or _SEVERITY_RANK[finding.severity] < _SEVERITY_RANK[kept.severity]:
            best[key] = finding
    return sorted(
        _outer_only(list(best.values())),
        key=lambda f: (f.start is None, f.start or 0, _SEVERITY_RANK[f.severity], f.rule),
    )


def _outer_only(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that lies inside or runs into another of its category, at least as
    severe, that starts before it.

    A concept rule and a phrase rule often flag "best rates" and "the best rates in town",
    or "new client gets a free gift" and "gets a free gift card", for the same reason; one
    card is enough. One sweep per category over spans sorted by start (wider first),
    remembering the furthest end reached at each severity.
    """
    dropped: set[int] = set()
    by_category: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.start is not None and finding.end is not None:
            by_category.setdefault(finding.category, []).append(finding)
    for spans in by_category.values():
        spans.sort(key=lambda f: (f.start, -(f.end or 0)))
        furthest = [-1, -1, -1]  # by severity rank: error, warning, suggestion
        for finding in spans:
            rank, end = _SEVERITY_RANK[finding.severity], finding.end or 0
            start = finding.start or 0
            if any(furthest[k] > start for k in range(rank + 1)):
                dropped.add(id(finding))
                continue
            furthest[rank] = max(furthest[rank], end)
    return [f for f in findings if id(f) not in dropped]
