"""Account errors and results in the command line's words: accounts by id with their
platform id and handle ("account 1 (x jane)"), and the flags that help (--force).

The accounts service hands back codes and facts; the window words the same codes in
`composer/ui/dialogs/account_words.py`.
"""

from __future__ import annotations

from composer.domain.accounts import PLATFORMS
from composer.secrets import CredentialStoreError
from composer.services.accounts import (
    AccountError,
    AccountProblem,
    CheckResult,
    CheckStatus,
    RemoveResult,
)


def store_text(exc: CredentialStoreError) -> str:
    """The credential store's own plain wording (it names the keyring backend)."""
    return exc.message


def error_text(exc: AccountError) -> str:
    """One or two sentences for stderr."""
    code = exc.code
    if code is AccountProblem.UNKNOWN_PLATFORM:
        return f"Unknown platform {exc.value!r}; choose one of: {', '.join(PLATFORMS)}."
    if code is AccountProblem.EMPTY_HANDLE:
        return "The handle is empty."
    if code is AccountProblem.TOO_LONG:
        return f"The {exc.field} is longer than {exc.limit} characters."
    if code is AccountProblem.NOT_ONE_LINE:
        return f"The {exc.field} must be one line of visible text."
    if code is AccountProblem.EMPTY_CREDENTIAL:
        return "The credential is empty."
    if code is AccountProblem.NOT_FOUND:
        return f"There is no account {exc.account_id}."
    if code is AccountProblem.DUPLICATE:
        if exc.account is not None:
            return f"Account {exc.account.id} is already {exc.platform} {exc.handle}."
        return f"There is already a {exc.platform} account {exc.handle}."
    why = store_text(exc.store_error) if exc.store_error is not None else ""
    if code is AccountProblem.NOT_ADDED:
        return f"{why} The account was not added.".strip()
    if code is AccountProblem.KEPT:
        return (
            f"{why} Account {exc.account_id} was kept so its credential is not left behind. "
            "Use --force to remove it anyway."
        ).strip()
    return str(exc)


def removed_text(result: RemoveResult) -> str:
    account = result.account
    removed = f"Removed account {account.id} ({account.platform} {account.handle})"
    if not result.secret_left_behind:
        return f"{removed}."
    return (
        f"{removed}, but its credential could not be deleted: remove the entry named "
        f"{result.store_entry} under {result.store_service!r} from the credential store by "
        "hand."
    )


def check_text(result: CheckResult) -> str:
    account_id = result.account.id
    if result.status is CheckStatus.NONE:
        return f"Account {account_id} has no saved credential."
    if result.status is CheckStatus.STORED:
        return f"The credential for account {account_id} is stored in the {result.location}."
    return (
        f"The credential for account {account_id} is missing from the {result.location}; "
        "save it again."
    )
