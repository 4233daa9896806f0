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

import bisect
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass

from composer.guidelines import alike
from composer.guidelines.alternation import compile_phrases
from composer.guidelines.facts import TextFacts
from composer.guidelines.phrase_set import PhraseSet
from composer.guidelines.prefilter import Need, may_match, needs_of
from composer.guidelines.regex_cache import compile_cached
from composer.guidelines.starts import matches_in
from composer.guidelines.tokens import Span
from composer.guidelines.wordindex import PhraseHit, WordIndex

NEGATION_REACH = 4  # words looked back from a negatable concept for a negator
_CLAUSE_BREAK = compile_cached(r"[,;:()\u2014\u2013]|\s-\s|\bbut\b|\bhowever\b|\byet\b", re.I)
_ANSWER_OPENS = r"[\s\"”’']*"  # white space and quote marks before an answer's first word


def _answer_opening(words: str) -> re.Pattern[str]:
    """An answer (matched from just after its question) whose first words are one of `words`."""
    return compile_cached(_ANSWER_OPENS + "(?:" + words + r")\b", re.IGNORECASE)


_ANSWER_NO = _answer_opening(
    r"no|nope|wrong|not at all|not really|not exactly|not quite|not always"
    r"|not necessarily|not usually|usually not|often not|probably not|rarely|it depends"
    r"|certainly not|absolutely not|of course not|not something"
)
# An answer that denies the question's premise in its opening words ("Is IUL a good
# investment? IUL is not technically an investment", "Are annuities investments? They
# aren't"); "it isn't just insurance" denies nothing.
_ANSWER_DENIES = compile_cached(
    _ANSWER_OPENS + r"(?:[\w’'-]+\s+){0,5}?(?:(?:is|are)\s+not|isn[’']t|aren[’']t)\b"
    r"(?!\s+(?:just|only|simply|merely)\b)",
    re.IGNORECASE,
)
# A question that asks about a thing rather than the reader ("Is the cash value
# guaranteed?", "Are annuities safe?"): an FAQ's heading claims nothing, unless its answer
# opens by affirming it. Pitches speak to the reader ("Is that a risk you're willing to
# take?"), ask to be agreed with ("Isn't it time...?") or insinuate ("Will they still be
# around next year?"), and are left to the rules; so are questions that open with "what"
# or "which" ("Which is a better investment tool, life insurance or an RRSP?" likens).
_ASKS_ABOUT = compile_cached(r"[\W_]*(?:is|are|does|do|can|was|were)\s+\w", re.IGNORECASE)
_TO_THE_READER = compile_cached(r"\b(?:you|your|you['’]\w+|yours|u|ya)\b", re.IGNORECASE)
_ANSWER_YES = _answer_opening(
    r"yes|yep|yeah|absolutely|definitely|of course|certainly|sure|100|you bet"
    r"|it is|they are|it does|they do|it can|it will"
    r"|(?:it|they|this|that)\s+(?:isn['’]t|is\s+not|aren['’]t|are\s+not)\s+(?:just|only|simply|merely)"
)
_QUOTES = compile_cached(r"[\"“”«»]|(?<!\w)['‘]|['’](?!\w)")
_QUOTE_CHARS = compile_cached(r"[\"“”«»'‘’]")  # every character `_QUOTES` can match
_DOUBLE_QUOTES = compile_cached(r"[\"“”«»]")
# A quotation in single marks: an opening mark before a word, words with a space among
# them, and a closing mark after them, within a sentence's length. An apostrophe inside a
# word (landlord's) or a lone one (the '90s) never pairs.
# (The opening mark comes first and the test for a word before it after it, the same
# test: the pattern engine then skips ahead to quote marks, 5x quicker than at every place.)
_SINGLE_QUOTED = compile_cached(
    r"['‘](?<!\w['‘])(?=\w)[^'‘’\n]{0,120}?\s[^'‘’\n]{0,120}?(?<=[\w.,!?])['’](?!\w)"
)


_START = operator.itemgetter(0)  # a hit's start and end, for sorting in C
_END = operator.itemgetter(1)


