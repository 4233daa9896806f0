"""Hostile input on the command line: one plain line on stderr, exit 2, nothing changed.

Each case is a real file handed to the real command; one is also run as a separate process
to show the user sees no traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from composer.cli.common import MAX_LIMIT
from composer.services.history import MAX_PAGE

DEEP = "[" * 100_000 + "]" * 100_000
HUGE = "9" * 5_000


def _import_cases() -> dict[str, tuple[bytes, str]]:
    """file name -> (bytes, words the error must contain)."""
    return {
        "deep.json": (DEEP.encode(), "nested too deeply"),
        "deep.jsonl": (('{"text": ' + DEEP + "}").encode(), "row 1: not usable JSON"),
        "huge-number.json": (
            f'[{{"text": "hi", "likes": {HUGE}}}]'.encode(),
            "a number has 5,000 digits",
        ),
        "surrogate.json": (
            b'[{"text": "Storm tips \\ud800 here"}]',
            "row 1, field 'text': holds a lone surrogate (\\ud800)",
        ),
        "surrogate-title.jsonl": (
            b'{"text": "fine"}\n{"text": "fine", "title": "\\udfff"}\n',
            "row 2, field 'title': holds a lone surrogate",
        ),
        "nul-escape.json": (b'[{"text": "a\\u0000b"}]', "field 'text': holds a NUL character"),
        "nul.csv": (b"text,title\nhello,wor\x00ld\n", "line 2 holds a NUL character"),
        "open-quote.csv": (
            b'text,title\nfine,one\n"never closed,two\n',
            "row 3: unreadable CSV: a quoted value is never closed",
        ),
        "stray-quote.csv": (b'text\n"abc"d\n', "row 2: unreadable CSV"),
        "javascript-link.json": (
            b'[{"text": "hi", "link": "javascript:alert(1)"}]',
            "field 'link': 'javascript:alert(1)' is refused: only http:// and https://",
        ),
        "data-link.csv": (
            b'text,link\nhi,"data:text/html,<script>alert(1)</script>"\n',
            "row 2, field 'link'",
        ),
        "no-host-link.json": (b'[{"text": "hi", "link": "https:///x"}]', "names no site"),
    }


@pytest.mark.parametrize("name", sorted(_import_cases()))
def test_import_refuses_hostile_files(cli, tmp_path, name):
    content, words = _import_cases()[name]
    path = tmp_path / name
    path.write_bytes(content)
    status, out, err = cli("import", str(path))
    assert status == 2 and out == ""
    assert err.startswith("composer: ") and err.count("\n") == 1 and len(err) < 300, err
    assert words in err
    assert cli("history", "--format", "json")[1] == "[]\n"  # nothing imported


def test_web_links_are_still_imported(cli, tmp_path):
    path = tmp_path / "links.json"
    rows = [
        {"text": "a", "link": "https://naic.org/consumer"},
        {"text": "b", "link": "HTTP://Example.com"},
    ]
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert cli("import", str(path))[0] == 0


@pytest.mark.parametrize(
    "line, words",
    [
        ('{"text": ' + DEEP + "}", "line 1: not usable JSON: it is nested too deeply"),
        ('{"id": ' + HUGE + ', "text": "hi"}', "a number has 5,000 digits"),
        ('{"text": "hi \\ud800"}', 'line 1: "text" holds a lone surrogate'),
        ('{"id": "\\udc00", "text": "hi"}', 'line 1: "id" holds a lone surrogate'),
        ('{"id": ' + "[" * 500 + "]" * 500 + ', "text": "hi"}', '"id" must be text or a number'),
    ],
    ids=["deep", "huge-number", "surrogate-text", "surrogate-id", "nested-id"],
)
def test_check_jsonl_refuses_hostile_lines(tmp_path, capsys, line, words):
    from composer.cli import run

    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": 1, "text": "fine"}\n' + line + "\n", encoding="utf-8")
    status = run(["--data-dir", str(tmp_path / "data"), "check", "--jsonl", str(path)])
    out, err = capsys.readouterr()
    assert status == 2 and out == "" and err.count("\n") == 1
    assert words.replace("line 1", "line 2") in err


TOO_BIG = "99999999999999999999999999"
ACCOUNT = ("--account", TOO_BIG)


@pytest.mark.parametrize(
    "argv",
    [
        ["show", TOO_BIG],
        ["approve", TOO_BIG],
        ["attach", TOO_BIG, "x.png"],
        ["audit", "list", "--post", TOO_BIG],
        ["export", "--format", "csv", "--out", "x.csv", TOO_BIG],
        ["export", "--format", "csv", "--out", "x.csv", "--ids", f"1,{TOO_BIG}"],
        ["export", "--format", "csv", "--out", "x.csv", "--status", "approved", *ACCOUNT],
        ["show", HUGE],
    ],
    ids=["show", "approve", "attach", "audit", "export", "export-ids", "account", "5000-digits"],
)
def test_ids_too_large_for_any_post(cli, tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    status, out, err = cli(*argv)
    assert status == 2 and out == "" and err.count("\n") == 1 and len(err) < 200, err
    assert "too large" in err or "not a post id" in err
    assert not (tmp_path / "x.csv").exists()


def test_the_largest_possible_id_is_simply_not_found(cli):
    status, _, err = cli("show", str(2**63 - 1))
    assert status == 2 and f"there is no post {2**63 - 1}" in err


def test_history_limit_beyond_the_maximum_says_so(cli):
    assert MAX_LIMIT == MAX_PAGE
    status, out, err = cli("history", "--limit", str(MAX_LIMIT + 1))
    assert status == 2 and out == "" and err.count("\n") == 1
    assert f"at most {MAX_LIMIT} posts at a time (got '1001')" in err
    assert cli("history", "--limit", str(MAX_LIMIT))[0] == 0


def test_a_real_process_shows_no_traceback(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP, encoding="utf-8")
    env = {**os.environ, "COMPOSER_DATA_DIR": str(tmp_path / "data")}
    for argv in (["import", str(deep)], ["show", TOO_BIG], ["check", "--jsonl", str(deep)]):
        done = subprocess.run(
            [sys.executable, "-m", "composer", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 2 and done.stdout == "", (argv, done.stderr)
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
