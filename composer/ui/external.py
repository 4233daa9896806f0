"""The one place the window reaches for panels and dialogs built alongside it.

The history panel and the accounts, profile and revisions dialogs live in their own
modules; until one exists, a quiet stand-in keeps the window usable. Nothing else in the
window imports them directly.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

log = logging.getLogger(__name__)


class PlaceholderHistory(QWidget):
    """Stands in for the history panel with the same signals and methods."""

    postActivated = Signal(int)
    newRequested = Signal()

    def __init__(self, services: Any, parent: QWidget | None = None) -> None:
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


def history_panel(services: Any, parent: QWidget | None = None) -> QWidget:
    try:
        from composer.ui.history_panel import HistoryPanel
    except ImportError:
        log.info("history panel not available; using a placeholder")
        return PlaceholderHistory(services, parent)
    try:
        return HistoryPanel(services, parent)
    except Exception:  # a broken panel must not keep the agent from their draft
        log.exception("the history panel failed to start; using a placeholder")
        return PlaceholderHistory(services, parent)


_DIALOGS = {
    "accounts": "AccountsDialog",
    "profile": "ProfileDialog",
    "revisions": "RevisionsDialog",
    "export": "ExportDialog",
    "snippets": "SnippetsDialog",
    "about": "AboutDialog",
}


def dialog(name: str, *args: Any) -> QDialog | None:
    """A dialog named in `_DIALOGS` (e.g. `profile`); None when it is not built yet."""
    import importlib

    try:
        module = importlib.import_module(f"composer.ui.dialogs.{name}")
    except ImportError:
        log.info("dialog %s not available", name)
        return None
    made: QDialog = getattr(module, _DIALOGS[name])(*args)
    return made


def available(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(f"composer.ui.dialogs.{name}") is not None
    except ImportError:
        return False
