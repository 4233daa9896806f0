"""Rules skipped on a text (nothing they start from is in it) would have found nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer.guidelines import engine as engine_module
from composer.guidelines.engine import Engine
from composer.guidelines.examples import EXAMPLE_PROFILE
from composer.guidelines.inputs import CheckInput

ROOT = Path(__file__).resolve().parents[2]


def _texts(engine: Engine) -> list[str]:
    texts = [t for r in engine.rules for t in (*r.trigger_examples, *r.pass_examples)]
    for line in (ROOT / "tests/data/real/evaluation.jsonl").read_text().splitlines()[:60]:
        if line.strip():
            texts.append(json.loads(line)["text"])
    return texts


def test_skipping_ungated_rules_changes_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    gated = Engine.load(style_checks=False)
    texts = _texts(gated)
    platforms = ("facebook", "x", "linkedin", "instagram", "threads")
    expected = [gated.check(CheckInput(t, platforms, EXAMPLE_PROFILE)).findings for t in texts]
    monkeypatch.setattr(engine_module, "_gate", lambda _check: None)  # every rule asked
    every = Engine.load(style_checks=False)
    found = [every.check(CheckInput(t, platforms, EXAMPLE_PROFILE)).findings for t in texts]
    assert found == expected
    assert sum(map(len, found)) > 100