class Concept:
    """A named class of wording: phrases and regular-expression patterns.

    A concept that anchors a rule (its first part) is matched through the shared word
    index, in the one pass over the text. The others are only looked for inside the
    sentences where an anchor was found, with one compiled alternation, so common words
    ("is", "their", "plan") cost nothing on posts that never get that far.
    """

    __slots__ = ("_index", "_needs", "_regex", "_set", "name", "negatable", "patterns", "values")

    def __init__(
        self,
        name: str,
        values: Sequence[str],
        index: WordIndex,
        negatable: bool = False,
        patterns: Sequence[re.Pattern[str]] = (),
    ) -> None:
        self.name = name
        self.values = tuple(values)
        self.negatable = negatable
        self.patterns = tuple(patterns)
        # What each pattern needs in a text to match at all: most posts skip most of them.
        self._needs: tuple[tuple[Need, ...], ...] = tuple(needs_of(p) for p in self.patterns)
        self._index = index
        self._set: PhraseSet | None = None
        self._regex: re.Pattern[str] | None = None

    def anchor(self) -> None:
        """Match this concept in the index's single pass (called while packs load)."""
        if self._set is None and self.values:
            self._set = self._index.add(self.values)

    def gate(self) -> tuple[PhraseSet, tuple[tuple[Need, ...], ...]] | None:
        """Its phrase set and its patterns' needs, when it is matched through the word index:
        no hit anywhere unless the set has one or a text meets some pattern's needs."""
        if self._set is None:
            return None
        return self._set, self._needs

    @property
    def anchored(self) -> bool:
        """Whether this concept is matched through the word index (it anchors a rule)."""
        return self._set is not None

    def _pattern(self) -> re.Pattern[str] | None:
        if self._regex is None and self.values:
            self._regex = compile_phrases(self.values)
        return self._regex

    def hits(self, facts: TextFacts, span: Span | None = None) -> list[PhraseHit]:
        """Hits in the whole text, or only inside `span`."""
        text = facts.text
        lo, hi = span if span is not None else (0, len(text))
        found: list[PhraseHit] = []
        if self._set is not None:
            found = self._set.hits(facts) if span is None else self._set.within(facts, span)
        elif (pattern := self._pattern()) is not None and span is not None:
            found = [PhraseHit(s + lo, e + lo, 0) for s, e in alike.found(pattern, facts, span)]
        elif pattern is not None:
            found = [PhraseHit(*m.span(), 0) for m in pattern.finditer(text, lo, hi)]
        for extra, needs in zip(self.patterns, self._needs, strict=True):
            if not may_match(needs, facts):
                continue
            found.extend(PhraseHit(*m.span(), -1) for m in matches_in(extra, text, lo, hi))
        if self.patterns:
            found.sort(key=_END, reverse=True)  # (start, longest first), ties as found
            found.sort(key=_START)
        return found

    def present(self, facts: TextFacts) -> bool:
        if self._set is not None:
            if self._set.present(facts):
                return True
        elif (pattern := self._pattern()) is not None and pattern.search(facts.text):
            return True
        return any(
            may_match(needs, facts) and p.search(facts.text)
            for p, needs in zip(self.patterns, self._needs, strict=True)
        )


