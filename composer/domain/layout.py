"""Where things live: the shipped resources, and the parts of a data folder.

One place for every name and folder, importable by every layer (it imports nothing of
ours). Which data folder is in use (`--data-dir`, the environment, the platform's usual
folder) is the entry points' business: see `composer.app.paths.data_dir`.
"""

from __future__ import annotations

import sys
from pathlib import Path

LIBRARY_FILE = "library.sqlite3"
BACKUPS_FOLDER = "backups"
USER_RULES_FOLDER = "guidelines"
USER_DICTIONARY_FILE = "dictionary.txt"


def resources_dir() -> Path:
    """The shipped `resources/` folder, beside the package both in source and when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def shipped_rules_dir() -> Path:
    """The rule packs (and the built-in checks' texts) that ship with Composer."""
    return resources_dir() / "guidelines"


def library_path(data_dir: Path) -> Path:
    return data_dir / LIBRARY_FILE


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUPS_FOLDER


def user_rules_dir(base: Path) -> Path:
    return base / USER_RULES_FOLDER


def user_dictionary_path(base: Path) -> Path:
    return base / USER_DICTIONARY_FILE
