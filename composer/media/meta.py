"""Image metadata without decoding pixels: EXIF facts, completeness, and lossless stripping.

Qt's readers apply the EXIF orientation but expose nothing else of EXIF, and Pillow is not
a dependency, so this small reader walks the container formats Composer accepts (JPEG
segments, PNG chunks, RIFF/WebP chunks, GIF blocks). It answers three questions: does the
file end where its structure says (a truncated upload), does it record where it was taken
(a GPS latitude or longitude in EXIF), and which orientation does it ask for. `strip()`
removes every metadata block (EXIF, XMP, IPTC, comments, text chunks, trailers after the
end marker) and keeps only what decoding and colour need, without touching the pixels.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

FORMATS = ("jpeg", "png", "gif", "webp")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Chunks a PNG needs to decode and show its colours (and APNG frames); the rest is text,
# time stamps, EXIF or private data.
_PNG_KEEP = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"cHRM", b"gAMA", b"iCCP", b"sBIT",
    b"sRGB", b"cICP", b"pHYs", b"bKGD", b"hIST", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip
_WEBP_DROP = {b"EXIF", b"XMP "}
_VP8X_METADATA_FLAGS = 0x08 | 0x04  # EXIF and XMP present
_GIF_KEEP_APPS = (b"NETSCAPE2.0", b"ANIMEXTS1.0")  # looping, not metadata

_TAG_ORIENTATION = 0x0112
_TAG_GPS_IFD = 0x8825
_GPS_POSITION_TAGS = {1, 2, 3, 4}  # latitude ref, latitude, longitude ref, longitude


class MetadataError(ValueError):
    """The file's structure is broken (it ends early, a length points outside it)."""


@dataclass(frozen=True, slots=True)
class MetadataFacts:
    orientation: int = 1  # EXIF orientation, 1 = as stored
    has_location: bool = False
    has_metadata: bool = False  # any EXIF, XMP, IPTC, comment or text block


def sniff(data: bytes) -> str | None:
    """The container format from the first bytes, or None for anything else."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(PNG_SIGNATURE):
        return "png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def read_facts(data: bytes, format: str) -> MetadataFacts:
    """Orientation and location; raises MetadataError when the file is incomplete."""
    blocks = _blocks(data, format)
    orientation, location, metadata = 1, False, False
    for kind, payload in blocks:
        if kind == "exif":
            metadata = True
            found_orientation, found_location = exif_facts(payload)
            orientation = found_orientation or orientation
            location = location or found_location
        elif kind == "meta":
            metadata = True
    return MetadataFacts(orientation, location, metadata)


def strip(data: bytes, format: str) -> bytes:
    """The same image without its metadata blocks (raises MetadataError if incomplete)."""
    if format == "jpeg":
        return _strip_jpeg(data)
    if format == "png":
        return _strip_png(data)
    if format == "webp":
        return _strip_webp(data)
    if format == "gif":
        return _strip_gif(data)
    raise ValueError(f"unknown image format {format!r}")


def exif_facts(exif: bytes) -> tuple[int | None, bool]:
    """(orientation or None, has a GPS position) from an EXIF block; damaged EXIF says
    nothing rather than failing, since the pixels may still be fine."""
    if exif.startswith(b"Exif\x00\x00"):
        exif = exif[6:]
    if exif[:4] == b"II*\x00":
        endian = "<"
    elif exif[:4] == b"MM\x00*":
        endian = ">"
    else:
        return None, False
    try:
        (ifd0,) = struct.unpack_from(endian + "I", exif, 4)
        entries = _ifd(exif, ifd0, endian)
        orientation = None
        if _TAG_ORIENTATION in entries:
            kind, value = entries[_TAG_ORIENTATION]
            if kind == 3:  # SHORT, stored in the first two bytes of the value field
                (orientation,) = struct.unpack(endian + "H", value[:2])
                orientation = orientation if 1 <= orientation <= 8 else None
        location = False
        if _TAG_GPS_IFD in entries:
            (gps_offset,) = struct.unpack(endian + "I", entries[_TAG_GPS_IFD][1])
            location = bool(_GPS_POSITION_TAGS & set(_ifd(exif, gps_offset, endian)))
        return orientation, location
    except (struct.error, MetadataError):
        return None, False


def _ifd(tiff: bytes, offset: int, endian: str) -> dict[int, tuple[int, bytes]]:
    """One IFD's entries: tag -> (type, the 4-byte value/offset field)."""
    if offset < 8 or offset + 2 > len(tiff):
        raise MetadataError("EXIF directory outside the block")
    (count,) = struct.unpack_from(endian + "H", tiff, offset)
    end = offset + 2 + 12 * count
    if count > 1000 or end > len(tiff):
        raise MetadataError("EXIF directory runs past the block")
    entries: dict[int, tuple[int, bytes]] = {}
    for n in range(count):
        at = offset + 2 + 12 * n
        tag, kind = struct.unpack_from(endian + "HH", tiff, at)
        entries[tag] = (kind, tiff[at + 8 : at + 12])
    return entries


