"""Where things live: shipped resources, and the user's data folder (overridable)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Composer"
DATA_DIR_ENV = "COMPOSER_DATA_DIR"


def resources_dir() -> Path:
    """The shipped `resources/` folder, beside the package both in source and when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the library, custom rule packs and backups.

    Precedence: an explicit `--data-dir`, then `COMPOSER_DATA_DIR`, then the platform's
    per-user data folder (via platformdirs, imported lazily to keep start-up lean).
    """
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def user_rules_dir(base: Path) -> Path:
    return base / "guidelines"


def user_dictionary_path(base: Path) -> Path:
    return base / "dictionary.txt"
