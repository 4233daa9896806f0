"""Search for a pattern only where one of its matches can begin.

Python's pattern engine skips ahead quickly only when a pattern begins with plain text or a
plain character class. A rule's prefilter such as `\\d{4}|\\d[/.-]\\d` or `[A-Z]{2,}...`
begins with a repeat or an alternation instead, so a search tries it at every position:
about 100 microseconds on a 3,000-character post that has no match. Read once with the
standard library's parser, such a pattern yields the class its first character always
belongs to; the class alone is found quickly, and the pattern is tried only there. The
answer is the pattern's own (a match starts at one of those places or nowhere).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

# How to find where a pattern can begin: its first class's places to try it at, or a
# run of its first class one of its matches always begins with (search from the first).
_Start = tuple[str, re.Pattern[str]] | None
# id of a pattern -> the pattern (kept, so its id stays its own) and how it starts
_starts: dict[int, tuple[re.Pattern[str], _Start]] = {}


def found_in(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern.search(text) is not None`, trying the pattern only where it can begin."""
    start = _known(pattern)
    if start is None:
        return pattern.search(text) is not None
    how, first = start
    if how == "run":  # "[A-Z]{2,}...": no match before the first two capitals in a row
        found = first.search(text)
        return found is not None and pattern.search(text, found.start()) is not None
    match = pattern.match
    return any(match(text, place.start()) is not None for place in first.finditer(text))


def matches_in(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The non-empty matches of `pattern.finditer(text, lo, hi)`, the pattern tried only at
    the places of its first class when that class is rare ("[&%$#@*!]" before a grawlix):
    a match begins at one of them, and the search goes on from where each match ends, as
    `finditer` does (none can be empty: each begins with a character)."""
    start = _known(pattern)
    if start is None or start[0] != "places":
        yield from (m for m in pattern.finditer(text, lo, hi) if m.end() > m.start())
        return
    match = pattern.match
    done = lo
    for place in start[1].finditer(text, lo, hi):
        at = place.start()
        if at >= done and (found := match(text, at, hi)) is not None:
            done = found.end()
            yield found


def _known(pattern: re.Pattern[str]) -> _Start:
    """How to look for where `pattern` begins, worked out once per pattern."""
    known = _starts.get(id(pattern))  # by id: hashing a pattern reads all of its program
    if known is None or known[0] is not pattern:
        known = _starts[id(pattern)] = (pattern, _start(pattern))
    return known[1]


def _start(pattern: re.Pattern[str]) -> _Start:
    """How to look for where the pattern begins, when that is quicker than searching for
    it: the places of its first class when that class is rare in prose (digits and
    marks), or a run of two of its first class when it begins with one ("[A-Z]{2,}");
    never for a pattern that begins with a plain character or class (the pattern engine
    skips ahead to those itself). None otherwise, or when it cannot be said. A case-blind
    pattern only by places of characters that have no case (marks, digits)."""
    blind = bool(pattern.flags & re.IGNORECASE)
    try:
        parser = importlib.import_module("re._parser")
        constants = importlib.import_module("re._constants")
        parsed = list(parser.parse(pattern.pattern, pattern.flags))
        if parsed and parsed[0][0] in (constants.LITERAL, constants.IN):
            return None
        reader = _Reader(constants)
        flags = pattern.flags & ~re.VERBOSE
        members = reader.sequence(parsed)
        if members and all(_rare(m) and not (blind and _cased(m)) for m in members):
            return "places", re.compile("[" + "".join(sorted(members)) + "]", flags)
        if blind:
            return None
        run = reader.run(parsed)
        if run:
            return "run", re.compile(("[" + "".join(sorted(run)) + "]") * 2, flags)
    except (ImportError, AttributeError, re.error, ValueError, TypeError, RecursionError):
        pass
    return None


def _cased(member: str) -> bool:
    """Whether a class member may stand for a character that has a case (a range, or a
    character with another case): a case-blind pattern reads those more widely."""
    if member == r"\d":
        return False
    char = member.removeprefix("\\")
    return len(char) != 1 or char.lower() != char or char.upper() != char


def _rare(member: str) -> bool:
    """A digit, a mark or `\\d`: not a letter, a space or a broad category."""
    return member == r"\d" or not any(ch.isalpha() or ch.isspace() for ch in member.strip("\\"))


class _Reader:
    """The first character's class of a parsed pattern, as members of a [class]."""

    def __init__(self, constants: Any) -> None:
        self.c = constants
        self.categories = {
            constants.CATEGORY_DIGIT: r"\d",
            constants.CATEGORY_NOT_DIGIT: r"\D",
            constants.CATEGORY_SPACE: r"\s",
            constants.CATEGORY_NOT_SPACE: r"\S",
            constants.CATEGORY_WORD: r"\w",
            constants.CATEGORY_NOT_WORD: r"\W",
        }

    def sequence(self, items: list[Any]) -> set[str] | None:
        """Zero-width tests (\\b, ^, a look-ahead or look-behind) consume nothing: the first
        other item decides."""
        zero_width = (self.c.AT, self.c.ASSERT, self.c.ASSERT_NOT)
        for op, arg in items:
            if op not in zero_width:
                return self.item(op, arg)
        return None

    def run(self, items: list[Any]) -> set[str] | None:
        """The class of a pattern that begins with two or more of one class ("[A-Z]{2,}")."""
        c = self.c
        for op, arg in items:
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op not in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                return None
            low, _high, inner = arg
            inner = list(inner)
            if low < 2 or len(inner) != 1:
                return None
            return self.item(*inner[0])
        return None

    def item(self, op: Any, arg: Any) -> set[str] | None:
        c = self.c
        if op is c.LITERAL:
            return {re.escape(chr(arg))}
        if op is c.IN:
            return self._class(arg)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, inner = arg
            return self.sequence(list(inner)) if low >= 1 else None
        if op is c.SUBPATTERN:
            _group, add, remove, inner = arg
            return None if add or remove else self.sequence(list(inner))
        if op is c.ATOMIC_GROUP:
            return self.sequence(list(arg))
        if op is c.BRANCH:
            union: set[str] = set()
            for branch in arg[1]:
                found = self.sequence(list(branch))
                if found is None:
                    return None
                union |= found
            return union
        return None  # any character, a negated one, a look-around, a back-reference

    def _class(self, items: list[Any]) -> set[str] | None:
        c = self.c
        members: set[str] = set()
        for op, arg in items:
            if op is c.LITERAL:
                members.add(re.escape(chr(arg)))
            elif op is c.RANGE:
                members.add(re.escape(chr(arg[0])) + "-" + re.escape(chr(arg[1])))
            elif op is c.CATEGORY and arg in self.categories:
                members.add(self.categories[arg])
            else:
                return None  # a negated class, or something rarer
        return members or None