@dataclass(frozen=True, slots=True)
class Grammar:
    """Scope that changes meaning, shared by every rule in `categories`."""

    negators: frozenset[str] = frozenset()
    negated_assurance: PhraseSet | None = None
    debunk_sentence: PhraseSet | None = None
    debunk_post: PhraseSet | None = None
    scam_post: PhraseSet | None = None  # a post about a scam quotes it, whatever it flags
    categories: frozenset[str] = frozenset()
    terms: PhraseSet | None = None
    quote_corrected: PhraseSet | None = None  # a post that questions what it quotes
    quote_keeps: frozenset[str] = frozenset()  # categories a quotation does not excuse

    def scope(self, facts: TextFacts) -> _Scope:
        """What this grammar works out once per text (and per sentence) for its questions."""
        key = (id(self), "scope")
        scope = facts.cache.get(key)
        if scope is None:
            scope = facts.cache[key] = _Scope(self, facts)
        return scope  # type: ignore[return-value]

    def in_term(self, facts: TextFacts, start: int, end: int) -> bool:
        """Inside a term of art ("guaranteed renewable") that promises nothing."""
        if self.terms is None:
            return False
        return self.scope(facts).in_term(start, end)

    def term_spans(self, facts: TextFacts) -> list[tuple[int, int]]:
        """Where the terms of art stand in the text, in order (the readers skip them)."""
        if self.terms is None:
            return []
        scope = self.scope(facts)
        return list(zip(scope.term_starts, scope.term_ends, strict=True))

    def touches_term(self, facts: TextFacts, start: int, end: int) -> bool:
        """A finding that runs into a term of art ("30-day free look period") is about it."""
        if self.terms is None:
            return False
        return self.scope(facts).touches_term(start, end)

    def negated(self, facts: TextFacts, start: int) -> bool:
        """A negator among the few words before `start`, within its clause."""
        return self.scope(facts).negated_at(facts, start)

    def suppressed(self, facts: TextFacts, category: str, start: int, end: int) -> bool:
        """Whether a hit in `category` is a warning, a myth being busted or a quoted claim."""
        if category not in self.categories:
            return False
        scope = self.scope(facts)  # fetched once: every question below reads it
        if scope.scam:
            return True
        if scope.debunk is not None:
            # Some post-wide cue lies outside the flagged words unless all of them lie
            # inside: from the first cue's start to the last one's end, each shorter.
            first, last, longest = scope.debunk
            if not (start <= first and last <= end and end - start > longest):
                return True
        if self.terms is not None and scope.touches_term(start, end):
            return True
        if scope.plain(facts):  # no sentence of the text can excuse it: no need to find its
            return self._quoted_in_a_correcting_post(scope, category, start, end)

        # A cue lying inside longer flagged words is part of the claim ("walk away with
        # $500"), not a warning about it; flagged words inside a cue ("it's a scam") are.
        def outside(h: PhraseHit) -> bool:
            return not (start <= h.start and h.end <= end and end - start > h.end - h.start)

        lo, hi = facts.sentence_at(start)
        sentence = scope.sentence(facts, lo, hi)
        if sentence.debunk and any(map(outside, sentence.debunk)):
            return True
        if sentence.answered_no or sentence.asks_about:
            return True
        if sentence.assurances and self._assurance_denied(facts, start, sentence.assurances):
            return True
        if self._quoted_in_a_correcting_post(scope, category, start, end):
            return True
        return self._quoted_and_corrected(facts, start, end, sentence)

    def doubts_sentence(self, facts: TextFacts, category: str, start: int, end: int) -> bool:
        """Whether a whole sentence read as `category` (by the learned reader, which names
        no words) is said in doubt: a scam warning or a myth busted anywhere in the post, or
        a correcting cue, a denied assurance or a "no" answer in the sentence itself."""
        if category not in self.categories:
            return False
        scope = self.scope(facts)
        if scope.scam or scope.debunk is not None:
            return True
        sentence = scope.sentence(facts, *facts.sentence_at(start))
        return bool(sentence.debunk or sentence.assurances) or sentence.answered_no

    def _quoted_in_a_correcting_post(
        self, scope: _Scope, category: str, start: int, end: int
    ) -> bool:
        """Words inside double quotes in a post that questions them ("Heard 'you don't need
        flood insurance'? 🤔 ... but") are reported, not said. A client's quoted praise
        stays a testimonial (`quote_keeps`)."""
        if self.quote_corrected is None or category in self.quote_keeps:
            return False
        marks = scope.quote_marks
        if not marks:
            return False  # nothing quoted anywhere in the text

        def quoted(offset: int) -> bool:  # inside an opened and closed quotation
            before = bisect.bisect_left(marks, offset)
            return before % 2 == 1 and before < len(marks)

        # Flagged words may begin before the quotation they end in ("upside 'without the
        # downside'"): either end inside is enough.
        if not (quoted(start) or quoted(end - 1)):
            return False
        cues = scope.corrections
        inside = bisect.bisect_right(cues, end - 1) - bisect.bisect_left(cues, start)
        return len(cues) > inside

    def _assurance_denied(
        self, facts: TextFacts, start: int, assurances: Sequence[PhraseHit]
    ) -> bool:
        """ "We never promise / nobody can guarantee" just before the hit, in its clause."""
        reach = facts.word_index(start) - NEGATION_REACH
        for hit in assurances:
            if hit.start <= start < hit.end or (
                hit.end <= start
                and facts.word_index(hit.end) >= reach
                and not _CLAUSE_BREAK.search(facts.text, hit.end, start)
            ):
                return True
        return False

    def _quoted_and_corrected(
        self, facts: TextFacts, start: int, end: int, sentence: _Sentence
    ) -> bool:
        quotes = sentence.quotes(facts.text)  # each quote mark's position in the sentence
        if not quotes:
            return False
        text = facts.text
        # Quote marks before the hit, as counted in the text up to it: the one just before
        # it is judged with the hit's start as the end of the text.
        before = bisect.bisect_left(quotes, start - 1)
        if start - 1 >= sentence.lo and _QUOTES.match(text, start - 1, start) is not None:
            before += 1
        if before % 2 == 0 or bisect.bisect_left(quotes, end) == len(quotes):
            return False
        return any(not start <= s < end for s in sentence.negators(facts, self.negators))


