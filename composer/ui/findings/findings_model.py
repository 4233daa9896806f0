"""What the findings panel shows: findings tagged with where they are, minus dismissals.

Kept free of widgets so the grouping and the dismissal keys are easy to test. Dismissals
are keyed by rule and flagged text, not by offsets, so they survive edits elsewhere in
the post.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from composer.domain import findings
from composer.domain.findings import SEVERITIES, Finding, Severity

SEVERITY_TITLES: dict[str, str] = {
    "error": "Errors",
    "warning": "Warnings",
    "suggestion": "Suggestions",
}


@dataclass(frozen=True, slots=True)
class Shown:
    """A finding as shown: `source` is None for the main text, else the variant's platform."""

    finding: Finding
    source: str | None = None

    @property
    def key(self) -> str:
        """The dismissal key: stable while the flagged words stay the same."""
        return dismissal_key(self.finding, self.source)

    @property
    def dismissible(self) -> bool:
        return self.finding.severity != "error"

    @property
    def is_spelling(self) -> bool:
        return self.finding.category == "style.spelling"


def dismissal_key(finding: Finding, source: str | None = None) -> str:
    return findings.dismissal_key(finding.rule, finding.text, source)


def visible(shown: Iterable[Shown], dismissed: Iterable[str]) -> list[Shown]:
    hidden = set(dismissed)
    return [item for item in shown if item.key not in hidden]


def grouped(shown: Iterable[Shown]) -> dict[Severity, list[Shown]]:
    """By severity, most serious first; each group keeps the text order."""
    groups: dict[Severity, list[Shown]] = {severity: [] for severity in SEVERITIES}
    for item in shown:
        groups[item.finding.severity].append(item)
    return groups


def error_count(shown: Iterable[Shown]) -> int:
    return sum(1 for item in shown if item.finding.severity == "error")
