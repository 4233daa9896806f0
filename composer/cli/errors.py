"""Errors the command line turns into one plain line on stderr and an exit status."""

from __future__ import annotations


class UsageError(Exception):
    """Bad usage or unreadable input: exit status 2."""


class CommandError(Exception):
    """The command ran but could not do what was asked: exit status 1 by default."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status
