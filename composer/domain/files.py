"""Small file helpers every layer shares: whole-file writes, and reading UTF-8 text.

Imports nothing of ours, so guidelines, storage, export, media and services all use the
same ones (the architecture test keeps `composer.domain` free of the layers above it).

Write a whole file or nothing: a temporary file in the same folder, fsync, then rename.

The temporary file sits next to the target so the final rename never crosses file systems
(where it would stop being atomic). Without `overwrite`, an existing file is left alone,
even one that appears between the check and the rename: the new file is hard-linked into
place, which fails if the name is taken (file systems without hard links fall back to a
check and a rename).

`stage_file` splits the two steps for exports: the finished temporary file is placed
only inside the transaction that records it, and `Staged.discard()` takes it back out
(putting back a file it replaced) if that transaction fails.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from pathlib import Path

BOM = "\ufeff"


class AtomicWriteError(OSError):
    """The file could not be written; nothing was left behind. The message is one line."""


def decode_text(data: bytes) -> str:
    """UTF-8 bytes as text, a leading byte-order mark dropped (Notepad and Excel add one).

    Raises UnicodeDecodeError for bytes that are not UTF-8."""
    return without_bom(data.decode("utf-8"))


def read_text(path: Path) -> str:
    """A UTF-8 text file, a leading byte-order mark dropped. Raises OSError or
    UnicodeDecodeError."""
    return decode_text(Path(path).read_bytes())


def without_bom(text: str) -> str:
    """`text` without its leading byte-order mark (for text decoded elsewhere); a file
    saved twice by a careless tool can carry more than one, and they all go."""
    return text.lstrip(BOM)


def write_atomic(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write `data` to `path` atomically. Raises FileExistsError (without `overwrite`) or
    AtomicWriteError; in both cases no partial or temporary file remains."""
    stage_file(path, data, overwrite=overwrite).commit()


def stage_file(path: Path, data: bytes, *, overwrite: bool = False) -> Staged:
    """Write `data` to a synced temporary file next to `path`, not yet in place.

    Raises FileExistsError (without `overwrite`) or AtomicWriteError, leaving nothing."""
    folder = path.parent
    if not folder.is_dir():
        raise AtomicWriteError(f"cannot write {path}: there is no folder {folder}")
    if path.is_dir():
        raise AtomicWriteError(f"cannot write {path}: it is a folder")
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, "the file already exists", str(path))
    tmp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        write_synced(tmp, data)
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise AtomicWriteError(f"cannot write {path}: {_why(exc)}; nothing was written") from exc
    return Staged(tmp, path, overwrite)


class Staged:
    """A finished temporary file (or folder) beside `path`, waiting to be put in place."""

    def __init__(self, tmp: Path, path: Path, overwrite: bool) -> None:
        self.tmp = tmp
        self.path = path
        self._overwrite = overwrite
        self._old: Path | None = None  # what `place` moved aside, until `finish`
        self._placed = False

    def commit(self) -> None:
        """Place, then finish; on any failure discard, so nothing new is left behind."""
        try:
            self.place()
        except BaseException:
            self.discard()
            raise
        self.finish()

    def place(self) -> None:
        """Rename into place. Raises FileExistsError (the name was taken meanwhile, without
        `overwrite`) or AtomicWriteError; the earlier file, if any, is kept aside."""
        try:
            if self._overwrite:
                if os.path.lexists(self.path):
                    old = self.path.with_name(f".{self.path.name}.{secrets.token_hex(6)}.old")
                    os.replace(self.path, old)
                    self._old = old
                os.replace(self.tmp, self.path)
            elif self.tmp.is_dir():
                if os.path.lexists(self.path):
                    raise FileExistsError(errno.EEXIST, "it already exists", str(self.path))
                os.replace(self.tmp, self.path)
            else:
                _place_without_overwriting(self.tmp, self.path)
        except FileExistsError:
            raise
        except OSError as exc:
            raise AtomicWriteError(
                f"cannot write {self.path}: {_why(exc)}; nothing was written"
            ) from exc
        self._placed = True

    def discard(self) -> None:
        """Undo: remove the new file (placed or not) and put back what it replaced."""
        if self._placed:
            _remove(self.path)
            self._placed = False
        _remove(self.tmp)
        if self._old is not None:
            with contextlib.suppress(OSError):
                os.replace(self._old, self.path)
            self._old = None

    def finish(self) -> None:
        """Keep the new file: drop the temporary name and the replaced file, sync."""
        _remove(self.tmp)
        if self._old is not None:
            _remove(self._old)
            self._old = None
        sync_folder(self.path.parent)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def write_synced(tmp: Path, data: bytes) -> None:
    """Create `tmp` (it must not exist) holding `data`, synced to disk."""
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


def sync_folder(folder: Path) -> None:
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
