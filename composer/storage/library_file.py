"""The library file as a file, before and around SQLite: is it there, is it SQLite, may we
read and write it, and how to move a damaged one aside.

The point is to tell damage from trouble. Only a file that is not a database (no SQLite
header, or SQLite says it is corrupt) is moved aside and replaced by a backup; a file we
may not read, a failing disk or a read-only folder is said plainly and left untouched.
"""

from __future__ import annotations

import enum
import errno
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from composer.storage.errors import LibraryAccessError, LibraryOpenError

SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's primary result codes that mean "this file is not a sound database".
_DAMAGE_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED


class FileState(enum.Enum):
    MISSING = "missing"
    EMPTY = "empty"  # 0 bytes: a library killed before its first write, or wiped
    NOT_SQLITE = "not-sqlite"  # bytes, but no SQLite header: damaged
    SQLITE = "sqlite"


def inspect(path: Path) -> FileState:
    """Read the first bytes of the library; LibraryAccessError when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return FileState.MISSING
    except IsADirectoryError:
        raise LibraryAccessError(f"cannot read the library: it is a folder ({path})") from None
    except OSError as exc:
        raise LibraryAccessError(f"cannot read the library: {why(exc)} ({path})") from None
    if not header:
        return FileState.EMPTY
    return FileState.SQLITE if header == SQLITE_HEADER else FileState.NOT_SQLITE


def why(exc: OSError) -> str:
    """An OSError in a few lower-case words ("permission denied", "the disk is full")."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EIO:
        return "the disk could not be read (input/output error)"
    return (exc.strerror or str(exc)).lower()


def write_problem(path: Path) -> str:
    """Empty when the library (or, if missing, its folder) can be written; else why not,
    with the path, e.g. "permission denied (/data/library.sqlite3)"."""
    folder = path.parent
    for target in (path, folder) if path.exists() else (folder,):
        if not os.access(target, os.W_OK):
            return f"{_read_only_reason(folder)} ({target})"
    return ""


def _read_only_reason(folder: Path) -> str:
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "the disk is read-only"
    except (AttributeError, OSError):  # no statvfs on Windows
        pass
    return "permission denied"


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite's complaint means the file itself is broken."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _DAMAGE_CODES
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def plain_error(exc: sqlite3.Error, path: Path) -> LibraryOpenError:
    """A SQLite error that is not damage, as the error to show (busy, permission, I/O)."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code in _BUSY_CODES or "locked" in str(exc):
        return LibraryOpenError(
            "The library is busy in another Composer window; try again in a moment."
        )
    if code in (3, 8):  # SQLITE_PERM, SQLITE_READONLY
        return LibraryAccessError(f"cannot read the library: permission denied ({path})")
    if code == 10:  # SQLITE_IOERR
        return LibraryAccessError(f"cannot read the library: input/output error ({path})")
    if code == 13:  # SQLITE_FULL
        return LibraryAccessError(f"cannot use the library: the disk is full ({path})")
    if code == 14:  # SQLITE_CANTOPEN: usually a folder we may not enter or write
        return LibraryAccessError(f"cannot open the library: permission denied ({path})")
    return LibraryAccessError(f"cannot read the library: {str(exc).lower()} ({path})")


def move_aside(path: Path, when: datetime) -> Path:
    """Rename the damaged file (and its WAL/SHM companions) out of the way, never delete."""
    stamp = when.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.damaged-{stamp}-{counter}{path.suffix}")
        counter += 1
    os.replace(path, target)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    return target
