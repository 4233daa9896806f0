"""X's weighted count against twitter-text's own conformance cases, plus the cases X added since.

The conformance file (../shared/data/twitter-text/validate.yml) is the reference. Its ranges
(`validRangeEnd`, `displayRangeEnd`) are inclusive UTF-16 indices into the text as given, while
Composer reports exclusive code-point offsets; the helpers below convert, so every expected
number in the file is checked as written.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.guidelines.counting import (
    X_V2,
    X_V3,
    XConfig,
    x_count,
    x_valid_end,
    x_weighted_length,
)
from composer.guidelines.entities import find_emoji, find_hashtags, find_mentions, find_urls
from tests.helpers.paths import SHARED, require_shared

TWITTER_TEXT = SHARED / "data" / "twitter-text"
# Cases per section, as SOURCE.txt lists them: a smaller number means the file changed.
SECTION_SIZES = {
    "WeightedTweetsCounterTest": 20,
    "WeightedTweetsWithDiscountedEmojiCounterTest": 22,
    "UnicodeDirectionalMarkerCounterTest": 2,
    "hashtags": 7,
    "usernames": 4,
    "urls": 24,
    "urls_without_protocol": 5,
}


@functools.cache
def _validate_yml() -> dict[str, Any] | None:
    path = TWITTER_TEXT / "validate.yml"
    if not path.exists():
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)["tests"]


def _cases(section: str) -> list[Any]:
    tests = _validate_yml()
    if tests is None:
        needs = pytest.mark.usefixtures("_conformance_file")
        return [pytest.param(None, id="missing", marks=needs)]
    return [pytest.param(case, id=case["description"]) for case in tests[section]]


@pytest.fixture
def _conformance_file() -> None:
    """Skips (or, where CI is set, fails) the placeholder case when the file is missing."""
    require_shared("data", "twitter-text", "validate.yml")


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_the_conformance_file_has_every_case() -> None:
    require_shared("data", "twitter-text", "validate.yml")
    tests = _validate_yml()
    assert tests is not None
    assert {name: len(tests[name]) for name in SECTION_SIZES} == SECTION_SIZES


def test_config_v3_matches_the_shipped_json() -> None:
    path = require_shared("data", "twitter-text", "v3.json")
    assert XConfig.from_mapping(json.loads(path.read_text(encoding="utf-8"))) == X_V3


def test_config_v2_is_v3_without_emoji_parsing() -> None:
    # twitter-text's config/v2.json: the same ranges and weights; emoji are not parsed.
    v2 = {
        "version": 2,
        "maxWeightedTweetLength": 280,
        "scale": 100,
        "defaultWeight": 200,
        "transformedURLLength": 23,
        "ranges": [
            {"start": 0, "end": 4351, "weight": 100},
            {"start": 8192, "end": 8205, "weight": 100},
            {"start": 8208, "end": 8223, "weight": 100},
            {"start": 8242, "end": 8247, "weight": 100},
        ],
    }
    assert XConfig.from_mapping(v2) == X_V2
    assert X_V2.emoji_parsing is False and X_V3.emoji_parsing is True


def _check_counter_case(case: dict[str, Any], config: XConfig) -> None:
    text, expected = case["text"], case["expected"]
    counted = x_count(text, config)
    # twitter-text's valid prefix also stops before the first refused character.
    end = (
        counted.valid_end
        if counted.invalid_at is None
        else min(counted.valid_end, counted.invalid_at)
    )
    assert counted.weighted_length == expected["weightedLength"]
    assert counted.valid is expected["valid"]
    assert counted.weighted_length * 1000 // 280 == expected["permillage"]
    assert expected["validRangeStart"] == expected["displayRangeStart"] == 0
    assert max(_utf16(text[:end]) - 1, 0) == expected["validRangeEnd"]
    assert max(_utf16(text) - 1, 0) == expected["displayRangeEnd"]
    if expected["valid"]:
        assert counted.valid_end == len(text)


@pytest.mark.parametrize("case", _cases("WeightedTweetsCounterTest"))
def test_weighted_tweets_counter_v2(case: dict[str, Any]) -> None:
    _check_counter_case(case, X_V2)


@pytest.mark.parametrize("case", _cases("WeightedTweetsWithDiscountedEmojiCounterTest"))
def test_weighted_tweets_with_discounted_emoji_v3(case: dict[str, Any]) -> None:
    _check_counter_case(case, X_V3)


@pytest.mark.parametrize("case", _cases("UnicodeDirectionalMarkerCounterTest"))
def test_unicode_directional_markers_v3(case: dict[str, Any]) -> None:
    _check_counter_case(case, X_V3)


@pytest.mark.parametrize("case", _cases("urls_without_protocol"))
def test_conformance_urls_without_protocol(case: dict[str, Any]) -> None:
    text = case["text"]
    assert (find_urls(text) == [(0, len(text))]) is case["expected"]


# validate.yml's `urls` section tests twitter-text's URL *validator* (isValidUrl), which accepts
# user info, IP addresses and RFC 3986 queries. Its *extractor* (what X counts as 23) does not
# link those either; every other case, valid or not, must agree with the extractor.
VALIDATOR_ONLY = {
    "Valid url: port and userinfo",
    "Valid url: ipv4",
    "Valid url: ipv6",
    "Valid url: sub delims and question marks",
}


@pytest.mark.parametrize("case", _cases("urls"))
def test_conformance_urls(case: dict[str, Any]) -> None:
    text = case["text"]
    whole = find_urls(text) == [(0, len(text))]
    if case["description"] in VALIDATOR_ONLY:
        assert not whole
    else:
        assert whole is case["expected"]


@pytest.mark.parametrize("case", _cases("hashtags"))
def test_conformance_hashtags(case: dict[str, Any]) -> None:
    text = case["text"]
    assert (find_hashtags(text, []) == [(0, len(text))]) is case["expected"]


@pytest.mark.parametrize("case", _cases("usernames"))
def test_conformance_usernames(case: dict[str, Any]) -> None:
    text = case["text"]
    assert (find_mentions(text, []) == [(0, len(text))]) is case["expected"]


# ------------------------------------------------------------------- beyond the 2021 data
@pytest.mark.parametrize(
    "emoji",
    [
        "\U0001f9d1\u200d\U0001f9d1\u200d\U0001f9d2",  # family: adult, adult, child (15.1)
        "\U0001f426\u200d\U0001f525",  # phoenix (15.1)
        "\U0001f642\u200d\u2194\ufe0f",  # head shaking horizontally (15.1)
        "\U0001fae9",  # face with bags under eyes (16.0)
        "\U0001f9d1\U0001f3fd\u200d\U0001f91d\u200d\U0001f9d1\U0001f3ff",  # people holding hands
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # Scotland
        "#\ufe0f\u20e3",  # keycap
        "\U0001f1fa\U0001f1f8",  # flag
    ],
)
def test_every_emoji_sequence_counts_two(emoji: str) -> None:
    assert find_emoji(emoji) == [(0, len(emoji))]
    assert x_weighted_length(emoji) == 2
    assert x_weighted_length(f"Family day {emoji}!") == 11 + 2 + 1


def test_every_emoji_the_emoji_package_knows_is_one_sequence() -> None:
    import emoji as emoji_data

    # Components, fully and minimally qualified; not unqualified (bare ©, ® and ™).
    status = {
        emoji_data.STATUS[name] for name in ("component", "fully_qualified", "minimally_qualified")
    }
    known = [e for e, data in emoji_data.EMOJI_DATA.items() if data["status"] in status]
    assert len(known) > 3900
    missed = [e for e in known if find_emoji(e) != [(0, len(e))]]
    assert missed == []
    # Emoji-heavy text takes the single-scan path; it must agree with one-by-one matching.
    text = " ".join(known)
    spans = find_emoji(text)
    assert [text[s:e] for s, e in spans] == known


def test_copyright_and_trademark_signs_are_typography_unless_emoji_style() -> None:
    assert find_emoji("Acme\u00ae \u00a9 2026 Insure\u2122") == []
    assert find_emoji("\u00a9\ufe0f") == [(0, 2)]
    assert find_emoji("\u2764\ufe0e text-style heart") == []
    assert find_emoji("\u2764 bare heart") == [(0, 1)]


def test_a_zwj_to_a_pictograph_newer_than_the_unicode_data_still_joins() -> None:
    unassigned = "\U0001faff"  # reserved for emoji, Extended_Pictographic already
    text = f"\U0001f9d1\u200d{unassigned}"
    assert find_emoji(text) == [(0, 3)]
    assert x_weighted_length(text) == 2


def test_crlf_is_two_characters() -> None:
    assert x_weighted_length("a\r\nb") == 4
    assert x_weighted_length("a\nb") == 3


def test_a_domain_without_scheme_is_a_url() -> None:
    text = "See naic.org for tips"
    assert find_urls(text) == [(4, 12)]
    assert x_weighted_length(text) == 4 + 23 + 9


def test_an_email_domain_is_not_a_url() -> None:
    text = "Email sam@agency.com or sam.jones@mail.agency.com"
    assert find_urls(text) == []
    assert find_mentions(text, []) == []
    assert x_weighted_length(text) == len(text)


def test_the_e_acute_in_nfd_counts_once() -> None:
    assert x_weighted_length("Cafe\u0301") == 4


def test_empty_text_is_not_valid_but_fits() -> None:
    counted = x_count("")
    assert (counted.weighted_length, counted.valid, counted.valid_end) == (0, False, 0)


# ------------------------------------------------------------ offsets into the original text
def test_offsets_after_astral_characters() -> None:
    text = "\U0001f600" * 100 + "x" * 200  # 100 emoji (200) + 200 letters = 400
    assert x_weighted_length(text) == 400
    end = x_valid_end(text)
    assert end == 180
    assert text[end:] == "x" * 120


def test_offsets_after_astral_characters_without_emoji_parsing() -> None:
    text = "\U00020000" * 100 + "y" * 100  # CJK extension B: astral, weight 2, not emoji
    counted = x_count(text, X_V2)
    assert counted.weighted_length == 300
    assert text[counted.valid_end :] == "y" * 20


def test_offsets_map_back_through_normalisation() -> None:
    text = "e\u0301" * 150 + "x" * 200  # NFC: 150 "é" + 200 x = 350
    assert x_weighted_length(text) == 350
    end = x_valid_end(text)
    assert end == 300 + 130
    assert text[end:] == "x" * 70


def test_a_cut_inside_a_decomposed_cluster_takes_the_whole_cluster() -> None:
    # U+FB2C (shin with dagesh and shin dot) becomes three code points in NFC (weight 3).
    text = "a" * 278 + "\ufb2c" + "b"
    assert x_weighted_length(text) == 282
    end = x_valid_end(text)
    assert text[end:] == "\ufb2cb"


def test_a_url_that_crosses_the_limit_is_flagged_whole() -> None:
    text = "a" * 270 + " https://www.naic.org/consumer"
    end = x_valid_end(text)
    assert x_weighted_length(text) == 271 + 23
    assert text[end:] == "https://www.naic.org/consumer"


def test_an_emoji_that_crosses_the_limit_is_flagged_whole() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    text = "a" * 279 + family
    assert x_weighted_length(text) == 281
    assert text[x_valid_end(text) :] == family


def test_fits_means_valid_end_is_the_end() -> None:
    text = "Short post with a link naic.org and \U0001f44d\U0001f3fd"
    assert x_valid_end(text) == len(text)


_PIECES = st.sampled_from(
    [
        "a",
        " ",
        "\u00e9",
        "e\u0301",
        "\u0301",
        "\U0001f600",
        "\U0001f44d\U0001f3fd",
        "\u4e2d",
        "\r\n",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=0, max_size=260).map("".join))
def test_the_valid_prefix_fits_and_nothing_longer_is_claimed(text: str) -> None:
    counted = x_count(text)
    end = counted.valid_end
    assert 0 <= end <= len(text)
    assert x_weighted_length(text[:end]) <= 280
    assert (end == len(text)) is (counted.weighted_length <= 280)


# ------------------------------------------------------------------- entities in a real post
def test_entity_spans_in_a_post() -> None:
    text = (
        "Storm season \u26c8\ufe0f is here! Ask @jane.doe or email sam@agency.com. "
        "Tips: https://naic.org/consumer #HomeInsurance #1 #tips \U0001f3e0\U0001f44d\U0001f3fd"
    )
    urls = find_urls(text)
    assert [text[s:e] for s, e in urls] == ["https://naic.org/consumer"]
    assert [text[s:e] for s, e in find_hashtags(text, urls)] == ["#HomeInsurance", "#tips"]
    assert [text[s:e] for s, e in find_mentions(text, urls)] == ["@jane.doe"]
    assert [text[s:e] for s, e in find_emoji(text)] == [
        "\u26c8\ufe0f",
        "\U0001f3e0",
        "\U0001f44d\U0001f3fd",
    ]


def test_tags_and_handles_inside_a_url_are_part_of_the_url() -> None:
    text = "Read medium.com/@agent/post#section and example.com/#faq"
    urls = find_urls(text)
    assert [text[s:e] for s, e in urls] == ["medium.com/@agent/post#section", "example.com/#faq"]
    assert find_mentions(text, urls) == []
    assert find_hashtags(text, urls) == []


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("Visit www.example.com/path.", ["www.example.com/path"]),
        ("(see naic.org).", ["naic.org"]),
        ("Version 1.5 and e.g. Mr. Smith", []),
        ("bit.ly alone is prose; bit.ly/abc is a link", ["bit.ly/abc"]),
        ("ftp://www.example.com/ is not a link to X", []),
        ("http://\u2603.net/ has a snowman", ["http://\u2603.net/"]),
        ("naic.org.notatld", ["naic.org"]),
        ("\u8a73\u7d30\u306fexample.com\u3078", ["example.com"]),
        ("price is $naic.org or #naic.org", []),
        ("https://en.wikipedia.org/wiki/Umbrella_(insurance), then", None),
    ],
)
def test_urls_in_prose(text: str, links: list[str] | None) -> None:
    if links is None:
        links = ["https://en.wikipedia.org/wiki/Umbrella_(insurance)"]
    assert [text[s:e] for s, e in find_urls(text)] == links


def test_text_without_trigger_characters_has_no_entities() -> None:
    text = "Plain words only, no links or tags here"
    assert find_urls(text) == []
    assert find_hashtags(text, []) == []
    assert find_mentions(text, []) == []
    assert find_emoji(text) == []
