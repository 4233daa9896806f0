"""A rule's (or signal's, or filter's) phrases, matched through the engine's word index.

What a check reads of the index: a set's hits in a text, sorted and kept per text, or
whether it has any. Kept apart from `wordindex` (the pass over a text's words that finds
them), which lists the hits as it finds them.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from composer.guidelines.facts import TextFacts
from composer.guidelines.tokens import Span

if TYPE_CHECKING:
    from composer.guidelines.wordindex import PhraseHit, WordIndex

_START = operator.itemgetter(0)
_END = operator.itemgetter(1)


@dataclass(frozen=True, slots=True)
class PhraseSet:
    """The phrases of one rule (or signal, or filter), matched through the shared index."""

    index: WordIndex = field(repr=False)
    set_id: int
    values: tuple[str, ...]

    def hits(self, facts: TextFacts) -> list[PhraseHit]:
        """Non-overlapping hits, leftmost first and longest at a shared start.

        Kept per text: the grammar asks for the same set's hits once per finding.
        """
        key = ("hits", id(self.index), self.set_id)
        cached = facts.cache.get(key)
        if cached is not None:
            return cast("list[PhraseHit]", cached)
        raw = self.index.set_hits(facts, self.set_id)
        kept: list[PhraseHit] = []
        if raw:
            # by start, longest first at a shared one, ties as found: two stable sorts
            # in C instead of a key made in Python for every hit
            raw.sort(key=_END, reverse=True)
            raw.sort(key=_START)
            for hit in raw:
                if not kept or hit.start >= kept[-1].end:
                    kept.append(hit)
        facts.cache[key] = kept
        return kept

    def present(self, facts: TextFacts) -> bool:
        return bool(self.index.set_hits(facts, self.set_id))

    def within(self, facts: TextFacts, span: Span) -> list[PhraseHit]:
        """Hits lying inside `span`, found by binary search (hits are sorted by start)."""
        lo, hi = span
        hits = self.hits(facts)
        if not hits:
            return []
        # Both ends by binary search: a slice to the end of the text's hits would copy
        # thousands of them per sentence on a dense text.
        first = bisect.bisect_left(hits, lo, key=_START)
        last = bisect.bisect_left(hits, hi, first, key=_START)
        return [hit for hit in hits[first:last] if hit.end <= hi]
