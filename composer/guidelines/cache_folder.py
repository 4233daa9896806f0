"""The user's cache folder, where loaded packs, compiled patterns and word lists are kept."""

from __future__ import annotations

import contextlib
from pathlib import Path


def cache_folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("Composer", appauthor=False)


def prune(folder: Path, pattern: str, keep: int) -> None:
    """Keep the `keep` most recently written files matching `pattern`: older ones were
    made from packs or models that have changed since."""
    with contextlib.suppress(OSError):
        files = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime_ns)
        for old in files[:-keep]:
            with contextlib.suppress(OSError):
                old.unlink()
