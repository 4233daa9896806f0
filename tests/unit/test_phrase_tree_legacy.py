"""Temporary: the parsed tree derives exactly what the old per-function tokenising did."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest

from composer.guidelines import phrases
from composer.guidelines.engine import shipped_rules_dir

_spec = importlib.util.spec_from_file_location(
    "legacy", Path(__file__).with_name("legacy_phrases.py")
)
legacy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(legacy)


def _shipped() -> list[str]:
    found: set[str] = set()
    for path in shipped_rules_dir().glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for rule in data.get("rule", []):
            for key in ("phrases", "exceptions", "near", "unless"):
                found.update(rule.get(key, []))
            found.update(rule.get("replace", {}))
        for table in data.get("concept", {}).values():
            found.update(table.get("phrases", []))
        for key, values in data.get("grammar", {}).items():
            if key not in ("negators", "categories"):
                found.update(values)
        for values in data.get("signals", {}).values():
            found.update(values)
    return sorted(found)


SHIPPED = _shipped()
EXTRA = [
    "(free|no-cost) (insurance|coverage)",
    "(my|our)? commission",
    "(i'll|sh*t) x",
    "$ gift card",
    "guarantee return",
    "no-cost coverage",
    "claim ~ approved",
    "(a)? ~ b",
    "what? now",
    "#% off",
    "deny* claims",
    "ab* x",
    "(a b|c) d",
    "x (y z)? w",
    "401(k)",
    "(a|b c)? (d|e)",
]


@pytest.mark.parametrize("phrase", SHIPPED + EXTRA)
def test_tree_matches_legacy(phrase: str) -> None:
    tree = phrases.parse(phrase)
    assert tree.source() == legacy.phrase_pattern(phrase)
    assert tree.words() == legacy.phrase_words(phrase)
    for n in (2, 3, 4):
        assert tree.start_keys(n) == legacy.start_keys(phrase, n)
        assert tree.second_keys(n) == legacy.second_keys(phrase, n)
        assert tree.slot_keys(n) == legacy.slot_keys(phrase, n)
    assert tree.starts_with_number() == legacy.starts_with_number(phrase)
