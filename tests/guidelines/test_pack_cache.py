"""The cached rule packs behave exactly like freshly loaded ones, and follow every edit."""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs
import pytest

from composer.guidelines import pack_cache
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput

TEXTS = [
    "Lock in guaranteed growth! Sign today and dinner's on me.",
    "Myth: annuities have no market risk. Fact: surrender charges apply.",
    "Storm prep tips: keep a flashlight and water in one bin.",
]
RULE = """
[[rule]]
id = "etiquette.hard-sell.house"
category = "etiquette.hard-sell"
severity = "warning"
check = "phrases"
phrases = ["{word}"]
message = "House rule."
explanation = "Why."
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(platformdirs, "user_cache_path", lambda *a, **k: folder)
    return folder


def _findings(engine: Engine) -> list[str]:
    return [
        json.dumps(f.to_dict(), sort_keys=True)
        for text in TEXTS
        for f in engine.check(CheckInput(text=text, platforms=("x", "facebook"))).findings
    ]


def test_a_cached_engine_finds_exactly_what_a_fresh_one_finds(cache: Path) -> None:
    fresh = Engine.load(style_checks=False)
    assert list(cache.glob("packs-*.pickle"))
    cached = Engine.load(style_checks=False)
    assert _findings(cached) == _findings(fresh)
    assert [r.id for r in cached.rules] == [r.id for r in fresh.rules]


def test_an_edited_custom_pack_is_loaded_afresh(cache: Path, tmp_path: Path) -> None:
    custom = tmp_path / "custom"
    custom.mkdir()
    pack = custom / "house.toml"
    pack.write_text(RULE.replace("{word}", "blue moon"), encoding="utf-8")
    first = Engine.load([custom], style_checks=False)
    assert first.check_text("Blue moon offer!").findings
    pack.write_text(RULE.replace("{word}", "red sun"), encoding="utf-8")
    second = Engine.load([custom], style_checks=False)
    assert not second.check_text("Blue moon offer!").findings
    assert second.check_text("Red sun offer!").findings


def test_a_damaged_cache_file_is_replaced(cache: Path) -> None:
    Engine.load(style_checks=False)
    (cached,) = cache.glob("packs-*.pickle")
    cached.write_bytes(b"not a pickle")
    engine = Engine.load(style_checks=False)
    assert engine.rules and cached.read_bytes() != b"not a pickle"


def test_old_cache_files_are_pruned(cache: Path, tmp_path: Path) -> None:
    for index in range(pack_cache.KEEP + 3):
        custom = tmp_path / f"custom{index}"
        custom.mkdir()
        (custom / "house.toml").write_text(RULE.replace("{word}", f"word{index}"), "utf-8")
        Engine.load([custom], style_checks=False)
    assert len(list(cache.glob("packs-*.pickle"))) == pack_cache.KEEP
