"""What a hand-written pattern needs to find in a text before it is worth running.

Running a pattern over a 3,000-character post costs 50-500 microseconds even when it finds
nothing, and most posts have no "%", no "Insurance" and no "*". Read once with the standard
library's own pattern parser, each pattern yields the plain text any match must contain:
a list of needs, each met when one of its strings is in the text ("%"; one of "earn",
"earns", "make"...). A text that misses a need cannot match, so the pattern is skipped; a
text that meets them all is searched as before, so findings never change.

Letters of a case-blind part are compared with the text folded the way the pattern engine
folds case (`fold`); the rest with the text as given. What the parser cannot read, or a
change in it, only costs the shortcut: the pattern then has no needs and always runs.
"""

from __future__ import annotations

import importlib
import re
from itertools import pairwise
from typing import Any

from composer.guidelines.facts import TextFacts
from composer.guidelines.regex_cache import compile_cached

# A need: alternatives (text, case-blind), one of which a matching text contains.
Need = frozenset[tuple[str, bool]]
_MOST = 64  # alternatives in one need; beyond that testing them costs more than it saves
_CLASS_MOST = 8  # characters of a [class] worth a need

# Characters that a case-blind pattern matches to an ASCII letter but that `str.lower`
# leaves alone or writes as two characters (re's own case table; see `test_prefilter`).
_FOLD = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def fold(text: str) -> str:
    """The text as a case-blind pattern sees it, for ASCII letters."""
    if not text.isascii():
        for char, letter in _FOLD:  # rare: replacing beats translating every character
            if char in text:
                text = text.replace(char, letter)
    return text.lower()


def needs_of(pattern: Any) -> tuple[Need, ...]:
    """What any match of a compiled `re` pattern must contain; () when nothing is known."""
    if not isinstance(pattern, re.Pattern) or not isinstance(pattern.pattern, str):
        return ()
    try:
        parser = importlib.import_module("re._parser")
        constants = importlib.import_module("re._constants")
        parsed = parser.parse(pattern.pattern, pattern.flags)
        found = _Reader(constants).sequence(list(parsed), bool(pattern.flags & re.IGNORECASE))
    except (ImportError, AttributeError, re.error, ValueError, TypeError, RecursionError):
        return ()
    # The cheapest asked first: a text that misses any need is done with at the first one
    # it misses (a need's order changes nothing else; equal costs keep the pattern's order).
    return tuple(sorted((n for n in found if 0 < len(n) <= _MOST), key=_cost))


def _cost(need: Need) -> int:
    """About what asking for a need costs (see `_may_match`): a character is found by a
    quick scan, a longer string by a slower one; many strings by one search."""
    return min(sum(1 if len(value) == 1 else 4 for value, _blind in need), 12)


# What `regex` reads otherwise than `re` where both accept a pattern: POSIX classes and
# nested sets ("[[:alpha:]]"), fuzzy matching ("(?:claim){e<=1}", which `re` reads as plain
# text). A pattern with any of these (or any brace but a plain count) has no needs.
_REGEX_ONLY = re.compile(r"\[[\[:]|\{(?!\d*,?\d*\})")


def regex_needs(source: str, flags: int) -> tuple[Need, ...]:
    """`needs_of` for a pattern written for the `regex` module (a rule's own pattern),
    read by `re`'s parser where the two read it alike; () when they may not, or when
    `re` cannot read it at all (`\\p{...}`)."""
    if _REGEX_ONLY.search(source):
        return ()
    try:
        return needs_of(re.compile(source, flags))
    except (re.error, ValueError, TypeError, OverflowError, RecursionError):
        return ()


def may_match(needs: tuple[Need, ...], facts: TextFacts) -> bool:
    """False only when the text misses a need (so the pattern cannot match it). Worked out
    once per text: a concept is asked sentence by sentence, and a need none of whose strings
    is there costs a read of the whole text each time it is asked."""
    if not needs:
        return True
    key = ("needs", needs)
    known = facts.cache.get(key)
    if known is None:
        known = facts.cache[key] = _may_match(needs, facts)
    return known is True