# --- walking each format -----------------------------------------------------------------


def _blocks(data: bytes, format: str) -> list[tuple[str, bytes]]:
    """("exif" | "meta" | "keep", payload) for every block; validates the structure."""
    if format == "jpeg":
        return [(_jpeg_kind(m, p), p) for m, p, _ in _jpeg_segments(data)]
    if format == "png":
        out = []
        for kind, payload, _ in _png_chunks(data):
            tag = "exif" if kind == b"eXIf" else ("keep" if kind in _PNG_KEEP else "meta")
            out.append((tag, payload))
        return out
    if format == "webp":
        kinds = {b"EXIF": "exif", b"XMP ": "meta"}
        return [(kinds.get(k, "keep"), p) for k, p, _ in _webp_chunks(data)]
    if format == "gif":
        return [("meta" if not keep else "keep", b"") for keep, _ in _gif_blocks(data)]
    raise ValueError(f"unknown image format {format!r}")


def _jpeg_kind(marker: int, payload: bytes) -> str:
    if marker == 0xE1 and payload.startswith(b"Exif\x00"):
        return "exif"
    return "keep" if _jpeg_keep(marker, payload) else "meta"


def _jpeg_keep(marker: int, payload: bytes) -> bool:
    """APP0 JFIF, APP2 ICC profile and APP14 Adobe (colour transform) stay; other APPn
    segments (EXIF, XMP, MPF, IPTC, maker data) and comments go."""
    if marker == 0xFE:
        return False
    if 0xE0 <= marker <= 0xEF:
        return (
            (marker == 0xE0 and payload.startswith(b"JFIF\x00"))
            or (marker == 0xE2 and payload.startswith(b"ICC_PROFILE\x00"))
            or (marker == 0xEE and payload.startswith(b"Adobe"))
        )
    return True


def _jpeg_segments(data: bytes) -> list[tuple[int, bytes, bytes]]:
    """(marker, payload, raw bytes) up to and including EOI; raw of SOS includes the scan."""
    if not data.startswith(b"\xff\xd8"):
        raise MetadataError("not a JPEG file")
    out: list[tuple[int, bytes, bytes]] = [(0xD8, b"", b"\xff\xd8")]
    pos, size = 2, len(data)
    while True:
        start = pos
        if pos >= size or data[pos] != 0xFF:
            raise MetadataError("the JPEG file ends early or is damaged")
        while pos < size and data[pos] == 0xFF:
            pos += 1
        if pos >= size:
            raise MetadataError("the JPEG file ends early")
        marker = data[pos]
        pos += 1
        if marker == 0xD9:
            out.append((marker, b"", b"\xff\xd9"))
            return out
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.append((marker, b"", data[start:pos]))
            continue
        if pos + 2 > size:
            raise MetadataError("the JPEG file ends early")
        (length,) = struct.unpack_from(">H", data, pos)
        if length < 2 or pos + length > size:
            raise MetadataError("the JPEG file ends early")
        payload = data[pos + 2 : pos + length]
        pos += length
        if marker == 0xDA:  # entropy-coded data runs to the next real marker
            pos = _scan_end(data, pos)
        out.append((marker, payload, data[start:pos]))


def _scan_end(data: bytes, pos: int) -> int:
    size = len(data)
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= size:
            raise MetadataError("the JPEG file ends early (the image data is cut off)")
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos


