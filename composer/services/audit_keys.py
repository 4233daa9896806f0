"""The library's audit key: 32 random bytes in the OS keyring, next to account credentials.

The key signs every new audit entry (an HMAC), so someone who edits the library file
and re-computes the plain hashes is still caught. It is made the first time an entry is
written on a computer with a secure keyring, never at start-up (commands that write no
entry never touch the keyring for it), and forgotten again if that first transaction is
undone. Where there is no secure keyring the chain stays unkeyed and a notice code says
so once. A log that is already signed is never given a second key: entries signed with
a key this keyring lacks can only be reported as unverifiable.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING

from composer.secrets import CredentialStoreError, NoSecureStoreError, Secret
from composer.services.library import LibraryError

if TYPE_CHECKING:
    from composer.secrets import CredentialStore

log = logging.getLogger(__name__)

KEY_NAME = "audit-key"  # the keyring entry, inside the library's own namespace

# Notice codes, worded by the window and the command line.
UNKEYED = "audit.unkeyed"  # no secure keyring: plain hashes only
KEY_MISSING = "audit.key-missing"  # the log is signed, but this keyring has no key for it
KEY_UNAVAILABLE = "audit.key-unavailable"  # the keyring failed (locked, no answer)
KEY_UNREADABLE = "audit.key-unreadable"  # the keyring entry is not a key Composer made


class AuditKeyUnavailableError(LibraryError):
    """The log is signed but the keyring cannot give the key now; nothing was written."""


class AuditKeys:
    """Loads the key once (made on first need), and collects notice codes, each once."""

    def __init__(self, store: Callable[[], CredentialStore]) -> None:
        self._store_factory = store
        self._store: CredentialStore | None = None
        self._key: bytes | None = None
        self._no_store = False
        self._created = False
        self._notices: list[str] = []
        self.reason = ""  # the keyring's own plain words for the last problem, if any

    @property
    def notices(self) -> tuple[str, ...]:
        return tuple(self._notices)

    def key_for_check(self) -> bytes | None:
        """The existing key, or None (with a notice) when there is none to be had."""
        if self._key is None and not self._no_store:
            self._key = self._load()
        return self._key

    def key_for_append(self, log_is_signed: Callable[[], bool]) -> bytes | None:
        """The key to sign with; a new one when the log has never been signed."""
        key = self.key_for_check()
        if key is not None or self._no_store:
            if key is None and log_is_signed():
                self._notice(KEY_MISSING)
            return key
        if log_is_signed():
            if KEY_UNAVAILABLE in self._notices:
                raise AuditKeyUnavailableError(
                    "the audit log is signed with this library's key, but the keyring "
                    "cannot give it now (is it locked?); nothing was changed"
                )
            self._notice(KEY_MISSING)
            return None
        if KEY_UNAVAILABLE in self._notices or KEY_UNREADABLE in self._notices:
            return None
        return self._create()

    def settled(self, committed: bool) -> None:
        """The transaction that may have made a key is over; undo the key with it."""
        if self._created and not committed:
            try:
                self._store_or_make().delete(KEY_NAME)
            except CredentialStoreError as exc:
                log.warning("could not remove an unused audit key: %s", exc)
            self._key = None
        self._created = False

    def _load(self) -> bytes | None:
        try:
            stored = self._store_or_make().load(KEY_NAME)
        except CredentialStoreError as exc:
            self._store_failed(exc)
            return None
        if stored is None:
            return None
        try:
            key = bytes.fromhex(stored.reveal())
        except ValueError:
            key = b""
        if len(key) != 32:
            self._notice(KEY_UNREADABLE)
            return None
        return key

    def _store_failed(self, exc: CredentialStoreError) -> None:
        """No secure store at all (keep the unkeyed chain), or one that did not answer."""
        self.reason = str(exc)
        if isinstance(exc, NoSecureStoreError):
            self._no_store = True
            self._notice(UNKEYED)
        else:
            self._notice(KEY_UNAVAILABLE)

    def _create(self) -> bytes | None:
        key = secrets.token_bytes(32)
        try:
            self._store_or_make().save(KEY_NAME, Secret(key.hex()))
        except CredentialStoreError as exc:
            self._store_failed(exc)
            return None
        self._key = key
        self._created = True
        return key

    def _store_or_make(self) -> CredentialStore:
        if self._store is None:
            self._store = self._store_factory()
        return self._store

    def _notice(self, code: str) -> None:
        if code not in self._notices:
            self._notices.append(code)
