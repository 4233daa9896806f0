"""Write a whole file or nothing: a temporary file in the same folder, fsync, then rename.

The temporary file sits next to the target so the final rename never crosses file systems
(where it would stop being atomic). Without `overwrite`, an existing file is left alone,
even one that appears between the check and the rename: the new file is hard-linked into
place, which fails if the name is taken (file systems without hard links fall back to a
check and a rename).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path


class AtomicWriteError(Exception):
    """The file could not be written; nothing was left behind. The message is one line."""


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write `data` to `path` atomically. Raises FileExistsError (without `overwrite`) or
    AtomicWriteError; in both cases no partial or temporary file remains."""
    folder = path.parent
    if not folder.is_dir():
        raise AtomicWriteError(f"cannot write {path}: there is no folder {folder}")
    if path.is_dir():
        raise AtomicWriteError(f"cannot write {path}: it is a folder")
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, "the file already exists", str(path))
    tmp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        _write_synced(tmp, data)
        if overwrite:
            os.replace(tmp, path)
        else:
            _place_without_overwriting(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        raise AtomicWriteError(f"cannot write {path}: {_why(exc)}; nothing was written") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    _sync_folder(folder)


def _write_synced(tmp: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o666)  # the umask decides, as for any file the user saves
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def _place_without_overwriting(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "the file already exists", str(path)) from None
    except OSError:  # no hard links here (FAT, some network shares)
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "the file already exists", str(path)) from None
        os.replace(tmp, path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the OS allows opening a folder."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied (the folder is read-only or protected)"
    return exc.strerror.lower() if exc.strerror else str(exc)
