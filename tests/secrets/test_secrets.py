"""The credential store: secure-backend detection, plain errors, and no leaks."""

from __future__ import annotations

import copy
import json
import logging
import pickle
import subprocess
import sys

import keyring.errors
import pytest
from keyring.backends import chainer, fail, null

from composer.secrets import (
    CredentialStore,
    CredentialStoreError,
    MemoryKeyring,
    NoSecureStoreError,
    Secret,
    StoreProblem,
)
from composer.secrets.backends import SECRET_SERVICE, classify, select
from composer.secrets.store import SERVICE_ENV, default_service
from tests.helpers.keyrings import fake_backend, installed_keyring

SECRET = "tok-3f9a-SECRET-value"
SERVICE = "Composer-unit-tests"


@pytest.fixture(autouse=True)
def memory_keyring():
    """Never let a unit test reach the real keychain."""
    with installed_keyring(MemoryKeyring()) as backend:
        yield backend


def store(backend=None) -> CredentialStore:
    return CredentialStore(SERVICE, backend)


# Stand-ins named like secretstorage's and jeepney's errors, which are matched by name.
PromptDismissed = type("PromptDismissedException", (Exception,), {})
DBusErrorResponse = type("DBusErrorResponse", (Exception,), {})


# --- Secret -------------------------------------------------------------------------------


def test_secret_hides_its_value_everywhere_it_could_be_printed():
    secret = Secret(SECRET)
    old_style = "%s" % (secret,)  # noqa: UP031 - logging formats this way
    for text in (repr(secret), str(secret), f"{secret}", f"{secret!r}", f"{secret:>40}", old_style):
        assert SECRET not in text
    assert secret.reveal() == SECRET


def test_secret_cannot_be_pickled_copied_or_serialised():
    secret = Secret(SECRET)
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(TypeError):
        copy.deepcopy(secret)
    with pytest.raises(TypeError):
        json.dumps(secret)


def test_secret_compares_by_value_and_refuses_non_text():
    assert Secret("a") == Secret("a")
    assert Secret("a") != Secret("b")
    assert not Secret("")
    with pytest.raises(TypeError):
        Secret(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        hash(Secret("a"))


# --- classification -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "location"),
    [
        ("keyring.backends.macOS", "macOS Keychain"),
        ("keyring.backends.Windows", "Windows Credential Manager"),
        ("keyring.backends.SecretService", SECRET_SERVICE),
        ("keyring.backends.libsecret", SECRET_SERVICE),
        ("keyring.backends.kwallet", "KDE Wallet (KWallet)"),
    ],
)
def test_system_stores_are_secure_and_named_for_people(module, location):
    info = classify(fake_backend(module, "Keyring"))
    assert info.secure
    assert info.location == location


@pytest.mark.parametrize(
    ("backend", "problem"),
    [
        (fail.Keyring(), StoreProblem.NO_BACKEND),
        (null.Keyring(), StoreProblem.SWITCHED_OFF),
        (fake_backend("keyrings.alt.file", "PlaintextKeyring"), StoreProblem.FILE_STORE),
        (fake_backend("keyrings.alt.file", "EncryptedKeyring"), StoreProblem.FILE_STORE),
        (fake_backend("keyrings.alt.Windows", "RegistryKeyring"), StoreProblem.UNSAFE_STORE),
        (
            fake_backend("keyrings.cryptfile.cryptfile", "CryptFileKeyring"),
            StoreProblem.UNKNOWN_BACKEND,
        ),
    ],
)
def test_fail_null_plaintext_and_unknown_backends_are_refused(backend, problem):
    info = classify(backend)
    assert not info.secure
    assert info.problem is problem
    if problem is StoreProblem.UNKNOWN_BACKEND:
        assert info.backend.endswith("CryptFileKeyring")


def test_memory_keyring_and_its_subclasses_count_as_secure():
    class Flaky(MemoryKeyring):
        pass

    assert classify(MemoryKeyring()).secure
    assert classify(Flaky()).secure


def test_chainer_uses_its_best_secure_member_not_a_plaintext_one_ranked_above():
    plaintext = fake_backend("keyrings.alt.file", "PlaintextKeyring")
    memory = MemoryKeyring()
    chain = fake_backend("keyring.backends.chainer", "ChainerBackend", backends=[plaintext, memory])
    assert select(chain) is memory
    CredentialStore(SERVICE, chain).save(1, Secret(SECRET))
    assert memory.get_password(SERVICE, "1") == SECRET


