"""Code points (the engine's offsets) to UTF-16 units (Qt's positions) and back.

Python counts an emoji like 😀 as one character; Qt counts two (a surrogate pair). Text
without astral characters needs no table at all, which is the usual case.
"""

from __future__ import annotations

from bisect import bisect_left


class OffsetMap:
    """Maps offsets for one text; build once per check result, query many times."""

    __slots__ = ("_astral", "_astral16")

    def __init__(self, text: str) -> None:
        # Indices (in code points) of characters that take two UTF-16 units.
        if text.isascii():
            self._astral: list[int] = []
        else:
            self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # The same characters' UTF-16 positions, for the reverse direction.
        self._astral16 = [i + n for n, i in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        """Qt position of code-point `offset`."""
        return offset + bisect_left(self._astral, offset)

    def to_code_point(self, position: int) -> int:
        """Code-point offset of Qt `position` (inside a pair, the pair's character)."""
        # A position between the two halves of a pair maps to that pair's character.
        return position - bisect_left(self._astral16, position)


def utf16_length(text: str) -> int:
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
