"""Where Composer may write a file the agent names: never inside its own data folder.

An export or backup written over `library.sqlite3` (or into `backups/`, `images/`...) would
destroy what the agent keeps, and `--force` or "Replace?" must not make that possible. The
command line and the window both ask `refuse_data_folder_target()` before writing, so the
rule lives here once. Paths are compared after `~`, `..` and symbolic links are resolved,
and an existing folder is also compared by identity (device and inode), which catches a
case-insensitive spelling or a bind mount of the same folder.
"""

from __future__ import annotations

import os
from pathlib import Path


class DataFolderTargetError(ValueError):
    """The chosen file is inside (or would replace) the data folder; nothing was written."""

    def __init__(self, target: Path, data_dir: Path, *, holds: bool = False) -> None:
        where = (
            f"holds Composer's data folder ({data_dir})"
            if holds
            else f"is inside Composer's data folder ({data_dir})"
        )
        super().__init__(
            f"{target} {where}; choose a place outside it, so the library is never overwritten"
        )
        self.target = target
        self.data_dir = data_dir


def refuse_data_folder_target(target: Path | str, data_dir: Path | str) -> Path:
    """The target as an absolute path, or DataFolderTargetError when writing there could
    touch the data folder: the folder itself, anything inside it, or a folder holding it."""
    given = Path(target).expanduser()
    resolved = _resolved(given)
    data = _resolved(Path(data_dir).expanduser())
    if _within(resolved, data):
        raise DataFolderTargetError(given, Path(data_dir))
    if _within(data, resolved):
        raise DataFolderTargetError(given, Path(data_dir), holds=True)
    return given.absolute()


def is_data_folder_target(target: Path | str, data_dir: Path | str) -> bool:
    """Whether `refuse_data_folder_target` would refuse `target`."""
    try:
        refuse_data_folder_target(target, data_dir)
    except DataFolderTargetError:
        return True
    return False


def _resolved(path: Path) -> Path:
    try:
        return path.resolve(strict=False)
    except (OSError, RuntimeError):  # a symlink loop: compare what can be compared
        return Path(os.path.abspath(path))


def _within(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or lies below it, by name or by file identity."""
    folder_key = os.path.normcase(str(folder))
    for candidate in (path, *path.parents):
        if os.path.normcase(str(candidate)) == folder_key:
            return True
    try:
        folder_stat = folder.stat()
    except OSError:
        return False  # a folder that does not exist yet holds nothing to overwrite
    for candidate in (path, *path.parents):
        try:
            if os.path.samestat(candidate.stat(), folder_stat):
                return True
        except OSError:
            continue
    return False
