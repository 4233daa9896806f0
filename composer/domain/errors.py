"""The library errors the window and the command line catch; each message is one plain
sentence for the agent.

Raised by storage (and passed on by services); defined here so that callers above the
services never import storage to catch them.
"""

from __future__ import annotations


class LibraryOpenError(Exception):
    """The library cannot be opened; the message is meant for the agent."""


class NewerSchemaError(LibraryOpenError):
    """The file was written by a newer Composer; it is left exactly as it was."""


class LibraryAccessError(LibraryOpenError):
    """The file or folder cannot be read or written (permissions, a failing disk).

    Not damage: nothing is moved aside or restored, and nothing is changed.
    """


class StorageError(Exception):
    """Reading or writing the library failed (busy, disk full, damaged); plain message."""


class ReadOnlyLibraryError(StorageError):
    """The library was opened read-only (no write permission); nothing was changed."""


class BackupError(Exception):
    """A backup could not be written or did not pass its integrity check."""


class ImageError(ValueError):
    """An image that cannot be attached or read; the message is one plain line."""
