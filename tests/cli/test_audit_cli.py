"""`audit verify`, `show` and `history` on a tampered library: plain words, exit 1, and no
approval presented that the record does not back."""

from __future__ import annotations

import json

import pytest

from tests.helpers.audit import raw


@pytest.fixture
def cli(cli, tmp_path):
    """The shared runner on a library with one approved post and one draft."""
    source = tmp_path / "posts.jsonl"
    source.write_text(
        '{"text": "Storm kit tips. Questions?", "platforms": ["facebook"]}\n'
        '{"text": "A draft nobody approved.", "platforms": ["facebook"]}\n',
        encoding="utf-8",
    )
    assert cli("import", str(source))[0] == 0
    assert cli("approve", "1")[0] == 0
    return cli


def test_the_no_keyring_note_comes_once(no_secure_keyring, cli):
    status, _, err = cli("approve", "1")  # a second approval, a second entry
    assert status == 0 and "note:" not in err
    status, out, err = cli("audit", "verify")
    assert status == 0 and err == ""
    assert out.startswith("The audit log is intact (3 entries; not signed: this computer")


def test_changed_body_is_named_and_marked(cli):
    with raw(cli.library) as conn:
        conn.execute("UPDATE posts SET body = 'Guaranteed payouts!' WHERE id = 1")
    status, out, err = cli("audit", "verify")
    assert (status, out) == (1, "")
    assert err == (
        "composer: the audit log is broken: post 1 is marked approved, but its text (or link, "
        "or images) is not what was approved\n"
    )
    status, out, _ = cli("show", "1")
    assert status == 0
    assert "Approval 1: NOT VALID: the post's text (or link, or images) is not what was" in out
    assert "Approval: 1," not in out
    status, out, err = cli("show", "1", "--format", "json")
    data = json.loads(out)
    assert data["approval"]["valid"] is False and data["approval"]["problem"] == "post-changed"
    assert "warning:" in err
    status, out, _ = cli("history")
    [line] = [row for row in out.splitlines() if row.split()[0] == "1"]
    assert "[approval not valid]" in line
    status, out, _ = cli("history", "--format", "json")
    assert {p["id"]: p.get("approval_valid") for p in json.loads(out)} == {1: False, 2: None}


def test_status_set_to_approved_is_named_and_marked(cli):
    with raw(cli.library) as conn:
        conn.execute("UPDATE posts SET status = 'approved' WHERE id = 2")
    status, _, err = cli("audit", "verify")
    assert status == 1 and "post 2 is marked approved, but no approval applies to it" in err
    status, out, _ = cli("show", "2")
    assert "Approval: NOT VALID: the post is marked approved, but no approval applies" in out


def test_untouched_posts_show_their_approval(cli):
    status, out, _ = cli("show", "1")
    assert status == 0 and "Approval: 1," in out and "NOT VALID" not in out
    status, out, _ = cli("history", "--format", "json")
    assert {p["id"]: p.get("approval_valid") for p in json.loads(out)} == {1: True, 2: None}
