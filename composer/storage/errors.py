"""The storage errors callers see (defined in `composer.domain.errors`, so that callers
above the services can catch them without importing storage)."""

from __future__ import annotations

from composer.domain.errors import (
    BackupError,
    LibraryAccessError,
    LibraryOpenError,
    NewerSchemaError,
    ReadOnlyLibraryError,
    StorageError,
)

__all__ = [
    "BackupError",
    "LibraryAccessError",
    "LibraryOpenError",
    "NewerSchemaError",
    "ReadOnlyLibraryError",
    "StorageError",
]
