"""The shipped colour emoji font: registered as the emoji font, and drawn in colour.

Colour, not size, is asserted: a face drawn by any monochrome font (or a box) has no pixel
whose red, green and blue differ much, a Twemoji face is yellow.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter
from PySide6.QtWidgets import QApplication

from composer.ui.shell.emoji_font import emoji_font_path, register_emoji_font


def _coloured_pixels(text: str, font: QFont) -> int:
    image = QImage(240, 80, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = QColor(image.pixel(x, y))
            channels = (colour.red(), colour.green(), colour.blue())
            if max(channels) - min(channels) > 80:
                count += 1
    return count


def test_the_font_ships_with_its_licence() -> None:
    path = emoji_font_path()
    assert path.is_file()
    licence = (path.parent / "LICENSE.md").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "CC-BY-4.0" in licence


def test_emoji_are_drawn_in_colour_in_the_ui_font(qapp: QApplication) -> None:
    family = register_emoji_font()
    assert family == "Twemoji Mozilla"
    assert family in QFontDatabase.applicationEmojiFontFamilies()
    font = QFont(qapp.font())
    font.setPixelSize(48)
    assert _coloured_pixels("😀", font) > 50
    assert _coloured_pixels("👩‍👧 ❤️", font) > 50
    # Plain text stays text: no colour in letters.
    assert _coloured_pixels("Hello", font) == 0


def test_emoji_stay_in_colour_after_a_pdf_registers_its_monochrome_emoji(
    qapp: QApplication,
) -> None:
    from composer.export.pdf_fonts import register_fonts

    register_emoji_font()
    assert "Noto Emoji" in register_fonts()  # as exporting a PDF record does
    font = QFont(qapp.font())
    font.setPixelSize(48)
    assert _coloured_pixels("🏠", font) > 50


def test_the_window_registers_it(monkeypatch, make_window, services) -> None:
    from composer.ui.shell import emoji_font

    calls: list[int] = []
    monkeypatch.setattr(emoji_font, "register_emoji_font", lambda: calls.append(1))
    make_window(services)
    assert calls == [1]
