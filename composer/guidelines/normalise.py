"""The matching view of a post: what a reader sees, not the code points that spell it.

A zero-width space inside "guaran​teed", a Cyrillic "а", "𝐟𝐫𝐞𝐞" in mathematical bold, "FR33",
"g u a r a n t e e d" or a line break between two words all read the same to a person and
would each hide a phrase from a plain regular expression. Rules therefore match this view,
and every span found in it is mapped back to the text as given, so underlines and fixes
land on the agent's own characters.

What folds, in order: invisible and direction-changing characters are dropped (not inside
emoji sequences, where joiners and selectors belong); compatibility forms (full-width,
mathematical and enclosed letters, ligatures, odd spaces) become their plain letters by
NFKD, and combining marks are dropped; letters that look Latin (Unicode's confusables data,
UTS #39) become Latin inside words that are Latin or entirely look-alike; letters spaced out
one by one are joined; digits and symbols standing for letters are read as letters when the
result is a word the rules use; a single line break inside a running sentence is a space.
Each fold is also recorded, so `platform.characters` can point at what hides.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from composer.guidelines.regex_cache import compile_cached
from composer.guidelines.tokens import Span

# Kinds of characters worth telling the agent about (platform.characters).
INVISIBLE = "invisible"
DIRECTION = "direction"
LOOKALIKE = "lookalike"
STYLED = "styled"

_BIDI = frozenset("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Format characters plus the blanks that render as nothing but are letters or symbols.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")
_SPACES = frozenset("\u00a0\u1680\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}
_LINE_SEPARATORS = frozenset("\u2028\u2029\u0085")
# Digits and symbols that stand for letters in "FR33", "gu@ranteed", "$ave", "c4sh".
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
                       "$": "s", "!": "i", "|": "l", "€": "e"})  # fmt: skip
_LEET_TOKEN = compile_cached(r"(?<![\w@#$])[A-Za-z0-9@$!|€]*[A-Za-z][A-Za-z0-9@$!|€]*(?![\w@])")
_LEET_CHARS = frozenset("0134578@$!|€")
# Where a letter meets a stand-in: the only places a leet word can be ("Now!" is not one).
_LEET_HINT = compile_cached(r"[A-Za-z][0-9@$|€]|[0-9@$!|€][A-Za-z]|[A-Za-z]!(?=[A-Za-z])")
# Whether there is any such place, asked the quick way: the stand-in first, so the search
# skips from one stand-in to the next instead of trying three branches at every character
# (a match of one at i is a match of the other at i or i + 1; see test_evasion).
_LEET_ANY = compile_cached(r"[0-9@$!|€](?:(?<=[A-Za-z][0-9@$|€])|(?=[A-Za-z]))")
_SPACED = compile_cached(r"(?<![\w])[A-Za-z](?:(?:[ .\-_*·•]|  )[A-Za-z]){3,}(?![\w])")
# What every spaced-out word holds (a letter between separators, twice): found by skipping
# ahead to separators, where `_SPACED` tries every letter; most texts have none (4x quicker).
_SPACED_HINT = compile_cached(r"[ .\-_*·•][A-Za-z][ .\-_*·•]{1,2}[A-Za-z][ .\-_*·•]")
# A line break inside a running sentence: the next line goes on in lower case, or the line
# before is a single word ("Guaranteed\nReturns").
# (`(?<=[\w,;:%$)’'"”-])[ \t\r]*\n[ \t]*(?=[a-z0-9$(])`, written as one branch per first
# character, each testing the character before it, so the pattern engine skips ahead to
# white space: 3x quicker, the same matches.)
_BEFORE_BREAK = r"[\w,;:%$)’'\"”-]"
_SOFT_BREAK = compile_cached(
    rf"(?:\n(?<={_BEFORE_BREAK}\n)| (?<={_BEFORE_BREAK} )[ \t\r]*\n"
    rf"|\t(?<={_BEFORE_BREAK}\t)[ \t\r]*\n|\r(?<={_BEFORE_BREAK}\r)[ \t\r]*\n)[ \t]*(?=[a-z0-9$(])"
)
_ONE_WORD_LINE = compile_cached(r"(?m)^([ \t]*[A-Za-z]+)([ \t\r]*\n)(?=[ \t]*[A-Za-z])")
_WORD = compile_cached(r"[^\W\d_]+")
_STYLED_FORMS = ("<font>", "<wide>", "<circle>", "<square>")


@dataclass(frozen=True, slots=True)
class Fold:
    """A run of characters in the text as given that the matching view reads differently."""

    kind: str
    start: int
    end: int
    plain: str  # what the run reads as ("" when it is invisible)


class Normalised:
    """The matching view of one text and the way back to the text's own offsets.

    The mapping is kept as segments (view position, original position) within which both
    advance together, so a megabyte of text with a few folds costs a few entries, not a
    list of a million offsets.
    """

    __slots__ = ("_breaks", "_origins", "folds", "original", "text")

    def __init__(self, original: str, text: str, segments: Segments, folds: Sequence[Fold]) -> None:
        self.original = original
        self.text = text
        self._breaks, self._origins = segments
        self.folds = tuple(folds)

    def origin(self, position: int) -> int:
        index = bisect.bisect_right(self._breaks, position) - 1
        if index < 0:
            return position
        return self._origins[index] + position - self._breaks[index]

    def span(self, start: int, end: int) -> Span:
        """Map a span of the view onto the text as given."""
        if not self._breaks:
            return start, end
        lo = self.origin(start) if start < len(self.text) else len(self.original)
        hi = self.origin(end - 1) + 1 if end > start else lo
        return lo, max(lo, min(hi, len(self.original)))


Segments = tuple[list[int], list[int]]
_IDENTITY: Segments = ([], [])


def _compress(origins: Sequence[int]) -> Segments:
    """Per-character origins -> segments where view and original advance together."""
    breaks: list[int] = []
    starts: list[int] = []
    previous = None
    for position, origin in enumerate(origins):
        if previous is None or origin != previous + 1:
            breaks.append(position)
            starts.append(origin)
        previous = origin
    return breaks, starts


def _expand(segments: Segments, length: int) -> list[int]:
    breaks, starts = segments
    if not breaks:
        return list(range(length))
    origins: list[int] = list(range(breaks[0]))
    for index, (begin, origin) in enumerate(zip(breaks, starts, strict=True)):
        stop = breaks[index + 1] if index + 1 < len(breaks) else length
        origins.extend(range(origin, origin + stop - begin))
    return origins


def normalise(
    text: str,
    *,
    emoji: Sequence[Span] = (),
    vocabulary: Callable[[str], bool] | None = None,
) -> Normalised:
    """The matching view of `text`. `emoji` spans are kept whole; `vocabulary` gates leet."""
    folds: list[Fold] = []
    segments = _IDENTITY
    view = text
    if not text.isascii() and not _emoji_alone(text, emoji):
        view, segments = _fold_characters(text, emoji, folds)
        if any(c.isalpha() for c in _NON_ASCII_CHARS.findall(view)):  # emoji alone: skip
            view = _fold_lookalikes(view, Normalised(text, view, segments, ()), folds)
    if _SPACED_HINT.search(view) is not None and _SPACED.search(view) is not None:
        view, segments = _join_spaced_letters(view, segments)
    if vocabulary is not None:
        view = _fold_leet(view, vocabulary)
    if "\n" in view:
        view = _SOFT_BREAK.sub(_space_for_break, view)
        view = _ONE_WORD_LINE.sub(_join_one_word_line, view)
    return Normalised(text, view, segments, folds)


def _space_for_break(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _join_one_word_line(match: re.Match[str]) -> str:
    return match.group(1) + " " * len(match.group(2))


_NON_ASCII = compile_cached(r"[^\x00-\x7f]+")
_NON_ASCII_CHARS = compile_cached(r"[^\x00-\x7f]")


def _fold_characters(text: str, emoji: Sequence[Span], folds: list[Fold]) -> tuple[str, Segments]:
    """Fold every non-ASCII character outside emoji; ASCII stretches are copied whole."""
    keep = _emoji_positions(emoji)
    if not any(
        index not in keep and _fold_char(text[index])[1] != text[index]
        for run in _NON_ASCII.finditer(text)
        for index in range(run.start(), run.end())
    ):
        return text, _IDENTITY  # only emoji and letters that read as themselves
    out: list[str] = []
    origins: list[int] = []
    changed = False
    last = 0
    pending: Fold | None = None
    for run in _NON_ASCII.finditer(text):
        out.append(text[last : run.start()])
        origins.extend(range(last, run.start()))
        for index in range(run.start(), run.end()):
            char = text[index]
            kind, plain = (None, char) if index in keep else _fold_char(char)
            changed = changed or plain != char
            if kind is not None:
                if pending is not None and pending.kind == kind and pending.end == index:
                    pending = Fold(kind, pending.start, index + 1, pending.plain + plain)
                else:
                    if pending is not None:
                        folds.append(pending)
                    pending = Fold(kind, index, index + 1, plain)
            out.append(plain)
            origins.extend([index] * len(plain))
        last = run.end()
    if pending is not None:
        folds.append(pending)
    if not changed:
        return text, _IDENTITY
    out.append(text[last:])
    origins.extend(range(last, len(text)))
    return "".join(out), _compress(origins)


def _emoji_alone(text: str, emoji: Sequence[Span]) -> bool:
    """Whether every character beyond ASCII lies in an emoji sequence (kept whole) and none
    of them is a letter: nothing then folds and nothing looks Latin, and the view is the
    text. Told by counting them (in C), not by reading each one (most posts with an emoji
    have only emoji beyond ASCII)."""
    if any(a[1] > b[0] for a, b in pairwise(emoji)):
        return False  # spans out of order or overlapping: not counted this way
    beyond = len(text) - len(text.encode("ascii", "ignore"))
    for start, end in emoji:
        part = text[start:end]
        beyond -= len(part) - len(part.encode("ascii", "ignore"))
        if any(c.isalpha() for c in part if not c.isascii()):
            return False
    return beyond == 0


def _emoji_positions(emoji: Sequence[Span]) -> set[int]:
    keep: set[int] = set()
    for start, end in emoji:
        keep.update(range(start, end))
    return keep


@cache
def _fold_char(char: str) -> tuple[str | None, str]:
    """(kind to report or None, what the character reads as in the view)."""
    if char in _BIDI:
        return DIRECTION, ""
    category = unicodedata.category(char)
    if category == "Cf" or char in _BLANK_LETTERS or _is_selector(char):
        return INVISIBLE, ""
    if char in _SPACES:
        return None, " "
    if char in _LINE_SEPARATORS:
        return None, "\n"
    if category in ("Mn", "Me"):
        return None, ""  # combining marks: "g̲u̲a̲r̲" reads as "guar"
    decomposed = unicodedata.normalize("NFKD", char)
    plain = "".join(c for c in decomposed if unicodedata.category(c) not in ("Mn", "Me"))
    if plain == char or not plain:
        return None, char
    styled = unicodedata.decomposition(char).startswith(_STYLED_FORMS)
    return (STYLED if styled else None), plain


def _is_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or 0xE0000 <= code <= 0xE007F


def _fold_lookalikes(view: str, mapping: Normalised, folds: list[Fold]) -> str:
    """Fold look-alike letters to Latin inside Latin or wholly look-alike words (same length)."""
    table = _confusables()
    words = [m for m in _WORD.finditer(view) if not m.group().isascii()]
    # A post with real words of another script ("как", "και") is written in it: there only
    # words that mix Latin with look-alikes are folded.
    foreign_text = any(not all(c.isascii() or c in table for c in m.group()) for m in words)
    chars: list[str] | None = None
    for match in words:
        word = match.group()
        latins = [table.get(c) for c in word]
        has_latin = any(c.isascii() for c in word)
        foreign = [m for c, m in zip(word, latins, strict=True) if not c.isascii()]
        if not any(foreign) or (not has_latin and (foreign_text or not all(foreign))):
            continue
        if chars is None:
            chars = list(view)
        for offset, (char, latin) in enumerate(zip(word, latins, strict=True)):
            if char.isascii() or latin is None:
                continue
            position = match.start() + offset
            chars[position] = latin
            origin = mapping.origin(position)
            folds.append(Fold(LOOKALIKE, origin, origin + 1, latin))
    if chars is None:
        return view
    folds.sort(key=lambda f: f.start)
    return "".join(chars)


@cache
def _confusables() -> dict[str, str]:
    """Non-ASCII letters whose Unicode confusable is a single Latin letter (UTS #39 data)."""
    data = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    table: dict[str, str] = {}
    for char, glyphs in json.loads(data).items():
        if char.isascii() or len(char) != 1 or not char.isalpha():
            continue
        latin = [g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii()]
        latin = [c for c in latin if c.isalpha()]
        if latin:
            table[char] = latin[0]
    return table


def _join_spaced_letters(view: str, segments: Segments) -> tuple[str, Segments]:
    """ "g u a r a n t e e d" -> "guaranteed" (a double space between words stays a space)."""
    base = _expand(segments, len(view))
    out: list[str] = []
    origins: list[int] = []
    last = 0
    for match in _SPACED.finditer(view):
        out.append(view[last : match.start()])
        origins.extend(base[last : match.start()])
        index = match.start()
        while index < match.end():
            char = view[index]
            if char.isalpha():
                out.append(char)
                origins.append(base[index])
            elif view.startswith("  ", index):
                out.append(" ")
                origins.append(base[index])
                index += 1
            index += 1
        last = match.end()
    out.append(view[last:])
    origins.extend(base[last:])
    return "".join(out), _compress(origins)


def _fold_leet(view: str, vocabulary: Callable[[str], bool]) -> str:
    """Read "FR33" as "FREE" when the plain word is one the rules use (same length)."""
    if _LEET_ANY.search(view) is None:
        return view
    chars: list[str] | None = None
    for hint in _LEET_HINT.finditer(view):
        match = _LEET_TOKEN.match(view, _token_start(view, hint.start()))
        if match is None:
            continue
        token = match.group().rstrip("!|").lstrip("!|")  # "Now!" is not "Nowi"
        if not any(c in _LEET_CHARS for c in token) or sum(c.isalpha() for c in token) < 2:
            continue
        begin = match.start() + match.group().index(token)
        plain = token.translate(_LEET)
        if not plain.isalpha() or not vocabulary(plain.lower()):
            continue
        if chars is None:
            chars = list(view)
        upper = token.isupper() or sum(c.isupper() for c in token) > len(token) // 2
        chars[begin : begin + len(token)] = list(plain.upper() if upper else plain)
    return view if chars is None else "".join(chars)


def _token_start(view: str, position: int) -> int:
    while position > 0 and (view[position - 1].isalnum() or view[position - 1] in "@$!|€"):
        position -= 1
    return position
