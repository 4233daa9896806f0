"""Test-wide set-up: headless Qt, a fresh data folder and an in-memory keyring per test.

Keyring: every test starts with an empty `TestKeyring` (tests/helpers/keyrings.py), so no
test reaches the user's real keyring and every audit key or credential a test makes is gone
after it. Commands a test runs as separate processes get keyring's `fail` backend through
PYTHON_KEYRING_BACKEND. Only tests marked `secret_service` use the real Secret Service:
they get no in-memory keyring, name the backend they use, and skip when no unlocked Secret
Service is on the D-Bus session (fail, where CI is set).
"""

from __future__ import annotations

import os

from tests.helpers.keyrings import FAIL_BACKEND, TestKeyring, installed_keyring, no_keyring

# Qt reads this when the first QGuiApplication starts; set it before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# For the commands tests run as separate processes (which cannot see the in-memory store):
# keyring's `fail` backend, whatever the developer's environment chose.
os.environ["PYTHON_KEYRING_BACKEND"] = FAIL_BACKEND

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the real user's library, settings or custom packs."""
    data = tmp_path_factory.mktemp("composer-data")
    monkeypatch.setenv("COMPOSER_DATA_DIR", str(data))
    return data


@pytest.fixture(autouse=True)
def keyring_backend(request: pytest.FixtureRequest) -> Iterator[TestKeyring | None]:
    """The test's own empty in-memory keyring (None for tests marked `secret_service`)."""
    if request.node.get_closest_marker("secret_service") is not None:
        from tests.helpers.secret_service import require_secret_service

        require_secret_service()
        yield None
        return
    with installed_keyring(TestKeyring()) as backend:
        yield backend


@pytest.fixture(autouse=True, scope="session")
def _qt_application(qapp):
    """One QApplication for the whole run, made before any test needs Qt.

    Otherwise the PDF writer would make a bare QGuiApplication, and a widget test run
    later in the same process could not get its QApplication.
    """
    return qapp


@pytest.fixture
def no_secure_keyring(keyring_backend) -> Iterator[object]:
    """keyring's `fail` backend instead: a computer without a secure keyring, as the
    commands a test runs in separate processes see it. Ask for it before fixtures that
    write to the library, so they see it too."""
    with installed_keyring(no_keyring()) as backend:
        yield backend
