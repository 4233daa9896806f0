"""Outside review end to end with real files: submit, the packet (PDF + packet.json), and
decisions brought back (approved, a changed text refused by name, changes requested)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import replace

import pytest

from tests.helpers.pdftext import page_texts, squash


@pytest.fixture
def submitted(cli, tmp_path):
    """Posts 1-3 approved and submitted to the carrier; post 3 for two platforms."""
    rows = [
        {"text": "Storm kit tips. What's in yours?", "platforms": ["x"], "title": "Storm kit"},
        {"text": "Flood cover is separate. Questions?", "platforms": ["facebook"]},
        {"text": "Renters: is your laptop covered?", "platforms": ["linkedin", "x"]},
    ]
    source = tmp_path / "posts.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert cli("import", str(source))[0] == 0
    for post in ("1", "2", "3"):
        assert cli("approve", post)[0] == 0
    status, out, err = cli("submit", "1", "2", "3", "--to", "Acme Mutual home office")
    assert status == 0, err
    assert out == "Submitted post(s) 1, 2, 3 to Acme Mutual home office for review.\n"
    return tmp_path


def _packet(cli, folder):
    out = folder / "packet.zip"
    status, stdout, err = cli("review-packet", "1", "2", "3", "--out", str(out))
    assert status == 0, err and "SHA-256" in stdout
    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == ["packet.json", "record.pdf"]
        return json.loads(archive.read("packet.json")), archive.read("record.pdf")


def test_the_packet_holds_the_record_and_what_each_decision_must_name(cli, submitted):
    packet, pdf = _packet(cli, submitted)
    assert packet["submitted_to"] == "Acme Mutual home office"
    assert set(packet) == {"format", "version", "posts", "submitted_to", "submitted_at", "agent"}
    first = packet["posts"][0]
    assert set(first) >= {
        "post_id",
        "text_sha256",
        "text",
        "platforms",
        "images",
        "findings",
        "rules_version",
    }
    shown = json.loads(cli("show", "1", "--format", "json")[1])
    assert first["text_sha256"] == shown["approval"]["hashes"]["x"]
    assert first["text"] == "Storm kit tips. What's in yours?"
    assert len(first["rules_version"]["sha256"]) == 64
    text = squash("".join(page_texts(pdf)))
    assert squash("Storm kit tips. What's in yours?") in text
    assert squash("Page 1 of") in text


def test_decisions_apply_where_the_hash_matches_and_name_the_rest(
    cli, submitted, services, tmp_path
):
    packet, _ = _packet(cli, submitted)
    hashes = {p["post_id"]: p["text_sha256"] for p in packet["posts"]}
    post = services.library.get(2)  # edited after it went to the reviewer
    services.library.autosave(2, replace(post.draft, body="Flood cover is separate. Ask me!"))
    decisions = [
        {
            "post_id": 1,
            "text_sha256": hashes[1],
            "decision": "approved",
            "reviewer": "Dana Lee",
            "organisation": "Acme Mutual",
            "code": "AM-2026-118",
            "expires": "2027-05-01",
            "note": "",
        },
        {"post_id": 2, "text_sha256": hashes[2], "decision": "approved", "reviewer": "Dana"},
        {
            "post_id": 3,
            "text_sha256": hashes[3],
            "decision": "changes",
            "reviewer": "Dana Lee",
            "note": "Say 'may be covered'",
            "text": "Renters: your laptop may be covered. Ask me how.",
        },
    ]
    source = tmp_path / "decisions.json"
    source.write_text(json.dumps(decisions), encoding="utf-8")
    status, out, err = cli("review-decisions", "import", str(source))
    assert status == 1
    assert out == "Post 1: approved\nPost 3: changes\n"
    assert err.count("\n") == 1
    assert "1 decision(s) refused, 2 applied: row 2 (post 2)" in err and "text_sha256" in err

    first = json.loads(cli("show", "1", "--format", "json")[1])
    assert first["status"] == "approved"
    assert first["approval"]["kind"] == "outside"
    assert first["approval"]["outside_review"] == {
        "reviewer": "Dana Lee",
        "organisation": "Acme Mutual",
        "code": "AM-2026-118",
        "expires_on": "2027-05-01",
    }
    assert first["approval"]["rules_version"] is not None  # carried from the agent's approval
    assert first["review"]["state"] == "approved"
    text = cli("show", "1")[1]
    assert "outside review: Dana Lee, Acme Mutual" in text
    assert "code AM-2026-118, expires 2027-05-01" in text and "rules: Composer" in text
    third = json.loads(cli("show", "3", "--format", "json")[1])
    assert third["status"] == "changes_requested" and third["approval"] is None
    assert third["stored_status"] == "draft"
    assert third["review"]["state"] == "changes"
    assert third["review"]["note"] == "Say 'may be covered'"
    assert third["text"] == "Renters: your laptop may be covered. Ask me how."
    assert cli("audit", "verify")[0] == 0
    again = cli("review-decisions", "import", str(source))  # nothing is open any more
    assert again[0] == 1 and "was not submitted" in again[2]


def test_decisions_from_csv_and_a_rejection(cli, submitted, tmp_path):
    packet, _ = _packet(cli, submitted)
    out = io.StringIO()
    writer = csv.DictWriter(out, ["post_id", "text_sha256", "decision", "reviewer", "expires"])
    writer.writeheader()
    writer.writerow(
        {"post_id": 2, "text_sha256": packet["posts"][1]["text_sha256"], "decision": "rejected"}
    )
    writer.writerow({"post_id": 1, "text_sha256": "0" * 64, "decision": "maybe"})
    source = tmp_path / "decisions.csv"
    source.write_text(out.getvalue(), encoding="utf-8")
    status, stdout, err = cli("review-decisions", "import", str(source))
    assert (status, stdout) == (1, "Post 2: rejected\n")
    assert "row 2 (post 1) has a decision that is not approved" in err
    assert json.loads(cli("show", "2", "--format", "json")[1])["status"] == "rejected"


@pytest.mark.parametrize(
    ("argv", "status", "words"),
    [
        (("submit", "9", "--to", "Acme"), 2, "no post 9"),
        (("submit", "1", "--to", "  "), 2, "needs a reviewer"),
        (("review-packet", "1", "--out", "{tmp}/p.zip"), 1, "was not submitted"),
        (("review-decisions", "import", "{tmp}/missing.json"), 2, "not found"),
    ],
)
def test_review_refusals_are_one_line(cli, tmp_path, argv, status, words):
    source = tmp_path / "posts.jsonl"
    source.write_text(json.dumps({"text": "Storm kit tips?", "platforms": ["x"]}), "utf-8")
    cli("import", str(source))
    cli("approve", "1")
    got, out, err = cli(*(a.replace("{tmp}", str(tmp_path)) for a in argv))
    assert (got, out) == (status, "") and words in err and err.count("\n") == 1
