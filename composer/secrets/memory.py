"""An in-memory keyring backend for tests: `keyring.set_keyring(MemoryKeyring())`.

It can be told to fail on reads, writes or deletes, so the unhappy paths are testable
without a real keychain. Its negative priority keeps keyring from ever choosing it on
its own, and it is not a place for real credentials: nothing survives the process.
"""

from __future__ import annotations

from collections.abc import Iterable

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

OPERATIONS = frozenset({"get", "set", "delete"})


class MemoryKeyring(KeyringBackend):
    """A dict of (service, username) -> password, optionally failing on chosen operations."""

    priority = -10  # below `fail` and `null`: never auto-selected

    def __init__(self, *, fail_on: Iterable[str] = (), error: BaseException | None = None) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # keyring leaves __init__ unannotated
        self.fail_on = frozenset(fail_on)
        unknown = self.fail_on - OPERATIONS
        if unknown:
            raise ValueError(f"unknown operations: {', '.join(sorted(unknown))}")
        self.error = error
        self._entries: dict[tuple[str, str], str] = {}

    def __repr__(self) -> str:
        return f"MemoryKeyring(entries={len(self._entries)}, fail_on={sorted(self.fail_on)})"

    def _maybe_fail(self, operation: str) -> None:
        if operation in self.fail_on:
            raise self.error if self.error is not None else KeyringError(f"{operation} failed")

    def get_password(self, service: str, username: str) -> str | None:
        self._maybe_fail("get")
        return self._entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._maybe_fail("set")
        self._entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._maybe_fail("delete")
        if self._entries.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")

    def usernames(self, service: str) -> list[str]:
        """Which entries a service has, so tests can check nothing was left behind."""
        return sorted(user for svc, user in self._entries if svc == service)
