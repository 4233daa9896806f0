"""Accounts (platform, handle, display name, whether a credential is in the keyring).

`SqlAccountRepository` implements `composer.domain.accounts.AccountRepository`; each call
is its own short transaction, so the accounts service needs no storage types.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from composer.domain.accounts import Account
from composer.storage.models import AccountRow

if TYPE_CHECKING:
    from composer.storage.database import Database


class DuplicateAccountError(ValueError):
    """An account with this platform and handle already exists."""


class AccountRows:
    """Account queries inside a caller's session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, account_id: int) -> Account | None:
        row = self._session.get(AccountRow, account_id)
        return None if row is None else to_account(row)

    def list(self) -> list[Account]:
        statement = select(AccountRow).order_by(AccountRow.platform, AccountRow.handle)
        return [to_account(row) for row in self._session.scalars(statement)]


class SqlAccountRepository:
    def __init__(
        self, database: Database, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self._database = database
        self._clock = clock

    def add(self, platform: str, handle: str, display_name: str) -> Account:
        try:
            with self._database.write() as tx:
                row = AccountRow(
                    platform=platform,
                    handle=handle,
                    display_name=display_name,
                    has_secret=False,
                    created_at=self._clock(),
                )
                tx.session.add(row)
                tx.session.flush()
                return to_account(row)
        except IntegrityError as exc:
            raise DuplicateAccountError(
                f"there is already a {platform} account '{handle}'"
            ) from exc

    def get(self, account_id: int) -> Account | None:
        with self._database.read() as tx:
            return tx.accounts.get(account_id)

    def list(self) -> list[Account]:
        with self._database.read() as tx:
            return tx.accounts.list()

    def rename(self, account_id: int, display_name: str) -> Account:
        with self._database.write() as tx:
            row = _row(tx.session, account_id)
            row.display_name = display_name
            tx.session.flush()
            return to_account(row)

    def set_has_secret(self, account_id: int, has_secret: bool) -> Account:
        with self._database.write() as tx:
            row = _row(tx.session, account_id)
            row.has_secret = has_secret
            tx.session.flush()
            return to_account(row)

    def remove(self, account_id: int) -> None:
        """Posts that used the account keep their text; their account becomes unset."""
        with self._database.write() as tx:
            row = _row(tx.session, account_id)
            tx.session.delete(row)


def _row(session: Session, account_id: int) -> AccountRow:
    row = session.get(AccountRow, account_id)
    if row is None:
        raise LookupError(f"account {account_id} does not exist")
    return row


def to_account(row: AccountRow) -> Account:
    return Account(
        id=row.id,
        platform=row.platform,
        handle=row.handle,
        display_name=row.display_name,
        has_secret=row.has_secret,
        created_at=row.created_at,
    )
