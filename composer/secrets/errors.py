"""Errors from the credential store: a code and the facts behind it, for the window and
the command line to word, and a default plain message for logs and for callers that
only pass it on.

Messages never contain a credential: they are written here, not copied from a backend,
and a backend's own wording is kept apart in `detail` (with any secret masked) for logs.
"""

from __future__ import annotations

from enum import StrEnum


class StoreProblem(StrEnum):
    """What went wrong with the credential store; front ends word each one."""

    # No secure store at all (NoSecureStoreError); `backend` names an unknown one.
    NO_BACKEND = "no-backend"  # keyring found nothing to use
    SWITCHED_OFF = "switched-off"  # keyring's null backend: turned off on purpose
    FILE_STORE = "file-store"  # only keyrings.alt's file stores, which the OS does not guard
    UNSAFE_STORE = "unsafe-store"  # only another keyrings.alt store
    UNKNOWN_BACKEND = "unknown-backend"  # a third-party backend we do not know to be safe
    # A store that exists but failed (CredentialStoreError); `location` names it.
    CANNOT_LOAD = "cannot-load"  # keyring itself could not be loaded (a broken config)
    LOCKED = "locked"
    CANCELLED = "cancelled"  # the unlock prompt was dismissed
    NOT_ANSWERING = "not-answering"  # D-Bus or the service did not reply
    CANNOT_OPEN = "cannot-open"
    NOT_KEPT = "not-kept"  # saved, but reading it back gave something else
    FAILED = "failed"  # `action` (save, read, delete) failed for another reason


_DEFAULTS = {
    StoreProblem.NO_BACKEND: "no keyring backend is available",
    StoreProblem.SWITCHED_OFF: "the keyring is switched off (null backend)",
    StoreProblem.FILE_STORE: "only a file-based store (keyrings.alt) was found",
    StoreProblem.UNSAFE_STORE: "only a non-recommended store (keyrings.alt) was found",
    StoreProblem.CANNOT_LOAD: "Composer could not open this computer's credential store.",
    StoreProblem.LOCKED: "The {where} is locked; unlock it and try again.",
    StoreProblem.CANCELLED: "The request to unlock the {where} was cancelled.",
    StoreProblem.NOT_ANSWERING: "The {where} did not answer; make sure it is running and unlocked.",
    StoreProblem.CANNOT_OPEN: "Could not open the {where}.",
    StoreProblem.NOT_KEPT: "The {where} did not keep the credential.",
    StoreProblem.FAILED: "The {where} could not {action} the credential.",
}
NO_STORE_MESSAGE = (
    "This computer has no secure credential store ({reason}), so the credential cannot be "
    "saved; Composer never keeps credentials anywhere else."
)


def default_message(
    code: StoreProblem, *, location: str = "", action: str = "", backend: str = ""
) -> str:
    """The plain default wording (logs, the audit log's notices); front ends word `code`."""
    if code is StoreProblem.UNKNOWN_BACKEND:
        reason = f"the keyring backend {backend} is not a recognised secure store"
        return NO_STORE_MESSAGE.format(reason=reason)
    text = _DEFAULTS[code].format(where=location, action=action)
    return NO_STORE_MESSAGE.format(reason=text) if code in NO_STORE else text


NO_STORE = frozenset(
    {
        StoreProblem.NO_BACKEND,
        StoreProblem.SWITCHED_OFF,
        StoreProblem.FILE_STORE,
        StoreProblem.UNSAFE_STORE,
        StoreProblem.UNKNOWN_BACKEND,
    }
)


class CredentialStoreError(Exception):
    """The operating system's credential store could not do what was asked.

    `code` says what, `location` names the store ("macOS Keychain"), `action` what was
    tried ("save", "read", "delete"), `backend` an unrecognised backend's class."""

    def __init__(
        self,
        code: StoreProblem,
        *,
        location: str = "",
        action: str = "",
        backend: str = "",
        detail: str = "",
    ) -> None:
        self.code = code
        self.location = location
        self.action = action
        self.backend = backend
        self.detail = detail
        self.message = default_message(code, location=location, action=action, backend=backend)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class NoSecureStoreError(CredentialStoreError):
    """This computer has no secure credential store; nothing is ever kept anywhere else."""
