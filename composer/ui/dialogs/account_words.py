"""Accounts in the window's words: by platform name and handle ("LinkedIn jane"), never by
the library's id, and the credential store in plain words ("this computer's secure
password store"), never keyring jargon.

The accounts service and the credential store hand back codes and facts; the command line
words the same codes in `composer/cli/account_words.py`.
"""

from __future__ import annotations

from composer.domain.accounts import Account
from composer.domain.platforms import display_name
from composer.secrets import CredentialStoreError, StoreProblem, StoreStatus
from composer.services.accounts import (
    AccountError,
    AccountProblem,
    CheckResult,
    CheckStatus,
    RemoveResult,
)

SAVED_ELSEWHERE = "Composer never keeps them anywhere else."
_NO_STORE = {
    StoreProblem.NO_BACKEND: "This computer has no secure password store",
    StoreProblem.UNKNOWN_BACKEND: "This computer has no secure password store Composer knows",
    StoreProblem.SWITCHED_OFF: "This computer's secure password store is switched off",
    StoreProblem.FILE_STORE: (
        "This computer only has a password file that the system does not protect"
    ),
    StoreProblem.UNSAFE_STORE: (
        "This computer only has a password store that the system does not protect"
    ),
}


def account_name(account: Account) -> str:
    """`LinkedIn jane`: the platform's display name and the handle."""
    return f"{display_name(account.platform)} {account.handle}"


def _store(location: str) -> str:
    return f"the {location}" if location else "this computer's secure password store"


def store_text(exc: CredentialStoreError) -> str:
    """What went wrong with the password store, in one or two plain sentences."""
    code, where = exc.code, _store(exc.location)
    subject = where[:1].upper() + where[1:]
    if code in _NO_STORE:
        return f"{_NO_STORE[code]}, so passwords cannot be saved here. {SAVED_ELSEWHERE}"
    if code is StoreProblem.LOCKED:
        return f"{subject} is locked; unlock it and try again."
    if code is StoreProblem.CANCELLED:
        return f"The request to unlock {where} was cancelled."
    if code is StoreProblem.NOT_ANSWERING:
        return f"{subject} did not answer; make sure it is running and unlocked."
    if code is StoreProblem.NOT_KEPT:
        return f"{subject} did not keep the credential."
    if code is StoreProblem.FAILED and exc.action:
        return f"{subject} could not {exc.action} the credential."
    return "Composer could not open this computer's secure password store."


def status_text(status: StoreStatus) -> str:
    """Where credentials go, or why they cannot be saved here."""
    if status.available:
        return f"Credentials are kept in the {status.location}."
    if status.error is not None:
        return store_text(status.error)
    return "This computer has no secure password store, so passwords cannot be saved here."


def _named(exc: AccountError) -> str:
    if exc.account is not None:
        return account_name(exc.account)
    return f"{display_name(exc.platform)} {exc.handle}".strip() or "This account"


def error_text(exc: AccountError) -> str:
    """An account error as one or two plain sentences."""
    code = exc.code
    if code is AccountProblem.UNKNOWN_PLATFORM:
        return "Choose a platform from the list."
    if code is AccountProblem.EMPTY_HANDLE:
        return "Type the account's handle or page name."
    if code is AccountProblem.TOO_LONG:
        return f"The {exc.field} is longer than {exc.limit} characters."
    if code is AccountProblem.NOT_ONE_LINE:
        return f"The {exc.field} must be one line of visible text."
    if code is AccountProblem.EMPTY_CREDENTIAL:
        return "The credential is empty."
    if code is AccountProblem.NOT_FOUND:
        return "That account is no longer in your library."
    if code is AccountProblem.DUPLICATE:
        return f"{_named(exc)} is already in your accounts."
    why = store_text(exc.store_error) if exc.store_error is not None else ""
    if code is AccountProblem.NOT_ADDED:
        return f"{why} {_named(exc)} was not added.".strip()
    if code is AccountProblem.KEPT:
        return f"{why} {_named(exc)} was kept so its credential is not left behind.".strip()
    return "Composer could not change this account."


def removed_text(result: RemoveResult) -> str:
    name = account_name(result.account)
    if not result.secret_left_behind:
        return f"Removed {name}."
    return (
        f"Removed {name}, but its credential could not be deleted. To delete it yourself, "
        f"open this computer's password store and remove the entry “{result.store_entry}” "
        f"filed under “{result.store_service}”."
    )


def check_text(result: CheckResult) -> str:
    name = account_name(result.account)
    if result.status is CheckStatus.NONE:
        return f"{name} has no saved credential."
    if result.status is CheckStatus.STORED:
        return f"The credential for {name} is stored in the {result.location}."
    return (
        f"The credential for {name} is missing from the {result.location}; save it again "
        "with Replace credential."
    )
