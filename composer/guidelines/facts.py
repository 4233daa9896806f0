"""Facts about a text computed at most once per check and shared by every rule.

Spans are (start, end) code-point offsets into the text exactly as given.
"""

from __future__ import annotations

from functools import cached_property

from composer.guidelines import entities, tokens

Span = tuple[int, int]


class TextFacts:
    def __init__(self, text: str) -> None:
        self.text = text
        # Per-text results of shared matchers (the word index), keyed by matcher id.
        self.cache: dict[int, object] = {}

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
        return self._words_and_heads[0]

    @cached_property
    def heads(self) -> list[str]:
        """Each word's leading letters in lower case, parallel to `words`."""
        return self._words_and_heads[1]

    @cached_property
    def _words_and_heads(self) -> tuple[list[Span], list[str]]:
        return tokens.find_words_and_heads(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        return tokens.find_sentences(self.text)

    def in_entity(self, start: int, end: int) -> bool:
        """True when a span lies inside a URL, hashtag or mention (not prose to lint)."""
        for spans in (self.urls, self.hashtags, self.mentions):
            for s, e in spans:
                if s <= start and end <= e:
                    return True
        return False
