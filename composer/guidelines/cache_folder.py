"""The user's cache folder, where loaded packs, compiled patterns and word lists are kept."""

from __future__ import annotations

from pathlib import Path


def cache_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("Composer", appauthor=False)
