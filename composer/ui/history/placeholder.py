"""What stands in the history column until the library is open (or if its panel fails).

The window must come up, and keep the agent's draft, whatever happens to the history list.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from composer.app.container import Services

log = logging.getLogger(__name__)


class PlaceholderHistory(QWidget):
    """Stands in for the history panel with the same signals and methods."""

    postActivated = Signal(int)
    newRequested = Signal()

    def __init__(self, services: Services | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        label = QLabel("History will appear here.")
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addStretch(1)

    def refresh(self) -> None:
        pass

    def select_post(self, post_id: int) -> None:
        pass

    def focus_search(self) -> None:
        self.setFocus()


def history_panel(services: Services, parent: QWidget | None = None) -> QWidget:
    """The history panel over `services`, or the placeholder if it cannot start."""
    from composer.ui.history.history_panel import HistoryPanel

    try:
        return HistoryPanel(services, parent)
    except Exception:  # a broken panel must not keep the agent from their draft
        log.exception("the history panel failed to start; using a placeholder")
        return PlaceholderHistory(services, parent)
