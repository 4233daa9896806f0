"""A phrase's regex, compiled the first time a text could match it (see `wordindex`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from composer.guidelines import phrases
from composer.guidelines.regex_cache import compile_cached


class LazyPattern:
    """A phrase's regex, compiled the first time a text could match it.

    An engine holds over a thousand phrases and a post tries only a few of them, so
    compiling on demand keeps start-up (and `composer check`) quick. Cached packs keep each
    phrase as its pattern's text: reading that back is quicker than its parsed form.
    """

    __slots__ = ("_source", "compiled", "phrase")

    def __init__(self, phrase: phrases.Phrase) -> None:
        self.phrase: phrases.Phrase | None = phrase  # written out as a pattern on first use
        self._source: str | None = None
        self.compiled: re.Pattern[str] | None = None

    @property
    def source(self) -> str:
        if self._source is None:
            assert self.phrase is not None  # one of the two is always set
            self._source = self.phrase.source()
        return self._source

    def get(self) -> re.Pattern[str]:
        if self.compiled is None:
            self.compiled = compile_cached(self.source, re.IGNORECASE)
        return self.compiled

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        return self.get().match(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.get().finditer(text)

    def __getstate__(self) -> str:
        return self.source

    def __setstate__(self, source: str) -> None:
        self._source = source
        self.phrase = None
        self.compiled = None
