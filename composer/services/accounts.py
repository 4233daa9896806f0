"""Use cases for social accounts: the library keeps the account, the keyring its credential.

Rules this module keeps:
- a credential only ever goes to the credential store; it is never logged, put in an
  exception message, returned in a result, or written to the library;
- adding is all or nothing: if the credential cannot be saved, the account is not kept
  (the caller may add it again without one), so nothing is half-saved;
- removing an account that has a credential deletes the credential first; if that fails
  the account is kept and the caller is told, unless it insists (`force=True`), in which
  case the result says the credential was left behind and where, so nothing is silently
  orphaned.

Errors and results carry a code and the facts (platform, handle, store location), never a
sentence: the window words them by platform name and handle, the command line with ids.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from composer.domain.accounts import PLATFORMS, Account, AccountRepository
from composer.secrets import CredentialStore, CredentialStoreError, Secret, StoreStatus

log = logging.getLogger(__name__)

MAX_TEXT = 100


class AccountProblem(StrEnum):
    """What went wrong; the window and the command line word each one."""

    UNKNOWN_PLATFORM = "unknown-platform"  # value: what was given
    EMPTY_HANDLE = "empty-handle"
    TOO_LONG = "too-long"  # field ("handle" or "name"), limit
    NOT_ONE_LINE = "not-one-line"  # field
    EMPTY_CREDENTIAL = "empty-credential"
    NOT_FOUND = "not-found"  # account_id
    DUPLICATE = "duplicate"  # account: the one already there (or platform and handle)
    NOT_ADDED = "not-added"  # store_error: the credential could not be saved
    KEPT = "kept"  # account, store_error: its credential could not be deleted


class AccountError(Exception):
    """An account operation that cannot go ahead: a code and the facts behind it.

    `str()` is for logs and tracebacks; front ends word `code` themselves."""

    def __init__(
        self,
        code: AccountProblem,
        *,
        account: Account | None = None,
        account_id: int | None = None,
        platform: str = "",
        handle: str = "",
        field: str = "",
        limit: int = 0,
        value: str = "",
        store_error: CredentialStoreError | None = None,
    ) -> None:
        self.code = code
        self.account = account
        self.account_id = account_id if account is None else account.id
        self.platform = platform or (account.platform if account else "")
        self.handle = handle or (account.handle if account else "")
        self.field = field
        self.limit = limit
        self.value = value
        self.store_error = store_error
        facts = [str(f) for f in (self.account_id, self.platform, self.handle, field) if f]
        facts += [str(store_error.code)] if store_error is not None else []
        super().__init__(f"{code.value}: {', '.join(facts)}" if facts else code.value)


class InvalidAccountError(AccountError, ValueError):
    """The platform, handle, name or credential given is not acceptable."""


class AccountNotFoundError(AccountError, LookupError):
    """No account has that id."""


class DuplicateAccountError(AccountError):
    """The library already has this platform and handle."""


class AccountNotAddedError(AccountError):
    """The credential could not be saved, so the account was not kept (`store_error`)."""


class CredentialNotDeletedError(AccountError):
    """The account's credential could not be deleted, so the account was kept; removing
    it anyway (`force=True`) would leave the credential behind. `store_error` says why."""


class CheckStatus(StrEnum):
    STORED = "stored"  # the credential was read back from the store
    MISSING = "missing"  # the account should have one, but the store has none
    NONE = "none"  # the account was saved without a credential


@dataclass(frozen=True, slots=True)
class CheckResult:
    account: Account
    status: CheckStatus
    location: str  # the store's name for people ("macOS Keychain"); "" for NONE

    @property
    def ok(self) -> bool:
        return self.status is CheckStatus.STORED


@dataclass(frozen=True, slots=True)
class RemoveResult:
    account: Account
    secret_deleted: bool  # a credential was found and deleted
    secret_left_behind: bool  # only with force=True after a failed delete
    # Where a left-behind credential is, for the agent to delete it by hand:
    store_service: str = ""  # the service it is filed under ("Composer")
    store_entry: str = ""  # the entry's name under that service
    store_error: CredentialStoreError | None = field(default=None, compare=False)


class AccountsService:
    """Add, rename, remove, list and check accounts; the only place that pairs the two stores."""

    def __init__(self, repository: AccountRepository, store: CredentialStore) -> None:
        self._repository = repository
        self._store = store

    def __repr__(self) -> str:
        return f"AccountsService(store={self._store!r})"

    def store_status(self) -> StoreStatus:
        """Whether a credential can be saved on this computer, and where it would go."""
        return self._store.status()

    def list(self) -> list[Account]:
        return sorted(self._repository.list(), key=lambda account: account.id)

    def get(self, account_id: int) -> Account:
        account = self._repository.get(account_id)
        if account is None:
            raise AccountNotFoundError(AccountProblem.NOT_FOUND, account_id=account_id)
        return account

    def add(
        self,
        platform: str,
        handle: str,
        display_name: str = "",
        secret: Secret | str | None = None,
    ) -> Account:
        """Add an account, with its credential if one is given, all or nothing."""
        platform = normalise_platform(platform)
        handle = normalise_handle(handle)
        display_name = normalise_name(display_name)
        credential = _as_secret(secret)
        self._refuse_duplicate(platform, handle)
        if credential is not None:
            self._store.ensure_available()  # no store: fail before the library changes
        try:
            account = self._repository.add(platform, handle, display_name)
        except ValueError:  # the library's own uniqueness check, if another window won a race
            raise DuplicateAccountError(
                AccountProblem.DUPLICATE, platform=platform, handle=handle
            ) from None
        if credential is None:
            log.info("account %d added (%s), without a credential", account.id, platform)
            return account
        try:
            account = self._save_secret(account, credential)
        except CredentialStoreError as exc:
            self._forget_account(account)
            raise AccountNotAddedError(
                AccountProblem.NOT_ADDED, platform=platform, handle=handle, store_error=exc
            ) from None
        except Exception:
            self._forget_account(account)
            raise
        log.info("account %d added (%s), credential stored", account.id, platform)
        return account

    def rename(self, account_id: int, display_name: str) -> Account:
        self.get(account_id)
        return self._repository.rename(account_id, normalise_name(display_name))

    def set_secret(self, account_id: int, secret: Secret | str) -> Account:
        """Save or replace an account's credential; the flag is set only once it is stored."""
        account = self.get(account_id)
        credential = _as_secret(secret)
        if credential is None:
            raise InvalidAccountError(AccountProblem.EMPTY_CREDENTIAL)
        self._store.ensure_available()
        return self._save_secret(account, credential)

    def clear_secret(self, account_id: int) -> Account:
        """Delete the credential; if that fails the account still says it has one."""
        account = self.get(account_id)
        if account.has_secret:
            self._store.delete(account.id)
        return self._repository.set_has_secret(account.id, False)

    def remove(self, account_id: int, *, force: bool = False) -> RemoveResult:
        """Remove an account and its credential; see the module docstring for failures."""
        account = self.get(account_id)
        deleted = left_behind = False
        failure: CredentialStoreError | None = None
        if account.has_secret:
            try:
                deleted = self._store.delete(account.id)
            except CredentialStoreError as exc:
                if not force:
                    raise CredentialNotDeletedError(
                        AccountProblem.KEPT, account=account, store_error=exc
                    ) from None
                left_behind, failure = True, exc
        try:
            self._repository.remove(account.id)
        except Exception:
            if deleted:  # the library still lists it: don't let it claim a credential
                self._mark_without_secret(account.id)
            raise
        log.info("account %d removed (credential deleted: %s)", account.id, deleted)
        if not left_behind:
            return RemoveResult(account, deleted, False)
        return RemoveResult(
            account,
            deleted,
            True,
            store_service=self._store.service,
            store_entry=self._store.entry_name(account.id),
            store_error=failure,
        )

    def check(self, account_id: int) -> CheckResult:
        """Read the credential back and say whether it is there; the value is not returned."""
        account = self.get(account_id)
        if not account.has_secret:
            return CheckResult(account, CheckStatus.NONE, "")
        location = self._store.ensure_available()
        if self._store.contains(account.id):
            return CheckResult(account, CheckStatus.STORED, location)
        return CheckResult(account, CheckStatus.MISSING, location)

    def _save_secret(self, account: Account, credential: Secret) -> Account:
        self._store.save(account.id, credential)
        try:
            return self._repository.set_has_secret(account.id, True)
        except Exception:
            if not account.has_secret:  # don't leave a credential the library doesn't know of
                self._delete_quietly(account.id)
            raise

    def _forget_account(self, account: Account) -> None:
        try:
            self._repository.remove(account.id)
        except Exception:
            log.exception("could not undo adding account %d", account.id)

    def _mark_without_secret(self, account_id: int) -> None:
        try:
            self._repository.set_has_secret(account_id, False)
        except Exception:
            log.exception("could not mark account %d as having no credential", account_id)

    def _delete_quietly(self, account_id: int) -> None:
        try:
            self._store.delete(account_id)
        except CredentialStoreError as exc:
            log.warning("could not delete the credential for account %d: %s", account_id, exc)

    def _refuse_duplicate(self, platform: str, handle: str) -> None:
        for account in self._repository.list():
            if account.platform == platform and account.handle.casefold() == handle.casefold():
                raise DuplicateAccountError(AccountProblem.DUPLICATE, account=account)


