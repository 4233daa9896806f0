"""A phrase list's matches in a sentence, kept for the check by the sentence's wording.

On a dense text many findings share a sentence, and many sentences are worded alike (a
long document repeats its lines; a spammy post its slogan). A filter's exceptions or a
concept's words searched in each of them cost tens of microseconds a sentence for a long
list; the matches are the same wherever the same words stand, so they are searched once
per check and kept relative to the sentence's start. The key holds the few characters
before the sentence too: the phrases' patterns look one character back (`(?<![\\w$])`),
never further, and the search stops at the sentence's end (nothing after it is read).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol, cast

from composer.guidelines.facts import TextFacts
from composer.guidelines.tokens import Span

LOOK_BEHIND = 8  # characters before a sentence kept in its key: more than any phrase reads


class Searched(Protocol):
    """A phrase list's pattern (a compiled alternation, or `checks.Alternation`)."""

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None: ...

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]: ...


def _key(kind: str, pattern: object, facts: TextFacts, span: Span) -> tuple[object, ...]:
    lo, hi = span
    before = min(lo, LOOK_BEHIND)
    return (kind, id(pattern), before, facts.text[lo - before : hi])


def overlapping(pattern: Searched, facts: TextFacts, span: Span) -> list[Span]:
    """Every match of `pattern` in `span`, relative to its start, in order of start. Each
    search resumes just after the last match's start, not its end: two exceptions can
    overlap ("best ~ isn't just" and "isn't just the one with the best"), and the one that
    reaches a finding must not be hidden inside the one found first."""
    key = _key("overlapping", pattern, facts, span)
    found = facts.cache.get(key)
    if found is None:
        lo, hi = span
        text = facts.text
        spans: list[Span] = []
        at = lo
        while at < hi:
            match = pattern.search(text, at, hi)
            if match is None:
                break
            spans.append((match.start() - lo, match.end() - lo))
            at = match.start() + 1
        found = facts.cache[key] = spans
    return cast("list[Span]", found)


def found(pattern: Searched, facts: TextFacts, span: Span) -> list[Span]:
    """`pattern.finditer`'s matches in `span` (non-overlapping), relative to its start."""
    key = _key("found", pattern, facts, span)
    known = facts.cache.get(key)
    if known is None:
        lo, hi = span
        known = facts.cache[key] = [
            (m.start() - lo, m.end() - lo) for m in pattern.finditer(facts.text, lo, hi)
        ]
    return cast("list[Span]", known)


def present(pattern: Searched, facts: TextFacts, span: Span) -> bool:
    """Whether `pattern` matches anywhere in `span` (a filter's context words, asked by
    every finding in the sentence and by every sentence worded alike)."""
    key = _key("present", pattern, facts, span)
    known = facts.cache.get(key)
    if known is None:
        known = facts.cache[key] = pattern.search(facts.text, *span) is not None
    return cast("bool", known)
