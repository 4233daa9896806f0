"""`composer accounts` end to end: a real library in tmp_path, an in-memory keyring."""

from __future__ import annotations

import io
import json
import logging
import re
import sqlite3

import keyring.errors
import pytest
from keyring.backends import fail, null

from composer.secrets import MemoryKeyring
from composer.secrets.store import SERVICE_ENV
from tests.helpers.cli import CliRunner
from tests.helpers.keyrings import installed_keyring

SECRET = "fb-page-token-Z9!SECRET"
SERVICE = "Composer-cli-tests"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _key(data_dir, account_id: int) -> str:
    """The keyring entry name of an account: the library's own id keeps libraries apart."""
    from composer.app.container import Services

    with Services.open(data_dir) as services:
        return f"{services.library_id}/{account_id}"


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch):
    monkeypatch.setenv(SERVICE_ENV, SERVICE)
    with installed_keyring(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys, caplog) -> CliRunner:
    """`composer --data-dir tmp_path accounts ...` with `stdin` piped in; the credential
    shows up in no output and no log line."""
    caplog.set_level(logging.DEBUG)
    return CliRunner(
        tmp_path, capsys, monkeypatch, prefix=["accounts"], forbidden=[SECRET], log=caplog
    )


def use_keyring(backend) -> None:
    keyring.set_keyring(backend)


# --- add ----------------------------------------------------------------------------------


def test_add_reads_a_piped_credential_and_stores_it_in_the_keyring(tmp_path, cli, memory_keyring):
    status, out, err = cli(
        "add",
        "--platform",
        "facebook",
        "--handle",
        "JaneAgency",
        "--name",
        "Jane",
        stdin=SECRET + "\n",
    )
    assert (status, err) == (0, "")
    assert out == (
        "Added account 1: facebook JaneAgency; credential stored in the "
        "in-memory test store (nothing is saved).\n"
    )
    assert memory_keyring.get_password(SERVICE, _key(tmp_path, 1)) == SECRET


def test_add_prompts_without_echo_on_a_terminal(tmp_path, cli, memory_keyring, monkeypatch):
    prompts = []

    def fake_getpass(prompt: str) -> str:
        prompts.append(prompt)
        return SECRET

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    status, _, _ = cli("add", "--platform", "x", "--handle", "@jane", stdin=_Terminal())
    assert status == 0
    assert prompts == ["Credential for x jane (not shown): "]
    assert memory_keyring.get_password(SERVICE, _key(tmp_path, 1)) == SECRET


def test_add_with_no_secret_does_not_read_stdin_or_touch_the_keyring(cli, memory_keyring):
    use_keyring(fail.Keyring())
    stdin = io.StringIO(SECRET)
    status, out, _ = cli(
        "add", "--platform", "threads", "--handle", "jane", "--no-secret", stdin=stdin
    )
    assert status == 0
    assert out == "Added account 1: threads jane.\n"
    assert stdin.tell() == 0


def test_credential_cannot_be_given_as_an_argument(cli):
    status, _, err = cli("add", "--platform", "x", "--handle", "jane", "--secret", "x")
    assert status == 2
    assert "unrecognized arguments" in err


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        ("", "no credential given; use --no-secret"),
        ("\n", "no credential given"),
        ("one\ntwo\n", "the credential must be a single line"),
    ],
)
def test_add_with_an_empty_or_multiline_credential_is_a_usage_error(cli, stdin, message):
    status, _, err = cli("add", "--platform", "x", "--handle", "jane", stdin=stdin)
    assert status == 2
    assert message in err
    assert cli("list")[1] == "No accounts.\n"


def test_add_with_undecodable_input_does_not_echo_it(cli):
    raw = io.TextIOWrapper(io.BytesIO(b"\xffSECRET-bytes"), encoding="utf-8")
    status, _, err = cli("add", "--platform", "x", "--handle", "jane", stdin=raw)
    assert (status, err) == (2, "composer: the credential on standard input is not valid text\n")


