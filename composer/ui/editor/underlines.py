"""How findings look in the text: one underline style per severity, spelling its own."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from composer.ui.findings.findings_model import Shown
from composer.ui.shell import theme

_STYLES = {
    "error": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "warning": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "suggestion": QTextCharFormat.UnderlineStyle.DotLine,
    "spelling": QTextCharFormat.UnderlineStyle.DashUnderline,
}


def style_name(item: Shown) -> str:
    return "spelling" if item.is_spelling else item.finding.severity


def formats() -> dict[str, QTextCharFormat]:
    """Fresh formats for the current colour scheme."""
    colours = theme.colours()
    result: dict[str, QTextCharFormat] = {}
    for name, style in _STYLES.items():
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(style)
        fmt.setUnderlineColor(QColor(getattr(colours, name)))
        result[name] = fmt
    return result
