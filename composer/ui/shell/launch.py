"""`composer` with no subcommand: set up Qt, take the library's lock, show the window.

Order matters for speed: the window is painted before the library and the guideline
engine are loaded (on a worker thread), so the agent sees Composer at once.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

from composer.app import paths

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from composer.ui.shell.app_setup import RunMarker

log = logging.getLogger("composer")

FIRST_PAINT_ENV = "COMPOSER_REPORT_FIRST_PAINT"  # benchmarks: print seconds to first paint
QUIT_AFTER_ENV = "COMPOSER_QUIT_AFTER_MS"  # benchmarks and screenshots: quit by itself


def launch(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    data_dir = paths.data_dir(getattr(args, "data_dir", None))
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"composer: cannot use the data folder {data_dir}: {exc.strerror}", file=sys.stderr)
        return 1

    from composer.ui.shell import app_setup

    log_file = app_setup.setup_logging(data_dir)
    log.info("starting; data folder %s", data_dir)

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    # Qt 6 scales for HiDPI by itself; pass fractional factors through (150 % stays crisp).
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    # instance() is typed as QCoreApplication; here it can only be a QApplication.
    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0]]))
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    app.setDesktopFileName("composer")

    from composer.ui import alerts

    lock = app_setup.InstanceLock(data_dir)
    if not lock.acquire():
        from composer.ui.shell import doorbell

        if doorbell.ring(data_dir):
            print(
                "composer: Composer is already open with this library; "
                "its window was brought forward.",
                file=sys.stderr,
            )
            return 0
        pid = lock.owner_pid()
        message = (
            "Composer is already open with this library"
            + (f" (process {pid})" if pid else "")
            + ". Switch to that window; two windows on one library could overwrite each "
            "other's changes."
        )
        print(f"composer: {message}", file=sys.stderr)
        quit_after = os.environ.get(QUIT_AFTER_ENV)
        if quit_after:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(int(quit_after), app.closeAllWindows)
        alerts.info(None, "Composer is already open", message)
        return 1

    marker = app_setup.RunMarker(data_dir)
    marker.start()
    try:
        return _run(app, data_dir, marker, log_file, started)
    finally:
        lock.release()


def _run(
    app: QApplication, data_dir: Path, marker: RunMarker, log_file: Path, started: float
) -> int:
    from PySide6.QtCore import QTimer

    from composer.ui import alerts
    from composer.ui.shell import app_setup, theme
    from composer.ui.shell.doorbell import Doorbell
    from composer.ui.shell.main_window import MainWindow
    from composer.ui.shell.startup import StartupLoader

    loader = StartupLoader(data_dir)

    def body_built() -> None:
        """The panes exist (built right after the first paint): now load the library."""
        window.unclean_start = marker.unclean
        if theme.is_dark_requested():
            window.apply_scheme()
        loader.setParent(window)
        loader.libraryOpened.connect(window.attach_services)
        loader.libraryFailed.connect(window.library_failed)
        loader.engineReady.connect(window.attach_engine)
        loader.engineFailed.connect(window.engine_failed)
        loader.storeStatus.connect(window.store_status)
        loader.start()

    window = MainWindow(data_dir, after_first_paint=body_built)

    def on_error(summary: str, details: str) -> None:
        alerts.error(
            window,
            "Something went wrong",
            "Composer ran into an unexpected problem. Your draft was saved.\n\n"
            f"A report was written to {log_file}.",
            details,
        )

    previous_hook = app_setup.install_excepthook(on_error, window.save_draft)
    doorbell = Doorbell(data_dir, window)  # before the first paint: a second launch may ring
    doorbell.rung.connect(window.bring_forward)

    if os.environ.get(FIRST_PAINT_ENV):
        _report_first_paint(window, started)
    quit_after = os.environ.get(QUIT_AFTER_ENV)
    if quit_after:
        QTimer.singleShot(int(quit_after), window.close)

    window.show()
    status = app.exec()
    loader.wait(5000)
    sys.excepthook = previous_hook
    if window.closed_cleanly:
        marker.finish()
    if window.services is not None:
        window.services.close()
    log.info("closed (status %s, clean %s)", status, window.closed_cleanly)
    return int(status)


def _report_first_paint(window: QWidget, started: float) -> None:
    from PySide6.QtCore import QEvent, QObject

    class _Painted(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"first-paint {time.perf_counter() - started:.3f}", flush=True)
                window.removeEventFilter(self)
            return False

    watcher = _Painted(window)
    window.installEventFilter(watcher)
