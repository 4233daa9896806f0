"""Process-wide set-up for the window: log file, single instance, crash marker, excepthook."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLockFile

log = logging.getLogger("composer")

LOCK_FILE = "composer.lock"
RUN_MARKER = "running.marker"
LOG_DIR = "logs"
LOG_FILE = "composer.log"


def log_path(data_dir: Path) -> Path:
    return data_dir / LOG_DIR / LOG_FILE


class _LogFile(logging.handlers.RotatingFileHandler):
    """Composer's log file: marked, so setting up again replaces it rather than doubling it."""

    _composer = True


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """A rotating log file in the data folder (1 MB, five kept); returns its path."""
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_composer", False):
            root.removeHandler(handler)
            handler.close()
    handler = _LogFile(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path


class InstanceLock:
    """One window per library: a lock file in the data folder (stale locks of a crashed
    run are taken over, since Qt checks whether their process still lives)."""

    def __init__(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / LOCK_FILE
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        return self._lock.tryLock(100)

    def owner_pid(self) -> int | None:
        """The process holding the lock, when Qt can tell (the binding's shape varies)."""
        try:
            info = self._lock.getLockInfo()
        except Exception:
            return None
        if isinstance(info, tuple) and info and info[0] is True and len(info) > 1:
            return int(info[1]) if isinstance(info[1], int) and info[1] > 0 else None
        if isinstance(info, tuple) and info and isinstance(info[0], int) and info[0] > 0:
            return info[0]
        return None

    def release(self) -> None:
        self._lock.unlock()


class RunMarker:
    """A file present while the window runs: found at start, the last run did not end well."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / RUN_MARKER
        self.unclean = self.path.exists()

    def start(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text("running\n", encoding="utf-8")

    def finish(self) -> None:
        self.path.unlink(missing_ok=True)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(
    on_error: Callable[[str, str], None], save: Callable[[], None]
) -> ExceptHook:
    """Log unexpected exceptions, save the draft, and tell the user in plain words.

    Returns the previous hook. Re-entrant errors (one raised while reporting another)
    are only logged, so a broken dialog cannot loop.
    """
    previous = sys.excepthook
    busy = False

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        nonlocal busy
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, tb)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", details)
        if busy:
            return
        busy = True
        try:
            try:
                save()
            except Exception:
                log.exception("saving the draft after an error failed")
            on_error(f"{kind.__name__}: {value}", details)
        except Exception:
            log.exception("reporting an error failed")
        finally:
            busy = False

    sys.excepthook = hook
    return previous
