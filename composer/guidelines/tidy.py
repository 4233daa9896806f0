"""Tidying a check's findings: one card per reason, in reading order.

Several rules often flag the same words for the same reason (a concept rule and a phrase
rule on "the best rates in town"); the agent should see one card, the most severe.
"""

from __future__ import annotations

from composer.domain.findings import SEVERITIES, Finding

_SEVERITY_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}


def tidy(findings: list[Finding]) -> list[Finding]:
    """Drop repeats of one category on one span (keeping the most severe), then sort."""
    rank = _SEVERITY_RANK
    best: dict[tuple[object, ...], Finding] = {}
    for finding in findings:
        start = finding.start
        key: tuple[object, ...] = (
            (finding.category, start, finding.end)
            if start is not None
            else (finding.rule, finding.message)
        )
        kept = best.get(key)
        if kept is None or rank[finding.severity] < rank[kept.severity]:
            best[key] = finding
    return sorted(_outer_only(list(best.values())), key=_reading_order)


def _reading_order(f: Finding) -> tuple[bool, int, int, str]:
    return (f.start is None, f.start or 0, _SEVERITY_RANK[f.severity], f.rule)


def _by_start_wider_first(f: Finding) -> tuple[int, int]:
    return (f.start or 0, -(f.end or 0))


def _outer_only(findings: list[Finding]) -> list[Finding]:
    """Drop a finding that lies inside or runs into another of its category, at least as
    severe, that starts before it.

    A concept rule and a phrase rule often flag "best rates" and "the best rates in town",
    or "new client gets a free gift" and "gets a free gift card", for the same reason; one
    card is enough. One sweep per category over spans sorted by start (wider first),
    remembering the furthest end reached at each severity (a dense text has tens of
    thousands of findings: the sweep's steps are written out, not made per finding).
    """
    rank_of = _SEVERITY_RANK
    dropped: set[int] = set()
    by_category: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.start is not None and finding.end is not None:
            spans = by_category.get(finding.category)
            if spans is None:
                spans = by_category[finding.category] = []
            spans.append(finding)
    for spans in by_category.values():
        spans.sort(key=_by_start_wider_first)
        furthest = [-1, -1, -1]  # by severity rank: error, warning, suggestion
        for finding in spans:
            rank, end = rank_of[finding.severity], finding.end or 0
            start = finding.start or 0
            # one of the ends reached at this severity or a graver one lies past its start
            if max(furthest[: rank + 1]) > start:
                dropped.add(id(finding))
                continue
            if end > furthest[rank]:
                furthest[rank] = end
    if not dropped:
        return findings
    return [f for f in findings if id(f) not in dropped]
