"""Helpers for the history panel and dialog tests: a real library, posts, freed-dialog checks."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QWidget

from composer.app.container import Services
from composer.domain.posts import PostDraft


class StepClock:
    """A clock that moves one second per call, so every change has its own time and order."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def open_services(data_dir: Path, clock: Callable[[], datetime] | None = None) -> Services:
    def no_engine():
        raise AssertionError("these tests never run the guideline engine")

    return Services.open(data_dir, engine_loader=no_engine, clock=clock or StepClock())


def import_posts(services: Services, count: int, **fields) -> list[int]:
    """`count` posts in one import; bodies say their number so searches can find them."""
    drafts = [
        PostDraft(body=f"Post number {n}: a quick note about renters coverage.", **fields)
        for n in range(count)
    ]
    return services.importer.import_drafts(drafts)


def assert_freed_on_close(make: Callable[[], QWidget], close: Callable[[QWidget], None]) -> None:
    """Like novelWriter's checkDialogFreedOnClose: nothing keeps the dialog alive after close."""
    dialog = make()
    ref = weakref.ref(dialog)
    close(dialog)
    del dialog
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        gc.collect()
    assert ref() is None, "the dialog was not freed on close"


@contextmanager
def installed_keyring(backend: Any) -> Iterator[Any]:
    """Make `backend` keyring's current backend, and put the previous one back after."""
    import keyring
    import keyring.core

    previous = keyring.core._keyring_backend
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.core._keyring_backend = previous


def widget_texts(root: QWidget) -> str:
    """Every text a widget tree shows or holds, to prove a secret is in none of them."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTreeWidget

    texts: list[str] = [root.windowTitle()]
    for child in root.findChildren(QWidget):
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QLineEdit):
            texts += [child.text(), child.displayText(), child.placeholderText()]
        elif isinstance(child, QTreeWidget):
            for i in range(child.topLevelItemCount()):
                item = child.topLevelItem(i)
                texts += [item.text(c) for c in range(child.columnCount())]
        texts += [child.toolTip(), child.accessibleName()]
    return "\n".join(texts)