def _strip_jpeg(data: bytes) -> bytes:
    return b"".join(
        raw for marker, payload, raw in _jpeg_segments(data) if _jpeg_keep(marker, payload)
    )


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes, bytes]]:
    if not data.startswith(PNG_SIGNATURE):
        raise MetadataError("not a PNG file")
    out = []
    pos, size = len(PNG_SIGNATURE), len(data)
    while True:
        if pos + 12 > size:
            raise MetadataError("the PNG file ends early")
        length, kind = struct.unpack_from(">I4s", data, pos)
        end = pos + 12 + length
        if end > size:
            raise MetadataError("the PNG file ends early")
        out.append((kind, data[pos + 8 : pos + 8 + length], data[pos:end]))
        pos = end
        if kind == b"IEND":
            return out


def _strip_png(data: bytes) -> bytes:
    kept = [raw for kind, _, raw in _png_chunks(data) if kind in _PNG_KEEP]
    return PNG_SIGNATURE + b"".join(kept)


def _webp_chunks(data: bytes) -> list[tuple[bytes, bytes, bytes]]:
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise MetadataError("not a WebP file")
    (riff_size,) = struct.unpack_from("<I", data, 4)
    end = 8 + riff_size
    if end > len(data):
        raise MetadataError("the WebP file ends early")
    out = []
    pos = 12
    while pos < end:
        if pos + 8 > end:
            raise MetadataError("the WebP file is damaged")
        kind, length = struct.unpack_from("<4sI", data, pos)
        stop = pos + 8 + length + (length & 1)
        if pos + 8 + length > end:
            raise MetadataError("the WebP file ends early")
        out.append((kind, data[pos + 8 : pos + 8 + length], data[pos : min(stop, end)]))
        pos = stop
    return out


def _strip_webp(data: bytes) -> bytes:
    chunks = []
    for kind, payload, raw in _webp_chunks(data):
        if kind in _WEBP_DROP:
            continue
        if kind == b"VP8X" and payload:
            flags = payload[0] & ~_VP8X_METADATA_FLAGS & 0xFF
            raw = raw[:8] + bytes([flags]) + raw[9:]
        chunks.append(raw)
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _gif_blocks(data: bytes) -> list[tuple[bool, bytes]]:
    """(keep, raw) for the header, each extension or image, and the trailer."""
    size = len(data)
    if size < 13 or data[:6] not in (b"GIF87a", b"GIF89a"):
        raise MetadataError("not a GIF file")
    pos = 13
    packed = data[10]
    if packed & 0x80:
        pos += 3 * (2 ** ((packed & 0x07) + 1))
    out = [(True, data[:pos])]
    while True:
        if pos >= size:
            raise MetadataError("the GIF file ends early")
        start = pos
        introducer = data[pos]
        if introducer == 0x3B:
            out.append((True, b"\x3b"))
            return out
        if introducer == 0x21:
            if pos + 2 > size:
                raise MetadataError("the GIF file ends early")
            label = data[pos + 1]
            pos = _gif_sub_blocks(data, pos + 2)
            raw = data[start:pos]
            if label == 0xFE:
                keep = False
            elif label == 0xFF:
                keep = raw[3:14] in _GIF_KEEP_APPS
            else:
                keep = True
            out.append((keep, raw))
        elif introducer == 0x2C:
            if pos + 10 > size:
                raise MetadataError("the GIF file ends early")
            local = data[pos + 9]
            pos += 10
            if local & 0x80:
                pos += 3 * (2 ** ((local & 0x07) + 1))
            pos = _gif_sub_blocks(data, pos + 1)  # after the LZW minimum code size
            out.append((True, data[start:pos]))
        else:
            raise MetadataError("the GIF file is damaged")


def _gif_sub_blocks(data: bytes, pos: int) -> int:
    size = len(data)
    while True:
        if pos >= size:
            raise MetadataError("the GIF file ends early")
        length = data[pos]
        pos += 1 + length
        if length == 0:
            return pos
        if pos > size:
            raise MetadataError("the GIF file ends early")


def _strip_gif(data: bytes) -> bytes:
    return b"".join(raw for keep, raw in _gif_blocks(data) if keep)
