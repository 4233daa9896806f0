"""style.readability: very long sentences and dense posts are nudged; friendly posts are not."""

from __future__ import annotations

import pytest

from composer.guidelines.builtin.readability import ReadabilityCheck, grade_level, syllables
from composer.guidelines.facts import TextFacts
from composer.guidelines.inputs import CheckInput

check = ReadabilityCheck()


def run(text: str) -> list:
    return check(CheckInput(text), TextFacts(text))


def words(n: int) -> str:
    """A plain sentence of exactly `n` short words."""
    base = "we can help you and your family plan for the road ahead with care"
    return " ".join(base.split(" ")[i % 14] for i in range(n)).capitalize() + "."


# -- long sentences ----------------------------------------------------------------------


def test_a_long_sentence_is_flagged_with_its_span() -> None:
    long = words(35)
    text = f"Hi there! {long} Call me."
    [finding] = run(text)
    assert finding.rule == "style.readability.long-sentence"
    assert finding.category == "style.readability"
    assert finding.severity == "suggestion"
    assert (finding.start, finding.end) == (10, 10 + len(long))
    assert finding.text == long
    assert "35 words" in finding.message
    assert "phone" in finding.explanation


def test_span_counts_code_points_after_emoji() -> None:
    long = words(31)
    text = f"👨\u200d👩\u200d👧🎃 Fall is here! {long}"
    [finding] = run(text)
    assert (finding.start, finding.end) == (21, 21 + len(long))
    assert text[finding.start : finding.end] == long


@pytest.mark.parametrize(("n", "flagged"), [(30, False), (31, True)])
def test_the_limit_is_thirty_words(n: int, flagged: bool) -> None:
    assert bool(run(words(n))) is flagged


def test_hashtags_links_and_mentions_do_not_count_as_words() -> None:
    tail = " #HomeInsurance #FloodPrep #Renters via @OakdaleAgency https://example.com/flood-tips"
    assert run(words(28)[:-1] + tail) == []  # 29 words: the 28 and "via"
    assert [f.rule for f in run(words(28)[:-1] + " and more" + tail)] == [
        "style.readability.long-sentence"
    ]


def test_each_line_of_a_list_is_its_own_sentence() -> None:
    text = "Three things to check:\n" + "\n".join(words(12)[:-1] for _ in range(4))
    assert run(text) == []


# -- grade level -------------------------------------------------------------------------

DENSE = (
    "Comprehensive homeowners insurance coverage, including dwelling, other structures, "
    "personal property and additional living expenses, provides policyholders considerable "
    "financial protection against numerous catastrophic perils. However, exclusions applicable "
    "to flood, earthquake and maintenance-related deterioration necessitate supplementary "
    "endorsements. Individuals should evaluate these considerations in consultation with a "
    "qualified, licensed professional representative. Furthermore, underwriting "
    "considerations substantially influence premium determinations. Consequently, periodic "
    "reevaluation of policy limits remains advisable."
)

FRIENDLY = (
    "Storm season is here. Take ten minutes this weekend to photograph every room in your "
    "home, your garage and your yard. If you ever file a claim, those photos make the "
    "adjuster's job (and yours) much easier. Do you keep a home inventory? Tell me how you do "
    "it! I'd love to hear your tips, and I'll share the best ones next week. Stay safe and dry "
    "out there, friends."
)


def test_a_dense_post_gets_a_grade_finding_without_a_span() -> None:
    assert len(TextFacts(DENSE).words) >= 60
    grades = [f for f in run(DENSE) if f.rule == "style.readability.grade"]
    assert len(grades) == 1
    [finding] = grades
    assert finding.start is None and finding.end is None
    assert finding.severity == "suggestion"
    assert "grade" in finding.message
    assert "average education" in finding.explanation


def test_a_friendly_post_of_the_same_length_is_quiet() -> None:
    assert len(TextFacts(FRIENDLY).words) >= 60
    assert run(FRIENDLY) == []


BUSINESS = (
    "Shoutout to the whole crew at Sunrise Bakery for ten years on Main Street! Small "
    "businesses like theirs are the heart of our neighbourhood. If you're starting a business, "
    "remember that a business owner's policy bundles property and general liability, and you "
    "might also need workers' comp, commercial auto or cyber coverage. What questions do you "
    "have about protecting your business?"
)


def test_a_typical_business_tips_post_is_quiet() -> None:
    # Grade ~9.7 by this module's count: ordinary for the trade, so not worth a nudge.
    assert len(TextFacts(BUSINESS).words) >= 60
    assert run(BUSINESS) == []


def test_short_posts_get_no_grade_even_when_dense() -> None:
    short = "Comprehensive coverage necessitates supplementary endorsements. " * 3
    assert len(TextFacts(short).words) < 60
    assert run(short) == []


@pytest.mark.parametrize(
    "text",
    [
        "Happy Halloween! 🎃 Drive slowly tonight: kids in costumes are hard to see.",
        "New client, new friend. Welcome to the family, Sam! 🎉",
        "Quick question: do you know your deductible? Many people don't until they need it.",
        "Shoutout to @SunriseBakery for ten years on Main Street! #ShopLocal",
        "",
        "🎃👻",
    ],
)
def test_ordinary_short_posts_are_quiet(text: str) -> None:
    assert run(text) == []


def test_grade_level_formula() -> None:
    # Flesch-Kincaid: 0.39 * words/sentences + 11.8 * syllables/words - 15.59
    assert grade_level(100, 5, 150) == pytest.approx(9.91)
    assert grade_level(20, 2, 20) == pytest.approx(0.11)


# -- syllables ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("the", 1),
        ("make", 1),
        ("jumped", 1),
        ("wanted", 2),
        ("people", 2),
        ("table", 2),
        ("area", 3),
        ("idea", 3),
        ("insurance", 3),
        ("premium", 3),
        ("homeowners", 3),
        ("retirement", 3),
        ("deductible", 4),
        ("annuity", 4),
        ("policyholder", 5),
        ("liability", 5),
        ("Agent's", 2),
        ("don\u2019t", 1),
        ("café", 1),
        ("123", 1),
    ],
)
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count
