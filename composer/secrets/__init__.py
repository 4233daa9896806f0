"""Account credentials in the operating system's keyring, and nowhere else.

Importing this package is cheap: keyring loads on first use. `MemoryKeyring` (tests
only) is imported on demand because it subclasses keyring's backend class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from composer.secrets.errors import CredentialStoreError, NoSecureStoreError, StoreProblem
from composer.secrets.secret import Secret
from composer.secrets.store import DEFAULT_SERVICE, SERVICE_ENV, CredentialStore, StoreStatus

if TYPE_CHECKING:
    from composer.secrets.memory import MemoryKeyring

__all__ = [
    "DEFAULT_SERVICE",
    "SERVICE_ENV",
    "CredentialStore",
    "CredentialStoreError",
    "MemoryKeyring",
    "NoSecureStoreError",
    "Secret",
    "StoreProblem",
    "StoreStatus",
]


def __getattr__(name: str) -> Any:
    if name == "MemoryKeyring":
        from composer.secrets.memory import MemoryKeyring

        return MemoryKeyring
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
