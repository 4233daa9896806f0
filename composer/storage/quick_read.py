"""A read-only look at the library through the standard sqlite3 module, for `composer check`.

Why: editors and scripts run `composer check` on every save, and importing SQLAlchemy and
Alembic just to read the profile and a few recent approvals cost about half a second, more
than the check itself. This module reads those with plain SQL on a `mode=ro` connection and
never changes the file (no migration, no recovery, no WAL checkpoint).

It is used only when the library is exactly at `SCHEMA_REVISION`. Anything else (an older
library that needs migrating, a newer one, a damaged, busy or foreign file) raises
`QuickReadUnavailableError`, and the caller opens the library the full way, which migrates,
recovers or refuses as usual. The queries mirror `storage.settings` and
`ApprovalRepository.published`; a test compares the two paths on a real library.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from composer.domain.profile import Profile

# The Alembic head these queries were written against. A test checks it equals the head of
# `migrations/versions`: a new migration means re-checking the queries below, then this.
# 0004 (planning), 0005 (replies), 0006 (the record), 0007 (times in UTC), 0008 (threads),
# 0009 (retirement) and 0010 (ratings) left what it reads as it was.
SCHEMA_REVISION = "0010"
BUSY_TIMEOUT_S = 5.0  # as storage.database's BUSY_TIMEOUT_MS
PROFILE_KEY = "profile"  # as storage.settings.PROFILE_KEY

_PUBLISHED = (
    "SELECT id, post_id, approved_at, exported_at FROM approvals"
    " WHERE voided_at IS NULL OR exported_at IS NOT NULL"
    " ORDER BY approved_at DESC, id DESC"
)
_TEXTS = "SELECT platform, text FROM approval_texts WHERE approval_id = ? ORDER BY position"


class QuickReadUnavailableError(Exception):
    """The quick read cannot be trusted here; open the library the full way instead."""


@dataclass(frozen=True, slots=True)
class PublishedApproval:
    """The parts of an approval that history needs (see `domain.history.recent_history`)."""

    post_id: int
    approved_at: datetime
    exported_at: datetime | None
    texts: Mapping[str, str]


class QuickLibrary:
    """One read transaction on the library: the profile and the published approvals."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection

    def profile(self) -> Profile | None:
        row = self._conn.execute(
            "SELECT value FROM settings WHERE key = ?", (PROFILE_KEY,)
        ).fetchone()
        value = None if row is None or row[0] is None else json.loads(row[0])
        return Profile.from_stored(value)

    def published(self) -> Iterator[PublishedApproval]:
        """Approvals still active or exported, newest first, read as the caller goes."""
        # The cursor is left to the connection: closing the connection ends it, even when
        # a caller stops early and this generator is finalised only later.
        for approval_id, post_id, approved_at, exported_at in self._conn.execute(_PUBLISHED):
            texts = dict(self._conn.execute(_TEXTS, (approval_id,)).fetchall())
            yield PublishedApproval(
                post_id=post_id,
                approved_at=_utc(approved_at),
                exported_at=None if exported_at is None else _utc(exported_at),
                texts=texts,
            )


@contextlib.contextmanager
def open_read_only(path: Path) -> Iterator[QuickLibrary]:
    """The library at `path`, read-only, in one snapshot; raises QuickReadUnavailableError.

    Errors while the caller reads (a damaged page, a busy file, stored data that does not
    parse) raise QuickReadUnavailableError too, so the caller can fall back in one place.
    """
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    except (sqlite3.Error, OSError, ValueError) as exc:
        raise QuickReadUnavailableError(str(exc)) from exc
    try:
        connection.isolation_level = None  # our own BEGIN: one snapshot for every read
        connection.execute("BEGIN")
        revisions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if revisions != [(SCHEMA_REVISION,)]:
            raise QuickReadUnavailableError(f"schema {revisions!r}, not {SCHEMA_REVISION}")
        yield QuickLibrary(connection)
    except (sqlite3.Error, ValueError) as exc:  # ValueError: bad JSON, a bad date
        raise QuickReadUnavailableError(str(exc)) from exc
    finally:
        connection.close()


def _utc(value: str) -> datetime:
    """Stored as naive UTC text (storage.models.UTCDateTime); parsed as SQLAlchemy does."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC)
