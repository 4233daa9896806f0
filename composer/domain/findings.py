"""What the guideline engine reports: findings, platform counts and the result of one check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "suggestion"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "suggestion")

CATEGORIES: tuple[str, ...] = (
    "compliance.guarantee",
    "compliance.free",
    "compliance.inducement",
    "compliance.exaggeration",
    "compliance.product-label",
    "compliance.competitor",
    "compliance.testimonial",
    "compliance.claims-promise",
    "compliance.coverage-advice",
    "compliance.privacy",
    "compliance.disclosure",
    "compliance.securities",
    "compliance.endorsement",
    "compliance.licensing",
    "compliance.review-incentive",
    "etiquette.hard-sell",
    "etiquette.spam",
    "etiquette.offensive",
    "etiquette.conversation",
    "etiquette.promo-mix",
    "etiquette.duplicate",
    "conversation.liability",
    "conversation.tone",
    "conversation.private",
    "platform.length",
    "platform.hashtags",
    "platform.links",
    "platform.fold",
    "platform.media",
    "platform.characters",
    "style.spelling",
    "style.readability",
    "style.caps",
    "style.punctuation",
    "accessibility.alt-text",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the checks flagged.

    `start`/`end` are code-point offsets into the checked text; both are None when the
    finding is about something missing (a disclosure) rather than something present.
    """

    rule: str
    category: str
    severity: Severity
    message: str
    explanation: str = ""
    reference: str = ""
    start: int | None = None
    end: int | None = None
    text: str = ""
    suggestions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Its fields by name, in order, the suggestions as a list: what `asdict` gives, made
        directly (`asdict` copies every field deeply: most of `check --jsonl`'s writing)."""
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "explanation": self.explanation,
            "reference": self.reference,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestions": list(self.suggestions),
        }


@dataclass(frozen=True, slots=True)
class PlatformCount:
    """A platform's own length of the text (weighted for X) against its limit."""

    length: int
    limit: int


@dataclass(frozen=True, slots=True)
class CheckResult:
    findings: tuple[Finding, ...]
    platforms: dict[str, PlatformCount] = field(default_factory=dict)

    @property
    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def to_dict(self) -> dict[str, object]:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "platforms": {
                name: {"length": c.length, "limit": c.limit} for name, c in self.platforms.items()
            },
            "summary": self.summary,
        }


def dismissal_key(rule: str, text: str, source: str | None = None) -> str:
    """How a dismissed finding is remembered with its post: the text it was found in
    (`source`: a platform's own variant, None for the body), its rule and the flagged
    words, never offsets, so the dismissal survives edits elsewhere in the post."""
    return f"{source or 'body'}|{rule}|{text.casefold()}"
