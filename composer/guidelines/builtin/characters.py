"""`platform.characters`: characters that read one way and are stored another.

Zero-width and direction-changing characters, look-alike letters from other scripts and
"styled" letters (mathematical bold, full-width, circled) render differently across
networks, are spelled out letter by letter or skipped by screen readers, and can hide a
word from a reviewer. The matching view already reads through them; this check tells the
agent they are there and offers the plain text as a one-click fix.
"""

from __future__ import annotations

from composer.domain.findings import Finding
from composer.guidelines.normalise import (
    DIRECTION,
    INVISIBLE,
    LOOKALIKE,
    STYLED,
    Fold,
    Normalised,
)

RULE = "platform.characters"
CATEGORY = "platform.characters"
REFERENCE = "Unicode UTS #39 (security mechanisms) and UAX #9 (bidirectional text)"
MAX_FINDINGS = 20  # a post full of styled letters needs one card per run, not hundreds

_MESSAGES = {
    INVISIBLE: "Invisible characters here.",
    DIRECTION: "Characters that change the direction of the text.",
    LOOKALIKE: "Letters from another alphabet that look like Latin ones.",
    STYLED: "Styled letters (bold, full-width or circled look-alikes).",
}
_EXPLANATIONS = {
    INVISIBLE: "Zero-width spaces, joiners and similar characters show as nothing, but networks "
    "count them, search cannot find the words they split, and a reviewer cannot see them.",
    DIRECTION: "Direction overrides and isolates can reorder what readers see; networks and "
    "screen readers handle them differently. Plain text needs none of them.",
    LOOKALIKE: "A Cyrillic or Greek letter inside an English word looks the same but is not: "
    "search and screen readers stumble on it, and it can hide a word from a reviewer.",
    STYLED: "Screen readers read mathematical or full-width letters one symbol at a time (or "
    "not at all), and some networks show them as boxes. Use plain letters for emphasis.",
}
_REMOVE = {INVISIBLE, DIRECTION}


def check_characters(view: Normalised) -> list[Finding]:
    """One finding per run of hidden, look-alike or styled characters."""
    findings: list[Finding] = []
    for fold in _runs(view.folds)[:MAX_FINDINGS]:
        findings.append(
            Finding(
                rule=f"{RULE}.{fold.kind}",
                category=CATEGORY,
                severity="warning",
                message=_MESSAGES[fold.kind],
                explanation=_EXPLANATIONS[fold.kind],
                reference=REFERENCE,
                start=fold.start,
                end=fold.end,
                text=view.original[fold.start : fold.end],
                suggestions=("" if fold.kind in _REMOVE else fold.plain,),
            )
        )
    return findings


def _runs(folds: tuple[Fold, ...]) -> list[Fold]:
    """Adjacent folds of one kind become one run (a styled word is one finding)."""
    runs: list[Fold] = []
    for fold in sorted(folds, key=lambda f: f.start):
        last = runs[-1] if runs else None
        if last is not None and last.kind == fold.kind and last.end == fold.start:
            runs[-1] = Fold(fold.kind, last.start, fold.end, last.plain + fold.plain)
        else:
            runs.append(fold)
    return runs
