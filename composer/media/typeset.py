"""Pages set by Qt: rich text laid out by QTextDocument and drawn by QPdfWriter (QtGui).

`composer.export.pdf` decides what a page says (HTML) and finishes the file; this module
only typesets: the shipped fonts registered with Qt, images read at the size shown, and
each document drawn page by page. Both need a QGuiApplication: `ensure_gui_app` makes one
if none exists, on the offscreen platform when there is no display.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_APP: Any = None  # the QGuiApplication made here, kept alive for the process


def ensure_gui_app() -> None:
    """Make sure a QGuiApplication exists (Qt's text layout and PDF writer need one)."""
    global _APP
    from PySide6.QtCore import QCoreApplication

    existing = QCoreApplication.instance()
    if existing is not None:
        from PySide6.QtGui import QGuiApplication

        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("the PDF export needs a QGuiApplication, not a QCoreApplication")
        return
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _APP = QGuiApplication(["composer"])


# -- fonts -------------------------------------------------------------------------------------


def register_fonts(paths: Iterable[Path]) -> set[str]:
    """Add font files to Qt's font database; the families they hold."""
    ensure_gui_app()
    from PySide6.QtCore import QLoggingCategory
    from PySide6.QtGui import QFontDatabase

    # Qt notes each font it passes over for a script as "OpenType support missing"; with
    # one font per script that is every font but one, on stderr.
    QLoggingCategory.setFilterRules("qt.text.font.db.info=false")
    found: set[str] = set()
    for path in paths:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise RuntimeError(f"Qt could not load the font {path.name}")
        found.update(QFontDatabase.applicationFontFamilies(font_id))
    return found


def make_font(families: Sequence[str], point_size: float, features_off: Iterable[str]) -> Any:
    """A QFont taking each character from the first of `families` that has it."""
    ensure_gui_app()
    from PySide6.QtGui import QFont

    font = QFont()
    font.setFamilies(list(families))
    font.setPointSizeF(point_size)
    for tag in features_off:
        font.setFeature(QFont.Tag(tag), 0)
    return font


def glyph_test(font: Any) -> Callable[[str], bool]:
    """Whether a character would be drawn with `font` (or Qt's fallbacks), not as a box;
    the same question Qt's renderer asks."""
    ensure_gui_app()
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(font)
    return lambda char: bool(metrics.inFontUcs4(ord(char)))


# -- pages -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageImage:
    url: str  # how the page's <img> names it
    path: Path
    shown: tuple[int, int]  # its size on the page, in 96-dpi pixels


@dataclass(frozen=True, slots=True)
class Source:
    """One document: its HTML (Qt's rich-text subset) and the images it shows."""

    html: str
    images: tuple[PageImage, ...] = ()


@dataclass(frozen=True, slots=True)
class Typeset[T]:
    data: bytes  # the PDF as Qt wrote it
    pages: list[T]  # what `lines` found on each page, in order
    matrix: str  # the PDF matrix from the painter's page pixels to PDF points


FOOTER_ROOM = 28.0  # 96-dpi pixels kept free at the foot of each page for a footer


def typeset[T](
    sources: Iterable[Source],
    *,
    title: str,
    font: Any,
    style: str,
    lines: Callable[[Any, float], dict[int, T]],
    empty: T,
    footer_room: bool = False,
) -> Typeset[T]:
    """Lay out and draw each source on A4 pages (one source may run on to more pages).

    `lines(document, page_height)` reads each laid-out document's lines by page; pages it
    says nothing about get `empty`. With `footer_room`, FOOTER_ROOM pixels at the foot of
    every page are left empty for a footer the finished file adds (page numbers need the
    page count, known only once every page is drawn).
    """
    ensure_gui_app()
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)
    writer.setTitle(title)
    writer.setCreator("Composer")
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    width = float(area.width())
    height = float(area.height()) - (FOOTER_ROOM if footer_room else 0.0)
    pages: list[T] = []
    painter = QPainter(writer)
    try:
        for source in sources:
            document = QTextDocument()
            document.setDefaultFont(font)
            document.setDefaultStyleSheet(style)
            document.setPageSize(QSizeF(width, height))
            _add_images(document, source.images)
            document.setHtml(source.html)
            found = lines(document, height)
            for page in range(document.pageCount()):
                if pages:
                    writer.newPage()
                pages.append(found.get(page, empty))
                painter.save()
                painter.translate(0, -page * height)
                document.drawContents(painter, QRectF(0, page * height, width, height))
                painter.restore()
    finally:
        painter.end()
    buffer.close()
    return Typeset(bytes(buffer.data().data()), pages, _page_matrix(writer))


def _add_images(document: Any, images: Iterable[PageImage]) -> None:
    """Give the page's <img> tags their pixels: each image read at twice its shown size
    (decoded afresh, so no camera metadata reaches the PDF)."""
    from PySide6.QtCore import QSize, QUrl
    from PySide6.QtGui import QImageIOHandler, QImageReader, QTextDocument

    on_side = QImageIOHandler.Transformation.TransformationRotate90
    for image in images:
        reader = QImageReader(str(image.path))
        reader.setAutoTransform(True)
        width, height = image.shown
        size = reader.size()
        if size.isValid() and size.width() * size.height() > 4 * width * height:
            stored = QSize(width * 2, height * 2)
            if reader.transformation() & on_side:  # stored on its side: scale before turning
                stored.transpose()
            reader.setScaledSize(stored)
        pixels = reader.read()
        if not pixels.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(image.url), pixels)


def _page_matrix(writer: Any) -> str:
    """The PDF matrix taking the painter's page pixels (y down) to PDF points (y up)."""
    from PySide6.QtGui import QPageLayout

    layout = writer.pageLayout()
    paint = layout.paintRect(QPageLayout.Unit.Point)
    full = layout.fullRect(QPageLayout.Unit.Point)
    scale = 72 / writer.resolution()
    return f"{scale:.6f} 0 0 {-scale:.6f} {paint.left():.4f} {full.height() - paint.top():.4f}"
