"""Replies and the complaint register: stored word for word, every change in the audit log."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest

from composer.domain.conversations import Comment
from composer.domain.posts import PostDraft
from composer.services.conversations import ComplaintError, ComplaintNotFoundError
from composer.services.importer import ImportFileError, parse_rows

COMMENT = Comment(
    text="One star.  Nobody calls me back!!\nNot once. 😡",
    author=" Dana R. ",
    platform="Google",
    url="https://g.co/review/1",
    at=datetime(2026, 5, 10, 8, 30, tzinfo=UTC),
)


def reply(services, comment=COMMENT, body="I'm sorry, Dana. Please call me at 555-0100."):
    return services.library.create(
        PostDraft(body=body, platforms=("facebook",), in_reply_to=comment)
    )


def test_a_reply_keeps_its_comment_exactly_and_through_revisions(services, clock):
    post = reply(services)
    stored = services.library.get(post.id).in_reply_to
    assert stored is not None
    assert stored.text == COMMENT.text  # spaces, line breaks and emoji as written
    assert (stored.author, stored.platform, stored.at) == ("Dana R.", "google", COMMENT.at)
    clock.advance(120)
    services.library.autosave(post.id, PostDraft(body="Edited", platforms=("facebook",)))
    assert services.library.get(post.id).in_reply_to is None  # the editor cleared it
    [latest, first] = services.library.revisions(post.id)
    assert first.content.in_reply_to == stored and latest.content.in_reply_to is None
    services.library.restore_revision(post.id, first.id)
    assert services.library.get(post.id).in_reply_to == stored


def test_flagging_a_reply_records_the_comment_once_and_logs_it(services):
    post = reply(services)
    entry = services.conversations.flag_reply(post.id)
    assert (entry.status, entry.comment.text, entry.reply) == ("open", COMMENT.text, post.body)
    assert services.conversations.flag_reply(post.id).id == entry.id  # not twice
    [logged] = [e for e in services.audit.entries() if e.action == "complaint"]
    assert logged.post_id == post.id and logged.data["complaint_id"] == entry.id
    assert services.audit.verify().ok


def test_status_changes_are_logged_and_resolving_needs_a_note(services, clock):
    entry = services.conversations.record(COMMENT, "Sorry, please call me.")
    clock.advance(60)
    answered = services.conversations.set_status(entry.id, "answered")
    assert answered.status == "answered" and answered.updated_at > entry.updated_at
    with pytest.raises(ComplaintError) as caught:
        services.conversations.resolve(entry.id, "  ")
    assert caught.value.code == "note-required"
    done = services.conversations.resolve(entry.id, "Called her; the carrier fixed the bill.")
    assert (done.status, done.note) == ("resolved", "Called her; the carrier fixed the bill.")
    changes = [e.data for e in services.audit.entries() if e.action == "complaint-status"]
    assert [(c["from"], c["to"]) for c in changes] == [
        ("open", "answered"),
        ("answered", "resolved"),
    ]
    assert [c.id for c in services.conversations.complaints("resolved")] == [entry.id]
    assert services.conversations.complaints("open") == []


def test_unknown_ids_are_refused_with_codes(services):
    with pytest.raises(ComplaintNotFoundError) as caught:
        services.conversations.resolve(42, "note")
    assert (caught.value.code, caught.value.complaint_id) == ("no-complaint", 42)
    plain = services.library.create(PostDraft(body="A post, not a reply"))
    with pytest.raises(ComplaintError) as caught:
        services.conversations.flag_reply(plain.id)
    assert caught.value.code == "not-a-reply"
    with pytest.raises(ComplaintError) as caught:
        services.conversations.record(Comment(text="   "))
    assert caught.value.code == "empty-comment"


def test_editing_a_recorded_comment_breaks_the_audit_chain(services, tmp_path):
    entry = services.conversations.record(COMMENT)
    assert services.audit.verify().ok
    path = tmp_path / "data" / "library.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE complaints SET text = 'Great agency' WHERE id = ?", (entry.id,))
    conn.close()
    report = services.audit.verify()
    assert not report.ok and f"complaint {entry.id} was changed" in report.problem


def test_detect_complaint_says_why(services):
    services.guidelines.install(_real_engine())
    reading = services.conversations.detect_complaint("Nobody ever calls me back. 1 star.")
    assert (reading.complaint, reading.reason) == (True, "unanswered")
    assert services.conversations.detect_complaint("Thanks, great tips!").complaint is False


def _real_engine():
    from composer.guidelines.engine import Engine

    return Engine.load(style_checks=False)


def test_import_reply_rows_and_complaints_in_one_go(services):
    rows = parse_rows(
        "\n".join(
            json.dumps(r)
            for r in [
                {
                    "text": "I'm sorry. Please call me.",
                    "in_reply_to": {
                        "author": "Dana",
                        "text": "Nobody calls me back",
                        "platform": "google",
                        "url": "https://g.co/r/1",
                        "at": "2026-05-10T08:30:00+00:00",
                    },
                    "complaint": True,
                },
                {"text": "Thanks!", "in_reply_to": {"text": "Great tips"}},
                {"text": "An ordinary post"},
            ]
        )
    )
    ids = services.importer.import_rows(rows)
    first, second, third = (services.library.get(i) for i in ids)
    assert first.in_reply_to == Comment(
        "Nobody calls me back", "Dana", "google", "https://g.co/r/1", COMMENT.at
    )
    assert second.in_reply_to == Comment("Great tips") and third.in_reply_to is None
    [entry] = services.conversations.complaints()
    assert (entry.post_id, entry.comment.text, entry.reply) == (
        ids[0],
        "Nobody calls me back",
        first.body,
    )
    assert services.audit.verify().ok


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"text": "x", "complaint": True}, "field 'complaint': a complaint needs the comment"),
        ({"text": "x", "complaint": "yes", "in_reply_to": {"text": "c"}}, "must be true or false"),
        ({"text": "x", "in_reply_to": "just text"}, "field 'in_reply_to': must be an object"),
        ({"text": "x", "in_reply_to": {"author": "A"}}, "in_reply_to.text': needs the comment"),
        ({"text": "x", "in_reply_to": {"text": "c", "stars": 1}}, "unknown field 'stars'"),
        ({"text": "x", "in_reply_to": {"text": "c", "at": "yesterday"}}, "in_reply_to.at'"),
        ({"text": "x", "in_reply_to": {"text": "c", "url": "javascript:alert(1)"}}, "url'"),
    ],
)
def test_bad_reply_rows_are_refused_by_row_and_field(row, message):
    with pytest.raises(ImportFileError) as caught:
        parse_rows(json.dumps({"text": "fine"}) + "\n" + json.dumps(row))
    assert str(caught.value).startswith("row 2") and message in str(caught.value)


def test_the_register_exports_as_csv_word_for_word(services, tmp_path):
    services.conversations.record(COMMENT, '=HYPERLINK("x")')
    out = tmp_path / "register.csv"
    done = services.conversations.export_register("csv", out)
    text = out.read_bytes().decode("utf-8-sig")
    assert done.count == 1 and text.startswith("id,recorded_at,status,note,author")
    assert '"One star.  Nobody calls me back!!\nNot once. 😡"' in text
    assert "'=HYPERLINK" in text  # a formula in a cell is neutralised
    with pytest.raises(ComplaintError) as caught:
        services.conversations.export_register("csv", out)
    assert caught.value.code == "file-exists"
    [logged] = [e for e in services.audit.entries() if e.action == "complaints-export"]
    assert logged.data["sha256"] == done.sha256
