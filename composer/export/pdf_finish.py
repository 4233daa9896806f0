"""Finish the PDF Qt wrote: the exact-text layer, the approved texts attached as JSON, and
a footer with "Page N of M" on every page.

Done with pypdf on the finished file, because Qt's writer has no way to say what text a
glyph stands for or to attach a file, and the page count is known only once Qt has drawn
every page. Four changes:

- Qt's fonts get a ToUnicode map that maps their glyphs to nothing, so its shaped glyphs
  no longer add a second, broken copy of the text;
- each page gets the invisible text layer of composer.export.pdf_textlayer, in a
  glyphless font embedded once;
- `approved-texts.json` is attached (an EmbeddedFiles entry): every post's approved
  texts and their SHA-256, so the hashes on the page can be checked from the PDF alone;
- each page gets its footer, set in Helvetica (a font every PDF reader has: nothing to
  embed) in the room `composer.media.typeset` leaves at the foot of the page.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from composer.export.model import ExportItem, iso
from composer.export.pdf_fonts import GLYPHLESS, fonts_dir
from composer.export.pdf_textlayer import CharacterCodes, Line, page_stream

ATTACHMENT = "approved-texts.json"
ATTACHMENT_FORMAT = "composer-approved-texts"
_FONT = "FCTL"  # the invisible layer's font resource name
_FOOTER_FONT = "FCFT"  # the footer's font resource name
FOOTER_AT = (51.02, 56.0)  # the footer's start in PDF points: the left margin, at the foot
Footer = Callable[[int, int], str]  # (page, pages) -> the footer's text, pages from 1


def approved_texts(items: Sequence[ExportItem]) -> bytes:
    """The attachment: each post's approved texts and hashes, as on its page."""
    posts = [
        {
            "post_id": item.post_id,
            "approval_id": item.approval.id,
            "approved_at": iso(item.approval.approved_at),
            "approver": item.approval.approver,
            "texts": {platform: item.text(platform) for platform in item.platforms},
            "sha256": {platform: item.text_hash(platform) for platform in item.platforms},
        }
        for item in items
    ]
    document = {
        "format": ATTACHMENT_FORMAT,
        "version": 1,
        "hash": "SHA-256 of each text encoded as UTF-8",
        "posts": posts,
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def finish(
    data: bytes,
    pages: Sequence[list[Line]],
    matrix: str,
    attachment: bytes,
    name: str = ATTACHMENT,
    footer: Footer | None = None,
) -> bytes:
    """The PDF `data` with its text layer replaced, `attachment` embedded as `name` and
    `footer` on every page."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    # Incremental: Qt's objects stay as written and only what changes is appended, which
    # is several times faster than rewriting a record of thousands of pages.
    writer = PdfWriter(PdfReader(io.BytesIO(data)), incremental=True)
    if len(writer.pages) != len(pages):
        raise RuntimeError(f"{len(writer.pages)} PDF pages but {len(pages)} laid out")
    _silence_fonts(writer)
    codes = CharacterCodes()
    streams = [page_stream(lines, codes, _FONT, matrix) for lines in pages]
    font = writer._add_object(_glyphless_font(writer, codes))
    opening = writer._add_object(_stream(b"q\n"))
    closing = writer._add_object(_stream(b"\nQ\n"))
    helvetica = writer._add_object(_helvetica()) if footer is not None else None
    total = len(writer.pages)
    for number, (page, stream) in enumerate(zip(writer.pages, streams, strict=True), 1):
        contents = page.get("/Contents")
        existing = contents if isinstance(contents, ArrayObject) else [contents]
        ours = [writer._add_object(_stream(stream))]
        if footer is not None:
            ours.append(writer._add_object(_stream(footer_stream(footer(number, total)))))
        page[NameObject("/Contents")] = ArrayObject([opening, *existing, closing, *ours])
        current = page["/Resources"].get_object()
        assert isinstance(current, DictionaryObject)  # a page's /Resources is a dictionary
        resources = DictionaryObject(current)
        fonts = DictionaryObject(resources.get("/Font", DictionaryObject()).get_object())
        fonts[NameObject(f"/{_FONT}")] = font
        if helvetica is not None:
            fonts[NameObject(f"/{_FOOTER_FONT}")] = helvetica
        resources[NameObject("/Font")] = fonts
        page[NameObject("/Resources")] = resources
    writer.add_attachment(name, attachment)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def stamp_footers(data: bytes, footer: Footer) -> bytes:
    """`data` with `footer` on every page and nothing else changed (for PDFs whose text
    is Qt's own, such as the retention report)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject

    writer = PdfWriter(PdfReader(io.BytesIO(data)), incremental=True)
    helvetica = writer._add_object(_helvetica())
    total = len(writer.pages)
    for number, page in enumerate(writer.pages, 1):
        contents = page.get("/Contents")
        existing = contents if isinstance(contents, ArrayObject) else [contents]
        ours = writer._add_object(_stream(footer_stream(footer(number, total))))
        page[NameObject("/Contents")] = ArrayObject([*existing, ours])
        current = page["/Resources"].get_object()
        assert isinstance(current, DictionaryObject)  # a page's /Resources is a dictionary
        resources = DictionaryObject(current)
        fonts = DictionaryObject(resources.get("/Font", DictionaryObject()).get_object())
        fonts[NameObject(f"/{_FOOTER_FONT}")] = helvetica
        resources[NameObject("/Font")] = fonts
        page[NameObject("/Resources")] = resources
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def footer_stream(text: str) -> bytes:
    """Drawing `text` small and grey at FOOTER_AT in Helvetica (WinAnsi: characters it
    lacks become "?")."""
    encoded = text.encode("cp1252", errors="replace")
    escaped = encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    x, y = FOOTER_AT
    return (
        f"q 0.27 g BT /{_FOOTER_FONT} 8 Tf {x:.2f} {y:.2f} Td (".encode("ascii")
        + escaped
        + b") Tj ET Q\n"
    )


def _helvetica() -> Any:
    from pypdf.generic import DictionaryObject, NameObject

    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )


def read_attachment(data: bytes) -> dict[str, Any]:
    """The approved texts attached to a record written by `finish`."""
    from pypdf import PdfReader

    found = PdfReader(io.BytesIO(data)).attachments.get(ATTACHMENT)
    if not found:
        raise ValueError(f"the PDF has no {ATTACHMENT}")
    document: dict[str, Any] = json.loads(found[0].decode("utf-8"))
    return document


def _stream(data: bytes) -> Any:
    """A Flate-compressed stream object holding `data`."""
    from pypdf.generic import DecodedStreamObject

    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream.flate_encode()


def _silence_fonts(writer: Any) -> None:
    """Give every font Qt embedded a ToUnicode map that maps each of its codes to nothing."""
    from pypdf.generic import NameObject

    seen: set[int] = set()
    for page in writer.pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources else None
        if not fonts:
            continue
        for reference in fonts.get_object().values():
            font = reference.get_object()
            if id(font) in seen:
                continue
            seen.add(id(font))
            count = _code_count(font)
            font[NameObject("/ToUnicode")] = writer._add_object(_stream(silent_cmap(count)))


def _code_count(font: Any) -> int:
    """How many codes a Type 0 font of Qt's uses: Qt numbers the glyphs of each subset
    from 0 (CIDToGIDMap /Identity), so the embedded TrueType's glyph count."""
    count = 0
    for descendant in font.get("/DescendantFonts", []):
        descriptor = descendant.get_object().get("/FontDescriptor")
        file = descriptor.get_object().get("/FontFile2") if descriptor else None
        if file is not None:
            count = max(count, truetype_glyph_count(file.get_object().get_data()))
    return count


def truetype_glyph_count(data: bytes) -> int:
    """numGlyphs from a TrueType file's maxp table (0 if there is none)."""
    import struct

    (tables,) = struct.unpack_from(">H", data, 4)
    for at in range(12, 12 + 16 * tables, 16):
        tag, _, offset, _ = struct.unpack_from(">4sIII", data, at)
        if tag == b"maxp":
            return int(struct.unpack_from(">H", data, offset + 4)[0])
    return 0


def silent_cmap(count: int) -> bytes:
    """A ToUnicode CMap mapping codes 0 to count-1 to the empty string."""
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Composer-Silent def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    for at in range(0, count, 100):
        chunk = range(at, min(at + 100, count))
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(f"<{code:04X}> <>" for code in chunk)
        lines.append("endbfchar")
    lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return ("\n".join(lines) + "\n").encode("ascii")


def _glyphless_font(writer: Any, codes: CharacterCodes) -> Any:
    """A Type 0 font whose every code draws the same blank glyph."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    program = (fonts_dir() / GLYPHLESS).read_bytes()
    font_file = _stream(program)
    font_file[NameObject("/Length1")] = NumberObject(len(program))
    count = max(codes.codes.values(), default=0) + 1
    descriptor = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/FontDescriptor"),
            NameObject("/FontName"): NameObject("/ComposerGlyphless"),
            NameObject("/Flags"): NumberObject(4),
            NameObject("/FontBBox"): ArrayObject(
                [NumberObject(0), NumberObject(-200), NumberObject(500), NumberObject(800)]
            ),
            NameObject("/ItalicAngle"): NumberObject(0),
            NameObject("/Ascent"): NumberObject(800),
            NameObject("/Descent"): NumberObject(-200),
            NameObject("/CapHeight"): NumberObject(700),
            NameObject("/StemV"): NumberObject(80),
            NameObject("/FontFile2"): writer._add_object(font_file),
        }
    )
    descendant = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/CIDFontType2"),
            NameObject("/BaseFont"): NameObject("/ComposerGlyphless"),
            NameObject("/CIDSystemInfo"): DictionaryObject(
                {
                    NameObject("/Registry"): TextStringObject("Adobe"),
                    NameObject("/Ordering"): TextStringObject("Identity"),
                    NameObject("/Supplement"): NumberObject(0),
                }
            ),
            NameObject("/FontDescriptor"): writer._add_object(descriptor),
            NameObject("/DW"): NumberObject(500),  # as the glyphless font's advance
            NameObject("/CIDToGIDMap"): writer._add_object(_stream(b"\x00\x01" * count)),
        }
    )
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type0"),
            NameObject("/BaseFont"): NameObject("/ComposerGlyphless"),
            NameObject("/Encoding"): NameObject("/Identity-H"),
            NameObject("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
            NameObject("/ToUnicode"): writer._add_object(_stream(codes.to_unicode())),
        }
    )
