"""Images on posts in the library: order, alt text, revisions, approvals and the audit log."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from composer.domain.attachments import ApprovedImage, Attachment
from composer.domain.posts import PostDraft
from composer.services.approval import ReasonRequiredError


def image(n: int, alt: str = "", location: bool = False) -> Attachment:
    return Attachment(
        sha256=f"{n:02x}" * 32,
        format="jpeg",
        width=1080,
        height=1080,
        size_bytes=200_000 + n,
        alt_text=alt,
        has_location=location,
        original_name=f"IMG_{n:04}.JPG",
    )


def draft(*images: Attachment, body: str = "Our team at the charity run!") -> PostDraft:
    return PostDraft(body=body, platforms=("facebook", "linkedin"), attachments=images)


def test_attachments_round_trip_in_order(services, open_services):
    post = services.library.create(draft(image(1, "Team at the start line"), image(2)))
    again = open_services().library.get(post.id)
    assert again.attachments == (image(1, "Team at the start line"), image(2))
    assert services.library.revisions(post.id)[0].content.attachments == again.attachments


def test_reorder_alt_text_and_remove(services, clock):
    post = services.library.create(draft(image(1), image(2), image(3)))
    clock.advance(1)
    changed = draft(image(3), image(1, "A storm-prep checklist"))
    saved = services.library.autosave(post.id, changed)
    assert saved.attachments == changed.attachments
    assert services.library.get(post.id).attachments == changed.attachments
    with sqlite3.connect(services.database.path) as db:
        rows = db.execute(
            "SELECT position, sha256, alt_text FROM post_attachments WHERE post_id = ? "
            "ORDER BY position",
            (post.id,),
        ).fetchall()
    db.close()
    assert rows == [(0, "03" * 32, ""), (1, "01" * 32, "A storm-prep checklist")]


def test_attach_appends_and_does_not_duplicate(services):
    post = services.library.create(draft(image(1)))
    after = services.library.attach(post.id, [image(2), image(1, "Now described")])
    assert [a.sha256[:2] for a in after.attachments] == ["01", "02"]
    assert after.attachments[0].alt_text == "Now described"


def test_the_same_image_on_two_posts_is_one_hash(services):
    a = services.library.create(draft(image(7)))
    b = services.library.create(draft(image(7, "described here")))
    assert services.library.get(a.id).attachments[0].sha256 == b.attachments[0].sha256


def test_engine_sees_the_images(services, engine):
    post = services.library.create(draft(image(1, "Runners", location=True)))
    services.approval.check(post.id)
    seen = engine.seen[-1].attachments
    assert seen is not None and len(seen) == 1
    assert (seen[0].alt_text, seen[0].has_location, seen[0].width) == ("Runners", True, 1080)


def test_approval_snapshot_covers_images_and_verifies(services):
    post = services.library.create(draft(image(1, "Runners"), image(2, "Medal")))
    approval = services.approval.approve(post.id)
    assert approval.images == (
        ApprovedImage("01" * 32, "Runners"),
        ApprovedImage("02" * 32, "Medal"),
    )
    assert services.approval.approved_snapshot(post.id).images == approval.images
    [entry] = [e for e in services.audit.entries(post.id) if e.action == "approve"]
    assert entry.data["images"] == [["01" * 32, "Runners"], ["02" * 32, "Medal"]]
    assert services.audit.verify().ok


@pytest.mark.parametrize(
    "change",
    [
        lambda d: replace(d, attachments=(image(9, "Runners"), d.attachments[1])),  # swapped
        lambda d: replace(d, attachments=d.attachments[:1]),  # removed
        lambda d: replace(d, attachments=d.attachments[::-1]),  # reordered
        lambda d: replace(
            d, attachments=(replace(d.attachments[0], alt_text="Other"), *d.attachments[1:])
        ),  # alt text
        lambda d: replace(d, attachments=(*d.attachments, image(3))),  # added
    ],
    ids=["swap", "remove", "reorder", "alt-text", "add"],
)
def test_an_image_change_after_approval_returns_the_post_to_draft(services, clock, change):
    post = services.library.create(draft(image(1, "Runners"), image(2, "Medal")))
    services.approval.approve(post.id)
    clock.advance(10)
    edited = services.library.autosave(post.id, change(post.draft))
    assert edited.status == "draft"
    assert services.approval.active_approval(post.id) is None
    assert services.audit.entries(post.id)[-1].action == "approval-voided"
    assert services.audit.verify().ok


def test_changes_outside_the_images_keep_the_approval(services, clock):
    post = services.library.create(draft(image(1, "Runners")))
    services.approval.approve(post.id)
    clock.advance(10)
    # Tags are not part of what an approval signs off.
    renamed = replace(post.draft, tags=("charity",))
    assert services.library.autosave(post.id, renamed).status == "approved"


def test_instagram_without_an_image_is_an_error_to_approve(tmp_path, clock):
    from composer.app.container import Services
    from composer.app.container import load_engine as real_engine

    data = tmp_path / "real"
    with Services.open(data, engine_loader=lambda: real_engine(data), clock=clock) as real:
        post = real.library.create(
            PostDraft(body="Storm season: is your kit ready?", platforms=("instagram",))
        )
        with pytest.raises(ReasonRequiredError) as caught:
            real.approval.approve(post.id)
        rules = {e.finding.rule for e in caught.value.errors}
        assert "platform.media.too-few.instagram" in rules
        with_photo = replace(post.draft, attachments=(image(1, "A storm kit on a table"),))
        real.library.autosave(post.id, with_photo)
        assert real.approval.approve(post.id).images[0].alt_text == "A storm kit on a table"


def test_chain_detects_a_changed_approved_image(services):
    post = services.library.create(draft(image(1, "Runners")))
    services.approval.approve(post.id)
    with (
        sqlite3.connect(services.database.path) as db,
        pytest.raises(sqlite3.IntegrityError, match="cannot be changed"),
    ):
        db.execute("UPDATE approval_images SET alt_text = 'x'")
    db.close()
    with sqlite3.connect(services.database.path) as db:
        db.execute("DROP TRIGGER approval_images_no_update")
        db.execute("UPDATE approval_images SET sha256 = ?", ("ff" * 32,))
    db.close()
    report = services.audit.verify()
    assert not report.ok and "images approved" in report.problem


def test_restoring_an_older_revision_brings_its_images_back(services, clock):
    post = services.library.create(draft(image(1, "Runners")))
    first = services.library.revisions(post.id)[0]
    clock.advance(30)
    services.library.autosave(post.id, draft(image(2)))
    restored = services.library.restore_revision(post.id, first.id)
    assert restored.attachments == (image(1, "Runners"),)
