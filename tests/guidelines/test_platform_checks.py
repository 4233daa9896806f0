"""Platform data and the built-in platform checks: length, hashtags, links and the fold."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from composer.domain.findings import CATEGORIES, Finding
from composer.guidelines.builtin.platform_checks import check_platforms
from composer.guidelines.counting import measure, platform_length
from composer.guidelines.facts import TextFacts
from composer.guidelines.inputs import CheckInput
from composer.guidelines.platforms import (
    Platform,
    PlatformDataError,
    load_platforms,
    validate_platforms,
)

ALL = ("x", "linkedin", "facebook", "instagram", "threads")
NORMAL_POST = (
    "Storm season starts next month. Three things to check on your homeowners policy before "
    "then: your deductible, whether you have water backup coverage, and how your roof is "
    "valued. What questions do you have? #StormPrep"
)


def check(text: str, *platforms: str) -> tuple[list[Finding], dict]:
    return check_platforms(CheckInput(text=text, platforms=platforms or ALL), TextFacts(text))


def rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


# ---------------------------------------------------------------------------- platform data
def test_the_five_platforms_and_their_numbers() -> None:
    platforms = load_platforms()
    assert tuple(platforms) == ALL
    x, linkedin, facebook, instagram, threads = (platforms[n] for n in ALL)
    assert (x.display_name, x.limit, x.counting, x.fold) == ("X", 280, "weighted_x", None)
    assert (linkedin.limit, linkedin.counting, linkedin.fold) == (3000, "chars", 210)
    assert (facebook.limit, facebook.fold) == (63206, 480)
    assert (instagram.limit, instagram.fold, instagram.max_hashtags) == (2200, 125, 5)
    assert instagram.links_clickable is False
    assert (threads.limit, threads.max_hashtags, threads.max_links) == (500, 1, 5)
    assert threads.counting == "chars_emoji_utf8"
    assert x.images.max_images == 4 and x.images.alt_text_max == 1000
    assert (instagram.images.min_images, instagram.images.max_images) == (1, 10)
    assert (instagram.images.aspect_min, instagram.images.aspect_max) == (0.8, 1.91)
    assert threads.images.max_images == linkedin.images.max_images == 20
    assert facebook.images.max_images is None


def test_platforms_are_frozen_and_cached() -> None:
    first, second = load_platforms(), load_platforms()
    assert first["x"] is second["x"]
    first.pop("x")  # callers get their own dict
    assert "x" in load_platforms()
    with pytest.raises(dataclasses.FrozenInstanceError):
        second["x"].limit = 1  # type: ignore[misc]


def test_a_custom_platform_file(tmp_path: Path) -> None:
    path = tmp_path / "platforms.toml"
    path.write_text(
        '[mastodon]\ndisplay_name = "Mastodon"\nlimit = 500\ncounting = "chars"\n'
        "[mastodon.images]\nmax_images = 4\n",
        encoding="utf-8",
    )
    platforms = load_platforms(path)
    assert platforms == {
        "mastodon": Platform(
            name="mastodon",
            display_name="Mastodon",
            limit=500,
            counting="chars",
            images=dataclasses.replace(Platform("m", "M", 1, "chars").images, max_images=4),
        )
    }


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        ('[a]\ndisplay_name = "A"\nlimit = 5\ncounting = "words"\n', "counting must be one of"),
        ('[a]\ndisplay_name = "A"\ncounting = "chars"\n', "missing limit"),
        ('[a]\ndisplay_name = "A"\nlimit = "5"\ncounting = "chars"\n', "limit should be int"),
        ("[a\n", "not valid TOML"),
    ],
)
def test_a_broken_platform_file_says_what_is_wrong(
    tmp_path: Path, content: str, complaint: str
) -> None:
    path = tmp_path / "platforms.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PlatformDataError, match=complaint) as caught:
        load_platforms(path)
    assert str(path) in str(caught.value)


def test_a_missing_platform_file(tmp_path: Path) -> None:
    with pytest.raises(PlatformDataError, match="Cannot read"):
        load_platforms(tmp_path / "nowhere.toml")


def test_unknown_platforms_are_named_with_the_known_ones() -> None:
    assert validate_platforms(["x", "threads"]) == ("x", "threads")
    with pytest.raises(ValueError) as caught:
        validate_platforms(["x", "tiktok"])
    assert str(caught.value) == (
        "Unknown platform 'tiktok'. Known platforms: facebook, instagram, linkedin, threads, x."
    )
    with pytest.raises(ValueError, match="Unknown platform 'myspace'"):
        check("hello", "myspace")


def test_platform_length_per_counting() -> None:
    text = "Hi \U0001f44d naic.org"
    assert platform_length("x", text) == 3 + 2 + 1 + 23
    assert platform_length("linkedin", text) == len(text) == 13
    assert platform_length("threads", text) == 13 - 1 + 4
    assert platform_length(load_platforms()["facebook"], text) == len(text)


# ---------------------------------------------------------------------------------- length
def test_a_normal_post_passes_everywhere_with_counts() -> None:
    findings, counts = check(NORMAL_POST)
    assert findings == []
    assert list(counts) == list(ALL)
    assert counts["x"].limit == 280 and counts["x"].length == len(NORMAL_POST)
    assert counts["linkedin"].length == len(NORMAL_POST)
    assert counts["threads"].limit == 500


def test_too_long_for_x_flags_the_part_past_280() -> None:
    text = "Coverage tip: " + "check your deductible every year. " * 9
    findings, counts = check(text, "x", "linkedin")
    assert counts["x"].length == len(text) > 280
    (finding,) = findings
    assert finding.rule == "platform.length.x"
    assert (finding.category, finding.severity) == ("platform.length", "error")
    assert "X" in finding.message and f"{len(text)} of 280" in finding.message
    assert (finding.start, finding.end) == (280, len(text))
    assert finding.text == text[280:]
    assert finding.explanation and finding.reference


def test_x_span_is_right_after_astral_characters() -> None:
    text = "\U0001f3e0" * 100 + "Protect what matters. " * 5  # 200 + 110 weighted
    (finding,) = check(text, "x")[0]
    assert finding.text == text[180:]
    assert text[finding.start : finding.end] == finding.text


def test_too_long_for_linkedin_counts_characters() -> None:
    text = "\U0001f3e0 Short opening. " + "a" * (3000 - 16)
    assert len(text) == 3001
    (finding,) = check(text, "linkedin")[0]
    assert finding.rule == "platform.length.linkedin"
    assert (finding.start, finding.end, finding.text) == (3000, 3001, "a")


def test_threads_counts_emoji_in_bytes() -> None:
    text = "\U0001f44d" * 130  # 130 characters, 520 bytes of emoji
    findings, counts = check(text, "threads")
    assert counts["threads"].length == 520
    (finding,) = findings
    assert finding.rule == "platform.length.threads"
    assert (finding.start, finding.text) == (125, "\U0001f44d" * 5)


def test_threads_plain_text_after_emoji() -> None:
    text = "\U0001f44d" + "a" * 500  # 4 + 500
    platform = load_platforms()["threads"]
    measured = measure(platform, text)
    assert (measured.length, measured.valid_end) == (504, 497)


# -------------------------------------------------------------------------------- hashtags
def test_instagram_allows_five_hashtags() -> None:
    five = "New blog post on flood coverage. #flood #insurance #home #tips #storm"
    assert check(five, "instagram") == ([], check(five, "instagram")[1])
    text = five + " #renters #claims"
    (finding,) = check(text, "instagram")[0]
    assert finding.rule == "platform.hashtags.instagram"
    assert (finding.category, finding.severity) == ("platform.hashtags", "warning")
    assert finding.text == "#renters #claims"
    assert "Instagram" in finding.message and "7" in finding.message


def test_threads_takes_one_topic_tag() -> None:
    assert rules(check("Flood tips #flood", "threads")[0]) == []
    (finding,) = check("Flood tips #flood #insurance", "threads")[0]
    assert finding.rule == "platform.hashtags.threads"
    assert finding.text == "#insurance"
    assert "at most 1 hashtag in a post; this one has 2." in finding.message


def test_numbers_are_not_hashtags() -> None:
    assert check("We're #1 in service #2 #3 #4 #5 #6 #7", "threads", "instagram")[0] == []


# ----------------------------------------------------------------------------------- links
def test_instagram_links_are_not_clickable() -> None:
    text = "Flood checklist at naic.org/flood and https://fema.gov. Email sam@agency.com."
    findings = check(text, "instagram")[0]
    assert [(f.rule, f.severity, f.text) for f in findings] == [
        ("platform.links.instagram", "suggestion", "naic.org/flood"),
        ("platform.links.instagram", "suggestion", "https://fema.gov"),
    ]
    assert "link in bio" in findings[0].message


def test_threads_takes_five_links() -> None:
    links = [f"site{i}.com" for i in range(1, 7)]
    assert check("Resources: " + " ".join(links[:5]), "threads")[0] == []
    text = "Resources: " + " ".join(links)
    (finding,) = check(text, "threads")[0]
    assert (finding.rule, finding.severity, finding.text) == (
        "platform.links.threads",
        "warning",
        "site6.com",
    )


def test_a_normal_post_with_a_link_only_nudges_on_instagram() -> None:
    text = NORMAL_POST + " Details: naic.org"
    assert rules(check(text)[0]) == ["platform.links.instagram"]


def test_links_are_fine_on_x_linkedin_and_facebook() -> None:
    text = " ".join(f"site{i}.com" for i in range(10))
    assert check(text, "x", "linkedin", "facebook")[0] == []


# ------------------------------------------------------------------------------------ fold
def test_fold_is_quiet_for_short_posts() -> None:
    assert check("Happy Friday! Any plans for the weekend?", "linkedin", "instagram")[0] == []


def test_fold_is_quiet_when_a_complete_first_sentence_sits_above_it() -> None:
    text = "Is your home ready for storm season? " + "Here is a long explanation. " * 40
    assert check(text, "linkedin", "instagram", "facebook")[0] == []


def test_fold_is_quiet_when_the_first_line_is_a_hook() -> None:
    text = "Three things to check before storm season\n\n" + "A longer paragraph here " * 30
    assert check(text, "instagram", "linkedin")[0] == []


def test_fold_is_quiet_just_past_the_fold() -> None:
    # The fold is approximate: a first sentence ending a few characters after it is fine.
    text = "a" * 120 + " ends here. " + "More words follow after that. " * 10
    assert check(text, "instagram")[0] == []


def test_fold_flags_a_first_sentence_cut_by_the_fold() -> None:
    opening = (
        "When you are thinking about whether the coverage you bought years ago still fits "
        "the life you live today, with the renovations and the new car and the teenager who "
        "just got a license, and the side business run from the spare room, it helps to sit "
        "down with someone who reads policies for a living."
    )
    text = opening + " Call me this week."
    findings = check(text, "linkedin", "instagram", "facebook")[0]
    assert rules(findings) == ["platform.fold.instagram", "platform.fold.linkedin"] or rules(
        findings
    ) == ["platform.fold.linkedin", "platform.fold.instagram"]
    by_rule = {f.rule: f for f in findings}
    linkedin = by_rule["platform.fold.linkedin"]
    assert (linkedin.category, linkedin.severity) == ("platform.fold", "suggestion")
    assert linkedin.end == len(opening)
    assert 170 <= linkedin.start <= 210
    assert text[linkedin.start - 1] == " "
    assert "LinkedIn" in linkedin.message and "210" in linkedin.message


def test_x_has_no_fold() -> None:
    text = "word " * 50
    assert check(text, "x")[0] == []


# ----------------------------------------------------------------------------- every rule
def test_rule_ids_start_with_their_category() -> None:
    text = "x" * 3100 + " #a #b #c #d #e #f naic.org " + " ".join(f"s{i}.com" for i in range(6))
    findings = check(text)[0]
    assert {f.category for f in findings} >= {"platform.length", "platform.hashtags"}
    for finding in findings:
        assert finding.category in CATEGORIES
        assert finding.rule.startswith(finding.category + ".")
        assert finding.rule.rsplit(".", 1)[1] in ALL
        assert finding.message and finding.explanation and finding.reference
        assert "\n" not in finding.message
        assert finding.text == text[finding.start : finding.end]