def test_add_strips_a_windows_line_ending(tmp_path, cli, memory_keyring):
    assert cli("add", "--platform", "x", "--handle", "jane", stdin=SECRET + "\r\n")[0] == 0
    assert memory_keyring.get_password(SERVICE, _key(tmp_path, 1)) == SECRET


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_add_without_a_secure_store_fails_before_asking_and_adds_nothing(cli, backend):
    use_keyring(backend)
    stdin = io.StringIO(SECRET)
    status, out, err = cli("add", "--platform", "x", "--handle", "jane", stdin=stdin)
    assert (status, out) == (1, "")
    assert err.startswith("composer: This computer has no secure credential store")
    assert err.rstrip().endswith("Use --no-secret to add the account without a credential.")
    assert err.count("\n") == 1
    assert stdin.tell() == 0  # not even read
    assert cli("list")[1] == "No accounts.\n"


@pytest.mark.parametrize("operation", ["set", "get"])
def test_add_whose_keyring_write_fails_adds_nothing(cli, operation):
    use_keyring(MemoryKeyring(fail_on={operation}))
    status, _, err = cli("add", "--platform", "x", "--handle", "jane", stdin=SECRET)
    assert status == 1
    assert "The account was not added." in err
    assert cli("list", "--format", "json")[1] == "[]\n"


def test_add_with_a_locked_keychain_says_so(cli):
    use_keyring(MemoryKeyring(fail_on={"set"}, error=keyring.errors.KeyringLocked("locked")))
    status, _, err = cli("add", "--platform", "x", "--handle", "jane", stdin=SECRET)
    assert status == 1
    assert err == (
        "composer: The in-memory test store (nothing is saved) is locked; unlock it and try "
        "again. The account was not added.\n"
    )


def test_add_refuses_duplicates_and_bad_handles(cli):
    assert cli("add", "--platform", "x", "--handle", "jane", "--no-secret")[0] == 0
    status, _, err = cli("add", "--platform", "X", "--handle", "@Jane", "--no-secret")
    assert (status, err) == (1, "composer: Account 1 is already x jane.\n")
    status, _, err = cli("add", "--platform", "x", "--handle", "@", "--no-secret")
    assert (status, err) == (2, "composer: The handle is empty.\n")
    status, _, err = cli("add", "--platform", "myspace", "--handle", "jane", "--no-secret")
    assert status == 2
    assert "invalid choice: 'myspace'" in err


# --- list ---------------------------------------------------------------------------------


def add_two(cli) -> None:
    assert (
        cli(
            "add",
            "--platform",
            "linkedin",
            "--handle",
            "jane-doe",
            "--name",
            "Jane Doe",
            stdin=SECRET,
        )[0]
        == 0
    )
    assert cli("add", "--platform", "x", "--handle", "jane", "--no-secret")[0] == 0


def test_list_as_text_shows_has_secret_but_never_the_secret(cli):
    add_two(cli)
    status, out, _ = cli("list")
    assert status == 0
    assert out.splitlines() == [
        "id  platform  handle    name      has_secret",
        "1   linkedin  jane-doe  Jane Doe  true",
        "2   x         jane                false",
    ]


def test_list_as_json(cli):
    add_two(cli)
    status, out, _ = cli("list", "--format", "json")
    assert status == 0
    assert json.loads(out) == [
        {
            "id": 1,
            "platform": "linkedin",
            "handle": "jane-doe",
            "name": "Jane Doe",
            "has_secret": True,
        },
        {"id": 2, "platform": "x", "handle": "jane", "name": "", "has_secret": False},
    ]


def test_list_works_without_any_keyring(cli):
    add_two(cli)
    use_keyring(fail.Keyring())
    assert cli("list")[0] == 0


# --- rename, check, remove ----------------------------------------------------------------


def test_rename(cli):
    add_two(cli)
    status, out, _ = cli("rename", "2", "--name", "Jane on X")
    assert (status, out) == (0, "Account 2 is now named 'Jane on X'.\n")
    assert json.loads(cli("list", "--format", "json")[1])[1]["name"] == "Jane on X"


