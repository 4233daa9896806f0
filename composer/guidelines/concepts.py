"""Concepts and the grammar around them: rules that combine ideas, not phrase piles.

A concept is a named class of wording defined once as data (CERTAINTY: guaranteed, can't
lose, zero risk...; VALUE: a gift card, a meal, cash...). A `concepts` rule fires when all
of its concepts occur in one sentence, in any order, within a few words of each other, so
"guaranteed growth" and "growth guaranteed, every single year" are one rule.

The grammar handles what changes meaning once for every rule instead of as per-rule
exceptions: negation before a negatable concept ("we never promise your claim will be
paid"), debunking and warnings ("Myth: ...", "if anyone promises you...", a scam alert),
and quoted wording that a negated sentence corrects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from composer.guidelines.checks import Context, Filters, Hit
from composer.guidelines.facts import Span, TextFacts
from composer.guidelines.wordindex import PhraseHit, PhraseSet

NEGATION_REACH = 4  # words looked back from a negatable concept for a negator
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\bbut\b|\bhowever\b|\byet\b", re.I)
_ANSWER_NO = re.compile(r"\s*(?:no|nope|not at all|not really)\b", re.IGNORECASE)
_QUOTES = re.compile(r"[\"“”«»]|(?<!\w)['‘]|['’](?!\w)")


@dataclass(frozen=True, slots=True)
class Concept:
    """A named class of wording: phrases (through the shared word index) and patterns."""

    name: str
    phrases: PhraseSet | None
    negatable: bool = False
    patterns: tuple[re.Pattern[str], ...] = ()

    def hits(self, facts: TextFacts) -> list[PhraseHit]:
        found = list(self.phrases.hits(facts)) if self.phrases is not None else []
        for pattern in self.patterns:
            found.extend(
                PhraseHit(*m.span(), -1)
                for m in pattern.finditer(facts.text)
                if m.end() > m.start()
            )
        if self.patterns:
            found.sort(key=lambda h: (h.start, -h.end))
        return found

    def present(self, facts: TextFacts) -> bool:
        if self.phrases is not None and self.phrases.present(facts):
            return True
        return any(p.search(facts.text) for p in self.patterns)


@dataclass(frozen=True, slots=True)
class Grammar:
    """Scope that changes meaning, shared by every rule in `categories`."""

    negators: frozenset[str] = frozenset()
    negated_assurance: PhraseSet | None = None
    debunk_sentence: PhraseSet | None = None
    debunk_post: PhraseSet | None = None
    categories: frozenset[str] = frozenset()
    terms: PhraseSet | None = None

    def in_term(self, facts: TextFacts, start: int, end: int) -> bool:
        """Inside a term of art ("guaranteed renewable") that promises nothing."""
        if self.terms is None:
            return False
        return any(t.start <= start and end <= t.end for t in self.terms.hits(facts))

    def _question_answered_no(self, facts: TextFacts, sentence: Span) -> bool:
        """ "Does a 0% floor make it risk-free? No." asks in order to deny."""
        lo, hi = sentence
        text = facts.text
        return text[lo:hi].rstrip().endswith("?") and _ANSWER_NO.match(text, hi) is not None

    def negated(self, facts: TextFacts, start: int) -> bool:
        """A negator among the few words before `start`, within its clause."""
        lo, _ = facts.sentence_at(start)
        first = max(facts.word_index(lo), facts.word_index(start) - NEGATION_REACH)
        words = facts.words[first : facts.word_index(start)]
        text = facts.text
        for word_start, word_end in reversed(words):
            if _CLAUSE_BREAK.search(text, word_end, start):
                return False
            if text[word_start:word_end].lower().replace("’", "'") in self.negators:
                return True
        return False

    def suppressed(self, facts: TextFacts, category: str, start: int, end: int) -> bool:
        """Whether a hit in `category` is a warning, a myth being busted or a quoted claim."""
        if category not in self.categories:
            return False
        if self.debunk_post is not None and self.debunk_post.present(facts):
            return True
        if self.in_term(facts, start, end):
            return True
        lo, hi = facts.sentence_at(start)
        if self.debunk_sentence is not None and self.debunk_sentence.within(facts, (lo, hi)):
            return True
        if self._question_answered_no(facts, (lo, hi)):
            return True
        if self._assurance_denied(facts, start, lo):
            return True
        return self._quoted_and_corrected(facts, start, end, (lo, hi))

    def _assurance_denied(self, facts: TextFacts, start: int, sentence_start: int) -> bool:
        """ "We never promise / nobody can guarantee" just before the hit, in its clause."""
        if self.negated_assurance is None:
            return False
        reach = facts.word_index(start) - NEGATION_REACH
        for hit in self.negated_assurance.within(
            facts, (sentence_start, facts.sentence_at(start)[1])
        ):
            if hit.start <= start < hit.end or (
                hit.end <= start
                and facts.word_index(hit.end) >= reach
                and not _CLAUSE_BREAK.search(facts.text, hit.end, start)
            ):
                return True
        return False

    def _quoted_and_corrected(self, facts: TextFacts, start: int, end: int, sentence: Span) -> bool:
        lo, hi = sentence
        text = facts.text
        before = len(_QUOTES.findall(text, lo, start))
        if before % 2 == 0 or not _QUOTES.search(text, end, hi):
            return False
        return any(
            text[s:e].lower().replace("’", "'") in self.negators
            for s, e in facts.words[facts.word_index(lo) : facts.word_index(hi)]
            if not start <= s < end
        )


@dataclass(frozen=True, slots=True)
class ConceptCheck:
    """All of `parts` in one sentence, in any order, at most `distance` words apart."""

    parts: tuple[Concept, ...]
    grammar: Grammar
    distance: int = 8
    filters: Filters = field(default_factory=Filters)
    context: tuple[Concept, ...] = ()  # needed anywhere in the post, not in the sentence

    def hits(self, ctx: Context) -> Iterator[Hit]:
        facts = ctx.facts
        if not all(c.present(facts) for c in self.context):
            return
        if len(self.parts) == 1:
            for hit in self.parts[0].hits(facts):
                negated = self.parts[0].negatable and self.grammar.negated(facts, hit.start)
                negated = negated or self.grammar.in_term(facts, hit.start, hit.end)
                if (
                    not negated
                    and not facts.in_entity(hit.start, hit.end)
                    and self.filters.allows(facts, hit.start, hit.end)
                ):
                    yield Hit(hit.start, hit.end)
            return
        found: list[list[PhraseHit]] = []
        for part in self.parts:
            hits = [
                h
                for h in part.hits(facts)
                if not facts.in_entity(h.start, h.end)
                and not (part.negatable and self.grammar.negated(facts, h.start))
                and not self.grammar.in_term(facts, h.start, h.end)
            ]
            if not hits:
                return
            found.append(hits)
        done: set[Span] = set()
        for anchor in found[0]:
            sentence = facts.sentence_at(anchor.start)
            if sentence in done:
                continue
            chosen = _nearest(facts, anchor, found[1:], sentence)
            if chosen is None:
                continue
            spans = [anchor, *chosen]
            first = min(spans, key=lambda h: h.start)
            last = max(spans, key=lambda h: h.start)
            if facts.word_index(last.start) - facts.word_index(first.end) > self.distance:
                continue
            if ";" in facts.text[first.end : last.start]:
                continue  # separate clauses: "isn't an investment; it's a promise"
            start, end = first.start, max(h.end for h in spans)
            if self.filters.allows(facts, start, end):
                done.add(sentence)
                yield Hit(start, end)


def _nearest(
    facts: TextFacts, anchor: PhraseHit, others: Sequence[list[PhraseHit]], sentence: Span
) -> list[PhraseHit] | None:
    """For each other part, its hit in the same sentence closest to the anchor (not on it)."""
    lo, hi = sentence
    here = facts.word_index(anchor.start)
    chosen: list[PhraseHit] = []
    for hits in others:
        inside = [
            h
            for h in hits
            if lo <= h.start < hi and (h.end <= anchor.start or h.start >= anchor.end)
        ]
        if not inside:
            return None
        chosen.append(min(inside, key=lambda h: abs(facts.word_index(h.start) - here)))
    return chosen
