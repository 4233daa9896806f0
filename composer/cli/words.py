"""Small wording helpers for what the command line prints."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """`1 error`, `2 errors`, `0 posts`: a count with its noun, rightly numbered."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