class _Sentence:
    """The grammar's per-sentence answers, shared by every finding in the sentence.

    It keeps no reference to the text's facts (they are passed in): kept in the facts'
    cache, that would make a cycle, and the whole of a check's facts would wait for the
    collector instead of being freed as the check ends (a tenth of a dense text's time)."""

    __slots__ = (
        "_negators",
        "_quotes",
        "answered_no",
        "asks_about",
        "assurances",
        "debunk",
        "hi",
        "lo",
    )

    def __init__(self, grammar: Grammar, facts: TextFacts, lo: int, hi: int) -> None:
        text = facts.text
        self.lo, self.hi = lo, hi
        span = (lo, hi)
        self.debunk: list[PhraseHit] = (
            grammar.debunk_sentence.within(facts, span) if grammar.debunk_sentence else []
        )
        # "Does a 0% floor make it risk-free? No." asks in order to deny; so does a
        # question whose answer opens by denying it.
        asked = text[lo:hi].rstrip().rstrip("\"”’'").endswith("?")
        self.answered_no = asked and (
            _ANSWER_NO.match(text, hi) is not None or _ANSWER_DENIES.match(text, hi) is not None
        )
        # An FAQ's question names what its answer explains: the rules' words in it are
        # asked, not said (the reader, which weighs the whole post, still reads it).
        self.asks_about = (
            asked
            and _ASKS_ABOUT.match(text, lo, hi) is not None
            and _TO_THE_READER.search(text, lo, hi) is None
            and _ANSWER_YES.match(text, hi) is None
        )
        self.assurances: list[PhraseHit] = (
            grammar.negated_assurance.within(facts, span) if grammar.negated_assurance else []
        )
        self._quotes: list[int] | None = None
        self._negators: list[int] | None = None

    def quotes(self, text: str) -> list[int]:
        """Positions of the sentence's quote marks (as `_QUOTES` finds them in it)."""
        if self._quotes is None:
            hi = self.hi
            self._quotes = [
                m.start()
                for m in _QUOTE_CHARS.finditer(text, self.lo, hi)
                if _QUOTES.match(text, m.start(), hi) is not None
            ]
        return self._quotes

    def negators(self, facts: TextFacts, negators: frozenset[str]) -> list[int]:
        """Starts of the sentence's negator words."""
        if self._negators is None:
            first, last = facts.word_index(self.lo), facts.word_index(self.hi)
            self._negators = [
                s
                for (s, _e), word in zip(
                    facts.words[first:last], facts.lower_words[first:last], strict=True
                )
                if word.replace("’", "'") in negators
            ]
        return self._negators


