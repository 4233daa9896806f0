"""Helpers for the history panel and dialog tests: a real library, posts, freed-dialog checks."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

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