def _may_match(needs: tuple[Need, ...], facts: TextFacts) -> bool:
    text = facts.text
    blind_text: str | None = None
    for need in needs:
        if len(need) >= _SEARCHED:
            if blind_text is None:
                blind_text = folded(facts)
            if not _met(need, text, blind_text):
                return False
            continue
        for value, blind in need:
            if blind:
                if blind_text is None:
                    blind_text = folded(facts)
                if value in blind_text:
                    break
            elif value in text:
                break
        else:
            return False
    return True


def _met(need: Need, text: str, folded: str) -> bool:
    """Whether one of a need's many strings is in the text, each side (as given, folded)
    asked the way `_finder` chose for its strings: most are never there."""
    finders = _finders.get(need)
    if finders is None:
        finders = _finders[need] = (_finder(need, False), _finder(need, True))
    plain, blind = finders
    return _found(plain, text) or _found(blind, folded)


# How to look for a need's strings on one side: none to look for, each string asked in
# turn (`str.__contains__`, a fast scan in C), or one search for them all.
_Finder = tuple[str, ...] | re.Pattern[str] | None


def _found(finder: _Finder, text: str) -> bool:
    if finder is None:
        return False
    if isinstance(finder, tuple):
        return any(map(text.__contains__, finder))
    return finder.search(text) is not None


def _finder(need: Need, blind: bool) -> _Finder:
    """A few strings are asked in turn: each `in` is a fast scan in C, while a search for
    an alternation stops at every character one of them begins with ("gain|return|yield"
    at every "r"). Many, or pairs of characters, are found by one search. A string that
    holds another of the same side is left out: wherever it is, so is the other."""
    values = sorted(v for v, b in need if b == blind)
    values = [v for v in values if not any(o != v and o in v for o in values)]
    if not values:
        return None
    if len(values) > 1 and all(len(v) == 2 for v in values):
        # Pairs of characters ("s#", "t*"): stop only at a second character, then look
        # back for a pair; an alternation of them would stop at every common letter.
        seconds = "".join(re.escape(c) for c in sorted({v[1] for v in values}))
        return compile_cached(f"[{seconds}](?<={'|'.join(map(re.escape, values))})")
    if len(values) <= _ASKED_MOST:
        return tuple(values)
    return compile_cached("|".join(map(re.escape, values)))


_ASKED_MOST = 6  # strings of a need asked in turn; more are found by one search
_SEARCHED = 4  # strings in a need from which `_met` chooses how to look for them
_finders: dict[Need, tuple[_Finder, _Finder]] = {}


def folded(facts: TextFacts) -> str:
    """The text as `fold` gives it, worked out once per text."""
    found = facts.cache.get("folded")
    if found is None:
        found = facts.cache["folded"] = fold(facts.text)
    return found  # type: ignore[return-value]


