"""Backups through SQLite's online backup API (never a file copy of a live WAL database).

Every backup is written to a temporary name (`.partial`), re-opened and
`integrity_check`ed, and only then renamed into place; older daily backups are dropped
only after the new one checks out, and never the newest one that still holds posts (so a
week of backups of an emptied library cannot rotate the last real one away). A backup
killed half-way leaves its `.partial` file; `clean_partials()` removes those.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from composer.domain.errors import BackupError
from composer.storage.library_file import why

KEEP_DAILY = 7
DAILY_PATTERN = re.compile(r"^library-(\d{4}-\d{2}-\d{2})\.sqlite3$")
BACKUP_GLOB = "library-*.sqlite3"
PARTIAL_SUFFIX = ".partial"
_COMPANIONS = ("-journal", "-wal", "-shm")  # SQLite's files beside a partial copy


def backup_database(
    source: sqlite3.Connection,
    destination: Path,
    stamp: Callable[[sqlite3.Connection], None] | None = None,
) -> Path:
    """Copy `source` to `destination` consistently, verify the copy, then move it in place.

    `stamp` may write into the copy before it is checked (the audit head it holds)."""
    temporary = destination.with_name(destination.name + PARTIAL_SUFFIX)
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        temporary.unlink(missing_ok=True)
        temporary.open("xb").close()  # a plain reason (permission, full disk) before SQLite's
    except OSError as exc:
        raise BackupError(f"cannot write the backup: {why(exc)} ({destination})") from None
    try:
        with contextlib.closing(sqlite3.connect(temporary)) as target:
            source.backup(target)
            # A backup should be one self-contained file, not a WAL database.
            target.execute("PRAGMA journal_mode=DELETE")
            if stamp is not None:
                stamp(target)
        problem = integrity_problem(temporary)
        if problem:
            raise BackupError(f"the backup did not pass its integrity check: {problem}")
        os.replace(temporary, destination)
    except FileNotFoundError as exc:  # removed under us: another process thought it stale
        raise BackupError(f"the backup {destination} was interrupted; try again") from exc
    except sqlite3.Error as exc:
        raise BackupError(f"could not write the backup {destination}: {exc}") from exc
    finally:
        temporary.unlink(missing_ok=True)
    return destination


def integrity_problem(path: Path) -> str:
    """Empty when `path` is a healthy SQLite database, else SQLite's first complaint."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.Error as exc:
        return str(exc)
    return "" if result and result[0] == "ok" else str(result[0] if result else "no answer")


def daily_backup(
    source: sqlite3.Connection,
    folder: Path,
    today: date,
    keep: int,
    stamp: Callable[[sqlite3.Connection], None] | None = None,
) -> Path:
    """Today's backup (made once a day), then rotation down to `keep` daily files."""
    destination = folder / f"library-{today.isoformat()}.sqlite3"
    clean_partials(folder)
    if not destination.exists():
        backup_database(source, destination, stamp)
    _drop_old_dailies(folder, keep)
    return destination


def _drop_old_dailies(folder: Path, keep: int) -> None:
    dailies = sorted(p for p in folder.glob(BACKUP_GLOB) if DAILY_PATTERN.match(p.name))
    old = dailies[:-keep] if keep > 0 else dailies
    if not old:
        return
    newest_with_posts = next((p for p in reversed(dailies) if holds_posts(p)), None)
    for path in old:
        if path != newest_with_posts:
            path.unlink(missing_ok=True)


def holds_posts(path: Path) -> bool:
    """Whether the backup at `path` has at least one post (in the bin or not)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            return conn.execute("SELECT 1 FROM posts LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False


def clean_partials(folder: Path) -> list[Path]:
    """Remove the `.partial` files of backups that were killed half-way; returns them.

    A `.partial` another process is still writing is locked by SQLite and left alone.
    """
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    partials = {
        p.with_name(p.name[: p.name.rindex(PARTIAL_SUFFIX) + len(PARTIAL_SUFFIX)])
        for p in folder.glob(f"*{PARTIAL_SUFFIX}*")
    }
    for partial in sorted(partials):
        if partial.exists() and _in_use(partial):
            continue
        for path in (partial, *(Path(f"{partial}{c}") for c in _COMPANIONS)):
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError:  # Windows: still open elsewhere; next time
                continue
            removed.append(path)
    return removed


def _in_use(path: Path) -> bool:
    """Whether another connection holds a lock on the SQLite file at `path`."""
    try:
        with contextlib.closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as conn:
            conn.execute("BEGIN EXCLUSIVE")
            conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    except sqlite3.Error:
        return False
    return False


def latest_good_backup(folder: Path) -> Path | None:
    """The newest backup that passes `integrity_check`, for recovery from a damaged library."""
    if not folder.is_dir():
        return None
    candidates = sorted(folder.glob(BACKUP_GLOB), key=lambda p: p.stat().st_mtime, reverse=True)
    for candidate in candidates:
        if not integrity_problem(candidate):
            return candidate
    return None


def restore_file(backup: Path, destination: Path) -> None:
    """Copy a (closed, verified) backup into place as the live library."""
    with (
        contextlib.closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as source,
    ):
        backup_database(source, destination)
