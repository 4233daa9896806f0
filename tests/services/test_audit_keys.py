"""The audit key: made in the keyring on first need, said so once when there is no secure
keyring, never replaced for a log it already signed; the migration from unkeyed libraries."""

from __future__ import annotations

import shutil

import keyring.errors
import pytest

from composer.app.container import Services
from composer.domain.posts import PostDraft, PostQuery
from composer.secrets import MemoryKeyring
from composer.services.audit_keys import AuditKeyUnavailableError
from tests.helpers.audit import build, raw, rehash
from tests.helpers.keyrings import installed_keyring, no_keyring
from tests.helpers.paths import FIXTURES


def reopen(tmp_path, clock, engine) -> Services:
    return Services.open(tmp_path / "data", engine_loader=lambda: engine, clock=clock)


def test_no_secure_keyring_keeps_the_plain_chain_and_says_so_once(services, clock):
    with installed_keyring(no_keyring()):
        assert services.audit.notices == ()  # nothing is asked before an entry is written
        build(services, clock)
        assert services.audit.notices == ("audit.unkeyed",)
        report = services.audit.verify()
    assert report.ok and report.key == "no-keyring" and report.signed_from is None
    assert services.audit.notices == ("audit.unkeyed",)
    assert all(entry.mac is None for entry in services.audit.entries())


def test_commands_that_write_no_entry_never_touch_the_keyring(services):
    backend = MemoryKeyring(fail_on={"get", "set", "delete"})
    with installed_keyring(backend):
        services.library.create(PostDraft(body="hello", platforms=("x",)))
        services.history.page(PostQuery())
    assert services.audit.notices == ()


def test_the_key_is_made_once_and_kept(services, clock, tmp_path, engine):
    with installed_keyring(MemoryKeyring()) as backend:
        build(services, clock)
        [name] = backend.usernames("Composer")
        key = backend.get_password("Composer", name)
        services.close()
        with reopen(tmp_path, clock, engine) as again:
            post = again.library.create(PostDraft(body="More tips", platforms=("x",)))
            again.approval.approve(post.id)
            assert backend.get_password("Composer", name) == key
            report = again.audit.verify()
    assert report.ok and report.signed_from == 1 and report.entries == 6


def test_a_key_made_for_an_undone_transaction_is_removed(services, clock):
    with installed_keyring(MemoryKeyring()) as backend:
        with pytest.raises(RuntimeError), services.database.write() as tx:
            tx.audit.append("approve", None, {"approval_id": 0}, clock())
            assert backend.usernames("Composer") != []
            raise RuntimeError("undo")
        assert backend.usernames("Composer") == []
        assert services.audit.verify().ok


def test_signed_log_without_its_key_cannot_be_checked(services, clock, tmp_path, engine):
    with installed_keyring(MemoryKeyring()):
        build(services, clock)
    services.close()
    with installed_keyring(MemoryKeyring()), reopen(tmp_path, clock, engine) as elsewhere:
        report = elsewhere.audit.verify()
        assert not report.ok and report.key == "missing"
        assert "not in this computer's keyring, so it cannot be checked" in report.problem
        post = elsewhere.library.create(PostDraft(body="New", platforms=("x",)))
        elsewhere.approval.approve(post.id)  # still works, unsigned, and says why
        assert elsewhere.audit.notices == ("audit.key-missing",)


def test_locked_keyring_refuses_to_write_unsigned_into_a_signed_log(
    services, clock, tmp_path, engine
):
    with installed_keyring(MemoryKeyring()) as backend:
        ids = build(services, clock)
    services.close()
    locked = MemoryKeyring(fail_on={"get"}, error=keyring.errors.KeyringLocked("locked"))
    locked._entries.update(backend._entries)
    with installed_keyring(locked), reopen(tmp_path, clock, engine) as again:
        before = len(again.audit.entries())
        with pytest.raises(AuditKeyUnavailableError, match="locked"):
            again.approval.approve(ids["draft"])
        assert len(again.audit.entries()) == before
        assert again.library.get(ids["draft"]).status == "draft"


@pytest.mark.parametrize("revision", ["0001", "0002"])
def test_old_library_becomes_keyed_from_the_first_new_entry(tmp_path, clock, engine, revision):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / f"library-{revision}.sqlite3", data / "library.sqlite3")
    with installed_keyring(MemoryKeyring()), reopen(tmp_path, clock, engine) as services:
        old = services.audit.verify()
        assert old.ok and old.signed_from is None and old.entries == 4
        post = services.library.create(PostDraft(body="Hello again", platforms=("x",)))
        services.approval.approve(post.id)
        report = services.audit.verify()
        assert report.ok and (report.signed_from, report.entries) == (5, 5)
        # the old, unsigned entries are now held by the first signed one
        with raw(services.database.path) as conn:
            conn.execute(
                "UPDATE audit_log SET data = replace(data, 'edited', 'changed') "
                "WHERE action = 'approval-voided'"
            )
            rehash(conn)
        found = services.audit.verify().problem
    assert found.startswith("audit entry 5 (approve") and "signature does not match" in found
