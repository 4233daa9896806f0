"""Rules that speak to some agents: lines of authority, states, dates; the Medicare pack."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from composer.cli import run
from composer.domain.findings import Finding
from composer.domain.profile import Profile
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput
from composer.guidelines.packs import load_packs

ENGINE = Engine.load(style_checks=False)
MEDICARE_AGENT = Profile(
    name="Dana Reyes",
    agency="Sunshine Senior Benefits",
    license_number="W123456",
    states=("FL", "GA"),
    disclosure="Dana Reyes, Lic. #W123456",
    lines=("medicare", "health", "life"),
    medicare_organizations=6,
    medicare_plans=42,
)
HOME_AND_AUTO_AGENT = replace(MEDICARE_AGENT, lines=("property-casualty",))
SALE = "AEP is here! Message me to compare Medicare Advantage plans and I'll help you switch."


def _rules(text: str, profile: Profile | None, today: dt.date | None = None) -> set[str]:
    result = ENGINE.check(CheckInput(text=text, profile=profile, today=today))
    return {f.rule for f in result.findings}


def _finding(text: str, profile: Profile | None, rule: str) -> Finding:
    result = ENGINE.check(CheckInput(text=text, profile=profile))
    return next(f for f in result.findings if f.rule == rule)


def test_the_tpmo_disclaimer_is_required_and_offered_as_a_fix() -> None:
    finding = _finding(SALE, MEDICARE_AGENT, "compliance.disclosure.tpmo")
    assert finding.severity == "error"
    assert finding.suggestions == (MEDICARE_AGENT.tpmo_disclaimer,)
    assert "represent 6 organizations which offer 42 products" in finding.suggestions[0]
    fixed = SALE + "\n\n" + MEDICARE_AGENT.tpmo_disclaimer
    assert "compliance.disclosure.tpmo" not in _rules(fixed, MEDICARE_AGENT)


def test_without_numbers_the_disclaimer_is_still_required_but_no_fix_is_guessed() -> None:
    profile = replace(MEDICARE_AGENT, medicare_organizations=0)
    finding = _finding(SALE, profile, "compliance.disclosure.tpmo")
    assert finding.suggestions == ()
    own_words = SALE + " We do not offer every plan available in your area. Call 1-800-MEDICARE."
    assert "compliance.disclosure.tpmo" not in _rules(own_words, profile)


def test_education_and_warnings_about_medicare_need_no_disclaimer() -> None:
    education = "Medicare Open Enrollment runs October 15 to December 7: changes start January 1."
    warning = "Red flag: an agent saying you must sign up today for Medicare Advantage. Not true."
    assert "compliance.disclosure.tpmo" not in _rules(education, MEDICARE_AGENT)
    assert "compliance.disclosure.tpmo" not in _rules(warning, MEDICARE_AGENT)


def test_a_zero_premium_stated_as_such_is_allowed_but_free_is_not() -> None:
    assert not any(
        r.startswith("compliance.free")
        for r in _rules("$0 premium Medicare Advantage plans are available in some areas.", None)
    )
    assert "compliance.free.coverage-free" in _rules("Free Medicare Advantage plans!", None)


def test_a_line_not_held_is_unlicensed_marketing() -> None:
    text = "Call me to enroll in a Medicare Advantage plan this fall."
    assert "compliance.licensing.medicare-line" in _rules(text, HOME_AND_AUTO_AGENT)
    assert "compliance.licensing.medicare-line" not in _rules(text, MEDICARE_AGENT)
    # Lines not entered are unknown: nobody is told they lack a licence they may hold.
    assert "compliance.licensing.medicare-line" not in _rules(
        text, replace(MEDICARE_AGENT, lines=())
    )
    auto = "Get a quote on your auto insurance from me today."
    assert "compliance.licensing.property-casualty-line" in _rules(auto, MEDICARE_AGENT)
    assert "compliance.licensing.property-casualty-line" not in _rules(auto, HOME_AND_AUTO_AGENT)


def test_soliciting_in_a_state_not_listed_is_flagged_on_the_state_name() -> None:
    text = "Now serving Texas and Florida drivers: message me for a quote!"
    finding = _finding(text, MEDICARE_AGENT, "compliance.licensing.unlisted-state")
    assert finding.text == "Texas"
    names = [
        f.text
        for f in ENGINE.check(CheckInput(text=text, profile=MEDICARE_AGENT)).findings
        if f.rule == "compliance.licensing.unlisted-state"
    ]
    assert names == ["Texas"]  # Florida is listed
    quiet = [
        "Sorry, we are not licensed in Texas, but call me and I'll refer you.",
        "Back from a great conference in Texas this week!",
    ]
    for text in quiet:
        assert "compliance.licensing.unlisted-state" not in _rules(text, MEDICARE_AGENT), text
    assert "compliance.licensing.unlisted-state" not in _rules(
        "Now serving Texas drivers: message me!", replace(MEDICARE_AGENT, states=())
    )


def test_west_virginia_is_one_state_not_virginia() -> None:
    profile = replace(MEDICARE_AGENT, states=("WV",))
    assert "compliance.licensing.unlisted-state" not in _rules(
        "Now serving West Virginia families: call me for a quote.", profile
    )


def test_state_rules_switch_on_with_the_profile_states() -> None:
    ad = "Need renters insurance? Message me for a quick quote."
    california = replace(MEDICARE_AGENT, states=("CA",), disclosure="")
    assert "compliance.disclosure.california-license" in _rules(ad, california)
    assert "compliance.disclosure.california-license" not in _rules(ad, MEDICARE_AGENT)


def _pack(tmp_path: Path, extra: str) -> Path:
    (tmp_path / "mine.toml").write_text(
        f"""