def normalise_platform(platform: str) -> str:
    value = (platform or "").strip().casefold()
    if value not in PLATFORMS:
        raise InvalidAccountError(AccountProblem.UNKNOWN_PLATFORM, value=platform or "")
    return value


def normalise_handle(handle: str) -> str:
    """The handle without surrounding spaces or a leading '@'."""
    value = _plain_text((handle or "").strip().removeprefix("@").strip(), "handle")
    if not value:
        raise InvalidAccountError(AccountProblem.EMPTY_HANDLE)
    return value


def normalise_name(name: str) -> str:
    return _plain_text((name or "").strip(), "name")


def _plain_text(value: str, what: str) -> str:
    if len(value) > MAX_TEXT:
        raise InvalidAccountError(AccountProblem.TOO_LONG, field=what, limit=MAX_TEXT)
    if any(unicodedata.category(ch) in {"Cc", "Zl", "Zp"} for ch in value):
        raise InvalidAccountError(AccountProblem.NOT_ONE_LINE, field=what)
    return unicodedata.normalize("NFC", value)


def _as_secret(secret: Secret | str | None) -> Secret | None:
    if secret is None:
        return None
    credential = secret if isinstance(secret, Secret) else Secret(secret)
    if not credential:
        raise InvalidAccountError(AccountProblem.EMPTY_CREDENTIAL)
    return credential
