"""Reload the guideline rules (after the agent edits a custom pack) without a restart.

Building the engine reads every pack and the dictionaries (about half a second), so it
runs on a private one-thread pool like start-up does. The guideline service (the one
owner of the engine) swaps the new engine in when it is ready, for the live checks and
approval alike. A second request while one is running is ignored rather than queued.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from composer.ui.shell.startup import spelling_of

log = logging.getLogger(__name__)


class RulesReloader(QObject):
    ready = Signal(object)  # Engine, already in use by the guideline service
    failed = Signal(str)

    def __init__(self, guidelines: Callable[[], Any], parent: QObject | None = None) -> None:
        """`guidelines` hands over the current GuidelineService (the library's, once open)."""
        super().__init__(parent)
        self._guidelines = guidelines
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.busy = False

    def start(self) -> bool:
        """Begin a rebuild; False when one is already under way."""
        if self.busy:
            return False
        self.busy = True
        self._pool.start(self._work)
        return True

    def wait(self, ms: int = 30_000) -> bool:
        return self._pool.waitForDone(ms)

    def _work(self) -> None:
        try:
            guidelines = self._guidelines()
            guidelines.ensure_user_dictionary()  # see StartupLoader
            engine = guidelines.reload()
            spelling = spelling_of(engine)
            if spelling is not None:
                spelling.warm_up()
        except Exception as exc:
            log.exception("reloading the guideline rules failed")
            self.busy = False
            self.failed.emit(
                f"The rules could not be reloaded ({exc}). The checks keep the rules they had."
            )
            return
        self.busy = False
        self.ready.emit(engine)
