"""`composer export` end to end: exit codes, messages, files, and the audit log afterwards."""

from __future__ import annotations

import csv
import io
import json

import pytest


@pytest.fixture
def week(cli, tmp_path):
    """Three approved posts for X in the week of 18 May 2030, and one draft."""
    rows = [
        {
            "text": "Storm kit tips. What's in yours?",
            "platforms": ["x"],
            "scheduled_at": "2030-05-18T09:00",
        },
        {
            "text": "@Tom thanks for the referral!",
            "platforms": ["x"],
            "scheduled_at": "2030-05-19T12:30",
        },
        {
            "text": "Flood cover is separate. Questions?",
            "platforms": ["x", "linkedin"],
            "scheduled_at": "2030-05-20T17:45",
        },
        {"text": "Still a draft", "platforms": ["x"], "scheduled_at": "2030-05-21T09:00"},
    ]
    source = tmp_path / "posts.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert cli("import", str(source))[0] == 0
    for post_id in ("1", "2", "3"):
        assert cli("approve", post_id)[0] == 0
    return tmp_path


def read(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))


def test_hootsuite_week_and_pdf_record(cli, week):
    out = week / "week.csv"
    status, stdout, stderr = cli(
        "export",
        "--format",
        "hootsuite",
        "--out",
        str(out),
        "--status",
        "approved",
        "--platform",
        "x",
        "--no-neutralise",
    )
    assert status == 0, stderr
    assert stdout.startswith(f"Exported 3 posts as hootsuite to {out}\nSHA-256 ")
    assert stderr == ""
    assert read(out) == [
        ["05/18/2030 09:00", "Storm kit tips. What's in yours?", ""],
        ["05/19/2030 12:30", "@Tom thanks for the referral!", ""],
        ["05/20/2030 17:45", "Flood cover is separate. Questions?", ""],
    ]
    pdf = week / "record.pdf"
    status, stdout, _ = cli("export", "--format", "pdf", "--out", str(pdf), "--ids", "1,2,3")
    assert status == 0 and pdf.read_bytes().startswith(b"%PDF")
    assert cli("audit", "verify") == (
        0,
        "The audit log is intact (5 entries; signed with this library's key from entry 1 on).\n",
        "",
    )
    status, listing, _ = cli("history", "--status", "exported", "--format", "json")
    assert sorted(p["id"] for p in json.loads(listing)) == [1, 2, 3]


def test_warnings_go_to_stderr(cli, week):
    status, _, stderr = cli("export", "--format", "csv", "--out", str(week / "a.csv"), "2")
    assert status == 0
    assert stderr.startswith("composer: warning: post(s) 2 begin with =, +, -, @")
    assert read(week / "a.csv")[1][3] == "'@Tom thanks for the referral!"


def test_unapproved_is_refused_with_exit_2_then_skipped(cli, week):
    out = week / "h.csv"
    status, stdout, stderr = cli("export", "--format", "hootsuite", "--out", str(out), "1", "4")
    assert status == 2 and stdout == "" and not out.exists()
    assert "post 4 is not approved" in stderr and "--skip-unapproved" in stderr
    status, stdout, stderr = cli(
        "export", "--format", "hootsuite", "--out", str(out), "1", "4", "--skip-unapproved"
    )
    assert status == 0 and "Exported 1 post as hootsuite" in stdout
    assert "composer: skipped post 4: it is not approved" in stderr


def test_existing_file_needs_force(cli, week):
    out = week / "h.csv"
    out.write_text("keep")
    status, _, stderr = cli("export", "--format", "hootsuite", "--out", str(out), "1")
    assert status == 2 and "already exists; use --force" in stderr and out.read_text() == "keep"
    assert cli("export", "--format", "hootsuite", "--out", str(out), "1", "--force")[0] == 0
    assert read(out)[0][0] == "05/18/2030 09:00"


