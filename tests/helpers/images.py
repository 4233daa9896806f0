"""Test images made in code (never committed): JPEGs with EXIF orientation and GPS, PNGs
with text chunks, a PNG whose header claims 200 megapixels, truncated files."""

from __future__ import annotations

import struct
import zlib

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter

LATITUDE = ((40, 1), (44, 1), (5436, 100))  # 40° 44' 54.36"


def picture(width: int = 64, height: int = 48, colour: str = "#3a7") -> QImage:
    """A picture with a marked top-left corner, so orientation can be checked."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.fillRect(0, 0, max(1, width // 4), max(1, height // 4), QColor("#d22"))
    painter.end()
    return image


def encode(image: QImage, format: str, quality: int = 90) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, format.encode())
    writer.setQuality(quality)
    assert writer.write(image), writer.errorString()
    buffer.close()
    return bytes(buffer.data().data())


def tiff_exif(orientation: int | None = None, gps: bool = False) -> bytes:
    """A little-endian TIFF block with IFD0 (orientation, GPS pointer) and a GPS IFD."""
    entries: list[tuple[int, int, int, bytes]] = []
    if orientation is not None:
        entries.append((0x0112, 3, 1, struct.pack("<HH", orientation, 0)))
    gps_at = 8 + 2 + 12 * (len(entries) + (1 if gps else 0)) + 4
    if gps:
        entries.append((0x8825, 4, 1, struct.pack("<I", gps_at)))
    out = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        out += struct.pack("<HHI", tag, kind, count) + value
    out += struct.pack("<I", 0)
    if gps:
        assert len(out) == gps_at
        rationals_at = gps_at + 2 + 12 * 4 + 4
        rationals = b"".join(struct.pack("<II", n, d) for n, d in LATITUDE)
        gps_entries = [
            (1, 2, 2, b"N\x00\x00\x00"),
            (2, 5, 3, struct.pack("<I", rationals_at)),
            (3, 2, 2, b"W\x00\x00\x00"),
            (4, 5, 3, struct.pack("<I", rationals_at + 24)),
        ]
        out += struct.pack("<H", len(gps_entries))
        for tag, kind, count, value in gps_entries:
            out += struct.pack("<HHI", tag, kind, count) + value
        out += struct.pack("<I", 0) + rationals + rationals
    return out


def with_app1(jpeg: bytes, payload: bytes) -> bytes:
    """Insert an APP1 segment right after SOI (where cameras put EXIF)."""
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def camera_jpeg(
    width: int = 64, height: int = 48, orientation: int | None = None, gps: bool = False
) -> bytes:
    """A JPEG as a phone writes it: EXIF (orientation, GPS), XMP and a comment."""
    jpeg = encode(picture(width, height), "jpeg")
    jpeg = with_app1(jpeg, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>GPS here</x:xmpmeta>")
    comment = b"shot at home"
    jpeg = jpeg[:2] + b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + jpeg[2:]
    return with_app1(jpeg, b"Exif\x00\x00" + tiff_exif(orientation, gps))


def png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_with_text(width: int = 40, height: int = 30, gps: bool = False) -> bytes:
    """A PNG with a tEXt comment and (optionally) an eXIf chunk holding GPS."""
    png = encode(picture(width, height), "png")
    extra = png_chunk(b"tEXt", b"Comment\x00taken at the client's house")
    if gps:
        extra += png_chunk(b"eXIf", tiff_exif(gps=True))
    return png[:33] + extra + png[33:]  # after the signature and IHDR


def bomb_png(width: int = 20_000, height: int = 10_000) -> bytes:
    """A tiny PNG whose header claims `width`×`height` (200 megapixels by default)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def webp_with_exif(gps: bool = True) -> bytes:
    """A WebP (extended format) carrying an EXIF chunk."""
    plain = encode(picture(32, 24), "webp")
    assert plain[:4] == b"RIFF" and plain[8:12] == b"WEBP"
    body = plain[12:]
    vp8x = b"VP8X" + struct.pack("<I", 10) + bytes([0x08, 0, 0, 0]) + (31).to_bytes(3, "little")
    vp8x += (23).to_bytes(3, "little")
    exif = tiff_exif(gps=gps)
    chunk = b"EXIF" + struct.pack("<I", len(exif)) + exif + (b"\x00" if len(exif) % 2 else b"")
    payload = b"WEBP" + vp8x + body + chunk
    return b"RIFF" + struct.pack("<I", len(payload)) + payload


def gif_with_comment() -> bytes:
    """A one-pixel GIF with a comment and an XMP application extension."""
    header = b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    comment = b"\x21\xfe\x05hello\x00"
    xmp = b"\x21\xff\x0bXMP DataXMP\x04<x/>\x00"
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    return header + comment + xmp + image + b"\x3b"
