"""The fonts the PDF record is set in, and the characters no font can show.

Composer ships compact Noto fonts in resources/fonts/ (made by packaging/make_fonts.py):
Latin, Greek and Cyrillic, Hebrew, Arabic, Devanagari, Thai, the common CJK characters and
monochrome emoji. They are registered with Qt once per process and named in order, so
Qt's font merging takes each character from the first that has it (and from the system's
fonts after those); Qt shapes Arabic, Devanagari and Thai itself. Latin ligatures are off
so "office" is drawn as the letters it is made of.

`missing_characters` asks Qt the same question its renderer asks, so what it reports is
exactly what would be drawn as an empty box. Qt's side of it is `composer.media.typeset`;
it needs a QGuiApplication (see `composer.media.typeset.ensure_gui_app`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from composer.domain.layout import resources_dir

FAMILIES: tuple[str, ...] = (
    "Noto Sans",
    "Noto Sans Hebrew",
    "Noto Sans Arabic",
    "Noto Sans Devanagari",
    "Noto Sans Thai",
    "Noto Sans CJK SC",
    "Noto Emoji",
)
GLYPHLESS = "glyphless.ttf"  # the invisible text layer's font; not for Qt
# Ligature features turned off: a ligature glyph would show two letters as one.
NO_LIGATURES = ("liga", "clig", "dlig", "hlig")
# Characters that are never drawn, so need no glyph: format controls (ZWJ, directional
# marks, soft hyphen), separators, variation selectors and emoji tag characters.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


@cache
def register_fonts() -> tuple[str, ...]:
    """Add the shipped fonts to Qt's font database once; the families found, in order."""
    from composer.media.typeset import register_fonts as register

    paths = [p for p in sorted(fonts_dir().glob("*.[ot]tf")) if p.name != GLYPHLESS]
    found = register(paths)
    missing = [family for family in FAMILIES if family not in found]
    if missing:
        raise RuntimeError(f"fonts missing from {fonts_dir()}: {', '.join(missing)}")
    return FAMILIES


def record_font(point_size: float = 10) -> Any:
    """The QFont of the record: every shipped family in order, without ligatures."""
    from composer.media.typeset import make_font

    register_fonts()
    return make_font(FAMILIES, point_size, NO_LIGATURES)


def needs_glyph(char: str) -> bool:
    """Whether `char` is drawn at all (controls, spaces and selectors are not)."""
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return False  # variation selectors
    return unicodedata.category(char) not in _INVISIBLE_CATEGORIES


_DRAWABLE: dict[str, bool] = {}  # per process: the fonts do not change once registered


def missing_characters(texts: Iterable[str]) -> tuple[str, ...]:
    """The distinct characters of `texts` that no available font can draw, in order met."""
    from composer.media.typeset import glyph_test

    drawable: Any = None
    missing: dict[str, None] = {}
    for text in texts:
        for char in text:
            known = _DRAWABLE.get(char)
            if known is None:
                if drawable is None:
                    drawable = glyph_test(record_font())
                known = not needs_glyph(char) or drawable(char)
                _DRAWABLE[char] = known
            if not known:
                missing[char] = None
    return tuple(missing)


def describe(chars: Iterable[str]) -> str:
    """'Ŀ (U+013F), 𓀀 (U+13000)': each character with its code point, for a message."""
    return ", ".join(f"{char} (U+{ord(char):04X})" for char in chars)
