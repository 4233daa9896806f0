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


def _library_with_profile_and_history(data_dir: Path) -> None:
    from composer.app.container import Services
    from composer.domain.posts import PostDraft
    from composer.domain.profile import Profile

    with Services.open(data_dir) as services:
        services.library.set_profile(
            Profile(name="Sam Ortiz", license_number="0K98765", states=("CA",),
                    disclosure="Sam Ortiz, CA Lic. #0K98765")
        )  # fmt: skip
        for body in (
            "Storm prep: clear your gutters and tie down patio chairs this week.",
            "Need renters insurance? Message me for a quote. Sam Ortiz, CA Lic. #0K98765",
            "Looking at a new car? Ask me for an auto quote. Sam Ortiz, CA Lic. #0K98765",
        ):
            post = services.library.create(PostDraft(body=body, platforms=("facebook", "x")))
            services.approval.approve(post.id, reason="ok")


@pytest.mark.parametrize(
    ("text", "from_library"),
    [
        ("Need renters insurance? Message me for a quote.", "compliance.disclosure"),
        ("Storm prep: clear your gutters and tie down patio chairs this week!",
         "etiquette.duplicate"),
        ("Bundle home and auto and save! Call me today for a quote.", None),
        ("Find your main water shut-off valve before you need it. Found yours?", None),
    ],
)  # fmt: skip
def test_quick_library_read_gives_the_full_open_result(
    tmp_path: Path, capsys, monkeypatch, text: str, from_library: str | None
) -> None:
    import composer.services.check_context as check_context

    data = tmp_path / "data"
    _library_with_profile_and_history(data)
    post = tmp_path / "post.txt"
    post.write_text(text, encoding="utf-8")
    args = ("--data-dir", str(data), "check", str(post), "--platform", "facebook",
            "--platform", "x", "--format", "json")  # fmt: skip
    contexts: list[object] = []
    quick_context = check_context.quick_context

    def spy(*args: object) -> object:
        contexts.append(quick_context(*args))  # type: ignore[arg-type]
        return contexts[-1]

    monkeypatch.setattr(check_context, "quick_context", spy)
    quick = _run(capsys, *args)
    monkeypatch.setattr(check_context, "quick_context", lambda *_: None)  # the full open
    full = _run(capsys, *args)
    assert contexts and contexts[0] is not None  # the quick read was taken
    assert quick == full
    if from_library:
        assert from_library in {f["category"] for f in json.loads(quick[1])["findings"]}


def _check_in_subprocess(data: Path, post: Path) -> subprocess.CompletedProcess[str]:
    """`composer check --format json`, then whether SQLAlchemy was imported, on stderr."""
    probe = (
        "import sys; from composer.cli import run; status = run(sys.argv[1:]); "
        "print('sqlalchemy' in sys.modules, file=sys.stderr); sys.exit(status)"
    )
    args = ["--data-dir", str(data), "check", str(post), "--format", "json"]
    return subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120
    )


def test_current_library_is_read_without_sqlalchemy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    _library_with_profile_and_history(data)
    post = tmp_path / "post.txt"
    post.write_text("Need renters insurance? Message me for a quote.", encoding="utf-8")
    proc = _check_in_subprocess(data, post)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "False"
    categories = {f["category"] for f in json.loads(proc.stdout)["findings"]}
    assert "compliance.disclosure" in categories


def test_older_library_is_migrated_the_full_way_then_checked(tmp_path: Path) -> None:
    import sqlite3

    from composer.storage.database import head_revision, migrate

    data = tmp_path / "data"
    data.mkdir()
    migrate(data / "library.sqlite3", "0001")
    post = tmp_path / "post.txt"
    post.write_text("Find your main water shut-off valve before you need it.", encoding="utf-8")
    proc = _check_in_subprocess(data, post)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip().splitlines()[-1] == "True"  # the full open ran
    with sqlite3.connect(data / "library.sqlite3") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
    conn.close()


def test_counts_are_rightly_numbered():
    from composer.cli.words import plural

    assert [plural(n, "error") for n in (0, 1, 2)] == ["0 errors", "1 error", "2 errors"]
