"""Facts about a text computed at most once per check and shared by every rule.

Spans are (start, end) code-point offsets into the text exactly as given.
"""

from __future__ import annotations

import bisect
import operator
from functools import cached_property

from composer.guidelines import entities, tokens
from composer.guidelines.tokens import Span


class TextFacts:
    def __init__(self, text: str) -> None:
        self.text = text
        # Per-text results of shared matchers (the word index), keyed by matcher id.
        self.cache: dict[object, object] = {}
        # Offsets already placed in their sentence: every finding asks for its own several
        # times (its rule, the grammar, the filters), and a dense text has tens of thousands.
        self._sentence_of: dict[int, Span] = {}

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def urls(self) -> list[Span]:
        return entities.find_urls(self.text)

    @cached_property
    def hashtags(self) -> list[Span]:
        return entities.find_hashtags(self.text, self.urls)

    @cached_property
    def mentions(self) -> list[Span]:
        return entities.find_mentions(self.text, self.urls)

    @cached_property
    def emoji(self) -> list[Span]:
        return entities.find_emoji(self.text)

    @cached_property
    def words(self) -> list[Span]:
        return self._word_parts[0]

    @cached_property
    def heads(self) -> list[str]:
        """Each word's leading letters in lower case, parallel to `words`."""
        return self._word_parts[1]

    @cached_property
    def lower_words(self) -> list[str]:
        """Each word in lower case (`text[start:end].lower()`), parallel to `words`: its
        head and rest from the split when it gave them, else cut out and lowered."""
        _spans, heads, rests = self._word_parts
        if rests is not None:
            return list(map(operator.add, heads, rests))  # mostly no rest: the head itself
        text = self.text
        return [text[start:end].lower() for start, end in self.words]

    @cached_property
    def _word_parts(self) -> tuple[list[Span], list[str], list[str] | None]:
        return tokens.find_word_parts(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return tokens.find_sentences(self.text)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def word_starts(self) -> list[int]:
        return [start for start, _ in self.words]

    def sentence_at(self, offset: int) -> Span:
        """The sentence holding `offset` (the whole text when it lies between sentences).

        A binary search over starts computed once, so rules that ask for every hit stay
        linear in the length of the text.
        """
        found = self._sentence_of.get(offset)
        if found is None:
            found = self._sentence_of[offset] = self._find_sentence(offset)
        return found

    def _find_sentence(self, offset: int) -> Span:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        if index >= 0:
            start, end = self.sentences[index]
            if start <= offset < end:
                return start, end
        return 0, len(self.text)

    def word_index(self, offset: int) -> int:
        """How many words start before `offset` (word distance = difference of two)."""
        return bisect.bisect_left(self.word_starts, offset)

    @cached_property
    def _entities(self) -> tuple[list[int], list[int]]:
        spans = sorted([*self.urls, *self.hashtags, *self.mentions])
        return [s for s, _ in spans], [e for _, e in spans]

    @property
    def has_entities(self) -> bool:
        return bool(self._entities[0])

    def words_in_entities(self) -> set[int]:
        """The indexes (into `words`) of the words that lie inside a URL, hashtag or mention:
        found per entity by binary search, not per word."""
        starts = self.word_starts
        inside: set[int] = set()
        for start, end in zip(*self._entities, strict=True):
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_left(starts, end)
            inside.update(i for i in range(first, last) if self.words[i][1] <= end)
        return inside

    def in_entity(self, start: int, end: int) -> bool:
        """True when a span lies inside a URL, hashtag or mention (not prose to lint)."""
        starts, ends = self._entities
        index = bisect.bisect_right(starts, start) - 1
        # Entities never overlap, so only the last one starting at or before `start` counts.
        return index >= 0 and end <= ends[index]
