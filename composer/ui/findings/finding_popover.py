"""The small box that opens on clicked underlined words: what is wrong, the fixes, Dismiss.

As in the writing assistants agents know, the fix is where the words are; the findings
panel stays the place for the full explanation ("Why?" opens it there).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from composer.ui.findings.findings_model import Shown

MAX_FIXES = 3


class FindingPopover(QFrame):
    """One section per finding at the clicked place; closes on any choice or click away."""

    fixChosen = Signal(object, str)  # (Shown, replacement)
    dismissChosen = Signal(object)
    explainChosen = Signal(object)

    def __init__(self, items: Sequence[Shown], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("findingPopover")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("What to do about these words")
        self.buttons: list[QPushButton] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        for item in items:
            finding = item.finding
            message = QLabel(finding.message, self)
            message.setTextFormat(Qt.TextFormat.PlainText)
            message.setWordWrap(True)
            message.setMinimumWidth(260)
            message.setMaximumWidth(380)
            layout.addWidget(message)
            row = QHBoxLayout()
            for choice in finding.suggestions[:MAX_FIXES] if finding.start is not None else ():
                self._button(row, f"“{choice}”", f"Replace with {choice}").clicked.connect(
                    lambda _=False, i=item, c=choice: self._chose(lambda: self.fixChosen.emit(i, c))
                )
            self._button(row, "Why?", "Explain this finding").clicked.connect(
                lambda _=False, i=item: self._chose(lambda: self.explainChosen.emit(i))
            )
            if item.dismissible:
                self._button(row, "Dismiss", "Dismiss for this post").clicked.connect(
                    lambda _=False, i=item: self._chose(lambda: self.dismissChosen.emit(i))
                )
            row.addStretch(1)
            layout.addLayout(row)
        if self.buttons:
            self.buttons[0].setFocus()

    def _button(self, row: QHBoxLayout, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        row.addWidget(button)
        self.buttons.append(button)
        return button

    def _chose(self, then: Callable[[], None]) -> None:
        self.close()
        then()

    def show_at(self, point: QPoint) -> None:
        """Open below `point`, kept on its screen."""
        self.adjustSize()
        screen = QGuiApplication.screenAt(point) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        x = min(max(point.x(), area.left()), area.right() - self.width())
        y = point.y() + 4
        if y + self.height() > area.bottom():
            y = max(area.top(), point.y() - self.height() - 24)
        self.move(x, y)
        self.show()
