"""Errors from the credential store, with messages fit to show a user as they are.

Messages never contain a credential: they are written here, not copied from a backend,
and a backend's own wording is kept apart in `detail` (with any secret masked) for logs.
"""

from __future__ import annotations

from typing import Self


class CredentialStoreError(Exception):
    """The operating system's credential store could not do what was asked."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message

    def with_note(self, note: str) -> Self:
        """The same error with one more plain sentence, e.g. what happened to the account."""
        return type(self)(f"{self.message} {note}", detail=self.detail)


class NoSecureStoreError(CredentialStoreError):
    """This computer has no secure credential store; nothing is ever kept anywhere else."""
