"""The tamper suite: every way of rewriting the record behind Composer's back that
`audit verify` must catch, with the triggers dropped and the project's own hash functions
at hand. Most cases run on a keyed library (a keyring is present); the unkeyed ones show
what the head record and the cross-checks still catch without a key, and what they cannot.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from composer.app.container import Services
from composer.domain.posts import GENESIS_HASH, AuditHead, content_hash
from composer.storage.anchor import anchor_path, read_anchor
from tests.helpers.audit import build, forge_anchor, raw, rehash
from tests.helpers.keyrings import installed_keyring, memory


@pytest.fixture
def keyed(services, clock):
    """A library written with a keyring present; yields (services, post ids, the keyring)."""
    with installed_keyring(memory()) as backend:
        ids = build(services, clock)
        yield services, ids, backend


@pytest.fixture
def unkeyed(no_secure_keyring, services, clock):
    """The same library on a computer without a secure keyring."""
    return services, build(services, clock)


def problem(services) -> str:
    report = services.audit.verify()
    assert not report.ok, "audit verify passed a tampered library"
    return report.problem


def library(services):
    return services.database.path


def test_an_untouched_library_verifies_and_is_signed(keyed):
    services, _, backend = keyed
    report = services.audit.verify()
    assert report.ok, report.problem
    assert (report.key, report.signed_from, report.entries) == ("keyed", 1, 5)
    assert [name.split("/")[1] for name in backend.usernames("Composer")] == ["audit-key"]
    with sqlite3.connect(library(services)) as conn:
        macs = [row[0] for row in conn.execute("SELECT mac FROM audit_log ORDER BY seq")]
    conn.close()
    assert all(mac and len(mac) == 64 for mac in macs)
    head = read_anchor(anchor_path(library(services)))
    assert head is not None and head.seq == 5 and head.mac


# --- the chain itself ---------------------------------------------------------------------


def test_edited_approved_text_rehashed_without_the_key(keyed):
    services, ids, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE approval_texts SET text = 'Guaranteed payouts!'")
        conn.execute(
            "UPDATE posts SET body = 'Guaranteed payouts!' WHERE id = ?", (ids["exported"],)
        )
        # fix the stored hashes and the logged hash too, then re-hash the whole chain
        digest = content_hash("Guaranteed payouts!")
        conn.execute("UPDATE approval_texts SET sha256 = ?", (digest,))
        for seq, data in conn.execute("SELECT seq, data FROM audit_log").fetchall():
            value = json.loads(data)
            if "texts" in value:
                value["texts"] = {p: digest for p in value["texts"]}
                text = json.dumps(value, sort_keys=True, separators=(",", ":"))
                conn.execute("UPDATE audit_log SET data = ? WHERE seq = ?", (text, seq))
        forge_anchor(library(services), rehash(conn))
    assert "signature does not match" in problem(services)


def test_rehmac_with_another_key_is_caught(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE audit_log SET at = '2026-01-01 09:00:00.000000' WHERE seq = 2")
        rehash(conn, key=b"k" * 32)
    found = problem(services)
    assert found.startswith("audit entry 1 (approve") and "signature does not match" in found


def test_edited_entry_without_rehash(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE audit_log SET post_id = 99 WHERE seq = 3")
    assert "audit entry 3" in problem(services)


def test_deleted_middle_entry(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq = 2")
    assert problem(services).startswith("audit entry 3 (approve, post 2): entry 2 is missing")


def test_swapped_entries(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        rows = conn.execute("SELECT seq, data FROM audit_log WHERE seq IN (1, 3)").fetchall()
        conn.execute("UPDATE audit_log SET data = ? WHERE seq = 1", (rows[1][1],))
        conn.execute("UPDATE audit_log SET data = ? WHERE seq = 3", (rows[0][1],))
    assert problem(services).startswith("audit entry 1 (approve, post 1): its content was changed")


def test_stripped_signatures_at_the_end(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE audit_log SET mac = NULL WHERE seq >= 4")
        conn.execute("UPDATE audit_log SET data = replace(data, 'edited', 'changed') WHERE seq = 5")
        forge_anchor(library(services), rehash(conn))
    assert "it is not signed, though the entries before it are" in problem(services)


def test_every_signature_stripped_and_rehashed(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE audit_log SET mac = NULL")
        forge_anchor(library(services), rehash(conn))
    assert "no entry is signed with it" in problem(services)


# --- the tail: head record and backups ----------------------------------------------------


def test_deleted_tail(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= 4")
    found = problem(services)
    assert "the log ends at entry 3" in found and "says it reached entry 5" in found


def test_deleted_tail_and_head_record(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= 4")
    anchor_path(library(services)).unlink()
    assert "the head record library.audit-head is missing" in problem(services)


def test_deleted_tail_and_forged_head_record(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= 4")
        head = rehash(conn)
    conn_head = head  # the head of what is left, re-hashed or not
    forge_anchor(library(services), conn_head)
    assert "is not signed with the library's key" in problem(services)


def test_backup_remembers_the_tail(keyed):
    services, _, _ = keyed
    services.database.daily_backup()
    anchor_path(library(services)).unlink()
    with raw(library(services)) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= 4")
        conn.execute("DELETE FROM settings WHERE key = 'audit.head-file'")
    found = problem(services)
    assert "the backup library-" in found and "says it reached entry 5" in found


def test_truncated_log(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("DELETE FROM audit_log")
    forge_anchor(library(services), AuditHead(0, GENESIS_HASH))
    assert "an audit key in the keyring, but no entry is signed with it" in problem(services)


def test_truncated_log_without_a_key(unkeyed):
    services, _ = unkeyed
    with raw(library(services)) as conn:
        conn.execute("DELETE FROM audit_log")
    assert "the log ends at entry 0" in problem(services)
    forge_anchor(library(services), AuditHead(0, GENESIS_HASH))
    assert problem(services) == "approval 1 (post 1) has no audit entry"


def test_unreadable_head_record(keyed):
    services, _, _ = keyed
    anchor_path(library(services)).write_text("{not json", encoding="utf-8")
    assert "cannot be used: it is not readable" in problem(services)


# --- what the log vouches for -------------------------------------------------------------


def test_export_without_its_entry(unkeyed):
    services, _ = unkeyed
    with raw(library(services)) as conn:
        conn.execute("DELETE FROM audit_log WHERE action = 'export'")
        forge_anchor(library(services), rehash(conn))
    assert problem(services) == "export 1 (/tmp/storm.csv) has no audit entry"


def test_export_row_changed(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE exports SET file_sha256 = ?", ("cd" * 32,))
    assert "export 1 was changed after it was recorded" in problem(services)


def test_export_row_names_another_entry(keyed):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE exports SET audit_seq = 3")
    assert problem(services) == "export 1 names audit entry 3, which does not match"


def test_status_set_to_approved_directly(keyed):
    services, ids, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE posts SET status = 'approved' WHERE id = ?", (ids["draft"],))
    assert problem(services) == (
        f"post {ids['draft']} is marked approved, but no approval applies to it"
    )
    standing = services.audit.standing([services.library.get(ids["draft"])])
    assert standing[ids["draft"]].problem == "no-approval"


def test_approved_body_changed(keyed):
    services, ids, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE posts SET body = 'Guaranteed!' WHERE id = ?", (ids["approved"],))
    assert problem(services) == (
        f"post {ids['approved']} is marked approved, but its text (or link, or images) "
        "is not what was approved"
    )
    post = services.library.get(ids["approved"])
    assert not services.audit.standing([post])[post.id].valid


def test_voided_approval_made_live_again(keyed):
    services, ids, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE approvals SET voided_at = NULL WHERE post_id = ?", (ids["edited"],))
    assert (
        problem(services)
        == "approval 3 (post 3) was withdrawn in the log but is marked as still valid"
    )


def test_approval_without_entry(unkeyed):
    services, ids = unkeyed
    with raw(library(services)) as conn:
        conn.execute(
            "DELETE FROM audit_log WHERE action = 'approve' AND post_id = ?", (ids["approved"],)
        )
        forge_anchor(library(services), rehash(conn))
    assert problem(services) == f"approval 2 (post {ids['approved']}) has no audit entry"


# --- without a key: what still holds, and what cannot -------------------------------------


def test_unkeyed_rehash_is_caught_by_the_head_record(unkeyed):
    services, _ = unkeyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE audit_log SET data = replace(data, 'edited', 'changed') WHERE seq = 5")
        rehash(conn)
    assert "the head record library.audit-head does not match entry 5" in problem(services)


def test_unkeyed_full_rewrite_is_not_caught(unkeyed):
    """The documented limit: without a key, someone who rewrites the log consistently and
    the head record with it cannot be told from the real thing."""
    services, _ = unkeyed
    with raw(library(services)) as conn:
        conn.execute("UPDATE audit_log SET data = replace(data, 'edited', 'changed') WHERE seq = 5")
        forge_anchor(library(services), rehash(conn))
    assert services.audit.verify().ok


# --- opening the tampered library again, as a later run would ----------------------------


def test_a_later_run_does_not_heal_a_missing_head_record(keyed, tmp_path, clock, engine):
    services, _, _ = keyed
    with raw(library(services)) as conn:
        conn.execute("DELETE FROM audit_log WHERE seq >= 4")
    anchor_path(library(services)).unlink()
    services.close()
    with Services.open(tmp_path / "data", engine_loader=lambda: engine, clock=clock) as again:
        assert "library.audit-head is missing" in problem(again)
