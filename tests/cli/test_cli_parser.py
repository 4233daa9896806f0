"""The command-line parser: one command builds only its own parser; help and --version."""

from __future__ import annotations

import argparse
import importlib

import pytest

from composer.cli import COMMAND_MODULES, COMMAND_OWNERS, build_parser, run


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    [subparsers] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(subparsers.choices)


def test_command_owners_name_every_command_and_its_module() -> None:
    owners: dict[str, str] = {}
    for module in COMMAND_MODULES:
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module).register(subparsers)
        owners.update(dict.fromkeys(subparsers.choices, module))
    assert owners == COMMAND_OWNERS


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check", "post.txt"], {"check"}),
        (["--data-dir", "some/where", "history", "--limit", "3"], {"import", "history", "show"}),
        (["--data-dir=check", "backup"], {"approve", "audit", "backup"}),
    ],
)
def test_a_named_command_builds_only_its_own_parser(argv: list[str], expected: set[str]) -> None:
    assert _commands(build_parser(argv)) == expected


@pytest.mark.parametrize("argv", [[], ["--help"], ["chekc", "post.txt"], ["--data-dir"]])
def test_without_a_known_command_every_command_is_there(argv: list[str]) -> None:
    assert _commands(build_parser(argv)) == set(COMMAND_OWNERS)


def test_a_mistyped_command_lists_every_choice(capsys) -> None:
    assert run(["chekc", "post.txt"]) == 2
    err = capsys.readouterr().err
    assert "'chekc'" in err and "self-test" in err and err.count("\n") == 1


def test_version_is_read_only_when_asked(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        run(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("composer ")
