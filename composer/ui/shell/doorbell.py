"""A second launch brings the open window forward instead of only saying it is open.

The window that holds the library's lock watches a small folder in the data folder; a
second launch drops a request file there and waits for it to be taken. Files rather than
a local socket, because Composer ships without Qt's network module (it has no network
code) and a folder watch needs nothing more than QtCore. When nobody takes the request
(the owner is hung, or on another computer sharing the folder), the second launch tidies
up and falls back to saying that the library is open.
"""

from __future__ import annotations

import logging
import os
import sys
import time
import uuid
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

log = logging.getLogger(__name__)

DOORBELL_DIR = "instance"
SUFFIX = ".raise"
ANSWER_SECONDS = 3.0
POLL_MS = 2000  # only when the folder cannot be watched


def doorbell_dir(data_dir: Path) -> Path:
    return data_dir / DOORBELL_DIR


def ring(data_dir: Path, timeout: float = ANSWER_SECONDS) -> bool:
    """Ask the window that owns this library to come forward; True when it answered."""
    folder = doorbell_dir(data_dir)
    request = folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}{SUFFIX}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial = request.with_suffix(".tmp")  # written then renamed: never seen half-made
        partial.write_text("raise\n", encoding="utf-8")
        partial.replace(request)
    except OSError as exc:
        log.info("could not ring the open window: %s", exc)
        return False
    _allow_foreground()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not request.exists():
            return True
        time.sleep(0.05)
    try:
        request.unlink()
    except FileNotFoundError:
        return True  # taken at the last moment
    except OSError:
        pass
    return False


def _allow_foreground() -> None:
    """Windows lets only the foreground process bring a window forward; this launch (just
    started by the agent) is it, so it passes the right on to the open window."""
    if sys.platform != "win32":
        return
    try:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(ctypes.c_uint32(0xFFFFFFFF))  # ASFW_ANY
    except (AttributeError, OSError):
        pass


class Doorbell(QObject):
    """Held by the first window: emits `rung` for every request a second launch leaves."""

    rung = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = doorbell_dir(data_dir)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._watcher = QFileSystemWatcher(self)
        self._poll: QTimer | None = None
        if self._watcher.addPath(str(self.folder)):
            self._watcher.directoryChanged.connect(self.answer)
        else:  # some network shares cannot be watched: look now and then instead
            log.info("cannot watch %s; polling for second launches", self.folder)
            self._poll = QTimer(self)
            self._poll.setInterval(POLL_MS)
            self._poll.timeout.connect(self.answer)
            self._poll.start()
        # A launch that rang while this window was still starting is answered at once.
        QTimer.singleShot(0, self.answer)

    def answer(self, *_: object) -> int:
        """Take every waiting request (that is the reply) and emit `rung` once."""
        taken = 0
        try:
            waiting = list(self.folder.glob(f"*{SUFFIX}"))
        except OSError:
            return 0
        for request in waiting:
            try:
                request.unlink()
                taken += 1
            except OSError:
                continue  # the caller gave up and removed it, or another answer won
        if taken:
            log.info("raised by a second launch")
            self.rung.emit()
        return taken