def test_real_chainer_with_no_usable_backend_is_no_secure_store(monkeypatch):
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    no_backend = pytest.raises(NoSecureStoreError)
    with installed_keyring(chainer.ChainerBackend()), no_backend as caught:
        CredentialStore(SERVICE).save(1, Secret(SECRET))
    assert caught.value.code is StoreProblem.NO_BACKEND


def test_memory_keyring_is_never_chosen_by_keyring_on_its_own():
    assert MemoryKeyring.priority < fail.Keyring.priority
    assert MemoryKeyring.priority < null.Keyring.priority


# --- the store with a working backend -----------------------------------------------------


def test_save_load_contains_delete_round_trip(memory_keyring):
    credentials = store()
    credentials.save(7, Secret(SECRET))
    assert memory_keyring.get_password(SERVICE, "7") == SECRET
    assert credentials.contains(7)
    assert credentials.load(7) == Secret(SECRET)
    assert credentials.delete(7) is True
    assert not credentials.contains(7)
    assert credentials.load(7) is None
    assert credentials.delete(7) is False


def test_save_replaces_and_services_are_kept_apart(memory_keyring):
    store().save(1, Secret("first"))
    store().save(1, Secret("second"))
    CredentialStore("Other").save(1, Secret("other"))
    assert store().load(1) == Secret("second")
    assert memory_keyring.usernames(SERVICE) == ["1"]
    assert memory_keyring.usernames("Other") == ["1"]


def test_store_uses_keyrings_current_backend_when_given_none(memory_keyring):
    assert CredentialStore(SERVICE).ensure_available() == classify(memory_keyring).location
    CredentialStore(SERVICE).save("3", Secret(SECRET))
    assert memory_keyring.get_password(SERVICE, "3") == SECRET


def test_save_refuses_plain_strings_and_empty_credentials():
    with pytest.raises(TypeError):
        store().save(1, SECRET)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty"):
        store().save(1, Secret(""))
    with pytest.raises(ValueError, match="key"):
        store().save("  ", Secret(SECRET))


def test_status_says_where_credentials_are_kept():
    status = store().status()
    assert status.available
    assert status.location == "in-memory test store (nothing is saved)"
    assert status.error is None


def test_default_service_name_can_be_overridden_for_tests(monkeypatch):
    monkeypatch.delenv(SERVICE_ENV, raising=False)
    assert default_service() == "Composer"
    assert CredentialStore().service == "Composer"
    monkeypatch.setenv(SERVICE_ENV, "Composer-test-123")
    assert CredentialStore().service == "Composer-test-123"


def test_repr_of_store_and_backend_hold_no_secret(memory_keyring):
    store().save(1, Secret(SECRET))
    assert SECRET not in repr(store())
    assert SECRET not in repr(memory_keyring)
    assert SECRET not in str(memory_keyring)


# --- no secure store ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), fake_backend("keyrings.alt.file", "PlaintextKeyring")],
    ids=["fail", "null", "plaintext"],
)
def test_no_secure_store_is_said_plainly_and_nothing_is_written(backend):
    written = []
    if not isinstance(backend, fail.Keyring | null.Keyring):
        backend.set_password = lambda *args: written.append(args)
    credentials = store(backend)
    with pytest.raises(NoSecureStoreError) as caught:
        credentials.save(1, Secret(SECRET))
    message = str(caught.value)
    assert "This computer has no secure credential store" in message
    assert SECRET not in message
    assert "\n" not in message
    assert written == []
    for action in (credentials.load, credentials.contains, credentials.delete):
        with pytest.raises(NoSecureStoreError):
            action(1)
    status = credentials.status()
    assert not status.available
    assert status.error is not None and status.error.code is caught.value.code


@pytest.mark.parametrize("backend_class", [fail.Keyring, null.Keyring])
def test_no_secure_store_when_keyring_itself_picked_fail_or_null(backend_class):
    with installed_keyring(backend_class()), pytest.raises(NoSecureStoreError):
        CredentialStore(SERVICE).ensure_available()


