"""Drafts: create, autosave (coalescing), revisions, duplicate, archive, bin, profile."""

from __future__ import annotations

from datetime import datetime

import pytest

from composer.domain.posts import PostDraft
from composer.domain.profile import Profile
from composer.services.library import InvalidPostError, PostNotFoundError


def test_create_and_get_round_trip(services):
    draft = PostDraft(
        body="Storm season tips",
        title=" Storms ",
        platforms=("LinkedIn", "x", "x"),
        variants={"x": "Short storm tips", "facebook": "  "},
        link=" https://example.com ",
        scheduled_at=datetime(2026, 6, 1, 9, 30),
        tags=("#weather", "tips", "tips"),
    )
    post = services.library.create(draft)
    again = services.library.get(post.id)
    assert again == post
    assert again.title == "Storms"
    assert again.platforms == ("linkedin", "x")
    assert again.variants == {"x": "Short storm tips"}
    assert again.link == "https://example.com"
    assert again.tags == ("tips", "weather")
    assert again.scheduled_at == datetime(2026, 6, 1, 9, 30)
    assert again.status == "draft"
    assert again.text_for("x") == "Short storm tips"
    assert again.text_for("linkedin") == "Storm season tips"
    assert [r.kind for r in services.library.revisions(post.id)] == ["create"]


def test_unknown_platform_is_refused(services):
    with pytest.raises(InvalidPostError):
        services.library.create(PostDraft(body="hi", platforms=("myspace",)))


def test_missing_post_is_a_lookup_error(services):
    with pytest.raises(PostNotFoundError):
        services.library.get(404)


def test_autosave_coalesces_quick_edits_into_one_revision(services, clock):
    post = services.library.create(PostDraft(body="a"))
    for text in ("ab", "abc", "abcd"):
        clock.advance(2)
        services.library.autosave(post.id, PostDraft(body=text))
    revisions = services.library.revisions(post.id)
    assert [r.kind for r in revisions] == ["autosave", "create"]
    assert revisions[0].content.body == "abcd"
    clock.advance(61)  # a pause of a minute: the next edit starts a new revision
    services.library.autosave(post.id, PostDraft(body="abcde"))
    assert [r.content.body for r in services.library.revisions(post.id)] == [
        "abcde",
        "abcd",
        "a",
    ]


def test_autosave_caps_how_long_one_revision_spans(services, clock):
    post = services.library.create(PostDraft(body="x"))
    for n in range(40):  # typing steadily for 20 minutes
        clock.advance(30)
        services.library.autosave(post.id, PostDraft(body="x" * (n + 2)))
    autosaves = [r for r in services.library.revisions(post.id) if r.kind == "autosave"]
    assert len(autosaves) >= 2


def test_autosave_without_change_writes_nothing(services, clock):
    post = services.library.create(PostDraft(body="same", tags=("b", "a")))
    clock.advance(10)
    saved = services.library.autosave(post.id, PostDraft(body="same", tags=("a", "b")))
    assert saved.updated_at == post.updated_at
    assert len(services.library.revisions(post.id)) == 1


def test_restore_revision_makes_a_new_revision(services, clock):
    post = services.library.create(PostDraft(body="first"))
    clock.advance(60)
    services.library.autosave(post.id, PostDraft(body="second"))
    first = services.library.revisions(post.id)[-1]
    clock.advance(60)
    restored = services.library.restore_revision(post.id, first.id)
    assert restored.body == "first"
    assert [r.kind for r in services.library.revisions(post.id)] == [
        "restore",
        "autosave",
        "create",
    ]


def test_restore_someone_elses_revision_is_refused(services):
    a = services.library.create(PostDraft(body="a"))
    b = services.library.create(PostDraft(body="b"))
    revision = services.library.revisions(b.id)[0]
    with pytest.raises(PostNotFoundError):
        services.library.restore_revision(a.id, revision.id)


def test_duplicate_archive_and_bin(services):
    post = services.library.create(PostDraft(body="hello", title="Hi", platforms=("x",)))
    copy = services.library.duplicate(post.id)
    assert copy.id != post.id and copy.body == "hello" and copy.title == "Hi (copy)"
    assert services.library.archive(post.id).status == "archived"
    assert services.library.unarchive(post.id).status == "draft"
    deleted = services.library.delete(post.id)
    assert deleted.deleted_at is not None
    assert services.library.undelete(post.id).deleted_at is None


def test_profile_and_settings_are_kept(services, open_services):
    assert services.library.profile() is None
    profile = Profile(name="Sam Ortiz", license_number="0K98765", states=("CA",))
    services.library.set_profile(profile)
    services.library.set_setting("theme", {"dark": True})
    services.close()
    reopened = open_services()
    assert reopened.library.profile() == profile
    assert reopened.library.setting("theme") == {"dark": True}
    assert reopened.library.setting("missing", 3) == 3


def test_an_approved_version_is_kept_apart_from_the_typing_after_it(services, clock):
    post = services.library.create(PostDraft(body="Storm kit tips?", platforms=("x",)))
    clock.advance(2)
    services.approval.approve(post.id)
    clock.advance(2)  # an edit right after approving starts its own version
    services.library.autosave(
        post.id, PostDraft(body="Storm kit tips? Share yours.", platforms=("x",))
    )
    kinds = [(r.kind, r.content.body) for r in services.library.revisions(post.id)]
    assert kinds[:2] == [
        ("autosave", "Storm kit tips? Share yours."),
        ("approve", "Storm kit tips?"),
    ]


def test_rescheduling_keeps_the_approval_and_is_logged_after_it(services, clock):
    from datetime import datetime

    post = services.library.create(PostDraft(body="Storm kit tips?", platforms=("x",)))
    when = datetime(2030, 5, 13, 19, 0, 42)
    planned = services.library.reschedule(post.id, when)
    assert planned.scheduled_at == datetime(2030, 5, 13, 19, 0)  # to the minute
    assert not [e for e in services.audit.entries() if e.action == "reschedule"]
    services.approval.approve(post.id)
    later = services.library.reschedule(post.id, datetime(2030, 5, 14, 8, 30))
    assert later.status == "approved"
    assert services.approval.active_approval(post.id) is not None
    [entry] = [e for e in services.audit.entries() if e.action == "reschedule"]
    assert entry.data == {  # ISO 8601 with the offset of the zone (UTC here)
        "from": "2030-05-13T19:00:00+00:00",
        "to": "2030-05-14T08:30:00+00:00",
    }
    cleared = services.library.reschedule(post.id, None)
    assert cleared.scheduled_at is None and cleared.status == "approved"
    assert services.audit.verify().ok
