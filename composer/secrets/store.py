"""The credential store: one keyring service for the app, one entry per account id.

keyring is imported on first use, not at start-up (it costs ~55 ms), and the backend is
looked up on every call so tests can swap it with `keyring.set_keyring`. Every backend
failure becomes a `CredentialStoreError` whose message is ours and never holds a secret.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from composer.secrets.backends import BackendInfo, classify, select
from composer.secrets.errors import CredentialStoreError, NoSecureStoreError, StoreProblem
from composer.secrets.secret import Secret

log = logging.getLogger(__name__)

DEFAULT_SERVICE = "Composer"
SERVICE_ENV = "COMPOSER_KEYRING_SERVICE"

_T = TypeVar("_T")

# Exception class names (anywhere in the hierarchy) -> what to tell the user.
_LOCKED = {"KeyringLocked", "LockedException"}
_CANCELLED = {"PromptDismissedException"}
_NO_KEYRING = {"NoKeyringError"}
_UNREACHABLE = {"DBusErrorResponse", "DBusException", "SecretServiceNotAvailableException"}
_INIT = {"InitError"}
_DELETE_MISSING = {"PasswordDeleteError"}


def default_service() -> str:
    """The keyring service name; `COMPOSER_KEYRING_SERVICE` lets tests keep apart from real data."""
    return os.environ.get(SERVICE_ENV) or DEFAULT_SERVICE


@dataclass(frozen=True, slots=True)
class StoreStatus:
    """Whether credentials can be saved here and where they go (`location`), or why not
    (`error`, with its code), for the window and the command line to word."""

    available: bool
    location: str
    error: CredentialStoreError | None = None


class CredentialStore:
    """Save, read and delete account credentials in the operating system's keyring."""

    def __init__(
        self, service: str | None = None, backend: Any | None = None, namespace: str = ""
    ) -> None:
        """`namespace` keeps two libraries' accounts apart: account 1 of a second library
        (another `--data-dir`) must not overwrite account 1's credential of the first."""
        self.service = service or default_service()
        self._backend = backend
        self._namespace = namespace

    def __repr__(self) -> str:
        return f"CredentialStore(service={self.service!r})"

    def _username(self, key: object) -> str:
        name = _username(key)
        return f"{self._namespace}/{name}" if self._namespace else name

    def entry_name(self, key: object) -> str:
        """The entry's name in the store (under `service`), for someone removing it by hand."""
        return self._username(key)

    def status(self) -> StoreStatus:
        """Never raises: the UI asks this before offering a credential field."""
        try:
            _, info = self._resolve()
        except CredentialStoreError as exc:
            return StoreStatus(False, "", exc)
        return StoreStatus(True, info.location)

    def ensure_available(self) -> str:
        """Raise `NoSecureStoreError` (before anything is written) or return the location."""
        return self._resolve()[1].location

    def save(self, key: object, secret: Secret) -> None:
        """Store `secret` under `key`, replacing any earlier one, and read it back to be sure."""
        if not isinstance(secret, Secret):
            raise TypeError("wrap the credential in composer.secrets.Secret")
        if not secret:
            raise ValueError("the credential is empty")
        backend, info = self._resolve()
        name = self._username(key)
        value = secret.reveal()
        self._call("save", info, secret, backend.set_password, self.service, name, value)
        try:
            stored = self._call("read", info, secret, backend.get_password, self.service, name)
            if stored != value:
                raise CredentialStoreError(StoreProblem.NOT_KEPT, location=info.location)
        except CredentialStoreError:
            self._discard(backend, name)  # leave nothing behind that nobody knows of
            raise
        log.debug("credential for %s saved in the %s", key, info.location)

    def load(self, key: object) -> Secret | None:
        """The stored credential, or None when there is none."""
        backend, info = self._resolve()
        value = self._call(
            "read", info, None, backend.get_password, self.service, self._username(key)
        )
        return Secret(value) if value else None

    def contains(self, key: object) -> bool:
        """Read the credential back and say whether it is there, without handing it out."""
        return self.load(key) is not None

    def delete(self, key: object) -> bool:
        """Delete the credential; False when there was none to delete."""
        backend, info = self._resolve()
        name = self._username(key)
        try:
            backend.delete_password(self.service, name)
        except Exception as exc:
            # Most backends say "not found" with the same error they use for real failures,
            # so look: if nothing is stored, there was nothing to delete.
            if _named(exc, _DELETE_MISSING):
                stored = self._call("read", info, None, backend.get_password, self.service, name)
                if stored is None:
                    return False
            raise _translate(exc, "delete", info, None) from None
        log.debug("credential for %s deleted from the %s", key, info.location)
        return True

    def _discard(self, backend: Any, name: str) -> None:
        try:
            backend.delete_password(self.service, name)
        except Exception as exc:  # best effort; the caller is already failing
            log.warning(
                "could not remove an unverified credential for %s: %s", name, type(exc).__name__
            )

    def _resolve(self) -> tuple[Any, BackendInfo]:
        backend = self._backend
        if backend is None:
            try:
                import keyring

                backend = keyring.get_keyring()
            except Exception as exc:  # a broken keyring config or install
                raise CredentialStoreError(
                    StoreProblem.CANNOT_LOAD, detail=_detail(exc, None)
                ) from None
        chosen = select(backend)
        if chosen is None:
            info = classify(backend)
            raise NoSecureStoreError(info.problem or StoreProblem.NO_BACKEND, backend=info.backend)
        return chosen, classify(chosen)

    def _call(
        self,
        action: str,
        info: BackendInfo,
        secret: Secret | None,
        fn: Callable[..., _T],
        *args: str,
    ) -> _T:
        try:
            return fn(*args)
        except Exception as exc:  # backends raise keyring, D-Bus, OS and COM errors alike
            raise _translate(exc, action, info, secret) from None


def _username(key: object) -> str:
    name = str(key).strip()
    if not name:
        raise ValueError("a credential needs a non-empty key")
    return name


def _translate(
    exc: BaseException, action: str, info: BackendInfo, secret: Secret | None
) -> CredentialStoreError:
    """A code for the front ends; the backend's own words only in `detail`."""
    detail = _detail(exc, secret)
    log.debug("credential store error while trying to %s: %s", action, detail)
    if _named(exc, _NO_KEYRING):
        return NoSecureStoreError(StoreProblem.NO_BACKEND, detail=detail)
    if _named(exc, _LOCKED):
        code = StoreProblem.LOCKED
    elif _named(exc, _CANCELLED):
        code = StoreProblem.CANCELLED
    elif _named(exc, _UNREACHABLE):
        code = StoreProblem.NOT_ANSWERING
    elif _named(exc, _INIT):
        code = StoreProblem.CANNOT_OPEN
    else:
        code = StoreProblem.FAILED
    return CredentialStoreError(code, location=info.location, action=action, detail=detail)


def _named(exc: BaseException, names: set[str]) -> bool:
    return any(cls.__name__ in names for cls in type(exc).__mro__)


def _detail(exc: BaseException, secret: Secret | None) -> str:
    text = f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}"
    if secret:
        text = text.replace(secret.reveal(), "<hidden>")
    return text[:500]
