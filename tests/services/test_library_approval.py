"""Approval, edit-after-approval, exports, the audit hash chain, and history for checks."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from composer.domain.posts import PostDraft, content_hash
from composer.domain.profile import Profile
from composer.services.approval import (
    NotApprovableError,
    NotApprovedError,
    ReasonRequiredError,
)


def make(services, body="Storm tips: what's in your kit?", **kw):
    kw.setdefault("platforms", ("facebook", "x"))
    return services.library.create(PostDraft(body=body, **kw))


def raw(services) -> sqlite3.Connection:
    return sqlite3.connect(services.database.path)


def test_approve_clean_post_records_snapshot_and_audit(services, engine):
    services.library.set_profile(Profile(name="Sam Ortiz"))
    post = make(services, variants={"x": "Kit check! What's in yours?"})
    approval = services.approval.approve(post.id)
    assert approval.texts == {
        "facebook": "Storm tips: what's in your kit?",
        "x": "Kit check! What's in yours?",
    }
    assert approval.hashes["x"] == content_hash("Kit check! What's in yours?")
    assert approval.approver == "Sam Ortiz"
    assert services.library.get(post.id).status == "approved"
    assert {r.platforms for r in engine.seen} == {("facebook",), ("x",)}
    assert all(r.profile == Profile(name="Sam Ortiz") for r in engine.seen)
    [entry] = services.audit.entries()
    assert entry.action == "approve" and entry.post_id == post.id
    assert services.audit.verify().ok


def test_errors_need_a_reason_and_nothing_changes_without_one(services):
    post = make(services, body="Guaranteed lowest rates, free quote!")
    with pytest.raises(ReasonRequiredError) as caught:
        services.approval.approve(post.id)
    assert [e.platform for e in caught.value.errors] == ["facebook", "x"]
    assert services.library.get(post.id).status == "draft"
    assert services.audit.entries() == []

    approval = services.approval.approve(post.id, reason="Carrier-approved wording")
    assert set(approval.overrides) == {"facebook:test.guaranteed@0-10", "x:test.guaranteed@0-10"}
    assert set(approval.overrides.values()) == {"Carrier-approved wording"}
    severities = sorted((f["platform"], f["severity"]) for f in approval.findings)
    assert severities == [
        ("facebook", "error"),
        ("facebook", "warning"),
        ("x", "error"),
        ("x", "warning"),
    ]


def test_specific_reasons_per_finding(services):
    post = make(services, body="Guaranteed!", platforms=("x",))
    with pytest.raises(ReasonRequiredError):
        services.approval.approve(post.id, reasons={"facebook:test.guaranteed@0-10": "no"})
    approval = services.approval.approve(post.id, reasons={"x:test.guaranteed@0-10": "quote"})
    assert approval.overrides == {"x:test.guaranteed@0-10": "quote"}


def test_unapprovable_posts(services):
    no_platform = services.library.create(PostDraft(body="hello"))
    with pytest.raises(NotApprovableError):
        services.approval.approve(no_platform.id)
    archived = make(services)
    services.library.archive(archived.id)
    with pytest.raises(NotApprovableError):
        services.approval.approve(archived.id)


def test_editing_an_approved_post_returns_it_to_draft(services, clock):
    post = make(services)
    first = services.approval.approve(post.id)
    clock.advance(10)
    # Title and tags are not what goes out: the approval still applies.
    services.library.autosave(
        post.id, PostDraft(body=post.body, platforms=post.platforms, title="T")
    )
    assert services.library.get(post.id).status == "approved"
    # The text is: back to draft, approval kept on record but no longer active.
    services.library.autosave(post.id, PostDraft(body="New words", platforms=post.platforms))
    assert services.library.get(post.id).status == "draft"
    assert services.approval.active_approval(post.id) is None
    [old] = services.approval.approvals(post.id)
    assert old.id == first.id and old.voided_at == clock.now
    assert [e.action for e in services.audit.entries()] == ["approve", "approval-voided"]
    with pytest.raises(NotApprovedError):
        services.approval.approved_snapshot(post.id)
    assert services.audit.verify().ok


def test_export_uses_the_approved_snapshot(services):
    post = make(services)
    services.approval.approve(post.id)
    record = services.audit.record_export("csv", "/tmp/out.csv", "ab" * 32, [post.id])
    assert record.post_ids == (post.id,)
    assert services.library.get(post.id).status == "exported"
    assert services.approval.approved_snapshot(post.id).exported_at is not None
    services.library.autosave(post.id, PostDraft(body="Edited later", platforms=post.platforms))
    assert services.library.get(post.id).status == "draft"
    with pytest.raises(NotApprovedError):
        services.audit.record_export("csv", "/tmp/again.csv", "cd" * 32, [post.id])
    assert [e.action for e in services.audit.entries()] == [
        "approve",
        "export",
        "approval-voided",
    ]
    assert services.audit.verify().ok


def test_chain_detects_approved_text_changed_in_sqlite(services):
    first = make(services)
    second = make(services, body="Second post, what do you think?")
    services.approval.approve(first.id)
    services.approval.approve(second.id)
    with raw(services) as db:  # someone edits the file behind the app's back
        db.execute("DROP TRIGGER approval_texts_no_update")
        db.execute(
            "UPDATE approval_texts SET text = 'Guaranteed returns!' "
            "WHERE approval_id = (SELECT max(id) FROM approvals) AND platform = 'x'"
        )
    report = services.audit.verify()
    assert not report.ok
    assert report.broken_seq == 2
    assert "approved text for x" in report.problem


def test_chain_detects_rehashed_text_and_changed_entries(services):
    post = make(services)
    services.approval.approve(post.id)
    services.approval.approve(post.id, reason="again")
    with raw(services) as db:
        db.execute("DROP TRIGGER approval_texts_no_update")
        db.execute(
            "UPDATE approval_texts SET text = 'x', sha256 = ? WHERE approval_id = 1",
            (content_hash("x"),),
        )
    assert services.audit.verify().broken_seq == 1
    with raw(services) as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("UPDATE audit_log SET data = replace(data, 'again', 'AGAIN') WHERE seq = 2")
    report = services.audit.verify()
    assert report.broken_seq == 1  # still the first problem


def test_chain_detects_a_removed_entry(services):
    for _ in range(3):
        services.approval.approve(make(services).id)
    with raw(services) as db:
        db.execute("DROP TRIGGER audit_log_no_delete")
        db.execute("DELETE FROM audit_log WHERE seq = 2")
    report = services.audit.verify()
    assert not report.ok and report.broken_seq == 3


def test_audit_log_refuses_updates_through_sqlite(services):
    services.approval.approve(make(services).id)
    with raw(services) as db, pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit_log SET action = 'x'")
    with raw(services) as db, pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        db.execute("DELETE FROM approval_texts")


def test_history_for_checks(services, engine, clock):
    old = make(services, body="Old promo", platforms=("facebook",))
    services.approval.approve(old.id)
    clock.advance(timedelta(days=45).total_seconds())
    recent = make(services, body="Recent", variants={"x": "Recent on X"})
    services.approval.approve(recent.id)
    draft = make(services, body="Just a draft")
    history = services.history.recent_for_checks(exclude_post_id=draft.id, last=1)
    assert [(h.post_id, h.text, h.platforms) for h in history] == [
        (recent.id, "Recent", ("facebook",)),
        (recent.id, "Recent on X", ("x",)),
    ]
    assert services.history.recent_for_checks(last=5)[-1].text == "Old promo"
    # approving the draft hands the engine that history
    engine.seen.clear()
    services.approval.approve(draft.id)
    assert {h.post_id for h in engine.seen[0].history} == {old.id, recent.id}


def test_approver_setting_names_who_signed(tmp_path) -> None:
    from composer.app.container import Services
    from composer.domain.posts import PostDraft
    from composer.domain.profile import Profile

    with Services.open(tmp_path) as services:
        services.library.set_profile(Profile(name="Sam Ortiz"))
        first = services.library.create(
            PostDraft(body="Check your smoke alarms today.", platforms=("facebook",))
        )
        assert services.approval.approve(first.id).approver == "Sam Ortiz"
        services.library.set_setting("approver", "Compliance desk: R. Lee")
        second = services.library.create(
            PostDraft(body="Clean the dryer vent twice a year.", platforms=("facebook",))
        )
        assert services.approval.approve(second.id).approver == "Compliance desk: R. Lee"
