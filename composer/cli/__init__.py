"""The headless command line: a stable contract for scripts and acceptance checks.

Each subcommand lives in its own module exposing `register(subparsers)`; modules keep
their imports light and load heavy libraries inside their handlers.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from composer.cli.errors import CommandError, UsageError

COMMAND_MODULES: tuple[str, ...] = (
    "composer.cli.check",
    "composer.cli.rules",
    "composer.cli.accounts",
    "composer.cli.library",
    "composer.cli.approval",
    "composer.cli.selftest",
    "composer.cli.export",
    "composer.cli.attach",
    "composer.cli.planning",
    "composer.cli.complaints",
    "composer.cli.thread",
    "composer.cli.profile",
    "composer.cli.record",
    "composer.cli.review",
)
# Which module registers each command, so that running one builds only its parser: importing
# every command module costs more than a quick `composer check` itself (run on every save).
COMMAND_OWNERS: dict[str, str] = {
    "check": "composer.cli.check",
    "rules": "composer.cli.rules",
    "accounts": "composer.cli.accounts",
    "import": "composer.cli.library",
    "history": "composer.cli.library",
    "show": "composer.cli.library",
    "approve": "composer.cli.approval",
    "audit": "composer.cli.approval",
    "backup": "composer.cli.approval",
    "self-test": "composer.cli.selftest",
    "export": "composer.cli.export",
    "attach": "composer.cli.attach",
    "schedule": "composer.cli.planning",
    "slots": "composer.cli.planning",
    "calendar": "composer.cli.planning",
    "evergreen": "composer.cli.planning",
    "complaints": "composer.cli.complaints",
    "thread": "composer.cli.thread",
    "profile": "composer.cli.profile",
    "publish": "composer.cli.record",
    "retire": "composer.cli.record",
    "hold": "composer.cli.record",
    "delete": "composer.cli.record",
    "retention": "composer.cli.record",
    "submit": "composer.cli.review",
    "review-packet": "composer.cli.review",
    "review-decisions": "composer.cli.review",
}


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one plain line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class _VersionAction(argparse.Action):
    """argparse's `version` action, reading the package metadata only when asked.

    Reading it costs ~50 ms, a third of a quick `composer check` (run on every save).
    """

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings,
            dest=dest,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        from composer import __version__

        sys.stdout.write(f"composer {__version__}\n")
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command-line parser; given the arguments, only the named command is registered.

    Without a known command name (`--help`, a typo) every command is, so help and errors
    read exactly as with the full parser.
    """
    modules = COMMAND_MODULES
    owner = COMMAND_OWNERS.get(_command_name(argv)) if argv is not None else None
    if owner in COMMAND_MODULES:
        modules = (owner,)
    parser = _Parser(prog="composer", description="Draft, check, approve and export posts.")
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help="use this folder for the library instead of the usual one (also: COMPOSER_DATA_DIR)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in modules:
        importlib.import_module(name).register(subparsers)
    return parser


def _command_name(argv: Sequence[str]) -> str:
    """The first argument after any `--data-dir PATH`: the command, if one is named."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--data-dir":
            next(tokens, None)
        elif not token.startswith("--data-dir="):
            return token
    return ""


def _window_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """Arguments that just open the window (`composer [--data-dir PATH]`), or None.

    Opening the window is the common case; it skips importing every command module to
    build the full parser, which costs start-up time before the first paint.
    """
    data_dir: str | None = None
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        if token == "--data-dir" and tokens:
            data_dir = tokens.pop(0)
        elif token.startswith("--data-dir="):
            data_dir = token.partition("=")[2]
        else:
            return None
    return argparse.Namespace(data_dir=data_dir, command=None, handler=None)


def run(argv: Sequence[str]) -> int:
    try:
        window_args = _window_only(argv)
        if window_args is not None:
            return _open_window(window_args, None)
        parser = build_parser(argv)
        args = parser.parse_args(list(argv))
        handler = getattr(args, "handler", None)
        if handler is None:
            return _open_window(args, parser)
        return int(handler(args))
    except UsageError as exc:
        print(f"composer: {exc}", file=sys.stderr)
        return 2
    except CommandError as exc:
        print(f"composer: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("composer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _open_window(args: argparse.Namespace, parser: argparse.ArgumentParser | None) -> int:
    try:
        from composer.ui.shell.launch import launch
    except ImportError:
        (parser or build_parser()).print_help()
        return 0
    return launch(args)
