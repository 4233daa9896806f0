"""Plain-words notices across the top of the window: start-up problems, recovery, hints.

Not modal, so nothing stands in the way of typing; each notice has a key so it can be
replaced or taken back, and a close button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from composer.ui.shell import theme


class Notice(QFrame):
    def __init__(
        self,
        key: str,
        text: str,
        level: str,
        action: tuple[str, Callable[[], None]] | None,
        on_close: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.level = level
        self.setObjectName("notice")
        self.setAccessibleName(f"Notice: {text}")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        if action is not None:
            button = QPushButton(action[0])
            button.clicked.connect(action[1])
            row.addWidget(button)
        close = QPushButton("Close")
        close.setFlat(True)
        close.setAccessibleName("Close this notice")
        close.clicked.connect(lambda: on_close(self.key))
        row.addWidget(close)
        c = theme.colours()
        accent = {"error": c.error, "warning": c.warning}.get(level, c.banner_border)
        self.setStyleSheet(
            f"#notice {{ background: {c.banner}; border: 1px solid {c.banner_border};"
            f" border-left: 4px solid {accent}; border-radius: 6px; }}"
        )


class Banner(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 8, 10, 0)
        self._layout.setSpacing(6)
        self._notices: dict[str, Notice] = {}
        self.setVisible(False)

    def show_notice(
        self,
        key: str,
        text: str,
        level: str = "info",
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        self.remove(key)
        notice = Notice(key, text, level, action, self.remove, self)
        self._notices[key] = notice
        self._layout.addWidget(notice)
        self.setVisible(True)

    def remove(self, key: str) -> None:
        notice = self._notices.pop(key, None)
        if notice is not None:
            self._layout.removeWidget(notice)
            notice.deleteLater()
        self.setVisible(bool(self._notices))

    def texts(self) -> dict[str, str]:
        return {key: notice.label.text() for key, notice in self._notices.items()}

    def has(self, key: str) -> bool:
        return key in self._notices
