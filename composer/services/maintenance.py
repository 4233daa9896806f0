"""Looking after the library file: backups, the integrity check, the schema, and what
opening it found. The command line and the window ask this, never the database itself."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from composer.domain.layout import backups_dir
from composer.storage.database import head_revision

if TYPE_CHECKING:
    from composer.storage.database import Database


class MaintenanceService:
    def __init__(self, database: Database, now: Callable[[], datetime] | None = None) -> None:
        self._db = database
        self._now = now or (lambda: datetime.now(UTC))

    # -- what opening the library found ---------------------------------------------------

    @property
    def notices(self) -> tuple[str, ...]:
        """What recovery did on opening, if anything (one plain sentence each)."""
        return tuple(self._db.report.notices)

    @property
    def read_only(self) -> str:
        """Why nothing can be written (empty when the library can be changed)."""
        return self._db.read_only

    @property
    def created(self) -> bool:
        """Whether opening made a new, empty library."""
        return bool(self._db.report.created)

    # -- backups ---------------------------------------------------------------------------

    def daily_backup(self) -> Path:
        """Today's rotated backup, unless it exists. Raises BackupError or OSError."""
        return self._db.daily_backup()

    def backup(self, destination: Path | None = None) -> Path:
        """A checked copy of the library at `destination` (default: a time-stamped file in
        the backups folder). Raises BackupError."""
        if destination is None:
            stamp = self._now().astimezone().strftime("%Y%m%dT%H%M%S")
            destination = backups_dir(self._db.path.parent) / f"library-manual-{stamp}.sqlite3"
        return self._db.backup_to(destination)

    # -- health ----------------------------------------------------------------------------

    def integrity(self) -> str:
        """SQLite's integrity check: "ok", or what it found."""
        return self._db.integrity_check()

    def schema(self) -> str | None:
        """The schema revision the library file is at (None when it has none)."""
        with contextlib.closing(sqlite3.connect(self._db.path)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None

    @staticmethod
    def current_schema() -> str:
        """The schema revision this Composer writes."""
        return head_revision()
