"""Render the app icon from resources/icons/composer.svg into every size the platforms need.

Run: uv run python packaging/make_icons.py
The PNGs, `composer.ico` (Windows) and `composer.icns` (macOS) are committed, so a build
never needs this script; run it again only after changing the SVG. The .ico and .icns
containers are written here by hand (both simply wrap PNG data), so nothing beyond
Qt's built-in PNG writer is needed: no Pillow, no iconutil.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "composer.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types share a size).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def png_path(size: int) -> Path:
    return ICONS / f"composer-{size}.png"


def render_pngs() -> None:
    """Draw the SVG at each size (not scaled from one bitmap, so small sizes stay crisp)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        png_path(size).write_bytes(bytes(data))


MARK_PIXELS = 64  # the platform marks' masks, drawn down to 12-32 px by the window


def render_platform_marks() -> None:
    """resources/platform-icons/*.svg to PNG masks beside them: the window loads the PNGs,
    so the installers need no SVG support (QtSvg and its plugins, about 0.3 MB packed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for svg in sorted((ICONS.parent / "platform-icons").glob("*.svg")):
        renderer = QSvgRenderer(str(svg))
        if not renderer.isValid():
            raise SystemExit(f"cannot read {svg}")
        image = QImage(MARK_PIXELS, MARK_PIXELS, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        svg.with_suffix(".png").write_bytes(bytes(data))


def ico_bytes(sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """A Windows .ico whose entries are PNGs (supported since Windows Vista)."""
    images = [png_path(size).read_bytes() for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def icns_bytes() -> bytes:
    """A macOS .icns: a list of (type, length, PNG) elements after an 8-byte header."""
    body = b""
    for kind, size in ICNS_TYPES:
        data = png_path(size).read_bytes()
        body += kind + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    render_pngs()
    (ICONS / "composer.ico").write_bytes(ico_bytes())
    (ICONS / "composer.icns").write_bytes(icns_bytes())
    render_platform_marks()
    print(f"wrote {len(PNG_SIZES)} PNGs, composer.ico and composer.icns to {ICONS}")
    print("and the platform marks' PNG masks beside their SVGs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
