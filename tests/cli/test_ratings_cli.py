"""A review's rating on the command line: `check --rating`, `import`, `show`, the register's
list and exports. A rating is written only when set, so unrated output is as before."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from composer.cli import run

PLAIN = "Got my renters quote here."
ROWS = [
    {
        "text": "I'm sorry, Dana. Please call me at 555-0100 so I can help.",
        "platforms": ["facebook"],
        "in_reply_to": {"author": "Dana R.", "text": PLAIN, "platform": "google", "rating": 2},
        "complaint": True,
    },
    {"text": "Thanks, Ana!", "in_reply_to": {"text": "Great tips, thank you"}},
]


@pytest.fixture
def imported(cli, tmp_path):
    path = tmp_path / "rated.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    status, _, err = cli("import", str(path))
    assert (status, err) == (0, "")
    return path


def test_show_and_the_register_carry_the_rating_only_when_set(cli, imported):
    shown = json.loads(cli("show", "1", "--format", "json")[1])["in_reply_to"]
    assert shown["rating"] == 2 and shown["text"] == PLAIN
    unrated = json.loads(cli("show", "2", "--format", "json")[1])["in_reply_to"]
    assert "rating" not in unrated
    assert "Dana R. · google · 2 of 5 stars" in cli("show", "1")[1]
    [entry] = json.loads(cli("complaints", "list", "--format", "json")[1])
    assert entry["comment"]["rating"] == 2
    assert "Dana R. · google · 2 of 5 stars" in cli("complaints", "list")[1]
    status, out, _ = cli("audit", "verify")
    assert status == 0 and "intact" in out


def test_the_register_exports_carry_the_rating(cli, imported, tmp_path):
    out_csv = tmp_path / "register.csv"
    assert cli("complaints", "export", "--format", "csv", "--out", str(out_csv))[0] == 0
    [row] = list(csv.DictReader(io.StringIO(out_csv.read_bytes().decode("utf-8-sig"))))
    assert (row["rating"], row["comment"]) == ("2", PLAIN)
    from pypdf import PdfReader

    out_pdf = tmp_path / "register.pdf"
    assert cli("complaints", "export", "--format", "pdf", "--out", str(out_pdf))[0] == 0
    reader = PdfReader(io.BytesIO(out_pdf.read_bytes()))
    assert "2 of 5 stars" in "".join(page.extract_text() for page in reader.pages)
    attached = json.loads(reader.attachments["complaint-register.json"][0])
    assert attached["complaints"][0]["rating"] == "2"


@pytest.mark.parametrize("bad", [0, 6, "2", 1.5, True])
def test_import_refuses_a_bad_rating_in_one_line(cli, tmp_path, bad):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": "x", "in_reply_to": {"text": "c", "rating": bad}}))
    status, out, err = cli("import", str(path))
    assert status == 2 and out == "" and err.count("\n") == 1
    assert "row 1, field 'in_reply_to.rating'" in err and "1 to 5" in err
    assert not (tmp_path / "data" / "library.sqlite3").exists()


def _check(capsys, tmp_path: Path, *args: str) -> tuple[int, str, str]:
    status = run(["--data-dir", str(tmp_path / "nolibrary"), "check", *args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def reply_and_comment(tmp_path) -> tuple[str, str]:
    comment = tmp_path / "comment.txt"
    comment.write_text(PLAIN, encoding="utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text("Thanks, Dana. Glad we could help with the quote.", encoding="utf-8")
    return str(reply), str(comment)


def test_check_rating_reads_one_or_two_stars_as_a_complaint(tmp_path, capsys, reply_and_comment):
    reply, comment = reply_and_comment
    status, out, _ = _check(capsys, tmp_path, reply, "--reply-to", comment)
    assert status == 0 and "complaint" not in out
    status, out, _ = _check(capsys, tmp_path, reply, "--reply-to", comment, "--rating", "1")
    assert status == 0 and "The comment reads as a complaint (a 1-star rating)" in out
    assert "conversation.private.take-it-private" in out
    status, out, _ = _check(
        capsys, tmp_path, reply, "--reply-to", comment, "--rating", "2", "--format", "json"
    )
    assert json.loads(out)["comment"] == {
        "complaint": True,
        "reason": "low-rating",
        "evidence": "2-star rating",
        "personal": False,
    }
    status, out, _ = _check(capsys, tmp_path, reply, "--reply-to", comment, "--rating", "5")
    assert status == 0 and "complaint" not in out


def test_check_reads_a_rating_in_the_comment_file(tmp_path, capsys, reply_and_comment):
    reply, _ = reply_and_comment
    comment = tmp_path / "comment.json"
    comment.write_text(json.dumps({"text": PLAIN, "rating": 1}), encoding="utf-8")
    status, out, _ = _check(capsys, tmp_path, reply, "--reply-to", str(comment))
    assert status == 0 and "(a 1-star rating)" in out
    status, out, _ = _check(capsys, tmp_path, reply, "--reply-to", str(comment), "--rating", "4")
    assert status == 0 and "complaint" not in out  # --rating says what the stars are


@pytest.mark.parametrize("bad", ["0", "6", "x", "2.5", "", "-1"])
def test_check_refuses_a_bad_rating_in_one_line(tmp_path, capsys, reply_and_comment, bad):
    reply, comment = reply_and_comment
    status, out, err = _check(capsys, tmp_path, reply, "--reply-to", comment, f"--rating={bad}")
    assert status == 2 and out == "" and err.count("\n") == 1 and "1 to 5 stars" in err


def test_check_rating_needs_a_comment(tmp_path, capsys, reply_and_comment):
    reply, _ = reply_and_comment
    status, out, err = _check(capsys, tmp_path, reply, "--rating", "1")
    assert status == 2 and out == "" and err.count("\n") == 1 and "--reply-to" in err


def test_the_reviews_thread_shows_the_rating(cli, imported):
    status, out, _ = cli("thread", "--reviews", "--format", "json")
    comments = {r["id"]: r["comment"] for r in json.loads(out)["replies"]}
    assert status == 0 and comments[1]["rating"] == 2 and "rating" not in comments[2]
    status, out, _ = cli("thread", "--reviews")
    assert status == 0 and "Dana R. · google · 2 of 5 stars" in out