def test_check_says_whether_the_credential_is_there(tmp_path, cli, memory_keyring):
    add_two(cli)
    assert cli("check", "1") == (
        0,
        "The credential for account 1 is stored in the in-memory test store (nothing is saved).\n",
        "",
    )
    status, _, err = cli("check", "2")
    assert (status, err) == (1, "composer: Account 2 has no saved credential.\n")
    memory_keyring.delete_password(SERVICE, _key(tmp_path, 1))
    status, _, err = cli("check", "1")
    assert status == 1
    assert "is missing from the in-memory test store" in err


def test_check_when_the_keyring_cannot_be_used(cli):
    add_two(cli)
    use_keyring(MemoryKeyring(fail_on={"get"}))
    status, _, err = cli("check", "1")
    assert (status, err.count("\n")) == (1, 1)
    assert "could not read the credential" in err
    use_keyring(fail.Keyring())
    status, _, err = cli("check", "1")
    assert status == 1
    assert "This computer has no secure credential store" in err


def test_remove_deletes_the_account_and_its_credential(cli, memory_keyring):
    add_two(cli)
    assert cli("remove", "1") == (0, "Removed account 1 (linkedin jane-doe).\n", "")
    assert memory_keyring.usernames(SERVICE) == []
    assert [a["id"] for a in json.loads(cli("list", "--format", "json")[1])] == [2]


def test_remove_whose_credential_cannot_be_deleted_keeps_the_account(cli, memory_keyring):
    add_two(cli)
    memory_keyring.fail_on = frozenset({"delete"})
    status, _, err = cli("remove", "1")
    assert status == 1
    assert err == (
        "composer: The in-memory test store (nothing is saved) could not delete the credential. "
        "Account 1 was kept so its credential is not left behind. "
        "Use --force to remove it anyway.\n"
    )
    assert len(json.loads(cli("list", "--format", "json")[1])) == 2
    status, out, err = cli("remove", "1", "--force")
    assert (status, out) == (0, "")
    # the entry is filed under this library's namespace: name it as it is in the store
    assert re.search(r"remove the entry named [0-9a-f]{32}/1 under 'Composer-cli-tests'", err)
    assert len(json.loads(cli("list", "--format", "json")[1])) == 1


@pytest.mark.parametrize("action", ["remove", "check", "rename"])
def test_unknown_and_malformed_ids(cli, action):
    extra = ["--name", "n"] if action == "rename" else []
    assert cli(action, "9", *extra)[1:] == ("", "composer: There is no account 9.\n")
    assert cli(action, "9", *extra)[0] == 1
    status, _, err = cli(action, "abc", *extra)
    assert status == 2
    assert "not an account id: 'abc'" in err


def test_accounts_without_an_action_is_a_usage_error(cli):
    status, _, err = cli()
    assert status == 2
    assert "required" in err


def test_a_library_that_cannot_be_opened_is_a_plain_error(cli, tmp_path):
    with sqlite3.connect(tmp_path / "library.sqlite3") as db:
        db.execute("CREATE TABLE other (x)")
    status, _, err = cli("list")
    assert status == 1
    assert "is not a Composer library" in err


def test_the_credential_is_nowhere_in_the_data_folder(cli, tmp_path):
    add_two(cli)
    cli("check", "1")
    cli("list", "--format", "json")
    cli("rename", "1", "--name", "Jane D.")
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert files
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path


def test_account_errors_are_worded_with_ids_and_flags_on_the_command_line():
    from composer.cli.account_words import error_text
    from composer.domain.accounts import Account
    from composer.secrets import CredentialStoreError, StoreProblem
    from composer.services.accounts import AccountProblem, CredentialNotDeletedError

    failed = CredentialStoreError(StoreProblem.LOCKED, location="macOS Keychain")
    kept = CredentialNotDeletedError(
        AccountProblem.KEPT, account=Account(1, "linkedin", "jane"), store_error=failed
    )
    assert error_text(kept) == (
        "The macOS Keychain is locked; unlock it and try again. Account 1 was kept so its "
        "credential is not left behind. Use --force to remove it anyway."
    )