[[rule]]
id = "etiquette.hard-sell.custom"
category = "etiquette.hard-sell"
severity = "warning"
check = "phrases"
phrases = ["flash sale"]
message = "m"
explanation = "e"
{extra}
""",
        encoding="utf-8",
    )
    return tmp_path


def test_effective_dates_bound_a_rule(tmp_path: Path) -> None:
    folder = _pack(tmp_path, "effective_from = 2026-10-01\neffective_until = 2027-09-30")
    engine = Engine.load([folder], shipped=False, style_checks=False)
    assert not engine.load_errors
    rule = "etiquette.hard-sell.custom"

    def fires(day: dt.date) -> bool:
        result = engine.check(CheckInput(text="Flash sale!", today=day))
        return any(f.rule == rule for f in result.findings)

    assert not fires(dt.date(2026, 9, 30))
    assert fires(dt.date(2026, 10, 1))
    assert fires(dt.date(2027, 9, 30))
    assert not fires(dt.date(2027, 10, 1))


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        ('lines = ["medicare", "boats"]', "'lines' names 'boats'"),
        ('states = ["Texas"]', "two-letter state codes"),
        ('effective_from = "next year"', "must be a date"),
        ("effective_from = 2027-01-01\neffective_until = 2026-01-01", "comes before"),
        ('line = ["medicare"]', "did you mean 'lines'"),
    ],
)
def test_bad_applicability_is_a_load_error_that_says_why(
    tmp_path: Path, extra: str, reason: str
) -> None:
    packs = load_packs([_pack(tmp_path, extra)])
    assert any(reason in str(error) for error in packs.errors), packs.errors


def test_rules_list_shows_whom_a_rule_speaks_to(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["rules", "list", "--format", "json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["compliance.disclosure.california-license"]["states"] == ["CA"]
    assert rows["compliance.licensing.medicare-line"]["lines_not_held"] == ["health", "medicare"]
    assert rows["compliance.disclosure.tpmo"]["effective_from"] == "2023-09-30"
    assert run(["rules", "list"]) == 0
    assert "[CA]" in capsys.readouterr().out


def test_the_profile_reads_lines_and_medicare_numbers() -> None:
    profile = Profile.from_mapping(
        {"lines": ["Medicare", "life"], "medicare_organizations": 1, "medicare_plans": 3}
    )
    assert profile.lines == ("medicare", "life")
    assert "represent 1 organization which offer 3 products" in profile.tpmo_disclaimer
    with pytest.raises(ValueError, match="'lines' has 'boats'"):
        Profile.from_mapping({"lines": ["boats"]})
    with pytest.raises(ValueError, match="whole number"):
        Profile.from_mapping({"medicare_plans": "many"})
    assert Profile().tpmo_disclaimer == ""


def test_people_of_a_state_count_as_the_state() -> None:
    text = "Now helping Texans with Medicare Advantage plans: send me a message."
    finding = _finding(text, MEDICARE_AGENT, "compliance.licensing.unlisted-state")
    assert finding.text == "Texans"
    assert "compliance.licensing.unlisted-state" not in _rules(
        "Now helping Floridians with Medicare Advantage plans: send me a message.", MEDICARE_AGENT
    )