class _Reader:
    """Reads a parsed pattern into needs (the parser's tree: lists of (op, argument))."""

    def __init__(self, constants: Any) -> None:
        self.c = constants

    def sequence(self, items: list[Any], blind: bool) -> list[Need]:
        """Needs of items matched one after another: each literal run and each item's own."""
        c = self.c
        needs: list[Need] = []
        run: list[str] = []
        run_blind = blind

        def close() -> None:
            if run:
                needs.append(frozenset({("".join(run), run_blind)}))
                run.clear()

        for op, arg in items:
            char = self._char(op, arg, blind)
            if char is not None:
                if run and run_blind != (char[1]):
                    close()
                run_blind = char[1]
                run.append(char[0])
                continue
            if op is c.AT:  # \b, ^, $: zero width, and nothing between its neighbours
                continue
            close()
            needs.extend(self.item(op, arg, blind))
        close()
        # Last, so they are read only when every other need is met.
        return needs + self._adjacent(items, blind)

    def _adjacent(self, items: list[Any], blind: bool) -> list[Need]:
        """Items matched back to back, one of them more than a plain character
        ("(?:b|sh)[*#@$]{1,4}"): a last character of the first and a first character of the
        second side by side, one pair of them in the text (if the pairs are few); or the
        second's first two characters where they are known ("f" then "u[*#@$!]" or a mark:
        "fu*", not "fu", which "fun" has), a longer string each."""
        c = self.c
        solid = [(op, arg) for op, arg in items if op is not c.AT]
        needs: list[Need] = []
        for (op1, arg1), (op2, arg2) in pairwise(solid):
            if op1 is c.LITERAL and op2 is c.LITERAL:
                continue  # a run of plain text: a need of its own already
            first, second = self._edges(op1, arg1, blind), self._edges(op2, arg2, blind)
            if first is None or second is None or len(first[1]) * len(second[0]) > _MOST:
                continue
            pairs = {_string((a, b)) for a in first[1] for b in second[0]}
            if None not in pairs:
                longer = _strings(first[1], self._prefixes(op2, arg2, blind))
                needs.append(longer or frozenset(p for p in pairs if p is not None))
        return needs

    def _prefixes(self, op: Any, arg: Any, blind: bool) -> set[tuple[_Char, ...]] | None:
        """What a match of one item can begin with, up to two characters: a plain
        character's with the next item's first (when that always has one), else its first
        character alone; None when not known (see `_edges`)."""
        c = self.c
        if op is c.SUBPATTERN:
            _group, add, remove, inner = arg
            return None if add or remove else self._sequence_prefixes(list(inner), blind)
        if op is c.BRANCH:
            found: set[tuple[_Char, ...]] = set()
            for branch in arg[1]:
                each = self._sequence_prefixes(list(branch), blind)
                if each is None:
                    return None
                found |= each
            return found
        edges = self._edges(op, arg, blind)
        return None if edges is None else {(char,) for char in edges[0]}

    def _sequence_prefixes(self, items: list[Any], blind: bool) -> set[tuple[_Char, ...]] | None:
        solid = [(op, arg) for op, arg in items if op is not self.c.AT]
        if not solid:
            return None
        if len(solid) > 1 and (char := self._char(*solid[0], blind)) is not None:
            following = self._edges(*solid[1], blind)
            if following is not None:
                return {(char, after) for after in following[0]}
        return self._prefixes(*solid[0], blind)

    def _edges(self, op: Any, arg: Any, blind: bool) -> tuple[set[_Char], set[_Char]] | None:
        """The characters a match of one item can begin and end with, when it always has at
        least one and they are plain (few and known); None otherwise."""
        c = self.c
        if op is c.LITERAL:
            char = self._char(op, arg, blind)
            return None if char is None else ({char}, {char})
        if op is c.IN:
            found = self._class(arg, blind)
            return (set(found[0]), set(found[0])) if found else None
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, inner = arg
            return self._sequence_edges(list(inner), blind) if low >= 1 else None
        if op is c.SUBPATTERN:
            _group, add, remove, inner = arg
            return None if add or remove else self._sequence_edges(list(inner), blind)
        if op is c.ATOMIC_GROUP:
            return self._sequence_edges(list(arg), blind)
        if op is c.BRANCH:
            firsts: set[_Char] = set()
            lasts: set[_Char] = set()
            for branch in arg[1]:
                edges = self._sequence_edges(list(branch), blind)
                if edges is None:
                    return None
                firsts |= edges[0]
                lasts |= edges[1]
            return firsts, lasts
        return None

    def _sequence_edges(
        self, items: list[Any], blind: bool
    ) -> tuple[set[_Char], set[_Char]] | None:
        solid = [(op, arg) for op, arg in items if op is not self.c.AT]
        if not solid:
            return None
        first, last = self._edges(*solid[0], blind), self._edges(*solid[-1], blind)
        if first is None or last is None:
            return None
        return first[0], last[1]

    def _char(self, op: Any, arg: Any, blind: bool) -> tuple[str, bool] | None:
        """A plain character as (text, case-blind), or None."""
        if op is not self.c.LITERAL:
            return None
        char = chr(arg)
        if not blind:
            return char, False
        if char.isascii():  # in the folded text, as a letter of either case or as itself
            return char.lower(), True
        return None

    def item(self, op: Any, arg: Any, blind: bool) -> list[Need]:
        c = self.c
        if op is c.SUBPATTERN:
            _group, add, remove, inner = arg
            if add & re.IGNORECASE:
                blind = True
            if remove & re.IGNORECASE:
                blind = False
            return self.sequence(list(inner), blind)
        if op is c.ATOMIC_GROUP:
            return self.sequence(list(arg), blind)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, inner = arg
            if low >= 2 and len(inner) == 1 and inner[0][0] is c.IN:
                return self._pairs(self._class(inner[0][1], blind)) or self._class(
                    inner[0][1], blind
                )
            return self.sequence(list(inner), blind) if low >= 1 else []
        if op is c.ASSERT:  # a look-ahead or look-behind's text is in the text too
            _direction, inner = arg
            return self.sequence(list(inner), blind)
        if op is c.BRANCH:
            return self._branch(arg[1], blind)
        if op is c.IN:
            return self._class(arg, blind)
        return []  # any character, a category, a negation, a back-reference: nothing known

    def _branch(self, branches: list[Any], blind: bool) -> list[Need]:
        """One of the branches matches: the union of each branch's most telling need."""
        union: set[tuple[str, bool]] = set()
        for branch in branches:
            needs = self.sequence(list(branch), blind)
            if not needs:
                return []
            union |= _best(needs)
        return [frozenset(union)]

    @staticmethod
    def _pairs(needs: list[Need]) -> list[Need]:
        """Two characters of a class in a row ("[*#@$]{2,}"): each pair of them, if few."""
        if not needs or len(needs[0]) ** 2 > _MOST or len({b for _, b in needs[0]}) != 1:
            return []
        chars = sorted(needs[0])
        return [frozenset((a + b, blind) for a, blind in chars for b, _ in chars)]

    def _class(self, items: list[Any], blind: bool) -> list[Need]:
        c = self.c
        chars: set[tuple[str, bool]] = set()
        for op, arg in items:
            if op is c.LITERAL:
                codes = [arg]
            elif op is c.RANGE and arg[1] - arg[0] < _CLASS_MOST:
                codes = list(range(arg[0], arg[1] + 1))
            else:
                return []  # a negated class, a category (\d, \s), a wide range
            for code in codes:
                char = self._char(c.LITERAL, code, blind)
                if char is None:
                    return []
                chars.add(char)
        return [frozenset(chars)] if 0 < len(chars) <= _CLASS_MOST else []


