"""The one place Composer shows message boxes.

Every question or warning in the window goes through `show()`, so tests replace exactly
one function (``monkeypatch.setattr(alerts, "show", fake)``) and never meet a modal box.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

Kind = Literal["info", "warning", "error", "question"]

_ICONS = {
    "info": QMessageBox.Icon.Information,
    "warning": QMessageBox.Icon.Warning,
    "error": QMessageBox.Icon.Critical,
    "question": QMessageBox.Icon.Question,
}


def show(kind: Kind, parent: QWidget | None, title: str, text: str, details: str = "") -> bool:
    """Show a message box; True when the user said yes (questions) or closed it."""
    box = QMessageBox(parent)
    box.setIcon(_ICONS[kind])
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    if kind == "question":
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
    else:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    answer = box.exec()
    box.deleteLater()
    return kind != "question" or answer == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, title: str, text: str, choices: tuple[str, ...]) -> int | None:
    """Ask with named buttons (the last one cancels); the index chosen, None for cancel."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    buttons = [
        box.addButton(
            label,
            QMessageBox.ButtonRole.RejectRole
            if index == len(choices) - 1
            else QMessageBox.ButtonRole.AcceptRole,
        )
        for index, label in enumerate(choices)
    ]
    box.setDefaultButton(buttons[-1])
    box.setEscapeButton(buttons[-1])
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    index = buttons.index(clicked) if clicked in buttons else len(buttons) - 1
    return None if index == len(buttons) - 1 else index


def info(parent: QWidget | None, title: str, text: str) -> None:
    show("info", parent, title, text)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    show("warning", parent, title, text)


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    show("error", parent, title, text, details)


def question(parent: QWidget | None, title: str, text: str) -> bool:
    return show("question", parent, title, text)


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text from the user, or None when they cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None
