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
    assert not engine.load_errors  # allowed, but said:
    [notice] = [str(n) for n in engine.load_notices]
    assert notice.startswith("override.toml: rule 'etiquette.hard-sell.urgency': replaces the")
    assert "shipped rule" in notice


def test_two_custom_packs_with_one_id_are_reported(tmp_path: Path) -> None:
    engine = _engine(tmp_path, {"a.toml": GOOD, "b.toml": GOOD})
    assert [r.source for r in engine.rules if r.id == "etiquette.hard-sell.custom"] == ["b.toml"]
    assert [str(n) for n in engine.load_notices] == [
        "b.toml: rule 'etiquette.hard-sell.custom': this id is also used in a.toml; "
        "only this one is used"
    ]


def test_the_shipped_packs_alone_have_no_notices() -> None:
    engine = Engine.load(style_checks=False)
    assert engine.load_notices == [] and engine.load_errors == []


def test_check_and_rules_commands_report_the_notice(tmp_path: Path, capsys) -> None:
    from composer.cli import run

    data = tmp_path / "data"
    (data / "guidelines").mkdir(parents=True)
    (data / "guidelines" / "a.toml").write_text(GOOD, encoding="utf-8")
    (data / "guidelines" / "b.toml").write_text(GOOD, encoding="utf-8")
    post = tmp_path / "post.txt"
    post.write_text("A calm day. What do you think?", encoding="utf-8")
    assert run(["--data-dir", str(data), "check", str(post)]) == 0
    note = "composer: note: b.toml: rule 'etiquette.hard-sell.custom': this id is also used"
    assert note in capsys.readouterr().err
    assert run(["--data-dir", str(data), "rules", "test"]) == 0  # a notice is not a failure
    assert note in capsys.readouterr().err


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
    # "xy" first: a text without it could never match, so the pattern would not be run
    text = "xy " + "x" * 5000 + " Your claim will definitely be approved."
    result = engine.check(CheckInput(text=text))
    timed_out = [f for f in result.findings if f.rule == "style.punctuation.slow"]
    assert timed_out and timed_out[0].severity == "warning"
    assert "took too long" in timed_out[0].message
    assert any(f.category == "compliance.claims-promise" for f in result.findings)


OVERLAPPING = """
[[rule]]
id = "etiquette.hard-sell.overlap"
category = "etiquette.hard-sell"
severity = "warning"
check = "phrases"
phrases = ["purple deal"]
exceptions = ["green ~ isn't just", "isn't just the one with the purple"]
message = "m"
explanation = "e"
"""


def test_an_exception_found_inside_another_still_applies(tmp_path: Path) -> None:
    """The first exception ("green ... isn't just") is matched first and covers the start of
    the second, which is the one reaching the finding: it must still be seen."""
    engine = _engine(tmp_path, {"mine.toml": OVERLAPPING})

    def rules(text: str) -> list[str]:
        found = engine.check(CheckInput(text=text)).findings
        return [f.rule for f in found if f.rule.endswith("overlap")]

    assert rules("The green plan isn't just the one with the purple deal.") == []
    assert rules("The green plan is the one with the purple deal.") == [
        "etiquette.hard-sell.overlap"
    ]
