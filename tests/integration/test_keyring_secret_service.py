"""The credential store and `composer accounts` against a real Secret Service.

Needs a D-Bus session with an unlocked Secret Service, as `.ci/run` provides:

    dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock \\
        --components=secrets >/dev/null; uv run pytest'

Marked `secret_service`: elsewhere they skip with the reason shown, and where CI is set (as
`.ci/run` does) a missing Secret Service is a failure instead, since CI must not pass by
skipping (tests/conftest.py). Every test uses its own keyring service name and deletes what
it wrote, so a developer's real credentials are never touched.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from composer.secrets import CredentialStore, Secret
from composer.secrets.backends import SECRET_SERVICE
from composer.secrets.store import SERVICE_ENV

pytestmark = pytest.mark.secret_service

SECRET = "li-app-password-Integration!SECRET"


@pytest.fixture
def service_name() -> Iterator[str]:
    """A keyring service name of this test's own; whatever is left under it is deleted."""
    name = f"Composer-test-{uuid.uuid4().hex}"
    yield name
    for item in _items(name):
        item.delete()
    assert _items(name) == []


def _items(service: str) -> list:
    import secretstorage

    connection = secretstorage.dbus_init()
    collection = secretstorage.get_default_collection(connection)
    return list(collection.search_items({"service": service}))


def _secret_service_backend():
    from keyring.backends.SecretService import Keyring

    assert Keyring.viable
    return Keyring()


# --- the store, in process ----------------------------------------------------------------


def test_round_trip_in_the_real_secret_service(service_name):
    store = CredentialStore(service_name, _secret_service_backend())
    assert store.status().available
    assert store.ensure_available() == SECRET_SERVICE

    store.save(1, Secret(SECRET))
    store.save(1, Secret(SECRET + "-replaced"))
    assert store.load(1) == Secret(SECRET + "-replaced")
    assert store.contains(1)
    assert not store.contains(2)

    (item,) = _items(service_name)
    assert item.get_attributes()["username"] == "1"
    assert SECRET not in item.get_label()

    assert store.delete(1) is True
    assert store.delete(1) is False
    assert store.load(1) is None
    assert _items(service_name) == []


def test_keyring_chooses_the_secret_service_by_itself(service_name):
    """Run in a fresh interpreter so keyring's own backend detection is what is tested."""
    code = (
        "from composer.secrets import CredentialStore, Secret\n"
        "store = CredentialStore()\n"
        "print(store.ensure_available())\n"
        "store.save(5, Secret(input()))\n"
        "print(store.contains(5), store.delete(5), store.contains(5))\n"
    )
    result = _run([sys.executable, "-c", code], service_name, stdin=SECRET)
    assert result.stdout.splitlines() == [SECRET_SERVICE, "True True False"]


# --- the command line, end to end ---------------------------------------------------------


def _run(
    argv: list[str], service: str, stdin: str = "", check: bool = True
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, SERVICE_ENV: service}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    result = subprocess.run(argv, input=stdin, capture_output=True, text=True, env=env, timeout=120)
    assert SECRET not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


def _composer(data_dir: Path, service: str, *argv: str, stdin: str = "", check: bool = True):
    command = [sys.executable, "-m", "composer", "--data-dir", str(data_dir), "accounts", *argv]
    return _run(command, service, stdin=stdin, check=check)


def test_accounts_commands_against_the_real_secret_service(tmp_path, service_name):
    data = tmp_path / "data"

    added = _composer(
        data,
        service_name,
        "add",
        "--platform",
        "linkedin",
        "--handle",
        "jane-doe",
        "--name",
        "Jane Doe",
        stdin=SECRET + "\n",
    )
    assert added.stdout == (
        f"Added account 1: linkedin jane-doe; credential stored in the {SECRET_SERVICE}.\n"
    )
    _composer(data, service_name, "add", "--platform", "x", "--handle", "jane", "--no-secret")

    (item,) = _items(service_name)
    assert item.get_secret().decode() == SECRET

    listed = json.loads(_composer(data, service_name, "list", "--format", "json").stdout)
    assert [(a["id"], a["has_secret"]) for a in listed] == [(1, True), (2, False)]

    checked = _composer(data, service_name, "check", "1")
    assert checked.stdout == f"The credential for account 1 is stored in the {SECRET_SERVICE}.\n"
    assert _composer(data, service_name, "check", "2", check=False).returncode == 1

    for path in data.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path

    removed = _composer(data, service_name, "remove", "1")
    assert removed.stdout == "Removed account 1 (linkedin jane-doe).\n"
    assert _items(service_name) == []
    listed = json.loads(_composer(data, service_name, "list", "--format", "json").stdout)
    assert [a["id"] for a in listed] == [2]


def test_audit_key_lives_in_the_real_secret_service(tmp_path, service_name):
    """Approving writes the first audit entry: the library's key is made in the Secret
    Service (one item, never in the data folder), and `audit verify` checks the signatures."""
    data = tmp_path / "data"
    source = tmp_path / "posts.jsonl"
    source.write_text('{"text": "Storm kit tips. Questions?", "platforms": ["x"]}', "utf-8")

    def composer(*argv: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "composer", "--data-dir", str(data), *argv]
        return _run(command, service_name)

    composer("import", str(source))
    assert _items(service_name) == []  # nothing written to the log yet: no key
    composer("approve", "1")
    (item,) = _items(service_name)
    assert item.get_attributes()["username"].endswith("/audit-key")
    key = item.get_secret().decode()
    for path in data.rglob("*"):
        if path.is_file():
            assert key.encode() not in path.read_bytes(), path
    verified = composer("audit", "verify")
    assert verified.stdout == (
        "The audit log is intact (1 entry; signed with this library's key from entry 1 on).\n"
    )
