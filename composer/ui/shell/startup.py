"""Start-up work that must not hold the window back, done on a worker thread.

Opening the library (SQLAlchemy import, migrations, recovery) and building the guideline
engine (packs, dictionaries) take the better part of a second; the window is painted
first and fills in as each part arrives. Failures come back as plain sentences.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, Signal

if TYPE_CHECKING:
    from composer.app.container import Services
    from composer.guidelines.builtin.spelling import SpellingCheck
    from composer.guidelines.engine import Engine

log = logging.getLogger(__name__)


class StartupLoader(QObject):
    libraryOpened = Signal(object)  # Services
    libraryFailed = Signal(str)
    engineReady = Signal(object)  # Engine (loaded into the library's GuidelineService)
    engineFailed = Signal(str)
    storeStatus = Signal(object)  # StoreStatus
    finished = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self) -> None:
        self._pool.start(self._work)

    def wait(self, ms: int = 30_000) -> bool:
        return self._pool.waitForDone(ms)

    def _work(self) -> None:
        services = self._open_library()
        if services is not None:
            self.libraryOpened.emit(services)
        engine = self._load_engine(services)
        if engine is not None:
            self.engineReady.emit(engine)
        if services is not None:
            try:
                self.storeStatus.emit(services.accounts.store_status())
            except Exception:
                log.exception("could not ask the keyring for its status")
        self.finished.emit()

    def _open_library(self) -> Services | None:
        from composer.app.container import Services
        from composer.domain.errors import LibraryOpenError

        try:
            return Services.open(self._data_dir)
        except LibraryOpenError as exc:
            self.libraryFailed.emit(str(exc))
        except Exception as exc:
            log.exception("the library could not be opened")
            self.libraryFailed.emit(
                f"The library in {self._data_dir} could not be opened ({exc.__class__.__name__})."
                " Details are in the log."
            )
        return None

    def _load_engine(self, services: Services | None) -> Engine | None:
        """The library's own engine (its GuidelineService builds it here, off the GUI
        thread); without a library, one for the window alone."""
        from composer.services.guidelines import GuidelineService

        try:
            if services is not None:
                guidelines = services.guidelines
            else:
                # the window installs this engine in its own service (MainWindow.guidelines)
                guidelines = GuidelineService.open(self._data_dir)
            # Without the file, "add to dictionary" would last until quit; an empty file
            # is a valid dictionary.
            guidelines.ensure_user_dictionary()
            engine = guidelines.engine
            spelling = spelling_of(engine)
            if spelling is not None:
                spelling.warm_up()
            return engine
        except Exception as exc:
            log.exception("the guideline engine could not be loaded")
            self.engineFailed.emit(
                f"The guideline checks could not be loaded ({exc}). Your text is still saved; "
                "details are in the log."
            )
        return None


def spelling_of(engine: object) -> SpellingCheck | None:
    """The engine's spelling check, for suggestions and "add to dictionary"."""
    spelling: SpellingCheck | None = getattr(engine, "spelling", None)
    return spelling
