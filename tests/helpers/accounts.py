"""Test doubles for the accounts tests: a library of accounts in memory.

`InMemoryAccountRepository` implements `composer.domain.accounts.AccountRepository` and
records every call, so tests can prove a credential never reached the library.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from composer.domain.accounts import Account


class RepositoryError(RuntimeError):
    """What the fake library raises when told to fail, like a database error would."""


class InMemoryAccountRepository:
    """A dict of accounts; ids are never reused; chosen methods can be made to fail."""

    def __init__(self, *, fail_on: Iterable[str] = ()) -> None:
        self.fail_on = set(fail_on)
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self._accounts: dict[int, Account] = {}
        self._next_id = 1

    def _record(self, method: str, *args: Any) -> None:
        self.calls.append((method, args))
        if method in self.fail_on:
            raise RepositoryError(f"{method} failed")

    def add(self, platform: str, handle: str, display_name: str) -> Account:
        self._record("add", platform, handle, display_name)
        account = Account(
            id=self._next_id,
            platform=platform,
            handle=handle,
            display_name=display_name,
            created_at=datetime.now(UTC),
        )
        self._next_id += 1
        self._accounts[account.id] = account
        return account

    def get(self, account_id: int) -> Account | None:
        self._record("get", account_id)
        return self._accounts.get(account_id)

    def list(self) -> list[Account]:
        self._record("list")
        return list(self._accounts.values())

    def rename(self, account_id: int, display_name: str) -> Account:
        self._record("rename", account_id, display_name)
        return self._replace(account_id, display_name=display_name)

    def set_has_secret(self, account_id: int, has_secret: bool) -> Account:
        self._record("set_has_secret", account_id, has_secret)
        return self._replace(account_id, has_secret=has_secret)

    def remove(self, account_id: int) -> None:
        self._record("remove", account_id)
        self._accounts.pop(account_id, None)

    def _replace(self, account_id: int, **changes: Any) -> Account:
        account = dataclasses.replace(self._accounts[account_id], **changes)
        self._accounts[account_id] = account
        return account
