"""`composer check` and `composer rules`: the command-line contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from composer.cli import run

PROFILE = """name = "Sam Ortiz"
license_number = "0K98765"
disclosure = "Sam Ortiz, CA Lic. #0K98765"
"""


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = run(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_json_shape_and_exit_one_on_error(tmp_path: Path, capsys) -> None:
    post = tmp_path / "post.txt"
    post.write_text("Your claim will definitely be approved. 🎃\n", encoding="utf-8")
    status, out, _ = _run(capsys, "check", str(post), "--platform", "x", "--platform",
                          "facebook", "--format", "json")  # fmt: skip
    assert status == 1
    data = json.loads(out)
    assert set(data) == {"findings", "platforms", "summary"}
    assert data["platforms"]["x"] == {"length": 42, "limit": 280}
    assert data["platforms"]["facebook"]["limit"] == 63206
    assert data["summary"]["error"] >= 1
    finding = next(f for f in data["findings"] if f["severity"] == "error")
    assert finding["text"] == "claim will definitely be approved"
    assert isinstance(finding["suggestions"], list)


def test_clean_post_exits_zero_with_text_report(tmp_path: Path, capsys) -> None:
    post = tmp_path / "tip.txt"
    post.write_text("Find your main water shut-off valve before you need it. Found yours?")
    status, out, _ = _run(capsys, "check", str(post))
    assert status == 0
    assert "0 errors" in out and "facebook" in out


def test_text_report_shows_line_and_column(tmp_path: Path, capsys) -> None:
    post = tmp_path / "post.txt"
    post.write_text("Hello friends.\r\nIt's risk-free!", encoding="utf-8")
    status, out, _ = _run(capsys, "check", str(post))
    assert status == 1
    assert "2:6" in out and "compliance.guarantee" in out


def test_bom_dropped_and_crlf_kept(tmp_path: Path, capsys) -> None:
    post = tmp_path / "bom.txt"
    post.write_bytes("\ufeffLine one\r\nLine two".encode())
    status, out, _ = _run(capsys, "check", str(post), "--platform", "x", "--format", "json")
    assert status == 0
    assert json.loads(out)["platforms"]["x"]["length"] == len("Line one\r\nLine two")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "missing-file.txt"], "file not found"),
        (["check", "--platform", "myspace", "-"], "myspace"),
        (["check", "--bogus"], "unrecognized"),
        (["check", "--profile", "nope.toml", "-"], "profile file not found"),
        (["check", "--rules", "no-such-dir", "-"], "rules folder not found"),
    ],
)
def test_bad_usage_exits_two_with_one_line(capsys, args: list[str], message: str) -> None:
    status, _, err = _run(capsys, *args)
    assert status == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_invalid_utf8_exits_two(tmp_path: Path, capsys) -> None:
    post = tmp_path / "latin1.txt"
    post.write_bytes("Caf\xe9 owner".encode("latin-1"))
    status, _, err = _run(capsys, "check", str(post))
    assert status == 2 and "not valid UTF-8" in err


def test_bad_profile_toml_exits_two(tmp_path: Path, capsys) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text("name = ")
    post = tmp_path / "p.txt"
    post.write_text("hi")
    status, _, err = _run(capsys, "check", str(post), "--profile", str(profile))
    assert status == 2 and "not valid TOML" in err


def test_profile_enables_disclosure(tmp_path: Path, capsys) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(PROFILE)
    post = tmp_path / "p.txt"
    post.write_text("Shopping for auto insurance? Message me for a quote.")
    status, out, _ = _run(capsys, "check", str(post), "--profile", str(profile), "--format", "json")
    assert status == 1
    assert any(f["category"] == "compliance.disclosure" for f in json.loads(out)["findings"])


def test_jsonl_checks_many(tmp_path: Path, capsys) -> None:
    lines = [
        {"id": 1, "text": "Lovely day at the fair!", "platforms": ["x"]},
        {"id": "b", "text": "Free auto insurance for a month!", "platforms": ["facebook"]},
        {"id": 3, "text": "Tips for new drivers."},
    ]
    source = tmp_path / "posts.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    status, out, _ = _run(capsys, "check", "--jsonl", str(source), "--format", "json")
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 1
    assert [r["id"] for r in records] == [1, "b", 3]
    assert records[0]["summary"]["error"] == 0 and list(records[0]["platforms"]) == ["x"]
    assert records[1]["summary"]["error"] >= 1
    assert list(records[2]["platforms"]) == ["facebook"]


def test_jsonl_bad_line_changes_nothing(tmp_path: Path, capsys) -> None:
    source = tmp_path / "posts.jsonl"
    source.write_text('{"id": 1, "text": "ok"}\n{"id": 2, "text": \n')
    status, out, err = _run(capsys, "check", "--jsonl", str(source))
    assert status == 2 and out == "" and "line 2" in err


def test_rules_list_json(capsys) -> None:
    status, out, _ = _run(capsys, "rules", "list", "--format", "json")
    rows = json.loads(out)
    assert status == 0
    assert {"id", "category", "severity"} <= set(rows[0])
    assert any(row["category"] == "compliance.privacy" for row in rows)


def test_rules_test_passes_shipped_and_names_failing_custom(tmp_path: Path, capsys) -> None:
    status, out, _ = _run(capsys, "rules", "test")
    assert status == 0 and "0 failed" in out
    (tmp_path / "mine.toml").write_text(
        '[[rule]]\nid = "style.caps.mine"\ncategory = "style.caps"\nseverity = "suggestion"\n'
        'check = "phrases"\nphrases = ["zebra"]\nmessage = "m"\nexplanation = "e"\n'
        '[rule.examples]\ntrigger = ["no stripes here"]\npass = []\n'
    )
    status, out, err = _run(capsys, "rules", "test", str(tmp_path))
    assert status == 1 and "style.caps.mine" in err and "no stripes here" in err


def test_console_script_reads_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "composer", "check", "-", "--format", "json"],
        input=b"This is a sure thing for your retirement!",
        capture_output=True,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["summary"]["error"] >= 1


def test_check_uses_stored_profile_and_history(tmp_path: Path, capsys) -> None:
    from composer.app.container import Services
    from composer.domain.posts import PostDraft
    from composer.domain.profile import Profile

    with Services.open(tmp_path) as services:
        services.library.set_profile(
            Profile(
                name="Sam Ortiz", license_number="0K98765", disclosure="Sam Ortiz, Lic. 0K98765"
            )
        )
        post = services.library.create(
            PostDraft(body="Storm prep: clear your gutters and tie down patio chairs this week.",
                      platforms=("facebook",))
        )  # fmt: skip
        services.approval.approve(post.id)
    promo = tmp_path / "promo.txt"
    promo.write_text("Need renters insurance? Message me for a quote.")
    status, out, _ = _run(capsys, "--data-dir", str(tmp_path), "check", str(promo),
                          "--format", "json")  # fmt: skip
    assert status == 1
    assert any(f["category"] == "compliance.disclosure" for f in json.loads(out)["findings"])
    again = tmp_path / "again.txt"
    again.write_text("Storm prep: clear your gutters and tie down patio chairs this week!")
    status, out, _ = _run(capsys, "--data-dir", str(tmp_path), "check", str(again),
                          "--format", "json")  # fmt: skip
    assert any(f["category"] == "etiquette.duplicate" for f in json.loads(out)["findings"])


def test_no_file_on_a_terminal_says_how_to_give_one(capsys, monkeypatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    status, _, err = _run(capsys, "check")
    assert status == 2 and "pipe it in" in err