class _Scope:
    """A grammar's answers for one text: terms, post-wide cues, negation, sentences.

    Kept in the text's facts, so it keeps no reference to them (see `_Sentence`)."""

    __slots__ = (
        "_grammar",
        "_negators",
        "_plain",
        "_sentences",
        "corrections",
        "debunk",
        "negated",
        "quote_marks",
        "scam",
        "term_ends",
        "term_starts",
    )

    def __init__(self, grammar: Grammar, facts: TextFacts) -> None:
        self._grammar = grammar
        terms = grammar.terms.hits(facts) if grammar.terms is not None else []
        self.term_starts = [t.start for t in terms]
        self.term_ends = [t.end for t in terms]
        cues = grammar.debunk_post.hits(facts) if grammar.debunk_post is not None else []
        self.debunk: tuple[int, int, int] | None = None
        if cues:
            longest = max(h.end - h.start for h in cues)
            self.debunk = (cues[0].start, cues[-1].end, longest)
        # A scam named as such ("gift card scam", "scammers") makes the post a warning
        # even when the name lies inside the flagged words: nobody sells with that word.
        self.scam = grammar.scam_post is not None and grammar.scam_post.present(facts)
        self.negated: dict[int, bool] = {}
        self._negators: bool | None = None  # see `has_negators`
        self._plain: bool | None = None  # see `plain`
        self._sentences: dict[Span, _Sentence] = {}
        # Quote marks (double, or single ones in pairs) and the post's correcting cues.
        marks = [m.start() for m in _DOUBLE_QUOTES.finditer(facts.text)]
        for quoted in _SINGLE_QUOTED.finditer(facts.text):
            marks += [quoted.start(), quoted.end() - 1]
        self.quote_marks = sorted(marks)
        corrected = grammar.quote_corrected
        self.corrections = [h.start for h in corrected.hits(facts)] if corrected else []

    def in_term(self, start: int, end: int) -> bool:
        """Inside a term of art (see `Grammar.in_term`)."""
        index = bisect.bisect_right(self.term_starts, start) - 1
        return index >= 0 and end <= self.term_ends[index]

    def touches_term(self, start: int, end: int) -> bool:
        """Runs into a term of art (see `Grammar.touches_term`)."""
        # Terms never overlap, so their ends rise with their starts: the first term ending
        # after `start` is the only one that can touch the finding.
        index = bisect.bisect_right(self.term_ends, start)
        return index < len(self.term_starts) and self.term_starts[index] < end

    def has_negators(self, facts: TextFacts) -> bool:
        """Whether any word of the text is a negator, asked once per text: a dense text of
        claims often has none, and then no hit in it is negated (nor a quote corrected)."""
        found = self._negators
        if found is None:
            words: list[str] | set[str] = facts.lower_words
            if "’" in facts.text:  # the words are read with straight apostrophes
                words = {w.replace("’", "'") for w in set(words)}
            found = self._negators = not self._grammar.negators.isdisjoint(words)
        return found

    def plain(self, facts: TextFacts) -> bool:
        """Whether no sentence of the text can excuse a hit (`Grammar.suppressed`): no
        correcting cue, no denied assurance, no question, no negator (a corrected quote
        needs one). Worked out once per text, so a finding need not find its sentence."""
        found = self._plain
        if found is None:
            grammar = self._grammar
            found = self._plain = not (
                "?" in facts.text
                or (grammar.debunk_sentence is not None and grammar.debunk_sentence.hits(facts))
                or (grammar.negated_assurance is not None and grammar.negated_assurance.hits(facts))
                or self.has_negators(facts)
            )
        return found

    def negated_at(self, facts: TextFacts, start: int) -> bool:
        """A negator among the few words before `start` (see `Grammar.negated`), worked out
        once per offset: every rule anchored there asks."""
        if not self.has_negators(facts):
            return False
        found = self.negated.get(start)
        if found is None:
            found = self.negated[start] = self._negated(facts, start)
        return found

    def _negated(self, facts: TextFacts, start: int) -> bool:
        lo, _ = facts.sentence_at(start)
        before = facts.word_index(start)
        first = max(facts.word_index(lo), before - NEGATION_REACH)
        # The words lowered once per text (`lower_words`), not cut out and lowered per hit.
        lowered = [w.replace("’", "'") for w in facts.lower_words[first:before]]
        negators = self._grammar.negators
        if negators.isdisjoint(lowered):
            return False  # no negator to find, whatever the clauses
        text = facts.text
        for (_word_start, word_end), word in zip(
            reversed(facts.words[first:before]), reversed(lowered), strict=True
        ):
            if _CLAUSE_BREAK.search(text, word_end, start):
                return False
            if word in negators:
                return True
        return False

    def sentence(self, facts: TextFacts, lo: int, hi: int) -> _Sentence:
        found = self._sentences.get((lo, hi))
        if found is None:
            found = self._sentences[(lo, hi)] = _Sentence(self._grammar, facts, lo, hi)
        return found
