"""The headless command line: a stable contract for scripts and acceptance checks.

Each subcommand lives in its own module exposing `register(subparsers)`; modules keep
their imports light and load heavy libraries inside their handlers.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

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
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as one plain line and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    from composer import __version__

    parser = _Parser(prog="composer", description="Draft, check, approve and export posts.")
    parser.add_argument("--version", action="version", version=f"composer {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help="use this folder for the library instead of the usual one (also: COMPOSER_DATA_DIR)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


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
        parser = build_parser()
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
        from composer.ui.launch import launch
    except ImportError:
        (parser or build_parser()).print_help()
        return 0
    return launch(args)
