"""A review's rating on the comment a reply answers: carried only when set, so every record
written before ratings existed (revisions, the register, its audit entries) reads, hashes
and verifies exactly as it did."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from composer.domain.conversations import Comment, rating_of
from composer.domain.posts import PostDraft
from composer.services.conversations import audit_data
from composer.services.importer import ImportFileError, parse_rows

COMMENT = Comment(
    text="Slow to answer, but they got there.",
    author="Dana R.",
    platform="google",
    url="https://g.co/review/1",
    at=datetime(2026, 5, 10, 8, 30, tzinfo=UTC),
)


def test_to_dict_writes_the_rating_only_when_set_and_reads_it_back():
    assert list(COMMENT.to_dict()) == ["author", "text", "platform", "url", "at", "post_id"]
    rated = replace(COMMENT, rating=2)
    assert rated.to_dict() == {**COMMENT.to_dict(), "rating": 2}
    assert Comment.from_dict(rated.to_dict()) == rated
    assert Comment.from_dict(COMMENT.to_dict()) == COMMENT
    for bad in (0, 6, "3", 2.5, True, None):  # a stored oddity reads as no rating
        assert Comment.from_dict({**COMMENT.to_dict(), "rating": bad}).rating is None


@pytest.mark.parametrize("bad", [0, 6, -1, True, 4.0, "5"])
def test_a_rating_is_a_whole_number_from_one_to_five(bad):
    assert rating_of(bad) is None
    with pytest.raises(ValueError):
        Comment(text="x", rating=bad)
    assert [rating_of(n) for n in range(1, 6)] == [1, 2, 3, 4, 5]


def test_same_words_and_the_stars_shown():
    assert COMMENT.same_words(replace(COMMENT, on_post_id=3))
    assert not COMMENT.same_words(replace(COMMENT, rating=1))
    assert replace(COMMENT, rating=2).stars() == "★★☆☆☆" and COMMENT.stars() == ""


def test_a_complaint_without_a_rating_logs_what_it_always_did(services):
    entry = services.conversations.record(COMMENT, "Sorry, please call me.")
    assert audit_data(entry) == {
        "complaint_id": entry.id,
        "author": "Dana R.",
        "platform": "google",
        "url": "https://g.co/review/1",
        "at": "2026-05-10T08:30:00+00:00",
        "text_sha256": audit_data(entry)["text_sha256"],
    }
    rated = services.conversations.record(replace(COMMENT, rating=1))
    assert audit_data(rated)["rating"] == 1
    assert services.audit.verify().ok


def test_a_reply_keeps_its_rating_through_saves_revisions_and_the_register(services, clock):
    post = services.library.create(
        PostDraft(body="I'm sorry, Dana.", platforms=("facebook",), in_reply_to=COMMENT)
    )
    assert services.library.get(post.id).in_reply_to.rating is None
    clock.advance(60)
    rated = replace(COMMENT, rating=2)
    services.library.autosave(post.id, replace(post.draft, in_reply_to=rated))
    assert services.library.get(post.id).in_reply_to == rated
    clock.advance(60)
    services.library.autosave(post.id, replace(post.draft, body="Edited", in_reply_to=rated))
    contents = [r.content.in_reply_to for r in services.library.revisions(post.id)]
    assert rated in contents and COMMENT in contents  # each revision as it was
    entry = services.conversations.flag_reply(post.id)
    assert entry.comment.rating == 2
    assert services.conversations.get(entry.id).comment == rated
    assert services.audit.verify().ok


def test_a_changed_rating_in_the_register_breaks_the_audit_chain(services, tmp_path):
    entry = services.conversations.record(replace(COMMENT, rating=1))
    path = tmp_path / "data" / "library.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE complaints SET rating = 5 WHERE id = ?", (entry.id,))
    conn.close()
    report = services.audit.verify()
    assert not report.ok and f"rating of complaint {entry.id} was changed" in report.problem


def test_import_carries_a_rating_into_the_reply_and_the_register(services):
    row = {
        "text": "I'm sorry. Please call me.",
        "in_reply_to": {"text": "Nobody calls me back", "rating": 1},
        "complaint": True,
    }
    [post_id] = services.importer.import_rows(parse_rows(json.dumps(row)))
    assert services.library.get(post_id).in_reply_to.rating == 1
    [entry] = services.conversations.complaints()
    assert entry.comment.rating == 1


@pytest.mark.parametrize("bad", [0, 6, "5", 4.5, True, [1]])
def test_import_refuses_a_rating_that_is_not_one_to_five_stars(bad):
    row = {"text": "x", "in_reply_to": {"text": "c", "rating": bad}}
    with pytest.raises(ImportFileError) as caught:
        parse_rows(json.dumps({"text": "fine"}) + "\n" + json.dumps(row))
    message = str(caught.value)
    assert message.startswith("row 2, field 'in_reply_to.rating'") and "1 to 5" in message
    assert "\n" not in message
