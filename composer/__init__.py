"""Composer: an offline post composer for insurance agents."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("composer")
except PackageNotFoundError:  # running from a folder without metadata
    __version__ = "0.0.0"
