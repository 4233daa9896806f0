"""The `concepts` check: all of a rule's concepts in one sentence, near each other.

Kept apart from `concepts.py` (the concepts themselves and the grammar that decides what a
hit means in its sentence): this is the search that combines them, the part a dense text
spends most of its time in.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from composer.guidelines.checks import Context, Filters, Hit
from composer.guidelines.concepts import Concept, Grammar
from composer.guidelines.facts import TextFacts
from composer.guidelines.tokens import Span
from composer.guidelines.wordindex import PhraseHit

if TYPE_CHECKING:
    from composer.guidelines.concepts import _Scope

_START = operator.itemgetter(0)  # a hit's start, for choosing the first and last in C
_END = operator.itemgetter(1)
_Placed = dict[Span, list[tuple[PhraseHit, int]]]  # a part's usable hits, by sentence


@dataclass(frozen=True, slots=True)
class ConceptCheck:
    """All of `parts` in one sentence, in any order, at most `distance` words apart."""

    parts: tuple[Concept, ...]
    grammar: Grammar
    distance: int = 8
    filters: Filters = field(default_factory=Filters)
    context: tuple[Concept, ...] = ()  # needed anywhere in the post, not in the sentence

    def hits(self, ctx: Context) -> Iterator[Hit]:
        found = list(self._hits(ctx.facts))
        # The post-wide context is asked last: most posts never get this far.
        if found and all(c.present(ctx.facts) for c in self.context):
            yield from found

    def _hits(self, facts: TextFacts) -> Iterator[Hit]:
        head, filters = self.parts[0], self.filters
        anchors = head.hits(facts)
        if not anchors:
            return
        # The grammar's answers for this text, fetched once for every hit below.
        scope = self.grammar.scope(facts)
        if len(self.parts) == 1:
            terms = self.grammar.terms is not None
            for hit in anchors:
                start, end = hit.start, hit.end
                if (head.negatable and scope.negated_at(facts, start)) or (
                    terms and scope.in_term(start, end)
                ):
                    continue
                if not facts.in_entity(start, end) and filters.allows(facts, start, end):
                    yield Hit(start, end)
            return
        done: set[Span] = set()
        word_index, sentence_at, text = facts.word_index, facts.sentence_at, facts.text
        # Every hit is usable in a text with no entity, negator or term of art (asked once
        # here, not of each hit), and each other part's hits are kept per sentence.
        clean = not (
            facts.has_entities
            or scope.has_negators(facts)
            or (self.grammar.terms is not None and scope.term_starts)
        )
        others = [(part, self._placed(facts, part), clean) for part in self.parts[1:]]
        for anchor in anchors:
            sentence = sentence_at(anchor.start)
            if sentence in done or not (clean or self._usable(facts, scope, head, anchor)):
                continue
            chosen = self._nearest(facts, scope, anchor, sentence, others)
            if chosen is None:
                continue
            spans = [anchor, *chosen]
            first = min(spans, key=_START)
            last = max(spans, key=_START)
            if word_index(last.start) - word_index(first.end) > self.distance:
                continue
            if ";" in text[first.end : last.start]:
                continue  # separate clauses: "isn't an investment; it's a promise"
            start, end = first.start, max(map(_END, spans))
            if filters.allows(facts, start, end):
                done.add(sentence)
                yield Hit(start, end)

    def _usable(self, facts: TextFacts, scope: _Scope, part: Concept, hit: PhraseHit) -> bool:
        return not (
            facts.in_entity(hit.start, hit.end)
            or (part.negatable and scope.negated_at(facts, hit.start))
            or (self.grammar.terms is not None and scope.in_term(hit.start, hit.end))
        )

    def _placed(self, facts: TextFacts, part: Concept) -> _Placed | None:
        """Where a part's usable hits in each sentence are kept, once per text for every
        rule; None when they must be asked afresh each time."""
        if part.patterns and part.anchored:
            # Its whole-text hits grow by its patterns' each time they are asked for (see
            # `Concept.hits`), so what lies in a sentence is asked afresh every time.
            return None
        key = ("usable", id(part), id(self.grammar))
        known: _Placed | None = facts.cache.get(key)  # type: ignore[assignment]
        if known is None:
            known = facts.cache[key] = {}
        return known

    def _usable_placed(
        self, facts: TextFacts, scope: _Scope, part: Concept, sentence: Span, clean: bool
    ) -> list[tuple[PhraseHit, int]]:
        """A part's usable hits in a sentence, each with the index of its first word (what
        `_nearest` measures by); every hit when the text is `clean` (see `_hits`)."""
        word_index = facts.word_index
        if clean:
            return [(h, word_index(h.start)) for h in part.hits(facts, sentence)]
        return [
            (h, word_index(h.start))
            for h in part.hits(facts, sentence)
            if self._usable(facts, scope, part, h)
        ]

    def _nearest(
        self,
        facts: TextFacts,
        scope: _Scope,
        anchor: PhraseHit,
        sentence: Span,
        others: list[tuple[Concept, _Placed | None, bool]],
    ) -> list[PhraseHit] | None:
        """For each other part, its hit in the sentence closest to the anchor (not on it;
        the first of the closest, as `min` would choose)."""
        here = facts.word_index(anchor.start)
        start, end = anchor.start, anchor.end
        chosen: list[PhraseHit] = []
        for part, known, clean in others:
            usable = None if known is None else known.get(sentence)
            if usable is None:
                usable = self._usable_placed(facts, scope, part, sentence, clean)
                if known is not None:
                    known[sentence] = usable
            best: PhraseHit | None = None
            least = 0
            for hit, at in usable:
                if hit.end <= start or hit.start >= end:
                    away = abs(at - here)
                    if best is None or away < least:
                        best, least = hit, away
            if best is None:
                return None
            chosen.append(best)
        return chosen
