"""Open the main window, wait for its first paint, close it: the window step of self-test.

It lives in composer/ui because only this package may import QtWidgets. A bundle that
lost a Qt plugin (the platform plugin, image formats, styles) fails here.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from composer.app.container import Services
    from composer.guidelines.engine import Engine

PAINT_TIMEOUT_MS = 15_000


def make_main_window(services: Services, engine: Engine | None = None) -> QWidget:
    """The real main window over the self-test's temporary library (and engine, if given)."""
    from composer.ui.shell.main_window import MainWindow

    window = MainWindow(services.data_dir)
    window.attach_services(services)
    if engine is not None:
        window.attach_engine(engine)
    return window


class _FirstPaint(QObject):
    """Event filter that notes the first paint of the window and ends the wait."""

    def __init__(self, window: QWidget, loop: QEventLoop) -> None:
        super().__init__()
        self.painted = False
        self._window = window
        self._loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, self._loop.quit)  # let this paint finish first
        return False


def show_and_close_main_window(
    services: Services, engine: Engine | None = None, timeout_ms: int = PAINT_TIMEOUT_MS
) -> str:
    """Show the window, wait until it has painted, close and free it; describe what happened."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    clock = QElapsedTimer()
    clock.start()
    window = make_main_window(services, engine)
    loop = QEventLoop()
    watcher = _FirstPaint(window, loop)
    window.installEventFilter(watcher)
    QTimer.singleShot(timeout_ms, loop.quit)
    window.show()
    if not watcher.painted:
        loop.exec()
    elapsed = clock.elapsed()
    window.removeEventFilter(watcher)
    name = type(window).__name__
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()
    if not watcher.painted:
        raise RuntimeError(f"{name} did not paint within {timeout_ms / 1000:.0f} s")
    platform = QApplication.platformName()
    return f"{name} painted in {elapsed} ms and closed (Qt {_qt_version()}, {platform})"


def _qt_version() -> str:
    from PySide6.QtCore import qVersion

    return qVersion()
