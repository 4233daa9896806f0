"""The PDF's text layer: the exact text of every line, where Qt drew it, as invisible text.

Qt's PDF writer maps each embedded glyph back to one character through the font's own
character map. That loses whatever shaping changed: a Devanagari conjunct or reordered
vowel sign has no character of its own, Arabic comes out as presentation forms, and
characters beyond the Basic Multilingual Plane (emoji) are dropped. So after Qt has
drawn the page, its glyphs are told to map to nothing (composer.export.pdf_finish), and
the text of each line is laid over them in a glyphless font with text render mode 3
(invisible), the way scanned PDFs carry their OCR text: search, copy and text extraction
read the characters as they were written, while the page shows Qt's shaped glyphs.

PDF text is in visual order: readers (pdftotext, pypdf, viewers) turn right-to-left runs
back into reading order. So each line is written in the visual order the Unicode
bidirectional algorithm gives it (`visual_order`, a compact version of its rules for one
level of embedding), spread evenly over the width Qt's line takes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Characters of Qt's block text that are layout, not text: line and paragraph separators
# (from <br/> and block ends) and the object replacement character (an image).
_DROP_NOT_TEXT = str.maketrans(dict.fromkeys("\u2028\u2029\ufffc"))
_ADVANCE = 0.5  # the glyphless font's advance, in em
_RTL = {"R", "AL"}
# Every right-to-left character lies in these blocks (Hebrew to Arabic Extended-A, their
# presentation forms, and the historic scripts of the SMP): a cheap test before the rules.
_MAY_BE_RTL = re.compile(
    "[\u0590-\u08ff\u200f\u202b\u202e\u2067\ufb1d-\ufdff\ufe70-\ufeff"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_NUMBER = {"EN", "AN"}


@dataclass(frozen=True, slots=True)
class Line:
    """One laid-out line in page pixels: where it sits and its text in visual order."""

    left: float
    width: float
    baseline: float
    height: float
    text: str


def document_lines(document: Any, page_height: float) -> dict[int, list[Line]]:
    """Every line of a laid-out QTextDocument, by page, in document order."""
    from PySide6.QtCore import Qt

    pages: dict[int, list[Line]] = {}
    layout_of = document.documentLayout()
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        text = block.text()
        if layout is not None and text.strip():
            rect = layout_of.blockBoundingRect(block)  # forces layout; document coordinates
            origin_x = rect.x() - layout.position().x()
            origin_y = rect.y() - layout.position().y()
            rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                start, length = line.textStart(), line.textLength()
                chars = text[start : start + length].translate(_DROP_NOT_TEXT)
                if not chars.strip():
                    continue
                natural = line.naturalTextRect()
                top = origin_y + layout.position().y() + line.y()
                page = int(top // page_height)
                pages.setdefault(page, []).append(
                    Line(
                        left=origin_x + layout.position().x() + natural.x(),
                        width=max(natural.width(), 1.0),
                        baseline=top + line.ascent() - page * page_height,
                        height=max(line.height(), 1.0),
                        text=visual_order(chars, rtl),
                    )
                )
        block = block.next()
    return pages


def visual_order(text: str, rtl: bool = False) -> str:
    """`text` (one line, in reading order) as it is shown left to right.

    Strong characters keep their direction, numbers run left to right inside either,
    neutrals between two runs of one direction take it (otherwise the paragraph's), a
    combining mark follows its base; then every run at an odd level is reversed.
    """
    if not rtl and not _MAY_BE_RTL.search(text):
        return text  # nearly every line: nothing to reorder
    base = 1 if rtl else 0
    kinds = _kinds(text, base)
    levels = []
    for kind in kinds:
        if kind == "L":
            levels.append(2 if base else 0)
        elif kind == "R":
            levels.append(1)
        else:  # a number
            levels.append(2)
    # Trailing spaces sit at the paragraph's level (rule L1).
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
        levels[end] = base
    chars = list(text)
    for level in range(max(levels, default=0), 0, -1):
        at = 0
        while at < len(chars):
            if levels[at] >= level:
                stop = at
                while stop < len(chars) and levels[stop] >= level:
                    stop += 1
                chars[at:stop] = chars[at:stop][::-1]
                levels[at:stop] = levels[at:stop][::-1]
                at = stop
            else:
                at += 1
    return "".join(chars)


def _kinds(text: str, base: int) -> list[str]:
    """Each character as L, R or N (a number), with neutrals resolved."""
    raw: list[str | None] = []
    last_strong = "R" if base else "L"
    for char in text:
        bidi = unicodedata.bidirectional(char)
        if bidi == "NSM" and raw:
            raw.append(raw[-1])
        elif bidi == "L":
            raw.append(last_strong := "L")
        elif bidi in _RTL:
            raw.append(last_strong := "R")
        elif bidi in _NUMBER:
            raw.append("L" if last_strong == "L" and not base else "N")  # rule W7
        else:
            raw.append(None)
    kinds: list[str] = []
    embedding = "R" if base else "L"
    for at, kind in enumerate(raw):
        if kind is not None:
            kinds.append(kind)
            continue
        before = next((k for k in reversed(raw[:at]) if k is not None), embedding)
        after = next((k for k in raw[at + 1 :] if k is not None), embedding)
        before = "R" if before == "N" else before  # numbers count as R here (rule N1)
        after = "R" if after == "N" else after
        kinds.append(before if before == after else embedding)
    return kinds


class CharacterCodes:
    """Two-byte codes for the characters of the invisible layer, one per character met.

    The glyphless font draws every code the same (blank); the ToUnicode map says which
    character each code stands for, including characters beyond the BMP."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}
        self._hex: dict[str, str] = {}

    def encode(self, text: str) -> str:
        """`text` as the hex string of its codes, handing out codes to new characters."""
        hexes = self._hex
        try:
            return "".join([hexes[char] for char in text])
        except KeyError:
            for char in text:
                if char not in hexes:
                    code = len(self.codes) + 1
                    if code > 0xFFFF:
                        raise ValueError("more distinct characters than a PDF font holds") from None
                    self.codes[char] = code
                    hexes[char] = f"{code:04X}"
            return "".join([hexes[char] for char in text])

    def to_unicode(self) -> bytes:
        """The ToUnicode CMap of the codes handed out."""
        lines = [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Adobe-Identity-UCS def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            "<0000> <FFFF>",
            "endcodespacerange",
        ]
        items = sorted(self.codes.items(), key=lambda item: item[1])
        for at in range(0, len(items), 100):
            chunk = items[at : at + 100]
            lines.append(f"{len(chunk)} beginbfchar")
            for char, code in chunk:
                lines.append(f"<{code:04X}> <{char.encode('utf-16-be').hex().upper()}>")
            lines.append("endbfchar")
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return ("\n".join(lines) + "\n").encode("ascii")


def page_stream(lines: list[Line], codes: CharacterCodes, font: str, matrix: str) -> bytes:
    """The content stream of one page's invisible text; `matrix` maps Qt's page pixels."""
    out = [f"q {matrix} cm BT 3 Tr /{font} 1 Tf"]
    for line in lines:
        scale = line.width / len(line.text) / _ADVANCE  # each character's share of the line
        out.append(
            f"{scale:.4f} 0 0 {-line.height:.3f} {line.left:.2f} {line.baseline:.2f} Tm "
            f"<{codes.encode(line.text)}> Tj"
        )
    out.append("ET Q")
    return ("\n".join(out) + "\n").encode("ascii")
