"""The accounts service: the library keeps accounts, the keyring keeps credentials."""

from __future__ import annotations

import logging

import keyring.errors
import pytest
from keyring.backends import fail, null

from composer.secrets import (
    CredentialStore,
    CredentialStoreError,
    MemoryKeyring,
    NoSecureStoreError,
    Secret,
    StoreProblem,
)
from composer.services.accounts import (
    AccountNotAddedError,
    AccountNotFoundError,
    AccountProblem,
    AccountsService,
    CheckStatus,
    CredentialNotDeletedError,
    DuplicateAccountError,
    InvalidAccountError,
)
from tests.helpers.accounts import InMemoryAccountRepository, RepositoryError
from tests.helpers.keyrings import fake_backend, installed_keyring

SECRET = "app-password-7Qx!SECRET"
SERVICE = "Composer-unit-tests"


@pytest.fixture(autouse=True)
def memory_keyring():
    with installed_keyring(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def repository():
    return InMemoryAccountRepository()


@pytest.fixture
def service(repository):
    return AccountsService(repository, CredentialStore(SERVICE))


def failing(*operations: str, holding: tuple[int, ...] = ()) -> MemoryKeyring:
    """Make keyring's current backend fail on `operations`.

    A failed write echoes the credential in its error, the worst a backend could do, to
    prove it is masked; reads and deletes never see a credential to echo. `holding` lists
    account ids whose credential the new backend already has.
    """
    echo = SECRET if operations == ("set",) else "no such item"
    backend = MemoryKeyring(error=keyring.errors.KeyringError(f"oops {echo}"))
    for account_id in holding:
        backend.set_password(SERVICE, str(account_id), SECRET)
    backend.fail_on = frozenset(operations)
    keyring.set_keyring(backend)
    return backend


# --- add ----------------------------------------------------------------------------------


def test_add_without_a_credential(service, memory_keyring):
    account = service.add("linkedin", "jane-doe", "Jane Doe")
    assert (account.id, account.platform, account.handle) == (1, "linkedin", "jane-doe")
    assert account.display_name == "Jane Doe"
    assert not account.has_secret
    assert memory_keyring.usernames(SERVICE) == []


@pytest.mark.parametrize("secret", [SECRET, Secret(SECRET)])
def test_add_with_a_credential_stores_it_under_the_account_id(service, memory_keyring, secret):
    account = service.add("x", "janedoe", secret=secret)
    assert account.has_secret
    assert memory_keyring.get_password(SERVICE, str(account.id)) == SECRET
    assert service.get(account.id).has_secret


def test_the_credential_never_reaches_the_library(service, repository):
    service.add("x", "janedoe", "Jane", SECRET)
    service.add("instagram", "jane", "Jane", Secret(SECRET))
    assert SECRET not in repr(repository.calls)
    assert SECRET not in repr(service.list())


@pytest.mark.parametrize(
    ("platform", "handle", "name", "expected"),
    [
        ("LinkedIn", "  jane ", "", ("linkedin", "jane", "")),
        ("x", "@janedoe", " Jane ", ("x", "janedoe", "Jane")),
        ("threads", "@ jane", "Jane 👩‍💼", ("threads", "jane", "Jane 👩‍💼")),
    ],
)
def test_add_tidies_platform_handle_and_name(service, platform, handle, name, expected):
    account = service.add(platform, handle, name)
    assert (account.platform, account.handle, account.display_name) == expected


@pytest.mark.parametrize(
    ("platform", "handle", "name", "expected"),
    [
        ("myspace", "jane", "", (AccountProblem.UNKNOWN_PLATFORM, "", 0, "myspace")),
        ("", "jane", "", (AccountProblem.UNKNOWN_PLATFORM, "", 0, "")),
        ("x", "  ", "", (AccountProblem.EMPTY_HANDLE, "", 0, "")),
        ("x", "@", "", (AccountProblem.EMPTY_HANDLE, "", 0, "")),
        ("x", "jane\ndoe", "", (AccountProblem.NOT_ONE_LINE, "handle", 0, "")),
        ("x", "jane", "Jane\tDoe", (AccountProblem.NOT_ONE_LINE, "name", 0, "")),
        ("x", "j" * 101, "", (AccountProblem.TOO_LONG, "handle", 100, "")),
        ("x", "jane", "n" * 101, (AccountProblem.TOO_LONG, "name", 100, "")),
    ],
)
def test_add_refuses_bad_input_with_a_code(service, platform, handle, name, expected):
    with pytest.raises(InvalidAccountError) as caught:
        service.add(platform, handle, name)
    error = caught.value
    assert (error.code, error.field, error.limit, error.value) == expected
    assert "\n" not in str(error)


def test_add_refuses_an_empty_credential_rather_than_dropping_it(service, repository):
    with pytest.raises(InvalidAccountError) as caught:
        service.add("x", "jane", secret="")
    assert caught.value.code is AccountProblem.EMPTY_CREDENTIAL
    assert repository.list() == []


def test_add_refuses_a_duplicate_handle_on_the_same_platform(service):
    first = service.add("x", "JaneDoe")
    with pytest.raises(DuplicateAccountError) as caught:
        service.add("x", "@janedoe")
    assert caught.value.code is AccountProblem.DUPLICATE and caught.value.account == first
    assert service.add("instagram", "janedoe").id == 2


@pytest.mark.parametrize(
    "backend",
    [fail.Keyring(), null.Keyring(), fake_backend("keyrings.alt.file", "PlaintextKeyring")],
    ids=["fail", "null", "plaintext"],
)
def test_add_with_no_secure_store_adds_nothing_and_says_so(repository, backend):
    service = AccountsService(repository, CredentialStore(SERVICE, backend))
    with pytest.raises(NoSecureStoreError):
        service.add("x", "jane", secret=SECRET)
    assert repository.list() == []
    assert not service.store_status().available
    # ... and the agent can keep the account without a saved credential.
    account = service.add("x", "jane")
    assert not account.has_secret


@pytest.mark.parametrize("operations", [{"set"}, {"get"}])
def test_add_whose_keyring_write_fails_keeps_nothing(service, repository, operations):
    backend = failing(*operations)
    with pytest.raises(AccountNotAddedError) as caught:
        service.add("facebook", "jane.agency", secret=SECRET)
    error = caught.value
    assert (error.code, error.platform, error.handle) == (
        AccountProblem.NOT_ADDED,
        "facebook",
        "jane.agency",
    )
    assert isinstance(error.store_error, CredentialStoreError)
    assert SECRET not in str(error) and SECRET not in error.store_error.detail
    assert repository.list() == []
    assert backend.usernames(SERVICE) == []


def test_add_whose_library_update_fails_removes_the_credential_and_the_account(memory_keyring):
    repository = InMemoryAccountRepository(fail_on={"set_has_secret"})
    service = AccountsService(repository, CredentialStore(SERVICE))
    with pytest.raises(RepositoryError):
        service.add("x", "jane", secret=SECRET)
    assert repository.list() == []
    assert memory_keyring.usernames(SERVICE) == []


# --- rename, list, get --------------------------------------------------------------------


def test_rename_changes_only_the_display_name(service):
    account = service.add("x", "jane", "Jane", SECRET)
    renamed = service.rename(account.id, "  Jane D. ")
    assert renamed.display_name == "Jane D."
    assert (renamed.handle, renamed.has_secret) == ("jane", True)


def test_rename_of_missing_or_with_bad_name_is_refused(service):
    with pytest.raises(AccountNotFoundError) as caught:
        service.rename(9, "x")
    assert (caught.value.code, caught.value.account_id) == (AccountProblem.NOT_FOUND, 9)
    service.add("x", "jane")
    with pytest.raises(InvalidAccountError):
        service.rename(1, "two\nlines")


def test_list_is_in_id_order(service):
    for handle in ("c", "a", "b"):
        service.add("x", handle)
    assert [a.handle for a in service.list()] == ["c", "a", "b"]
    assert [a.id for a in service.list()] == [1, 2, 3]


# --- remove -------------------------------------------------------------------------------


def test_remove_deletes_the_account_and_its_credential(service, memory_keyring):
    account = service.add("x", "jane", secret=SECRET)
    result = service.remove(account.id)
    assert result.secret_deleted and not result.secret_left_behind
    assert result.account == account and not result.store_entry
    assert service.list() == []
    assert memory_keyring.usernames(SERVICE) == []


def test_remove_without_a_credential_never_touches_the_keyring(service):
    account = service.add("x", "jane")
    failing("get", "set", "delete")
    result = service.remove(account.id)
    assert not result.secret_deleted
    assert service.list() == []


def test_remove_when_the_credential_was_already_gone(service, memory_keyring):
    account = service.add("x", "jane", secret=SECRET)
    memory_keyring.delete_password(SERVICE, "1")
    result = service.remove(account.id)
    assert not result.secret_deleted and not result.secret_left_behind
    assert service.list() == []


def test_remove_whose_credential_cannot_be_deleted_keeps_the_account(service):
    account = service.add("x", "jane", secret=SECRET)
    backend = failing("delete", holding=(1,))
    with pytest.raises(CredentialNotDeletedError) as caught:
        service.remove(account.id)
    error = caught.value
    assert (error.code, error.account) == (AccountProblem.KEPT, account)
    assert error.store_error is not None and error.store_error.action == "delete"
    assert SECRET not in str(error)
    assert service.get(1).has_secret
    assert backend.usernames(SERVICE) == ["1"]


def test_forced_remove_says_the_credential_was_left_behind_and_where(service):
    account = service.add("x", "jane", secret=SECRET)
    failing("delete")
    result = service.remove(account.id, force=True)
    assert result.secret_left_behind and not result.secret_deleted
    assert (result.store_entry, result.store_service) == ("1", "Composer-unit-tests")
    assert SECRET not in repr(result)
    assert service.list() == []


def test_remove_of_a_missing_account(service):
    with pytest.raises(AccountNotFoundError):
        service.remove(3)


def test_remove_whose_library_delete_fails_marks_the_account_without_credential(memory_keyring):
    repository = InMemoryAccountRepository()
    service = AccountsService(repository, CredentialStore(SERVICE))
    service.add("x", "jane", secret=SECRET)
    repository.fail_on.add("remove")
    with pytest.raises(RepositoryError):
        service.remove(1)
    assert not service.get(1).has_secret  # it no longer claims a credential it lacks
    assert memory_keyring.usernames(SERVICE) == []


# --- check --------------------------------------------------------------------------------


def test_check_reads_the_credential_back_without_returning_it(service):
    service.add("x", "jane", secret=SECRET)
    result = service.check(1)
    assert result.ok and result.status is CheckStatus.STORED
    assert result.location == "in-memory test store (nothing is saved)"
    assert SECRET not in repr(result)


def test_check_notices_a_credential_removed_outside_the_app(service, memory_keyring):
    service.add("x", "jane", secret=SECRET)
    memory_keyring.delete_password(SERVICE, "1")
    result = service.check(1)
    assert result.status is CheckStatus.MISSING and not result.ok
    assert result.location == "in-memory test store (nothing is saved)"


def test_check_of_an_account_saved_without_credential(service):
    service.add("x", "jane")
    failing("get")  # never asked
    result = service.check(1)
    assert result.status is CheckStatus.NONE
    assert result.location == ""


def test_check_when_the_keyring_cannot_be_read_or_is_gone(service):
    service.add("x", "jane", secret=SECRET)
    failing("get")
    with pytest.raises(CredentialStoreError) as caught:
        service.check(1)
    assert (caught.value.code, caught.value.action) == (StoreProblem.FAILED, "read")
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(NoSecureStoreError):
        service.check(1)


# --- set / clear a credential later -------------------------------------------------------


def test_set_and_clear_a_credential_later(service, memory_keyring):
    service.add("x", "jane")
    assert service.set_secret(1, Secret(SECRET)).has_secret
    assert memory_keyring.get_password(SERVICE, "1") == SECRET
    assert not service.clear_secret(1).has_secret
    assert memory_keyring.usernames(SERVICE) == []


def test_set_secret_that_fails_leaves_the_account_without_credential(service):
    service.add("x", "jane")
    failing("set")
    with pytest.raises(CredentialStoreError):
        service.set_secret(1, SECRET)
    assert not service.get(1).has_secret
    with pytest.raises(InvalidAccountError):
        service.set_secret(1, "")


def test_clear_secret_that_fails_keeps_the_flag(service):
    service.add("x", "jane", secret=SECRET)
    failing("delete", holding=(1,))
    with pytest.raises(CredentialStoreError):
        service.clear_secret(1)
    assert service.get(1).has_secret


# --- leaks --------------------------------------------------------------------------------


def test_no_log_line_repr_or_message_ever_holds_the_credential(service, caplog):
    caplog.set_level(logging.DEBUG)
    texts = [repr(service)]
    account = service.add("x", "jane", secret=SECRET)
    texts += [repr(account), repr(service.check(account.id)), repr(service.list())]
    texts.append(repr(service.remove(account.id)))
    for operations in ({"set"}, {"get"}, {"delete"}):
        keyring.set_keyring(MemoryKeyring())
        account = service.add("x", f"jane{len(texts)}", secret=SECRET)
        failing(*operations, holding=(account.id,))
        for action in (
            lambda: service.add("x", "other", secret=SECRET),
            lambda account=account: service.set_secret(account.id, SECRET),
            lambda account=account: service.remove(account.id),
            lambda account=account: service.check(account.id),
        ):
            try:
                texts.append(repr(action()))
            except Exception as exc:
                texts += [str(exc), repr(exc), getattr(exc, "detail", "")]
    assert caplog.records
    for text in [*texts, caplog.text]:
        assert SECRET not in text


def test_store_status_is_passed_through(service):
    status = service.store_status()
    assert status.available
    assert status.location.startswith("in-memory")
