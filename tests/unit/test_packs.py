"""Loading rule packs: broken files and rules are reported, everything else still loads."""

from __future__ import annotations

from pathlib import Path

from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput

GOOD = """
[[rule]]
id = "etiquette.hard-sell.custom"
category = "etiquette.hard-sell"
severity = "warning"
check = "phrases"
phrases = ["blowout sale"]
message = "Sounds like a sale."
explanation = "Why."
[rule.examples]
trigger = ["Blowout sale today"]
pass = ["A calm day"]
"""

BAD_RULES = """
[[rule]]
id = "style.caps.bad-type"
category = "style.caps"
severity = "suggestion"
check = "telepathy"
message = "m"
explanation = "e"

[[rule]]
id = "style.punctuation.bad-regex"
category = "style.punctuation"
severity = "suggestion"
check = "pattern"
pattern = "(unclosed"
message = "m"
explanation = "e"

[[rule]]
id = "compliance.free.wrong-prefix"
category = "compliance.guarantee"
severity = "error"
check = "phrases"
phrases = ["x"]
message = "m"
explanation = "e"

[[rule]]
id = "style.caps.still-fine"
category = "style.caps"
severity = "suggestion"
check = "phrases"
phrases = ["zebra crossing"]
message = "m"
explanation = "e"
"""


def _engine(tmp_path: Path, files: dict[str, str]) -> Engine:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Engine.load([tmp_path], style_checks=False)


def test_custom_pack_adds_rules(tmp_path: Path) -> None:
    engine = _engine(tmp_path, {"mine.toml": GOOD})
    result = engine.check(CheckInput(text="Huge blowout sale on now"))
    assert [f.rule for f in result.findings if f.rule.endswith("custom")] == [
        "etiquette.hard-sell.custom"
    ]


def test_broken_toml_is_reported_and_others_load(tmp_path: Path) -> None:
    engine = _engine(tmp_path, {"broken.toml": "[[rule]\nid = ", "mine.toml": GOOD})
    messages = [str(e) for e in engine.load_errors]
    assert any(m.startswith("broken.toml") and "not valid TOML" in m for m in messages)
    assert any(r.id == "etiquette.hard-sell.custom" for r in engine.rules)
    assert any(r.id.startswith("compliance.") for r in engine.rules)


def test_each_bad_rule_is_named_with_its_reason(tmp_path: Path) -> None:
    engine = _engine(tmp_path, {"bad.toml": BAD_RULES})
    errors = {e.rule: e.reason for e in engine.load_errors if e.file == "bad.toml"}
    assert "unknown check type 'telepathy'" in errors["style.caps.bad-type"]
    assert "does not compile" in errors["style.punctuation.bad-regex"]
    assert "must begin with its category" in errors["compliance.free.wrong-prefix"]
    assert any(r.id == "style.caps.still-fine" for r in engine.rules)


def test_custom_pack_can_replace_a_shipped_rule(tmp_path: Path) -> None:
    override = GOOD.replace("etiquette.hard-sell.custom", "etiquette.hard-sell.urgency")
    engine = _engine(tmp_path, {"override.toml": override})
    urgency = [r for r in engine.rules if r.id == "etiquette.hard-sell.urgency"]
    assert len(urgency) == 1 and urgency[0].source == "override.toml"


def test_unknown_signal_is_reported(tmp_path: Path) -> None:
    text = GOOD.replace('check = "phrases"', 'check = "phrases"\nwhen = ["nonsense"]')
    engine = _engine(tmp_path, {"signal.toml": text})
    assert any("unknown signal 'nonsense'" in e.reason for e in engine.load_errors)


def test_slow_pattern_times_out_and_the_rest_still_runs(tmp_path: Path) -> None:
    slow = """
[[rule]]
id = "style.punctuation.slow"
category = "style.punctuation"
severity = "suggestion"
check = "pattern"
pattern = '(?:x+x+)+y'
timeout = 0.01
message = "m"
explanation = "e"
"""
    engine = _engine(tmp_path, {"slow.toml": slow})
    text = "x" * 5000 + " Your claim will definitely be approved."
    result = engine.check(CheckInput(text=text))
    timed_out = [f for f in result.findings if f.rule == "style.punctuation.slow"]
    assert timed_out and timed_out[0].severity == "warning"
    assert "took too long" in timed_out[0].message
    assert any(f.category == "compliance.claims-promise" for f in result.findings)
