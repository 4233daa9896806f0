"""`composer thread`: the contract of a post's thread on the command line (issue 16)."""

from __future__ import annotations

import json

import pytest

POST = {"text": "Storm kit tips. What's in yours?", "platforms": ["facebook"]}
COMPLAINT = "Nobody at this agency ever calls me back about my claim!"
REPLIES = [
    {
        "text": "Thanks, Ana!",
        "in_reply_to": {
            "text": "Great tips, thank you",
            "author": "Ana",
            "platform": "facebook",
            "at": "2026-05-11T08:00:00+00:00",
            "post_id": 1,
        },
    },
    {
        "text": "I'm sorry, Dana.\nPlease call me at 555-0100.",
        "in_reply_to": {
            "text": COMPLAINT,
            "author": "Dana R.",
            "platform": "facebook",
            "url": "https://facebook.com/c/2",
            "at": "2026-05-10T08:00:00+00:00",
            "post_id": 1,
        },
        "complaint": True,
    },
    {"text": "Thank you for the review!", "in_reply_to": {"text": "Five stars", "author": "Bo"}},
]


@pytest.fixture
def thread(cli, tmp_path):
    first, second = tmp_path / "post.jsonl", tmp_path / "replies.jsonl"
    first.write_text(json.dumps(POST), encoding="utf-8")
    second.write_text("\n".join(json.dumps(r) for r in REPLIES), encoding="utf-8")
    assert cli("import", str(first))[0] == 0
    status, out, err = cli("import", str(second))
    assert (status, err) == (0, "") and "#2" in out and "#4" in out


def test_thread_json_lists_the_post_then_replies_in_comment_order(cli, thread):
    status, out, err = cli("thread", "1", "--format", "json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["post"] == {
        "id": 1,
        "title": None,
        "text": POST["text"],
        "status": "draft",
    }
    assert [r["id"] for r in data["replies"]] == [3, 2]  # Dana commented first
    dana = data["replies"][0]
    assert dana == {
        "id": 3,
        "status": "draft",
        "text": "I'm sorry, Dana.\nPlease call me at 555-0100.",
        "complaint_id": 1,
        "comment": {
            "author": "Dana R.",
            "text": COMPLAINT,
            "platform": "facebook",
            "url": "https://facebook.com/c/2",
            "at": "2026-05-10T08:00:00+00:00",
            "post_id": 1,
        },
    }
    assert data["replies"][1]["complaint_id"] is None


def test_thread_text_and_the_reviews(cli, thread):
    status, out, _ = cli("thread", "1")
    assert status == 0 and out.startswith("Post 1  ·  draft\n  Storm kit tips.")
    assert out.index("Dana R.") < out.index("Ana ·")
    assert f"   > {COMPLAINT}" in out and "[complaint 1]" in out
    assert "   Reply 3 (draft): I'm sorry, Dana.\n     Please call me at 555-0100." in out
    status, out, _ = cli("thread", "--reviews", "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["post"] is None and [r["id"] for r in data["replies"]] == [4]
    status, out, _ = cli("show", "2")
    assert "left on post 1 (see 'composer thread 1')" in out


def test_a_post_without_replies(cli, tmp_path):
    path = tmp_path / "post.jsonl"
    path.write_text(json.dumps(POST), encoding="utf-8")
    cli("import", str(path))
    status, out, _ = cli("thread", "1")
    assert status == 0 and out.rstrip().endswith("No replies yet.")
    assert json.loads(cli("thread", "1", "--format", "json")[1])["replies"] == []


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["thread", "9"], "there is no post 9 (see 'composer history')"),
        (["thread", "2"], "post 2 is a reply; see 'composer thread 1'"),
        (["thread", "4"], "post 4 is a reply to a review; see 'composer thread --reviews'"),
        (["thread", "abc"], "not a post id: 'abc'"),
        (["thread"], "one of the arguments ID --reviews is required"),
        (["thread", "1", "--reviews"], "not allowed with argument"),
        (["thread", "1", "--format", "xml"], "invalid choice: 'xml'"),
    ],
)
def test_bad_ids_are_one_plain_line_and_exit_2(cli, thread, argv, words):
    status, out, err = cli(*argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("composer: ") and words in err


def test_a_reply_in_the_bin_leaves_the_thread(cli, thread):
    from composer.app.container import Services

    with Services.open(cli.data, engine_loader=lambda: None) as services:
        services.library.delete(3)
    data = json.loads(cli("thread", "1", "--format", "json")[1])
    assert [r["id"] for r in data["replies"]] == [2]
    status, _, err = cli("thread", "3")
    assert status == 2 and "post 3 is in the bin" in err
    with Services.open(cli.data, engine_loader=lambda: None) as services:
        services.library.delete(1)
    status, _, err = cli("thread", "1")
    assert (status, err) == (2, "composer: post 1 is in the bin; restore it to see its thread\n")
