"""Composer: an offline post composer for insurance agents."""

from __future__ import annotations

from functools import cache


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("composer")
    except PackageNotFoundError:  # running from a folder without metadata
        return "0.0.0"


def __getattr__(name: str) -> str:
    # Reading package metadata costs ~15 ms; only `--version`, About and self-test need it.
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'composer' has no attribute {name!r}")
