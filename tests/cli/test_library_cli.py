"""The library commands end to end: exit codes, output shapes, nothing changed on bad input."""

from __future__ import annotations

import json
import sqlite3

import pytest


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "posts.jsonl"
    rows = [
        {"text": "Storm kit tips. What's in yours?", "platforms": ["facebook"], "tags": ["storm"]},
        {"text": "Guaranteed savings for everyone!", "platforms": "x linkedin", "title": "Promo"},
        {"text": "Free flood quote", "platforms": ["x"], "scheduled_at": "2026-05-13T19:00"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


def test_import_says_what_it_imported(cli, sample):
    status, out, err = cli("import", str(sample))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Imported 3 posts:"
    assert lines[2] == "  #2  Promo"  # a title names the post; else its first words
    assert all(line.startswith(f"  #{n}  ") for n, line in zip((1, 2, 3), lines[1:], strict=True))
    status, out, _ = cli("import", str(sample), "--format", "json")
    assert status == 0 and json.loads(out) == [4, 5, 6]


def test_import_bad_row_changes_nothing(cli, tmp_path, sample):
    bad = tmp_path / "bad.csv"
    bad.write_text("text,scheduled_at\nfine,\noops,next tuesday\n", encoding="utf-8")
    status, out, err = cli("import", str(bad))
    assert status == 2 and out == ""
    assert err.startswith("composer: row 3, field 'scheduled_at'")
    assert err.count("\n") == 1
    assert cli("history", "--format", "json")[1] == "[]\n"
    assert cli("import", str(tmp_path / "missing.json"))[0] == 2


def test_history_json_shape_and_filters(cli, sample):
    cli("import", str(sample))
    status, out, _ = cli("history", "--format", "json")
    posts = json.loads(out)
    assert status == 0 and len(posts) == 3
    assert set(posts[0]) == {
        "id",
        "title",
        "text",
        "status",  # the workflow status (draft, in_review, approved, published...)
        "stored_status",  # draft, approved, exported or archived, as before
        "platforms",
        "scheduled_at",
        "updated_at",
        "in_reply_to",  # null for a post; the comment a reply answers
    }
    assert {p["in_reply_to"] for p in posts} == {None}
    by_id = {p["id"]: p for p in posts}
    assert by_id[2]["platforms"] == ["x", "linkedin"] and by_id[2]["title"] == "Promo"
    assert by_id[3]["scheduled_at"] == "2026-05-13T19:00:00"
    assert by_id[1]["title"] is None

    def history_ids(*argv):
        return [p["id"] for p in json.loads(cli("history", "--format", "json", *argv)[1])]

    assert history_ids("--search", "storm") == [1]
    assert sorted(history_ids("--platform", "x")) == [2, 3]
    assert history_ids("--status", "approved") == []
    assert len(history_ids("--limit", "1")) == 1
    status, out, _ = cli("history")
    assert status == 0 and "Storm kit tips" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("history", "--status", "live"),
        ("history", "--limit", "0"),
        ("history", "--platform", "myspace"),
        ("history", "--since", "yesterday"),
        ("show", "abc"),
        ("show", "99"),
        ("approve", "99"),
        ("approve", "1", "--reason", "  "),
        ("backup", "--out", "/no/such/folder/x.db"),
    ],
)
def test_bad_input_is_exit_2(cli, sample, argv):
    cli("import", str(sample))
    status, out, err = cli(*argv)
    assert out == ""
    assert status == 2
    assert err.startswith("composer: ") and err.count("\n") == 1


def test_show_json(cli, sample):
    cli("import", str(sample))
    status, out, _ = cli("show", "2", "--format", "json")
    data = json.loads(out)
    assert status == 0
    assert data["id"] == 2 and data["text"].startswith("Guaranteed")
    assert data["variants"] == {} and data["approval"] is None
    assert [f["category"] for f in data["findings"]["x"]] == ["compliance.guarantee"]
    status, out, _ = cli("show", "2")
    assert status == 0 and "compliance.guarantee" in out


def test_approve_needs_reason_for_errors(cli, sample):
    cli("import", str(sample))
    status, out, err = cli("approve", "2")
    assert status == 1 and out == ""
    assert "2 error finding(s)" in err and "x: compliance.guarantee" in err
    assert json.loads(cli("show", "2", "--format", "json")[1])["status"] == "draft"

    status, out, _ = cli("approve", "2", "--reason", "Carrier-approved promotion")
    assert status == 0 and "Approved post 2" in out
    shown = json.loads(cli("show", "2", "--format", "json")[1])
    assert shown["status"] == "approved"
    assert set(shown["approval"]["overrides"].values()) == {"Carrier-approved promotion"}
    status, out, _ = cli("approve", "1", "--format", "json")
    assert status == 0 and json.loads(out)["texts"] == {
        "facebook": "Storm kit tips. What's in yours?"
    }
    assert cli("audit", "verify") == (
        0,
        "The audit log is intact (2 entries; signed with this library's key from entry 1 on).\n",
        "",
    )
    status, out, _ = cli("audit", "list", "--format", "json")
    assert [e["action"] for e in json.loads(out)] == ["approve", "approve"]


def test_audit_verify_names_the_broken_entry(cli, sample):
    cli("import", str(sample))
    cli("approve", "1")
    with sqlite3.connect(cli.data / "library.sqlite3") as db:
        db.execute("DROP TRIGGER approval_texts_no_update")
        db.execute("UPDATE approval_texts SET text = 'Guaranteed!'")
    db.close()
    status, out, err = cli("audit", "verify")
    assert status == 1 and out == ""
    assert "audit entry 1 (approve, post 1)" in err


def test_backup(cli, tmp_path):
    out_file = tmp_path / "copy.sqlite3"
    status, out, _ = cli("backup", "--out", str(out_file))
    assert status == 0 and out.strip() == str(out_file) and out_file.exists()
    assert cli("backup", "--out", str(out_file))[0] == 2  # never overwrites
    status, out, _ = cli("backup")
    assert status == 0 and "library-manual-" in out


def test_newer_library_is_refused_with_exit_1(cli):
    cli("history")
    with sqlite3.connect(cli.data / "library.sqlite3") as db:
        db.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    db.close()
    status, out, err = cli("history")
    assert status == 1 and out == "" and "newer version of Composer" in err


def test_damaged_library_is_reported(cli):
    cli.data.mkdir(parents=True)
    (cli.data / "library.sqlite3").write_bytes(b"garbage" * 1000)
    status, out, err = cli("history")
    assert status == 0 and "damaged" in err and "No posts found." in out
