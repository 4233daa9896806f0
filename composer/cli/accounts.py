"""`composer accounts`: the social accounts in the library and their credentials.

A credential is read from standard input when it is piped, or typed at a prompt that
does not echo; never from an argument, where it would land in shell history and `ps`.
Nothing printed here ever includes it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from composer.cli.common import open_services, positive_id
from composer.cli.errors import CommandError, UsageError
from composer.domain.accounts import PLATFORMS

if TYPE_CHECKING:
    from composer.domain.accounts import Account
    from composer.secrets import Secret
    from composer.services.accounts import AccountsService

NO_SECRET_HINT = "use --no-secret to add the account without a credential"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "accounts",
        help="list, add, check and remove social accounts",
        description="Social accounts; their credentials live in the system's keyring.",
    )
    commands = parser.add_subparsers(dest="accounts_command", metavar="ACTION", required=True)

    add = commands.add_parser(
        "add",
        help="add an account (credential from standard input, or a hidden prompt)",
        description="Add an account. The credential is read from standard input when it is "
        "piped, otherwise prompted for without echo; it is never taken from an argument.",
    )
    add.add_argument("--platform", required=True, choices=PLATFORMS, type=str.lower)
    add.add_argument("--handle", required=True)
    add.add_argument("--name", default="", help="display name")
    add.add_argument(
        "--no-secret", action="store_true", help="add the account without a credential"
    )
    add.set_defaults(handler=_add)

    listing = commands.add_parser("list", help="list accounts (never their credentials)")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(handler=_list)

    rename = commands.add_parser("rename", help="change an account's display name")
    rename.add_argument("id", type=_account_id, metavar="ID")
    rename.add_argument("--name", required=True, help="the new display name")
    rename.set_defaults(handler=_rename)

    remove = commands.add_parser("remove", help="remove an account and its credential")
    remove.add_argument("id", type=_account_id, metavar="ID")
    remove.add_argument(
        "--force",
        action="store_true",
        help="remove the account even if its credential cannot be deleted",
    )
    remove.set_defaults(handler=_remove)

    check = commands.add_parser("check", help="say whether an account's credential is stored")
    check.add_argument("id", type=_account_id, metavar="ID")
    check.set_defaults(handler=_check)


def _add(args: argparse.Namespace) -> int:
    from composer.cli.account_words import error_text, store_text
    from composer.secrets import NoSecureStoreError
    from composer.services.accounts import (
        AccountNotAddedError,
        normalise_handle,
        normalise_name,
        normalise_platform,
    )

    with _service(args, writes=True) as service:
        platform = normalise_platform(args.platform)
        handle = normalise_handle(args.handle)
        normalise_name(args.name)
        secret = None
        if not args.no_secret:
            status = service.store_status()  # say so before asking for a credential
            if not status.available and status.error is not None:
                raise CommandError(f"{store_text(status.error)} {NO_SECRET_HINT.capitalize()}.")
            secret = read_secret(platform, handle)
        try:
            account = service.add(platform, handle, args.name, secret)
        except NoSecureStoreError as exc:
            raise CommandError(f"{store_text(exc)} {NO_SECRET_HINT.capitalize()}.") from None
        except AccountNotAddedError as exc:
            hint = isinstance(exc.store_error, NoSecureStoreError)
            extra = f" {NO_SECRET_HINT.capitalize()}." if hint else ""
            raise CommandError(f"{error_text(exc)}{extra}") from None
        where = ""
        if account.has_secret:
            where = f"; credential stored in the {service.store_status().location}"
    print(f"Added account {account.id}: {account.platform} {account.handle}{where}.")
    return 0


def _list(args: argparse.Namespace) -> int:
    with _service(args) as service:
        accounts = service.list()
    if args.format == "json":
        json.dump([_as_json(account) for account in accounts], sys.stdout, indent=2)
        print()
    elif not accounts:
        print("No accounts.")
    else:
        _print_table(accounts)
    return 0


def _rename(args: argparse.Namespace) -> int:
    with _service(args, writes=True) as service:
        account = service.rename(args.id, args.name)
    print(f"Account {account.id} is now named {account.display_name!r}.")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from composer.cli.account_words import removed_text

    with _service(args, writes=True) as service:
        result = service.remove(args.id, force=args.force)
    if result.secret_left_behind:
        print(f"composer: {removed_text(result)}", file=sys.stderr)
    else:
        print(removed_text(result))
    return 0


def _check(args: argparse.Namespace) -> int:
    from composer.cli.account_words import check_text

    with _service(args) as service:
        result = service.check(args.id)
    if not result.ok:
        raise CommandError(check_text(result))
    print(check_text(result))
    return 0


def read_secret(platform: str, handle: str, stdin: TextIO | None = None) -> Secret:
    """The credential from piped standard input, or a prompt without echo."""
    import getpass

    from composer.secrets import Secret

    stream = sys.stdin if stdin is None else stdin
    if stream is None or stream.closed:
        raise UsageError(f"no credential: standard input is closed; {NO_SECRET_HINT}")
    if stream.isatty():
        try:
            text = getpass.getpass(f"Credential for {platform} {handle} (not shown): ")
        except EOFError:
            text = ""
    else:
        try:
            text = stream.read()
        except UnicodeDecodeError:  # its message quotes input bytes: never show it
            raise UsageError("the credential on standard input is not valid text") from None
        text = text[:-1] if text.endswith("\n") else text
        text = text[:-1] if text.endswith("\r") else text
    if not text:
        raise UsageError(f"no credential given; {NO_SECRET_HINT}")
    if "\n" in text or "\r" in text:
        raise UsageError("the credential must be a single line")
    return Secret(text)


@contextmanager
def _service(args: argparse.Namespace, *, writes: bool = False) -> Iterator[AccountsService]:
    """The service with plain-message errors: store and account errors become exit 1/2."""
    from composer.cli.account_words import error_text, store_text
    from composer.secrets import CredentialStoreError
    from composer.services.accounts import AccountError, InvalidAccountError

    try:
        with _open_accounts(args, writes=writes) as service:
            yield service
    except InvalidAccountError as exc:
        raise UsageError(error_text(exc)) from None
    except AccountError as exc:
        raise CommandError(error_text(exc)) from None
    except CredentialStoreError as exc:
        raise CommandError(store_text(exc)) from None


@contextmanager
def _open_accounts(args: argparse.Namespace, *, writes: bool = False) -> Iterator[AccountsService]:
    """The accounts service of the library in the chosen data folder, closed afterwards."""
    with open_services(args, writes=writes) as services:
        yield services.accounts


_account_id = positive_id("an account")


def _as_json(account: Account) -> dict[str, object]:
    return {
        "id": account.id,
        "platform": account.platform,
        "handle": account.handle,
        "name": account.display_name,
        "has_secret": account.has_secret,
    }


def _print_table(accounts: list[Account]) -> None:
    header = ("id", "platform", "handle", "name", "has_secret")
    rows = [
        (
            str(a.id),
            a.platform,
            a.handle,
            a.display_name,
            "true" if a.has_secret else "false",
        )
        for a in accounts
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
