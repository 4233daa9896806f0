"""Replies and the complaint register on the command line: the contract of issue 16."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from composer.cli import run

COMPLAINT = "One star. Nobody at this agency ever calls me back about my claim!"
ROWS = [
    {
        "text": "I'm sorry, Dana. Please call me at 555-0100 so I can help.",
        "platforms": ["facebook"],
        "in_reply_to": {
            "author": "Dana R.",
            "text": COMPLAINT,
            "platform": "google",
            "url": "https://g.co/review/123",
            "at": "2026-05-10T08:30:00+00:00",
        },
        "complaint": True,
    },
    {"text": "Thanks, Ana!", "in_reply_to": {"text": "Great tips, thank you"}},
    {"text": "Storm kit tips. What's in yours?"},
]


@pytest.fixture
def imported(cli, tmp_path):
    path = tmp_path / "replies.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    status, out, err = cli("import", str(path))
    assert (status, err) == (0, "")
    assert "reply to “One star. Nobody at this agency…”" in out
    assert out.rstrip().endswith("Recorded 1 complaint in the register.")
    return path


def test_show_json_includes_in_reply_to(cli, imported):
    status, out, _ = cli("show", "1", "--format", "json")
    data = json.loads(out)
    assert status == 0 and data["in_reply_to"] == {
        "author": "Dana R.",
        "text": COMPLAINT,
        "platform": "google",
        "url": "https://g.co/review/123",
        "at": "2026-05-10T08:30:00+00:00",
        "post_id": None,
    }
    assert json.loads(cli("show", "3", "--format", "json")[1])["in_reply_to"] is None
    status, out, _ = cli("show", "1")
    assert f"  > {COMPLAINT}" in out and "In reply to: Dana R. · google" in out


def test_complaints_list_resolve_and_the_audit_log(cli, imported):
    status, out, _ = cli("complaints", "list", "--format", "json")
    [entry] = json.loads(out)
    assert status == 0 and entry["comment"]["text"] == COMPLAINT and entry["status"] == "open"
    assert entry["post_id"] == 1 and entry["reply"].startswith("I'm sorry, Dana.")
    status, out, _ = cli("complaints", "list")
    assert f"  > {COMPLAINT}" in out and "Complaint 1  ·  open" in out
    status, out, err = cli("complaints", "resolve", "1", "--note", "Called her back")
    assert (status, err) == (0, "") and "resolved: Called her back" in out
    assert json.loads(cli("complaints", "list", "--status", "open", "--format", "json")[1]) == []
    [done] = json.loads(cli("complaints", "list", "--status", "resolved", "--format", "json")[1])
    assert done["note"] == "Called her back"
    status, out, _ = cli("audit", "verify")
    assert status == 0 and "intact" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["complaints", "resolve", "9", "--note", "x"], "there is no complaint 9"),
        (["complaints", "resolve", "1", "--note", "  "], "--note TEXT must not be empty"),
        (["complaints", "resolve", "abc", "--note", "x"], "not a complaint id"),
        (["complaints", "list", "--status", "closed"], "invalid choice"),
        (["complaints", "flag", "3"], "post 3 is not a reply"),
        (["complaints", "export", "--format", "xml", "--out", "x"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(cli, imported, argv, words):
    status, out, err = cli(*argv)
    assert status == 2 and out == ""
    assert words in err and err.count("\n") == 1


def test_a_complaint_row_without_its_comment_imports_nothing(cli, tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "x", "complaint": True}), encoding="utf-8")
    status, _, err = cli("import", str(path))
    assert status == 2 and "field 'complaint'" in err
    assert not (tmp_path / "data" / "library.sqlite3").exists()


def test_export_csv_keeps_the_comment_word_for_word(cli, imported, tmp_path):
    out_file = tmp_path / "register.csv"
    status, out, _ = cli("complaints", "export", "--format", "csv", "--out", str(out_file))
    assert status == 0 and "Wrote 1 complaint" in out
    [row] = list(csv.DictReader(io.StringIO(out_file.read_bytes().decode("utf-8-sig"))))
    assert (row["comment"], row["author"], row["status"]) == (COMPLAINT, "Dana R.", "open")
    status, _, err = cli("complaints", "export", "--format", "csv", "--out", str(out_file))
    assert status == 2 and "add --overwrite" in err


def test_export_pdf_holds_the_exact_comment(cli, imported, tmp_path):
    from pypdf import PdfReader

    out_file = tmp_path / "register.pdf"
    status, _, _ = cli("complaints", "export", "--format", "pdf", "--out", str(out_file))
    assert status == 0 and out_file.read_bytes().startswith(b"%PDF")
    attached = PdfReader(io.BytesIO(out_file.read_bytes())).attachments["complaint-register.json"]
    register = json.loads(attached[0])
    assert register["complaints"][0]["comment"] == COMPLAINT


def test_a_changed_comment_in_the_register_fails_audit_verify(cli, imported, tmp_path):
    with sqlite3.connect(tmp_path / "data" / "library.sqlite3") as conn:
        conn.execute("UPDATE complaints SET text = 'Great agency!'")
    conn.close()
    status, out, err = cli("audit", "verify")
    assert status != 0 and "complaint 1 was changed" in out + err


def _check(capsys, tmp_path: Path, *args: str) -> tuple[int, str, str]:
    status = run(["--data-dir", str(tmp_path / "nolibrary"), "check", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_check_reply_to_reads_the_comment_and_flags_only_the_reply(tmp_path, capsys):
    comment = tmp_path / "comment.txt"
    comment.write_text(COMPLAINT + "\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("That's not on us. Your claim was denied because of the roof.", "utf-8")
    status, out, _ = _check(capsys, tmp_path, str(bad), "--reply-to", str(comment))
    assert status == 1
    assert "The comment reads as a complaint (says nobody answers" in out
    assert "conversation.tone.blaming" in out and "compliance.privacy.reply-record" in out
    status, out, _ = _check(
        capsys, tmp_path, str(bad), "--reply-to", str(comment), "--format", "json"
    )
    data = json.loads(out)
    assert data["comment"] == {
        "complaint": True,
        "reason": "unanswered",
        "evidence": "Nobody at this agency ever calls",
        "personal": True,
    }
    assert all(f["end"] is None or f["end"] <= len(bad.read_text()) for f in data["findings"])
    status, out, _ = _check(capsys, tmp_path, str(bad))  # the same text as a post
    assert "conversation." not in out and "reply-record" not in out


def test_check_reply_to_a_kind_private_reply_is_clean(tmp_path, capsys):
    comment = tmp_path / "comment.json"
    comment.write_text(json.dumps({"author": "Dana", "text": COMPLAINT}), encoding="utf-8")
    good = "I'm sorry, Dana. I'd like to help: please call me at 555-0100."
    path = tmp_path / "good.txt"
    path.write_text(good, encoding="utf-8")
    status, out, _ = _check(capsys, tmp_path, str(path), "--reply-to", str(comment))
    assert status == 0 and "No findings." in out


@pytest.mark.parametrize(
    ("content", "words"),
    [("", "the comment is empty"), ('{"author": "A"', "not valid JSON"), ("{}", "text")],
)
def test_check_reply_to_bad_comment_files(tmp_path, capsys, content, words):
    comment = tmp_path / "comment.txt"
    comment.write_text(content, encoding="utf-8")
    post = tmp_path / "post.txt"
    post.write_text("Thanks!", encoding="utf-8")
    status, out, err = _check(capsys, tmp_path, str(post), "--reply-to", str(comment))
    assert status == 2 and out == "" and words in err and err.count("\n") == 1
    status, _, err = _check(capsys, tmp_path, str(post), "--reply-to", str(tmp_path / "nope"))
    assert status == 2 and "file not found" in err


def test_check_jsonl_lines_may_carry_their_comment(tmp_path, capsys):
    source = tmp_path / "many.jsonl"
    lines = [
        {"id": "a", "text": "That's not on us.", "in_reply_to": {"text": COMPLAINT}},
        {"id": "b", "text": "That's not on us."},
    ]
    source.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    status, out, _ = _check(capsys, tmp_path, "--jsonl", str(source))
    first, second = (json.loads(x) for x in out.splitlines())
    assert "conversation.tone.blaming" in {f["rule"] for f in first["findings"]}
    assert first["comment"]["complaint"] is True
    # Without its comment the line is a post: no reply check reads it (the posts' reader may
    # still offer a hint on the words themselves).
    assert "comment" not in second
    assert not [f for f in second["findings"] if f["category"].startswith("conversation.")]
    assert status == 0  # warnings only
