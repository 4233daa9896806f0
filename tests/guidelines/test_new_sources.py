"""The check that a freshly gathered set draws only on sources no labelled file has used."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[1] / "data" / "real" / "new_sources.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("new_sources", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _write(path: Path, urls: list[str]) -> Path:
    rows = [{"id": f"t-{i}", "source": {"title": "t", "url": u}} for i, u in enumerate(urls)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_spellings_of_one_page_compare_equal() -> None:
    norm = _script().normalised
    assert norm("https://www.Example.com/a/") == norm("http://example.com/a#part")
    assert norm("https://github.com/o/r/blob/main/docs/x.md") == norm(
        "https://raw.githubusercontent.com/o/r/0123abc/docs/x.md"
    )
    assert norm("https://example.com/a") != norm("https://example.com/b")


def test_a_source_already_labelled_is_reported(tmp_path: Path, capsys) -> None:
    script = _script()
    labelled = next((SCRIPT.parent).glob("evaluation-4*.jsonl"))
    used = json.loads(labelled.read_text(encoding="utf-8").splitlines()[0])["source"]["url"]
    fresh = _write(tmp_path / "fresh.jsonl", ["https://example.invalid/new-page", used])
    assert script.main([fresh]) == 1
    out = capsys.readouterr().out
    assert "reused: t-1" in out and "t-0" not in out.replace("reused: t-1", "")


def test_a_set_of_new_sources_passes(tmp_path: Path) -> None:
    fresh = _write(tmp_path / "fresh.jsonl", ["https://example.invalid/only-here"])
    assert _script().main([fresh]) == 0
