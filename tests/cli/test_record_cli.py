"""`composer profile`, `publish`, `hold`, `delete`, `retention report` and what `show --format
json` says about them: exit codes, one-line messages, files read back."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import tomllib

import pytest

from tests.helpers.requirements import require_tool

PROFILE = """
name = "Sam Ortiz"
agency = "Ortiz Insurance Group"
license_number = "0K98765"
states = ["ca", "SD"]
lines = ["property-casualty", "life"]
disclosure = "Sam Ortiz, CA Lic. #0K98765"
"""


@pytest.fixture
def approved(cli, tmp_path):
    """Post 1 approved for X and LinkedIn; post 2 a draft."""
    source = tmp_path / "posts.jsonl"
    rows = [
        {"text": "Storm kit tips. What's in yours?", "platforms": ["x", "linkedin"]},
        {"text": "Still a draft", "platforms": ["x"]},
    ]
    source.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert cli("import", str(source))[0] == 0
    assert cli("approve", "1")[0] == 0
    return tmp_path


# -- profile -------------------------------------------------------------------------------


def test_profile_import_show_and_export_round_trip(cli, tmp_path):
    source = tmp_path / "me.toml"
    source.write_text(PROFILE, encoding="utf-8")
    status, out, _ = cli("profile", "import", str(source))
    assert status == 0 and "Sam Ortiz" in out
    status, out, _ = cli("profile", "show", "--format", "json")
    shown = json.loads(out)
    assert shown["states"] == ["CA", "SD"] and shown["lines"] == ["property-casualty", "life"]
    assert list(shown) == [
        "name",
        "agency",
        "license_number",
        "states",
        "lines",
        "disclosure",
        "broker_dealer_disclosure",
    ]
    status, out, _ = cli("profile", "show")
    assert "Licence number:" in out and "0K98765" in out
    target = tmp_path / "out" / "profile.toml"
    target.parent.mkdir()
    assert cli("profile", "export", str(target))[0] == 0
    assert tomllib.loads(target.read_text("utf-8")) == shown
    status, _, err = cli("profile", "export", str(target))
    assert status == 2 and "--force" in err and err.count("\n") == 1
    assert cli("profile", "export", str(target), "--force")[0] == 0
    actions = [e["action"] for e in json.loads(cli("audit", "list", "--format", "json")[1])]
    assert "profile" in actions


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('name = "Sam', "not valid TOML"),
        ("states = 'CA'", "'states' must be a list"),
        (None, "not found"),
    ],
)
def test_profile_import_of_a_bad_file_is_one_line_exit_2_and_changes_nothing(
    cli, tmp_path, content, words
):
    source = tmp_path / "bad.toml"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    status, out, err = cli("profile", "import", str(source))
    assert status == 2 and out == "" and words in err and err.count("\n") == 1
    assert json.loads(cli("profile", "show", "--format", "json")[1])["name"] == ""


def test_profile_export_into_the_data_folder_is_refused(cli):
    cli("profile", "show")  # makes the library
    status, _, err = cli("profile", "export", str(cli.data / "profile.toml"))
    assert status == 2 and err.count("\n") == 1


# -- publish, hold, delete -------------------------------------------------------------------


def test_publish_then_show_json_lists_it_with_the_rules_version(cli, approved):
    status, out, err = cli(
        "publish",
        "1",
        "--platform",
        "linkedin",
        "--url",
        "https://www.linkedin.com/feed/update/1",
        "--at",
        "2026-05-20 14:30",
        "--audience",
        "boosted",
        "--spend",
        "40",
    )
    assert status == 0, err
    assert out == "Post 1: published on LinkedIn at 2026-05-20 14:30.\n"
    shown = json.loads(cli("show", "1", "--format", "json")[1])
    [publication] = shown["publications"]
    assert publication["platform"] == "linkedin" and publication["spend"] == "40.00"
    assert publication["audience"] == "boosted"
    assert shown["status"] == "published" and shown["stored_status"] == "approved"
    assert shown["legal_hold"] is False
    assert shown["keep_until"].startswith("2029-05-2")
    approval = shown["approval"]
    assert approval["kind"] == "self" and approval["outside_review"] is None
    assert len(approval["rules_version"]["sha256"]) == 64
    assert any(p["file"] == "guarantee.toml" for p in approval["rules_version"]["packs"])


@pytest.mark.parametrize(
    ("argv", "status", "words"),
    [
        (("publish", "2", "--platform", "x"), 1, "no approval that applies"),
        (("publish", "1", "--platform", "facebook"), 1, "not approved for facebook"),
        (("publish", "1", "--platform", "myspace"), 2, "unknown platform"),
        (("publish", "1", "--platform", "x", "--spend", "lots"), 2, "--spend"),
        (("publish", "1", "--platform", "x", "--url", "ftp://x"), 2, "--url"),
        (("publish", "1", "--platform", "x", "--at", "20 May"), 2, "--at"),
        (("publish", "9", "--platform", "x"), 2, "no post 9"),
    ],
)
def test_publish_refusals_are_one_line(cli, approved, argv, status, words):
    got, out, err = cli(*argv)
    assert (got, out) == (status, "") and words in err and err.count("\n") == 1
    assert json.loads(cli("show", "1", "--format", "json")[1])["publications"] == []


def test_delete_inside_retention_names_the_date_and_a_hold_blocks_it(cli, approved):
    assert cli("publish", "1", "--platform", "x", "--at", "2026-05-20 09:00")[0] == 0
    status, out, err = cli("delete", "1")
    assert status == 1 and out == ""
    assert "must be kept until 2029-05-20" in err and err.count("\n") == 1
    assert cli("hold", "2", "--on") == (0, "Post 2 is under legal hold.\n", "")
    status, _, err = cli("delete", "2")
    assert status == 1 and "legal hold" in err
    assert cli("hold", "2", "--off")[0] == 0
    assert cli("delete", "2") == (0, "Post 2 moved to the bin.\n", "")
    assert cli("hold", "2")[0] == 2  # --on or --off is required


def test_retention_report_csv_and_pdf(cli, approved, tmp_path):
    assert cli("publish", "1", "--platform", "x", "--at", "2026-05-20 09:00")[0] == 0
    cli("hold", "2", "--on")
    out = tmp_path / "retention.csv"
    status, stdout, _ = cli("retention", "report", "--format", "csv", "--out", str(out))
    assert status == 0 and str(out) in stdout
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert [r["post_id"] for r in rows] == ["1", "2"]
    assert rows[0]["last_used"] == "2026-05-20" and rows[0]["keep_until"] == "2029-05-20"
    assert rows[0]["may_delete_now"] == "no"
    assert rows[1]["legal_hold"] == "yes" and rows[1]["keep_until"] == ""
    pdf = tmp_path / "retention.pdf"
    assert cli("retention", "report", "--format", "pdf", "--out", str(pdf))[0] == 0
    program = require_tool("pdftotext", "poppler-utils")
    text = subprocess.run([program, str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Retention report" in text and "2029-05-20" in text and "Page 1 of 1" in text
    assert "legal hold" in text


def test_export_refuses_an_expired_approval_naming_the_date(cli, services, make_post, tmp_path):
    from composer.services.expiry import SELF_APPROVAL_SETTING

    post = make_post("Storm kit tips?")  # approved 2026-05-13 on the test's clock
    services.library.set_setting(SELF_APPROVAL_SETTING, 30)
    out = tmp_path / "week.csv"
    status, stdout, err = cli("export", "--format", "csv", "--out", str(out), str(post.id))
    assert (status, stdout) == (1, ""), err
    assert not out.exists()
    assert f"self-approval of post(s) {post.id} expired on 2026-06-12" in err


def test_publish_compares_the_live_text_and_records_a_difference(cli, approved, tmp_path):
    same = tmp_path / "same.txt"
    same.write_text("Storm kit tips. What's in yours?\r\n", encoding="utf-8")
    assert cli("publish", "1", "--platform", "x", "--live-text", str(same))[0] == 0
    changed = tmp_path / "changed.txt"
    changed.write_text("Storm kit tips. What is in yours?", encoding="utf-8")
    status, out, err = cli("publish", "1", "--platform", "linkedin", "--live-text", str(changed))
    assert status == 1 and out.startswith("Post 1: published on LinkedIn")
    assert "not the approved text" in err
    assert "- Storm kit tips. What's in yours?" in err
    assert "+ Storm kit tips. What is in yours?" in err
    shown = json.loads(cli("show", "1", "--format", "json")[1])["publications"]
    assert [p["live_text_matches"] for p in shown] == [True, False]
    assert shown[1]["live_text"] == "Storm kit tips. What is in yours?"


def test_history_marks_approvals_that_lapse_within_30_days(cli, services, make_post):
    from datetime import date, timedelta

    from composer.services.expiry import SELF_APPROVAL_SETTING

    post = make_post("Storm kit tips?")  # approved on the test's clock
    approved = services.approval.active_approval(post.id).approved_at.astimezone().date()
    soon = date.today() + timedelta(days=10)
    services.library.set_setting(SELF_APPROVAL_SETTING, (soon - approved).days)
    listing = json.loads(cli("history", "--format", "json")[1])
    assert listing[0]["approval_expires_on"] == soon.isoformat()
    assert f"[approval expires {soon}]" in cli("history")[1]
    lapsed = date.today() - timedelta(days=5)
    services.library.set_setting(SELF_APPROVAL_SETTING, (lapsed - approved).days)
    assert f"[approval expired {lapsed}]" in cli("history")[1]
    services.library.set_setting(SELF_APPROVAL_SETTING, 36500)
    assert "[approval" not in cli("history")[1]


def test_retire_names_the_last_use_and_show_and_history_say_retired(cli, approved):
    assert cli("publish", "1", "--platform", "x", "--at", "2026-05-02 12:30")[0] == 0
    status, out, err = cli("retire", "1", "--last-used", "2026-05-20")
    assert status == 0, err
    assert out == "Post 1 retired: last used 2026-05-20, kept until 2029-05-20.\n"
    shown = json.loads(cli("show", "1", "--format", "json")[1])
    assert shown["status"] == "retired" and shown["retired_at"] is not None
    assert shown["keep_until"] == "2029-05-20"
    listed = json.loads(cli("history", "--status", "retired", "--format", "json")[1])
    assert [p["id"] for p in listed] == [1]
    assert json.loads(cli("history", "--status", "draft", "--format", "json")[1])[0]["id"] == 2
    assert " retired " in cli("history")[1]
    assert cli("retire", "1")[1] == "Post 1 was already retired; nothing was changed.\n"
    status, _, err = cli("publish", "1", "--platform", "x")
    assert status == 1 and "is retired" in err


@pytest.mark.parametrize(
    ("argv", "status", "words"),
    [
        (("retire", "2"), 1, "post 2 has no approval that applies"),
        (("retire", "1", "--last-used", "soon"), 2, "--last-used: 'soon' is not a date"),
        (("retire", "1", "--last-used", "2999-01-01"), 2, "2999-01-01 is in the future"),
    ],
)
def test_retire_refusals_are_one_line(cli, approved, argv, status, words):
    code, out, err = cli(*argv)
    assert (code, out) == (status, "")
    assert words in err and err.count("\n") == 1
    assert json.loads(cli("show", argv[1], "--format", "json")[1])["retired_at"] is None


def test_export_refuses_a_retired_post_but_the_pdf_record_keeps_it(cli, approved, tmp_path):
    assert cli("retire", "1")[0] == 0
    out = tmp_path / "week.csv"
    status, stdout, err = cli("export", "--format", "csv", "--out", str(out), "1")
    assert (status, stdout) == (1, ""), err
    assert not out.exists()
    assert "post(s) 1 are retired (no longer in use); only the PDF record exports them" in err
    record = tmp_path / "record.pdf"
    assert cli("export", "--format", "pdf", "--out", str(record), "1")[0] == 0
    assert record.exists()
