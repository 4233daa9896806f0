"""Colours and small style sheets that follow the system's light or dark scheme.

The native style draws the controls; Composer only adds a few accents (underlines,
chips, finding cards, the banner). `is_dark()` asks Qt's style hints, falling back to the
palette's window colour where the platform does not say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


@dataclass(frozen=True, slots=True)
class Colours:
    error: str
    warning: str
    suggestion: str
    spelling: str
    ok: str
    muted: str
    card: str
    card_border: str
    banner: str
    banner_border: str
    chip: str
    chip_near: str
    chip_over: str


LIGHT = Colours(
    error="#c62828",
    warning="#b26a00",
    suggestion="#607d8b",
    spelling="#6a4fc2",
    ok="#2e7d32",
    muted="#6b7280",
    card="#ffffff",
    card_border="#e2e5ea",
    banner="#fff8e1",
    banner_border="#f0d48a",
    chip="#eef1f5",
    chip_near="#fff1cc",
    chip_over="#fde2e1",
)

DARK = Colours(
    error="#ef6b6b",
    warning="#f0b44c",
    suggestion="#90a4ae",
    spelling="#a996f2",
    ok="#7bc47f",
    muted="#9aa3ad",
    card="#2a2d33",
    card_border="#3a3f47",
    banner="#3b3320",
    banner_border="#6b5a2a",
    chip="#30343b",
    chip_near="#4a3d1c",
    chip_over="#4d2626",
)


def choice() -> str:
    """The agent's theme choice ("system", "light", "dark"), kept on the application."""
    app = QGuiApplication.instance()
    value = app.property(_CHOICE_PROPERTY) if app is not None else None
    return str(value) if value in ("light", "dark") else "system"


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    if choice() != "system":
        return choice() == "dark"
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colours() -> Colours:
    return DARK if is_dark() else LIGHT


def dark_palette() -> QPalette:
    """A calm dark palette for styles that do not switch by themselves (Fusion, offscreen)."""
    palette = QPalette()
    base, window, text = QColor("#1f2126"), QColor("#26292e"), QColor("#e6e8eb")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Window, window)
        palette.setColor(group, QPalette.ColorRole.WindowText, text)
        palette.setColor(group, QPalette.ColorRole.Base, base)
        palette.setColor(group, QPalette.ColorRole.AlternateBase, window)
        palette.setColor(group, QPalette.ColorRole.Text, text)
        palette.setColor(group, QPalette.ColorRole.Button, QColor("#2f3338"))
        palette.setColor(group, QPalette.ColorRole.ButtonText, text)
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor("#3d6fb6"))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        palette.setColor(group, QPalette.ColorRole.ToolTipBase, window)
        palette.setColor(group, QPalette.ColorRole.ToolTipText, text)
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#8b929b"))
        palette.setColor(group, QPalette.ColorRole.Link, QColor("#7fb0ff"))
    disabled = QColor("#7a8088")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_scheme(app: QApplication, original: QPalette) -> None:
    """Follow the scheme: the style's own palette, or ours when the style stays light."""
    original_dark = original.color(QPalette.ColorRole.Window).lightness() < 128
    if is_dark_requested() and not original_dark:
        app.setPalette(dark_palette())
        app.setStyleSheet(DARK_INDICATORS)
    elif choice() == "light" and original_dark:
        app.setPalette(app.style().standardPalette())
        app.setStyleSheet("")
    else:
        app.setPalette(original)
        app.setStyleSheet("")


# With our dark palette, styles draw an unticked box darker than the window it sits on:
# invisible. Boxes get a light outline, and a ticked one is filled with the highlight.
DARK_INDICATORS = """
QCheckBox::indicator { width: 13px; height: 13px; border: 1px solid #8b929b;
                       border-radius: 3px; background: #1f2126; }
QCheckBox::indicator:checked { background: #3d6fb6; border: 1px solid #9dbdf0; }
QCheckBox::indicator:focus { border: 1px solid #9dbdf0; }
QCheckBox::indicator:disabled { border: 1px solid #4a4f57; background: #26292e; }
"""


def is_dark_requested() -> bool:
    if choice() != "system":
        return choice() == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def chip_style(state: str) -> str:
    c = colours()
    background = {"near": c.chip_near, "over": c.chip_over}.get(state, c.chip)
    foreground = {"near": c.warning, "over": c.error}.get(state, "palette(window-text)")
    return (
        f"QLabel {{ background: {background}; color: {foreground}; border-radius: 10px;"
        f" padding: 2px 10px; }}"
    )


_CHOICE_PROPERTY = "composerTheme"


def request_scheme(value: object) -> None:
    """Remember the choice and ask Qt for it (platforms that cannot switch their own
    palette get ours from `apply_scheme`); "system" follows the system again."""
    app = QGuiApplication.instance()
    if app is None:
        return
    value = str(value) if value in ("light", "dark") else "system"
    app.setProperty(_CHOICE_PROPERTY, value)
    scheme = {"dark": Qt.ColorScheme.Dark, "light": Qt.ColorScheme.Light}.get(
        value, Qt.ColorScheme.Unknown
    )
    QGuiApplication.styleHints().setColorScheme(scheme)
