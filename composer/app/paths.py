"""Which data folder is in use (overridable); where things live inside it and in the
shipped resources is `composer.domain.layout`, re-exported here for the entry points."""

from __future__ import annotations

import os
from pathlib import Path

from composer.domain.layout import resources_dir, user_dictionary_path, user_rules_dir

__all__ = ["APP_NAME", "DATA_DIR_ENV", "data_dir", "resources_dir", "user_dictionary_path",
           "user_rules_dir"]  # fmt: skip

APP_NAME = "Composer"
DATA_DIR_ENV = "COMPOSER_DATA_DIR"


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