def test_keyring_that_cannot_even_load_is_a_plain_error(monkeypatch):
    import keyring

    def broken():
        raise RuntimeError("bad keyringrc.cfg")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    with pytest.raises(CredentialStoreError, match="could not open"):
        CredentialStore(SERVICE).ensure_available()


# --- failing backends ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fail_on", "action", "expected"),
    [
        ("set", "save", "could not save the credential"),
        ("get", "load", "could not read the credential"),
        ("get", "contains", "could not read the credential"),
        ("delete", "delete", "could not delete the credential"),
    ],
)
def test_backend_errors_become_plain_messages(fail_on, action, expected):
    backend = MemoryKeyring()
    backend.set_password(SERVICE, "1", SECRET)
    backend.fail_on = frozenset({fail_on})
    backend.error = keyring.errors.KeyringError(f"backend said {SECRET}")
    credentials = store(backend)
    call = getattr(credentials, action)
    with pytest.raises(CredentialStoreError) as caught:
        call(1, Secret(SECRET)) if action == "save" else call(1)
    error = caught.value
    assert expected in str(error)
    assert str(error).startswith("The in-memory test store")
    assert SECRET not in str(error)
    assert SECRET not in repr(error)
    assert "KeyringError" in error.detail
    assert error.__cause__ is None
    assert error.__suppress_context__


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (keyring.errors.KeyringLocked("collection locked"), "is locked; unlock it"),
        (PromptDismissed("dismissed"), "was cancelled"),
        (DBusErrorResponse("org.freedesktop.DBus.Error.ServiceUnknown"), "did not answer"),
        (keyring.errors.InitError("no collection"), "Could not open the"),
        (OSError(5, "Access is denied"), "could not save the credential"),
    ],
)
def test_locked_cancelled_unreachable_and_other_errors_are_explained(error, expected):
    backend = MemoryKeyring(fail_on={"set"}, error=error)
    with pytest.raises(CredentialStoreError, match=expected):
        store(backend).save(1, Secret(SECRET))


def test_no_keyring_error_from_an_operation_means_no_secure_store():
    backend = MemoryKeyring(fail_on={"get"}, error=keyring.errors.NoKeyringError("none"))
    with pytest.raises(NoSecureStoreError):
        store(backend).load(1)


def test_save_whose_read_back_fails_leaves_nothing_behind():
    backend = MemoryKeyring(fail_on={"get"})
    with pytest.raises(CredentialStoreError, match="could not read"):
        store(backend).save(1, Secret(SECRET))
    assert backend.usernames(SERVICE) == []


def test_save_that_the_backend_silently_drops_is_an_error():
    class Forgetful(MemoryKeyring):
        def set_password(self, service, username, password):
            pass

    with pytest.raises(CredentialStoreError, match="did not keep the credential"):
        store(Forgetful()).save(1, Secret(SECRET))


def test_delete_that_fails_while_the_secret_is_still_there_is_an_error():
    class Stubborn(MemoryKeyring):
        def delete_password(self, service, username):
            raise keyring.errors.PasswordDeleteError("Can't delete password in keychain")

    backend = Stubborn()
    backend.set_password(SERVICE, "1", SECRET)
    with pytest.raises(CredentialStoreError, match="could not delete"):
        store(backend).delete(1)
    assert store(backend).delete(2) is False  # "not found" is not a failure


def test_nothing_is_logged_with_the_secret_even_at_debug(caplog):
    caplog.set_level(logging.DEBUG)
    store().save(1, Secret(SECRET))
    store().load(1)
    store().delete(1)
    failing = MemoryKeyring(fail_on={"set"}, error=keyring.errors.KeyringError(SECRET))
    with pytest.raises(CredentialStoreError):
        store(failing).save(1, Secret(SECRET))
    assert caplog.records  # debug lines were written ...
    assert SECRET not in caplog.text  # ... without the credential


def test_memory_keyring_rejects_unknown_operations():
    with pytest.raises(ValueError, match="unknown"):
        MemoryKeyring(fail_on={"read"})


def test_importing_the_app_does_not_import_keyring():
    code = (
        "import sys, composer.secrets, composer.services.accounts, composer.cli;"
        "composer.cli.build_parser();"
        "print('keyring' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