_Char = tuple[str, bool]  # a character as `_Reader._char` gives it: (text, case-blind)


def _string(chars: tuple[_Char, ...]) -> tuple[str, bool] | None:
    """Characters side by side as one string to look for, or None when one is case-blind
    and another a letter that must keep its case (no one text holds both)."""
    text = "".join(char for char, _blind in chars)
    blinds = {blind for _char, blind in chars}
    if len(blinds) == 1:
        return text, blinds.pop()
    # those compared as they are must be left alone by folding: ASCII other than letters
    kept = "".join(char for char, blind in chars if not blind)
    return (text, True) if kept.isascii() and not any(map(str.isalpha, kept)) else None


def _strings(
    lasts: set[_Char], prefixes: set[tuple[_Char, ...]] | None
) -> frozenset[tuple[str, bool]] | None:
    """Each of `lasts` followed by each of `prefixes`, as strings to look for; None when
    there are too many, or one cannot be looked for."""
    if prefixes is None or len(lasts) * len(prefixes) > _MOST:
        return None
    found = {_string((last, *prefix)) for last in lasts for prefix in prefixes}
    return None if None in found else frozenset(f for f in found if f is not None)


def _best(needs: list[Need]) -> Need:
    """The need a text is least likely to meet: longest shortest text, then fewest."""
    return max(needs, key=lambda n: (min(len(v) for v, _ in n), -len(n)))