def test_a_failed_write_is_exit_1_in_one_line(cli, week, monkeypatch):
    import os

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("composer.domain.files.os.open", refuse)
    status, stdout, stderr = cli("export", "--format", "json", "--out", str(week / "r.json"), "1")
    assert status == 1 and stdout == ""
    assert stderr.count("\n") == 1 and "permission denied" in stderr
    assert "nothing was written" in stderr
    monkeypatch.setattr("composer.domain.files.os.open", os.open)
    assert not (week / "r.json").exists()
    assert cli("audit", "verify")[0] == 0


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--format", "csv", "--out", "x.csv"], "name the posts to export"),
        (["--format", "csv", "--out", "x.csv", "1", "--status", "approved"], "not both"),
        (["--format", "xlsx", "--out", "x.csv", "1"], "invalid choice"),
        (["--format", "csv", "1"], "--out"),
        (["--format", "csv", "--out", "x.csv", "--ids", "1,zero"], "not a post id"),
        (["--format", "csv", "--out", "x.csv", "1", "--since", "soon"], "not an ISO 8601"),
        (["--format", "hootsuite", "--out", "x.csv", "3"], "choose one with --platform"),
        (["--format", "csv", "--out", "x.csv", "99"], "there is no post 99"),
        (["--format", "csv", "--out", "x.csv", "1", "--account", "7"], "no account 7"),
    ],
)
def test_bad_usage_is_exit_2(cli, week, monkeypatch, argv, words):
    monkeypatch.chdir(week)
    status, stdout, stderr = cli("export", *argv)
    assert status == 2 and stdout == "" and words in stderr
    assert not (week / "x.csv").exists()


def test_dmy_and_bom(cli, week):
    out = week / "s.csv"
    status, _, _ = cli(
        "export",
        "--format",
        "sprout",
        "--out",
        str(out),
        "--ids",
        "1,2",
        "--date-order",
        "dmy",
        "--bom",
    )
    assert status == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfdate,time_24hr,message_text\r\n18/05/2030,")


def test_pdf_from_a_fresh_process_without_any_qt_application(tmp_path, services, make_post):
    """The command line has no QGuiApplication: the PDF writer makes one, offscreen."""
    import os
    import subprocess
    import sys

    post = make_post("Storm kit tips. What is in yours?")
    services.close()
    out = tmp_path / "record.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "composer",
            "--data-dir",
            str(tmp_path / "data"),
            "export",
            "--format",
            "pdf",
            "--out",
            str(out),
            str(post.id),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF") and "Exported 1 post as pdf" in done.stdout


def test_service_problems_are_worded_with_flags_and_ids(cli, week, monkeypatch):
    """The service hands back codes; the command line words them with post and account
    ids, platform ids and the flag that fixes each."""
    from composer.cli.export_words import problem_text
    from composer.domain.accounts import Account
    from composer.services.export_checks import Problem, ProblemCode

    monkeypatch.chdir(week)
    status, _, stderr = cli("export", "--format", "hootsuite", "--out", "x.csv", "3")
    assert (status, stderr) == (
        2,
        "composer: nothing was exported: a Hootsuite file is for one platform and these "
        "posts go to x, linkedin: choose one with --platform\n",
    )
    several = Problem(
        ProblemCode.SEVERAL_ACCOUNTS,
        blocking=True,
        tool="sprout",
        accounts=(Account(1, "linkedin", "jane"), Account(2, "linkedin", "agency")),
    )
    assert problem_text(several) == (
        "the posts are for 2 accounts (1, 2); Sprout Social takes one account per file: "
        "choose one with --account"
    )
    neutralised = Problem(ProblemCode.NEUTRALISED, post_ids=(2,))
    assert "post(s) 2 begin with" in problem_text(neutralised)
    assert "--no-neutralise" in problem_text(neutralised)
    too_many = Problem(ProblemCode.TOO_MANY_POSTS, tool="hootsuite", count=351, limit=350)
    assert problem_text(too_many) == (
        "351 posts: Hootsuite takes at most 350 per file; export them in smaller batches "
        "(--since/--until or fewer ids)"
    )


def test_every_problem_code_has_command_line_words():
    from composer.cli.export_words import problem_text
    from composer.domain.accounts import Account
    from composer.services.export_checks import Problem, ProblemCode

    for code in ProblemCode:
        problem = Problem(
            code,
            post_ids=(7,),
            tool="hootsuite",
            platform="linkedin",
            accounts=(Account(1, "linkedin", "jane"),),
            detail="the reason",
        )
        text = problem_text(problem)
        assert not text.startswith(code.value), (code, text)
        assert text[:1].islower() or text[:1].isdigit(), (code, text)
