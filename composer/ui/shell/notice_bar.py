"""One quiet line saying what just happened, with an Undo when it can be undone.

Used instead of confirmation boxes for changes that are easy to reverse (deleting a post
to the bin, archiving): the agent keeps typing, and can take the change back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

Undo = Callable[[], object]


class NoticeBar(QWidget):
    def __init__(self, parent: QWidget | None = None, name: str = "Notice") -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes post titles
        self.label.setAccessibleName(name)
        self.undo_button = QToolButton(self)
        self.undo_button.setText("Undo")
        self.undo_button.setAccessibleName("Undo the last change")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        self._undo: Undo | None = None
        self.clear()

    def text(self) -> str:
        return self.label.text()

    def show_message(self, text: str, undo: Undo | None = None) -> None:
        self.label.setText(text)
        self._undo = undo
        self.undo_button.setVisible(undo is not None)
        self.setVisible(True)

    def clear(self) -> None:
        self.label.clear()
        self._undo = None
        self.undo_button.setVisible(False)
        self.setVisible(False)

    def take_undo(self) -> Undo | None:
        """The pending undo (once), clearing the line."""
        undo = self._undo
        self.clear()
        return undo
