"""Small monochrome platform icons (X, LinkedIn, Facebook, Instagram, Threads).

Simple glyphs drawn for Composer in `resources/platform-icons/*.svg` (not the networks'
logos), kept beside them as 64-pixel PNG masks (`packaging/make_icons.py` draws them, so the
installers carry no SVG support), drawn down smoothly and tinted with the text colour they
stand beside, so they
follow the light or dark scheme and a status chip's ink. Each comes with the platform's
name for tooltips and screen readers (`platform_words`); where an icon cannot be read, the
short text mark stands in (`PLATFORM_MARKS`), so nothing is ever silently missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap

from composer.domain.layout import resources_dir
from composer.domain.platforms import PLATFORM_MARKS, display_name

ICON_FOLDER = "platform-icons"


def icon_path(platform: str) -> Path:
    return resources_dir() / ICON_FOLDER / f"{platform}.png"


@cache
def _mask(platform: str) -> QImage | None:
    path = icon_path(platform)
    image = QImage(str(path)) if path.is_file() else None
    return image if image is not None and not image.isNull() else None


def has_icon(platform: str) -> bool:
    return _mask(platform) is not None


@cache
def _image(platform: str, pixels: int, rgba: int) -> QImage:
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    mask = _mask(platform)
    if mask is not None:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF(0, 0, pixels, pixels), mask)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), QColor.fromRgba(rgba))  # the glyph, in this colour
        painter.end()
    return image


def paint_platform(
    painter: QPainter, platform: str, target: QRect, color: QColor, ratio: float = 1.0
) -> None:
    """Draw the platform's icon in `target` (a square), tinted `color`; its text mark when
    there is no icon for it."""
    if not has_icon(platform):
        painter.save()
        painter.setPen(color)
        painter.drawText(target, Qt.AlignmentFlag.AlignCenter, PLATFORM_MARKS.get(platform, "?"))
        painter.restore()
        return
    side = min(target.width(), target.height())
    image = _image(platform, max(1, round(side * ratio)), color.rgba())
    image.setDevicePixelRatio(ratio)
    top_left = QPoint(target.left(), target.top() + (target.height() - side) // 2)
    painter.drawImage(QRect(top_left.x(), top_left.y(), side, side), image)


def platform_icon(platform: str, color: QColor | None = None, size: int = 16) -> QIcon:
    """The platform's icon as a QIcon (for list items and buttons)."""
    return platforms_icon((platform,), color, size)


def platforms_icon(
    platforms: Sequence[str], color: QColor | None = None, size: int = 16, slots: int = 0
) -> QIcon:
    """One icon showing each platform's glyph side by side, from the left of room for
    `slots` glyphs (so a list's rows line up; see `strip_width`)."""
    ink = color if color is not None else QColor("#3c3c43")
    gap = max(2, size // 5)
    width = strip_width(max(slots, len(platforms), 1), size)
    pixmap = QPixmap(width, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    for n, platform in enumerate(platforms):
        paint_platform(painter, platform, QRect(n * (size + gap), 0, size, size), ink)
    painter.end()
    return QIcon(pixmap)


def strip_width(count: int, size: int = 16) -> int:
    """The width of `count` glyphs of `size` side by side."""
    gap = max(2, size // 5)
    return max(size, count * (size + gap) - gap)


def platform_words(platforms: Sequence[str]) -> str:
    """ "LinkedIn and X": the names the icons stand for, for tooltips and screen readers."""
    names = [display_name(p) for p in platforms]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
