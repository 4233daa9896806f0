"""Pieces the library, approval, export and accounts commands share.

`open_services()` opens the library in `--data-dir` (or COMPOSER_DATA_DIR, or the usual
folder), tells the user about any recovery, and turns library errors into one plain line
and the right exit status. A command that changes the library says so (`writes=True`, or
`daily_backup=True`) and is refused up front when the library can only be read, before
it writes anything else (an export file, a credential).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.cli.errors import CommandError, UsageError

if TYPE_CHECKING:
    from composer.app.container import Services


@contextmanager
def open_services(
    args: argparse.Namespace, *, daily_backup: bool = False, writes: bool = False
) -> Iterator[Services]:
    """The services over the library in the chosen data folder, closed afterwards."""
    from composer.app.container import Services
    from composer.app.paths import data_dir
    from composer.domain.errors import BackupError, LibraryOpenError, StorageError
    from composer.services.importer import ImportFileError
    from composer.services.library import InvalidPostError, LibraryError, PostNotFoundError

    folder = data_dir(args.data_dir)
    try:
        services = Services.open(folder)
    except LibraryOpenError as exc:
        raise CommandError(str(exc)) from None
    except (OSError, StorageError) as exc:
        raise CommandError(f"cannot open the library in {folder}: {exc}") from None
    try:
        maintenance = services.maintenance
        for notice in maintenance.notices:
            print(f"composer: {notice}", file=sys.stderr)
        if (writes or daily_backup) and maintenance.read_only:
            raise CommandError(
                f"cannot change the library: {maintenance.read_only}; nothing was changed"
            )
        if daily_backup:
            try:
                maintenance.daily_backup()
            except (BackupError, OSError) as exc:
                print(f"composer: warning: today's backup failed: {exc}", file=sys.stderr)
        yield services
    except (PostNotFoundError, InvalidPostError, ImportFileError) as exc:
        raise UsageError(str(exc)) from None
    except (LibraryError, StorageError, BackupError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        _tell_audit_notices(services)
        services.close()


def output_path(args: argparse.Namespace, value: str) -> Path:
    """A file the command will write, refused (exit 2) when it is in the data folder."""
    from composer.app.paths import data_dir
    from composer.services.output_paths import DataFolderTargetError, refuse_data_folder_target

    try:
        return refuse_data_folder_target(Path(value), data_dir(args.data_dir))
    except DataFolderTargetError as exc:
        raise UsageError(str(exc)) from None


MAX_ID = 2**63 - 1  # SQLite's largest integer: no row can have a larger id
MAX_LIMIT = 1000  # = composer.services.history.MAX_PAGE


def _tell_audit_notices(services: Services) -> None:
    from composer.domain.errors import StorageError

    try:
        codes = services.audit.notices
    except StorageError:
        return
    for code in codes:
        print(f"composer: note: {AUDIT_NOTICES.get(code, code)}", file=sys.stderr)
    services.audit.told(codes)


# What the audit key's notice codes (composer.services.audit_keys) mean, for people.
AUDIT_NOTICES = {
    "audit.unkeyed": "this computer has no secure keyring, so the audit log is kept with "
    "plain hashes only: it shows damage and careless edits, but not an edit whose hashes "
    "were re-computed (said once for this library)",
    "audit.key-missing": "the audit log is signed with a key that is not in this computer's "
    "keyring (was the library copied here?); new entries are not signed, and "
    "'composer audit verify' cannot check the signed ones",
    "audit.key-unavailable": "the keyring did not hand over the audit key (is it locked?); "
    "entries written now are not signed",
    "audit.key-unreadable": "the keyring holds an audit key for this library that Composer "
    "cannot read; entries written now are not signed",
}


def positive_id(kind: str) -> Callable[[str], int]:
    """An argparse type for a post or account id: a whole number from 1."""
    noun = kind.split()[-1]

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {kind} id: {_shown(text)}") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"not {kind} id: {_shown(text)}")
        if value > MAX_ID:
            raise argparse.ArgumentTypeError(f"there is no {noun} {_shown(text)} (too large)")
        return value

    parse.__name__ = f"{noun}_id"
    return parse


post_id = positive_id("a post")


def positive_int(text: str) -> int:
    """An argparse type for a count: a whole number from 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {_shown(text)}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {_shown(text)}")
    return value


def limit(text: str) -> int:
    """An argparse type for --limit: 1 to MAX_LIMIT, said plainly when beyond it."""
    value = positive_int(text)
    if value > MAX_LIMIT:
        raise argparse.ArgumentTypeError(
            f"at most {MAX_LIMIT} posts at a time (got {_shown(text)}); "
            "narrow the search with --since, --until or --status"
        )
    return value


def _shown(text: str, width: int = 30) -> str:
    """The user's value for a message, cut short when it is very long."""
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def platform_names() -> tuple[str, ...]:
    from composer.domain.accounts import PLATFORMS

    return PLATFORMS


def parse_when_option(value: str | None, option: str) -> Any:
    """An ISO 8601 date or time from an option, or a usage error naming the option."""
    if value is None:
        return None
    from composer.services.history import parse_when

    try:
        return parse_when(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not an ISO 8601 date") from None
