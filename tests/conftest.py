"""Test-wide set-up: headless Qt, and a fresh data folder for every test."""

from __future__ import annotations

import os

# Qt reads this when the first QGuiApplication starts; set it before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never reach the real keyring by accident (the audit key is asked for whenever an
# entry is written): keyring's default is its `fail` backend, here and in every command
# a test runs. Tests that need a store install one (MemoryKeyring); the Secret Service
# integration tests name theirs explicitly.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

import pytest


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the real user's library, settings or custom packs."""
    data = tmp_path_factory.mktemp("composer-data")
    monkeypatch.setenv("COMPOSER_DATA_DIR", str(data))
    return data
