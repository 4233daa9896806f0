"""`composer check`: placeholder until the engine lands."""

from __future__ import annotations


def register(subparsers) -> None:  # noqa: ANN001
    pass
