"""History-based etiquette: the promotional mix (80/20) and repeated posts."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from difflib import SequenceMatcher

from composer.domain.findings import Finding
from composer.domain.history import HistoryItem
from composer.guidelines.builtin.texts import builtin_text
from composer.guidelines.facts import TextFacts
from composer.guidelines.inputs import CheckInput

MIX_WINDOW = 5
DUPLICATE_DAYS = 30
DUPLICATE_RATIO = 0.9
_COUNTED = {"approved", "exported"}
_LINK = re.compile(r"\S+\.\S+/\S*|https?://\S+", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case, spacing and links do not make a post different."""
    return _SPACE.sub(" ", _LINK.sub(" ", text.casefold())).strip()


class HistoryCheck:
    def __init__(self, is_promotional: Callable[[str], bool]) -> None:
        self._is_promotional = is_promotional

    def __call__(self, inp: CheckInput, facts: TextFacts) -> list[Finding]:
        history = [
            item
            for item in inp.history
            if item.status in _COUNTED and (inp.post_id is None or item.post_id != inp.post_id)
        ]
        if not history or not inp.text.strip():
            return []
        findings = self._promo_mix(inp, history)
        duplicate = self._duplicate(inp, history)
        if duplicate is not None:
            findings.append(duplicate)
        return findings

    def _promo_mix(self, inp: CheckInput, history: list[HistoryItem]) -> list[Finding]:
        if not self._is_promotional(inp.text):
            return []
        # One post may bring several items (a variant per platform): count posts.
        posts: dict[object, bool] = {}
        for item in sorted(history, key=_when, reverse=True):
            key = item.post_id if item.post_id is not None else id(item)
            if key not in posts and len(posts) >= MIX_WINDOW - 1:
                break
            posts[key] = posts.get(key, False) or self._is_promotional(item.text)
        recent = list(posts.values())
        promotional = 1 + sum(recent)
        if promotional <= 1:
            return []
        mix = builtin_text("etiquette.promo-mix.80-20")
        severity = mix.severity if promotional > 2 else "suggestion"  # two is a nudge
        return [
            mix.finding(
                "etiquette.promo-mix.80-20",
                "etiquette.promo-mix",
                severity,
                promotional=promotional,
                total=len(recent) + 1,
            )
        ]

    def _duplicate(self, inp: CheckInput, history: list[HistoryItem]) -> Finding | None:
        mine = normalise(inp.text)
        if len(mine) < 20:
            return None
        cutoff = datetime.now(UTC) - timedelta(days=DUPLICATE_DAYS)
        targets = set(inp.platforms)
        for item in sorted(history, key=_when, reverse=True):
            if item.when is not None and _aware(item.when) < cutoff:
                continue
            if item.platforms and targets.isdisjoint(item.platforms):
                continue
            theirs = normalise(item.text)
            matcher = SequenceMatcher(None, mine, theirs, autojunk=False)
            if matcher.real_quick_ratio() < DUPLICATE_RATIO:
                continue
            if matcher.quick_ratio() < DUPLICATE_RATIO or matcher.ratio() < DUPLICATE_RATIO:
                continue
            shared = sorted(targets.intersection(item.platforms) or targets)
            return builtin_text("etiquette.duplicate.recent").finding(
                "etiquette.duplicate.recent", "etiquette.duplicate", platforms=", ".join(shared)
            )
        return None


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _when(item: HistoryItem) -> datetime:
    return _aware(item.when) if item.when is not None else datetime.min.replace(tzinfo=UTC)
