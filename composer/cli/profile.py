"""`composer profile show|import|export`: the agent's profile from a terminal.

The profile names the agent on approvals and on the PDF record's cover, and sets the
retention period (states, broker-dealer disclosure). `show --format json` prints every key
(empty when not set) so scripts can rely on the shape; import and export use the TOML the
profile dialog and `composer check --profile FILE` use.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from composer.cli.common import open_services, output_path
from composer.cli.errors import CommandError, UsageError

LABELS = {
    "name": "Name",
    "agency": "Agency",
    "license_number": "Licence number",
    "states": "States",
    "lines": "Lines of authority",
    "disclosure": "Disclosure",
    "broker_dealer_disclosure": "Broker-dealer disclosure",
}


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser("profile", help="show, import or export the agent profile")
    actions = sub.add_subparsers(dest="action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help="print the stored profile")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=run_show)
    load = actions.add_parser("import", help="replace the stored profile with a TOML file")
    load.add_argument("file", metavar="FILE.toml")
    load.set_defaults(handler=run_import)
    save = actions.add_parser("export", help="write the stored profile to a TOML file")
    save.add_argument("file", metavar="FILE.toml")
    save.add_argument("--force", action="store_true", help="replace the file if it exists")
    save.set_defaults(handler=run_export)


def run_show(args: argparse.Namespace) -> int:
    from composer.services.profile_file import profile_data

    with open_services(args) as services:
        profile = services.profile_files.current()
    data = profile_data(profile)
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if profile is None:
        print("No profile yet: 'composer profile import FILE.toml' or the window's Profile.")
        return 0
    for key, value in data.items():
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        print(f"{LABELS[key] + ':':<26}{shown or '-'}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from composer.services.guidelines import ProfileFileError, load_profile_file

    path = Path(args.file)
    try:  # read and check the file before the library is opened
        load_profile_file(path)
    except ProfileFileError as exc:
        raise UsageError(str(exc)) from None
    with open_services(args, writes=True) as services:
        try:
            profile = services.profile_files.import_file(path)
        except ProfileFileError as exc:
            raise UsageError(str(exc)) from None
    print(f"Profile imported from {path}: {profile.name or 'no name'}.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from composer.domain.files import AtomicWriteError

    path = output_path(args, args.file)
    with open_services(args) as services:
        try:
            profile = services.profile_files.export_file(path, overwrite=args.force)
        except FileExistsError:
            raise UsageError(f"{path} exists; add --force to replace it") from None
        except AtomicWriteError as exc:
            raise CommandError(f"cannot write {path}: {exc}") from None
    if profile is None:
        print(f"No profile is stored; wrote an empty one to {path}.")
    else:
        print(f"Profile written to {path}.")
    return 0
