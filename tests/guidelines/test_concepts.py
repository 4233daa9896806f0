"""Concept rules and the grammar around them: order, distance, negation, warnings, own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from composer.domain.profile import Profile
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput
from composer.guidelines.packs import load_packs

ENGINE = Engine.load(style_checks=False)


def _rules(text: str, profile: Profile | None = None) -> set[str]:
    return {f.rule for f in ENGINE.check(CheckInput(text=text, profile=profile)).findings}


def _categories(text: str, profile: Profile | None = None) -> set[str]:
    return {f.category for f in ENGINE.check(CheckInput(text=text, profile=profile)).findings}


OUTCOME = ENGINE.with_rules([r for r in ENGINE.rules if r.id == "compliance.guarantee.outcome"])


def test_concepts_combine_in_either_order() -> None:
    for text in ("Guaranteed growth for your family.", "Growth, guaranteed, every single year."):
        (finding,) = OUTCOME.check(CheckInput(text=text)).findings
        assert finding.rule == "compliance.guarantee.outcome"
        assert finding.text.lower().startswith(("guaranteed", "growth"))


def test_concepts_too_far_apart_do_not_combine() -> None:
    text = (
        "Guaranteed delivery of our newsletter to your inbox every week with tips on home "
        "maintenance, safe driving, weather alerts and community events, plus local growth."
    )
    assert not OUTCOME.check(CheckInput(text=text)).findings


def test_concepts_in_separate_clauses_do_not_combine() -> None:
    assert "compliance.guarantee" not in _categories(
        "Life insurance isn't an investment; it's a promise to the people who depend on you."
    )


@pytest.mark.parametrize(
    "text",
    [
        "We never promise your claim will be paid, but we'll help you file it.",
        "Nobody can guarantee growth in the market.",
        "Returns are not guaranteed and your savings can lose value.",
        "Non-guaranteed dividends are projections, not promises.",
    ],
)
def test_negation_is_handled_once_in_the_grammar(text: str) -> None:
    found = _categories(text)
    assert not found & {"compliance.guarantee", "compliance.claims-promise"}, found


@pytest.mark.parametrize(
    "text",
    [
        "Myth: annuities have no market risk and guaranteed growth.",
        "Scam alert: if anyone promises you guaranteed returns with no risk, walk away.",
        "Does a 0% floor make an IUL risk-free? No. Fees can still reduce cash value.",
        "Agents are not allowed to offer prizes to get you to enroll.",
        "Guaranteed renewable means the insurer must renew as long as premiums are paid.",
    ],
)
def test_warnings_myths_and_terms_of_art_stay_quiet(text: str) -> None:
    loud = {
        f.category
        for f in ENGINE.check(CheckInput(text=text)).findings
        if f.severity != "suggestion" and f.category.startswith("compliance.")
    }
    assert not loud, loud


@pytest.mark.parametrize(
    ("question", "found"),
    [
        # The answer denies the question's premise: the question claims nothing.
        ("Is IUL a good investment? IUL is not technically an investment.", False),
        ("Are annuities a good investment? They aren't, in the usual sense.", False),
        # "Isn't just" denies nothing; the question's claim stands.
        ("Is IUL a good investment? It isn't just insurance, it's wealth.", True),
        ("Is IUL a good investment? Absolutely, it beats any savings account.", True),
    ],
)
def test_a_question_answered_by_denying_it_claims_nothing(question: str, found: bool) -> None:
    findings = RULES_ONLY.check(CheckInput(text=question)).findings
    asked = question.index("?")
    in_question = {f.category for f in findings if f.end <= asked + 1}
    assert ("compliance.product-label" in in_question) is found, in_question


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # An FAQ's question about a thing claims nothing; its answer is read on its own.
        (
            "Is the cash value guaranteed? Whole life has minimum cash values set by contract.",
            False,
        ),
        ("Are annuities risk-free? It depends on the type and the insurer.", False),
        # Answered yes, the question's claim stands; so does one put to the reader.
        ("Is the cash value guaranteed? Yes, every year.", True),
        ("Is your cash value guaranteed? Ours is.", True),
    ],
)
def test_a_question_about_a_thing_claims_nothing_unless_answered_yes(
    text: str, found: bool
) -> None:
    findings = RULES_ONLY.check(CheckInput(text=text)).findings
    asked = text.index("?")
    in_question = {f.category for f in findings if f.end <= asked + 1}
    assert ("compliance.guarantee" in in_question) is found, in_question


def test_the_same_wording_without_the_warning_is_found() -> None:
    assert "compliance.guarantee" in _categories(
        "Annuities have no market risk and guaranteed growth."
    )


QUOTED = [
    (
        '"My insurance company said I don\'t need flood insurance." 🤔 We hear this one a lot.'
        " A flood map is not a promise.",
        "compliance.coverage-advice",
    ),
    (
        'Saw an ad for "first month FREE" car insurance? Often the premium is just split '
        "over 11 payments.",
        "compliance.free",
    ),
    (
        "Flood myth of the week: \"If a flood is predicted, I'll just hurry up and buy a "
        'policy." Most flood policies take 30 days.',
        "etiquette.hard-sell",
    ),
]


RULES_ONLY = Engine.load(style_checks=False)
RULES_ONLY.reader = None


@pytest.mark.parametrize(("text", "category"), QUOTED)
def test_quoted_wording_the_post_questions_is_reported_not_said(text: str, category: str) -> None:
    # No rule says it; the readers, which name no words, may at most hint at it.
    said_by_rules = RULES_ONLY.check(CheckInput(text=text)).findings
    assert category not in {f.category for f in said_by_rules}
    loud = ENGINE.check(CheckInput(text=text)).findings
    assert category not in {f.category for f in loud if f.severity != "suggestion"}
    said = text.replace('"', "")  # the same words as the agent's own
    questioned = ("🤔", "Saw an ad for", "myth", "We hear this one a lot.", "Often", "not a")
    for cue in questioned:
        said = said.replace(cue, "")
    assert category in _categories(said)


def test_a_clients_quoted_praise_stays_a_testimonial() -> None:
    text = '"They paid my claim in two days, best agent ever!" says Maria. But ask around!'
    assert "compliance.testimonial" in _categories(text)


def test_the_agents_own_licence_and_disclosure_are_quiet() -> None:
    profile = Profile(
        name="Dana Reyes",
        license_number="TX-2049381",
        disclosure="Dana Reyes, License #TX-2049381. Not affiliated with Medicare.",
    )
    text = (
        "Storm prep tips this week! Dana Reyes, License #TX-2049381. Not affiliated with Medicare."
    )
    assert "compliance.privacy" not in _categories(text, profile)
    assert "compliance.privacy" not in _categories("Call us: License #TX-2049381, NPN 19283746.")


def test_anywhere_concepts_need_only_be_in_the_post() -> None:
    text = "Meet Margaret R. from our book club! She was diagnosed with cancer last spring."
    assert "compliance.privacy.person-circumstance" in _rules(text)
    assert "compliance.privacy.person-circumstance" not in _rules(
        "Cancer screenings save lives: book yours this month."
    )


def test_an_unnamed_client_counts_only_in_the_sentence_that_tells_of_them() -> None:
    # An agent's anonymous story: the client in one sentence, the illness in another.
    story = "A client called me last week. Cancer is the call every agent dreads."
    assert not {r for r in _rules(story) if r.startswith("compliance.privacy.")} - {
        "compliance.privacy.reader"
    }
    told = "A client of ours was diagnosed with cancer last week."
    assert "compliance.privacy.client-circumstance" in _rules(told)
    # Someone named, or pointed to, still counts anywhere in the post.
    named = "Meet our client Jim. He was diagnosed with cancer last spring."
    assert "compliance.privacy.person-circumstance" in _rules(named)
    family = "Anna's son started college in May. He had to withdraw from school this fall."
    assert "compliance.privacy.person-circumstance" in _rules(family)


def _pack(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "custom"
    folder.mkdir()
    (folder / "house.toml").write_text(body, encoding="utf-8")
    return folder


RULE = """
[concept.HOUSE_WORD]
phrases = ["blue moon"]
[[rule]]
id = "etiquette.hard-sell.house"
category = "etiquette.hard-sell"
severity = "warning"
check = "concepts"
all = ["HOUSE_WORD", "{second}"]
message = "House rule."
explanation = "Why."
"""


def test_a_custom_pack_combines_its_own_concept_with_a_shipped_one(tmp_path: Path) -> None:
    folder = _pack(tmp_path, RULE.replace("{second}", "PRESSURE"))
    engine = Engine.load([folder], style_checks=False)
    assert not engine.load_errors
    found = {
        f.rule
        for f in engine.check(CheckInput(text="Blue moon offer: apply before midnight.")).findings
    }
    assert "etiquette.hard-sell.house" in found


def test_an_unknown_concept_is_a_load_error_naming_the_rule(tmp_path: Path) -> None:
    folder = _pack(tmp_path, RULE.replace("{second}", "NO_SUCH_CONCEPT"))
    packs = load_packs([folder])
    (error,) = packs.errors
    assert error.rule == "etiquette.hard-sell.house"
    assert "NO_SUCH_CONCEPT" in error.reason


def test_a_concept_pattern_that_does_not_compile_is_reported(tmp_path: Path) -> None:
    folder = _pack(tmp_path, '[concept.BROKEN]\npatterns = ["(unclosed"]\n')
    errors = load_packs([folder]).errors
    assert errors and "BROKEN" in errors[0].reason


# Concept families written from regulators' definitions: each flags its wording in new
# words and leaves an innocent near-miss alone.
FAMILIES = [
    (
        "compliance.endorsement",
        "I'm visiting homes this week on behalf of Social Security.",
        "Licensed in Ohio; not affiliated with Medicare or any government agency.",
    ),
    (
        "compliance.product-label",
        "Ask about the Veterans Burial Benefits Program before it closes.",
        "We're hosting the county's Blood Donor Program in our parking lot.",
    ),
    (
        "compliance.product-label",
        "Three year CD rates above any bank: stop by our office to lock it in.",
        "An annuity is not a CD and is not FDIC insured.",
    ),
    (
        "etiquette.offensive",
        "Here's hoping the hurricane wipes out their marina.",
        "Our hearts are with everyone in the hurricane's path.",
    ),
    (
        "etiquette.offensive",
        "Closed for Juneteenth. Watermelon in the break room!",
        "Closed Monday for Juneteenth; see you at the community cookout.",
    ),
    (
        "compliance.guarantee",
        "Your premiums will never go up with us.",
        "Premiums can go up at renewal; we'll shop yours if they do.",
    ),
    (
        "compliance.claims-promise",
        "Your insurer will pay for a brand new roof after this storm.",
        "Beware of roofers who claim they can get you a brand-new roof from insurance.",
    ),
    (
        "compliance.coverage-advice",
        "Your policy protects every building on the farm.",
        "Ask us which buildings on the farm your policy lists.",
    ),
]


@pytest.mark.parametrize(("category", "hit", "near_miss"), FAMILIES)
def test_concept_families_flag_new_wording_and_spare_near_misses(
    category: str, hit: str, near_miss: str
) -> None:
    assert category in _categories(hit)
    assert category not in _categories(near_miss)


def test_masked_profanity_is_profanity_but_footnote_stars_are_not() -> None:
    assert "etiquette.offensive" in _categories("What a f***ing week.")
    assert "etiquette.offensive" not in _categories("Terms apply*. *See your policy for details.")


def test_the_bank_disclosure_in_capitals_is_not_shouting() -> None:
    disclosure = (
        "NOT A DEPOSIT • NOT FDIC-INSURED • NOT INSURED BY ANY FEDERAL GOVERNMENT AGENCY • "
        "NOT GUARANTEED BY THE BANK • MAY GO DOWN IN VALUE"
    )
    assert "etiquette.spam" not in _categories(f"Ask our desk about annuities. {disclosure}")
    assert "etiquette.spam" in _categories("CALL TODAY FOR THE BEST INSURANCE QUOTE IN TOWN NOW")
