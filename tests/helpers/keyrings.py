"""Keyring backends for tests, and swapping the one keyring uses.

Every test starts with a fresh `TestKeyring` installed (tests/conftest.py), so nothing a
test does reaches the user's real keyring and every audit key or credential it makes is
gone afterwards. Tests that need another backend install it with `installed_keyring`;
the tests marked `secret_service` use the real Secret Service instead.

Commands a test runs as separate processes get keyring's `fail` backend through
PYTHON_KEYRING_BACKEND (also set in tests/conftest.py): they cannot see this process's
in-memory store, and must not reach the real one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import keyring
import keyring.core
from keyring.backends import fail

from composer.secrets.memory import MemoryKeyring

FAIL_BACKEND = "keyring.backends.fail.Keyring"


class TestKeyring(MemoryKeyring):
    """The in-memory store each test starts with: empty, working, kept only in this process.

    A MemoryKeyring, so Composer counts it as a secure store (as a desktop keyring is).
    """

    __test__ = False  # not a test class, whatever its name


@contextmanager
def installed_keyring(backend: Any) -> Iterator[Any]:
    """Make `backend` keyring's current backend, and put the previous one back after."""
    previous = keyring.core._keyring_backend
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.core._keyring_backend = previous


def memory() -> MemoryKeyring:
    """A fresh, working in-memory keyring."""
    return MemoryKeyring()


def no_keyring() -> fail.Keyring:
    """keyring's `fail` backend: a computer with no secure keyring."""
    return fail.Keyring()


def fake_backend(module: str, name: str, **attributes: Any) -> Any:
    """An object whose class claims to live in `module`, to classify without installing it."""
    return type(name, (), {"__module__": module, **attributes})()
