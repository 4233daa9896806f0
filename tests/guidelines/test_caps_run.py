"""A shouted line inside a calm post: five or more words in capitals, said once, as spam.

The share of capitals over the whole post misses one shouted sentence in a long post; the
style rule on two to four such words steps aside from a longer run, so the line is named once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput

ENGINE = Engine.load()


def _rules(text: str) -> dict[str, str]:
    result = ENGINE.check(CheckInput(text=text, platforms=("facebook",)))
    return {f.rule: f.text for f in result.findings}


def test_a_shouted_line_in_a_calm_post_is_named_once_as_spam() -> None:
    text = (
        "Flood cover is a separate policy from your homeowners plan. "
        "YOU NEED TO BUY THIS COVERAGE SEPARATELY. Ask us what it would cost for your home."
    )
    found = _rules(text)
    assert found["etiquette.spam.shouted-line"] == "YOU NEED TO BUY THIS COVERAGE SEPARATELY"
    assert "style.caps.shouting-words" not in found
    assert "etiquette.spam.shouting" not in found  # the post as a whole is not mostly capitals


def test_two_to_four_words_in_capitals_stay_a_style_note() -> None:
    found = _rules("Call me for a FREE QUOTE this week, or stop by the office on Main Street.")
    assert found["style.caps.shouting-words"] == "FREE QUOTE"
    assert "etiquette.spam.shouted-line" not in found


def test_one_letter_words_count_toward_the_run_as_the_style_rule_counts_them() -> None:
    found = _rules("We were so glad to help. I AM SO PROUD OF OUR TEAM this year.")
    assert found["etiquette.spam.shouted-line"] == "I AM SO PROUD OF OUR TEAM"
    assert "style.caps.shouting-words" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Annuities are NOT FDIC INSURED and MAY LOSE VALUE; ask us how they work.",
        "THIS DISCOUNT PLAN IS NOT INSURANCE and does not replace your health plan.",
        "Our reviews follow NAIC and FINRA guidance for every IUL and VUL we discuss.",
    ],
)
def test_required_capitals_and_acronyms_are_not_shouting(text: str) -> None:
    found = _rules(text)
    assert "etiquette.spam.shouted-line" not in found
    assert "etiquette.spam.shouting" not in found


def test_the_run_length_is_set_in_the_pack_and_checked(tmp_path: Path) -> None:
    rule = """
[[rule]]
id = "etiquette.spam.custom-line"
category = "etiquette.spam"
severity = "warning"
check = "caps-run"
min_words = {n}
message = "m"
explanation = "e"
"""
    (tmp_path / "mine.toml").write_text(rule.format(n=3), encoding="utf-8")
    engine = Engine.load([tmp_path], style_checks=False)
    result = engine.check(CheckInput(text="Please READ THIS NOW before Friday.", platforms=("x",)))
    assert [f.text for f in result.findings if f.rule == "etiquette.spam.custom-line"] == [
        "READ THIS NOW"
    ]
    (tmp_path / "mine.toml").write_text(rule.format(n=1), encoding="utf-8")
    engine = Engine.load([tmp_path], style_checks=False)
    assert any(
        "'min_words' must be a whole number of at least 2" in str(e) for e in engine.load_errors
    )
