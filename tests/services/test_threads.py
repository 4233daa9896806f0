"""Threads: a reply names the post its comment was left on; a post's replies in order."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from composer.domain.conversations import Comment
from composer.domain.posts import PostDraft, PostQuery
from composer.services.importer import ImportFileError, parse_rows
from composer.services.library import InvalidPostError
from composer.services.threads import ThreadError


def _post(services, body="Storm kit tips. What's in yours?"):
    return services.library.create(PostDraft(body=body, platforms=("facebook",)))


def _reply(services, on, text, at=None, author="Ana", platform="facebook", body="Thanks!"):
    comment = Comment(text, author, platform, at=at, on_post_id=on)
    return services.library.create(PostDraft(body=body, in_reply_to=comment))


def _at(day, hour=8):
    return datetime(2026, 5, day, hour, tzinfo=UTC)


def test_a_threads_replies_come_in_the_comments_order(services, clock):
    post = _post(services)
    other = _post(services, "Another post")
    third = _reply(services, post.id, "third", _at(12))
    undated = _reply(services, post.id, "no date")
    first = _reply(services, post.id, "first", _at(10))
    second = _reply(services, post.id, "second", _at(11))
    _reply(services, other.id, "elsewhere", _at(9))
    _reply(services, None, "a review", _at(9))
    thread = services.threads.thread(post.id)
    assert (thread.post_id, thread.body) == (post.id, "Storm kit tips. What's in yours?")
    assert [r.reply_id for r in thread.replies] == [first.id, second.id, third.id, undated.id]
    assert [r.comment.text for r in thread.replies] == ["first", "second", "third", "no date"]
    assert all(r.status == "draft" and r.complaint_id is None for r in thread.replies)
    services.library.delete(second.id)  # a reply in the bin leaves the thread
    assert [r.reply_id for r in services.threads.thread(post.id).replies] == [
        first.id,
        third.id,
        undated.id,
    ]


def test_the_link_is_stored_kept_through_revisions_and_flagging(services, clock):
    post = _post(services)
    reply = _reply(services, post.id, "Nobody ever calls me back!", _at(10))
    stored = services.library.get(reply.id).in_reply_to
    assert stored is not None and stored.on_post_id == post.id
    clock.advance(120)
    moved = replace(stored, on_post_id=None)
    services.library.autosave(reply.id, PostDraft(body="Thanks!", in_reply_to=moved))
    assert services.threads.thread(post.id).replies == ()
    assert [r.reply_id for r in services.threads.reviews().replies] == [reply.id]
    [latest, *_older] = services.library.revisions(reply.id)
    assert latest.content.in_reply_to is not None
    assert latest.content.in_reply_to.on_post_id is None
    services.library.restore_revision(reply.id, _older[-1].id)
    assert services.library.get(reply.id).in_reply_to.on_post_id == post.id
    entry = services.conversations.flag_reply(reply.id)
    assert services.conversations.flag_reply(reply.id).id == entry.id  # once, link or not
    [shown] = services.threads.thread(post.id).replies
    assert shown.complaint_id == entry.id and shown.flagged


def test_a_link_must_name_a_post_that_is_not_a_reply(services):
    post = _post(services)
    reply = _reply(services, post.id, "hi")
    with pytest.raises(InvalidPostError, match="no post 99"):
        _reply(services, 99, "hi")
    with pytest.raises(InvalidPostError, match="is a reply"):
        _reply(services, reply.id, "hi")
    comment = Comment("hi", on_post_id=reply.id)
    with pytest.raises(InvalidPostError, match="on itself"):
        services.library.autosave(reply.id, PostDraft(body="x", in_reply_to=comment))


def test_thread_errors_and_where_a_reply_belongs(services):
    post = _post(services)
    reply = _reply(services, post.id, "hi")
    review = _reply(services, None, "Five stars", platform="google")
    with pytest.raises(ThreadError) as caught:
        services.threads.thread(reply.id)
    assert (caught.value.code, caught.value.parent) == ("is-reply", post.id)
    with pytest.raises(ThreadError) as caught:
        services.threads.thread(404)
    assert caught.value.code == "no-post"
    assert services.threads.thread_of(post.id) == post.id
    assert services.threads.thread_of(reply.id) == post.id
    assert services.threads.thread_of(review.id) is None
    assert [p.id for p in services.threads.posts()] == [post.id]  # replies are not offered


def test_reviews_are_grouped_by_platform_then_author_then_date(services):
    late_bo = _reply(services, None, "b2", _at(12), author="Bo", platform="google")
    yelp = _reply(services, None, "y", _at(9), author="Al", platform="yelp")
    early_bo = _reply(services, None, "b1", _at(10), author="Bo", platform="google")
    al = _reply(services, None, "a", _at(11), author="al", platform="google")
    thread = services.threads.reviews()
    assert thread.post_id is None
    assert [r.reply_id for r in thread.replies] == [al.id, early_bo.id, late_bo.id, yelp.id]


def test_import_links_a_reply_to_a_post_and_show_json_round_trips(services, cli):
    post = _post(services)
    row = {
        "text": "Thanks, Ana!",
        "in_reply_to": {"text": "Great tips", "author": "Ana", "post_id": post.id},
    }
    [parsed] = parse_rows(json.dumps([row]))
    assert parsed.draft.in_reply_to is not None and parsed.draft.in_reply_to.on_post_id == post.id
    [reply_id] = services.importer.import_rows([parsed])
    assert services.library.get(reply_id).in_reply_to.on_post_id == post.id
    status, out, _ = cli("show", str(reply_id), "--format", "json")
    assert status == 0 and json.loads(out)["in_reply_to"]["post_id"] == post.id
    shown = json.loads(out)["in_reply_to"]
    [again] = parse_rows(json.dumps([{"text": "Thanks, Ana!", "in_reply_to": shown}]))
    assert again.draft.in_reply_to == services.library.get(reply_id).in_reply_to


@pytest.mark.parametrize(
    ("post_id", "words"),
    [
        ("7", "the id (a whole number)"),
        (True, "the id (a whole number)"),
        (0, "the id (a whole number)"),
    ],
)
def test_import_refuses_a_post_id_that_is_not_an_id(post_id, words):
    row = {"text": "x", "in_reply_to": {"text": "y", "post_id": post_id}}
    with pytest.raises(ImportFileError, match=r"row 1, field 'in_reply_to.post_id'") as caught:
        parse_rows(json.dumps([row]))
    assert words in str(caught.value)


def test_import_refuses_a_post_that_is_not_there_and_writes_nothing(services):
    reply = _reply(services, None, "a review")
    rows = parse_rows(
        "\n".join(
            json.dumps(r)
            for r in (
                {"text": "ok"},
                {"text": "x", "in_reply_to": {"text": "y", "post_id": 99}},
                {"text": "x", "in_reply_to": {"text": "y", "post_id": reply.id}},
            )
        )
    )
    with pytest.raises(ImportFileError, match=r"row 2, field 'in_reply_to.post_id': .*no post 99"):
        services.importer.import_rows(rows)
    with pytest.raises(ImportFileError, match=r"row 3, .*is a reply"):
        services.importer.import_rows([rows[0], rows[2]])
    assert services.history.count(PostQuery()) == 1
