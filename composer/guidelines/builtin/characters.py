"""`platform.characters`: characters that read one way and are stored another.

Zero-width and direction-changing characters, look-alike letters from other scripts and
"styled" letters (mathematical bold, full-width, circled) render differently across
networks, are spelled out letter by letter or skipped by screen readers, and can hide a
word from a reviewer. The matching view already reads through them; this check tells the
agent they are there and offers the plain text as a one-click fix.
"""

from __future__ import annotations

from composer.domain.findings import Finding
from composer.guidelines.builtin.texts import builtin_text
from composer.guidelines.normalise import (
    DIRECTION,
    INVISIBLE,
    Fold,
    Normalised,
)

RULE = "platform.characters"
CATEGORY = "platform.characters"
MAX_FINDINGS = 20  # a post full of styled letters needs one card per run, not hundreds

_REMOVE = {INVISIBLE, DIRECTION}


def check_characters(view: Normalised) -> list[Finding]:
    """One finding per run of hidden, look-alike or styled characters."""
    findings: list[Finding] = []
    for fold in _runs(view.folds)[:MAX_FINDINGS]:
        rule = f"{RULE}.{fold.kind}"
        findings.append(
            builtin_text(rule).finding(
                rule,
                CATEGORY,
                span=(fold.start, fold.end),
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
