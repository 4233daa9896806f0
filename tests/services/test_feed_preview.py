"""The feed preview's decisions: the fold, the link card, the crop and the name."""

from __future__ import annotations

import pytest

from composer.domain.accounts import Account
from composer.guidelines.platforms import load_platforms
from composer.services.feed_preview import (
    author_name,
    centre_crop,
    first_link,
    fold,
    initials,
    link_domain,
    nearest_ratio,
)

WORDS = "Renters insurance covers your things when a pipe bursts upstairs. " * 10


def test_a_short_post_is_not_cut() -> None:
    assert fold("Call me about flood cover.", 125, 2, 60) == fold(
        "Call me about flood cover.", None
    )
    assert not fold("Call me about flood cover.", 125, 2, 60).cut


def test_a_long_post_is_cut_at_the_characters_on_a_word() -> None:
    folded = fold(WORDS, 125)
    assert folded.cut
    assert len(folded.shown) <= 125
    assert WORDS.startswith(folded.shown)
    assert WORDS[len(folded.shown)] == " "  # ends on a whole word


def test_lines_fold_before_the_characters() -> None:
    text = "Line one\nLine two\nLine three\nLine four"
    folded = fold(text, 210, 3, 70)
    assert folded == fold(text, None, 3, 70)
    assert folded.shown == "Line one\nLine two\nLine three" and folded.cut


def test_blank_lines_after_the_fold_are_no_more() -> None:
    assert fold("one\ntwo\nthree\n\n", None, 3, 70) == fold("one\ntwo\nthree", None, 3, 70)
    assert not fold("one\ntwo\nthree\n\n", None, 3, 70).cut


def test_a_wrapped_paragraph_uses_several_lines() -> None:
    text = "a" * 50 + " " + "b" * 50 + "\nsecond paragraph"
    folded = fold(text, None, 2, 60)  # the first paragraph fills both lines
    assert folded.cut and "second" not in folded.shown


def test_a_cut_keeps_emoji_sequences_whole() -> None:
    family = "👩\u200d👩\u200d👧"
    text = "x" * 123 + family + " tail" * 40
    shown = fold(text, 125).shown
    assert "\u200d" not in shown[-1:] and not shown.endswith("👩")


def test_the_shipped_folds_are_data() -> None:
    platforms = load_platforms()
    instagram = platforms["instagram"]
    assert instagram.fold == 125 and instagram.preview.fold_lines == 2
    assert instagram.preview.image_ratios == (1.0, 0.8)
    assert not instagram.preview.link_card
    assert platforms["linkedin"].preview.more == "…see more"


def test_the_first_link_and_its_domain() -> None:
    text = "See https://www.NAIC.org/consumer/flood and iii.org too."
    link = first_link(text)
    assert link == "https://www.NAIC.org/consumer/flood"
    assert link_domain(link) == "naic.org"
    assert link_domain("iii.org/x") == "iii.org"
    assert first_link("No links here.") is None


@pytest.mark.parametrize(
    ("size", "ratios", "expected"),
    [
        ((1000, 1000), (1.0, 0.8), 1.0),
        ((800, 1200), (1.0, 0.8), 0.8),
        ((4000, 3000), (1.91,), 1.91),
    ],
)
def test_nearest_ratio(size: tuple[int, int], ratios: tuple[float, ...], expected: float) -> None:
    assert nearest_ratio(*size, ratios) == expected


def test_centre_crop_has_the_ratio() -> None:
    x, y, w, h = centre_crop(4000, 3000, 1.0)
    assert (x, y, w, h) == (500, 0, 3000, 3000)
    x, y, w, h = centre_crop(1000, 1000, 1.91)
    assert x == 0 and w == 1000 and abs(w / h - 1.91) < 0.01 and y == (1000 - h) // 2


def test_initials() -> None:
    assert initials("Jane Q. Doe") == "JD"
    assert initials("ana") == "A"
    assert initials("  ") == "?"


def test_author_name_prefers_the_chosen_account_on_that_platform() -> None:
    accounts = [
        Account(1, "linkedin", "jane-doe", "Jane Doe, CIC"),
        Account(2, "linkedin", "doe-agency", ""),
        Account(3, "x", "@janedoe"),
    ]
    assert author_name("linkedin", accounts, 2, "Jane") == "doe-agency"
    assert author_name("linkedin", accounts, 3, "Jane") == "Jane Doe, CIC"
    assert author_name("x", accounts, None, "Jane") == "@janedoe"
    assert author_name("instagram", accounts, 1, "Jane") == "Jane"
    assert author_name("instagram", [], None, "") == "Your name"


@pytest.mark.parametrize(
    ("preview", "says"),
    [
        ("image_ratios = []", "image_ratios"),
        ("fold_lines = 0", "fold_lines"),
        ('shape = "round"', "unknown image or preview rule"),
    ],
)
def test_a_wrong_feed_look_names_the_platform(tmp_path, preview: str, says: str) -> None:
    from composer.guidelines.platforms import PlatformDataError

    path = tmp_path / "platforms.toml"
    path.write_text(
        '[mastodon]\ndisplay_name = "Mastodon"\nlimit = 500\ncounting = "chars"\n'
        f"[mastodon.preview]\n{preview}\n",
        encoding="utf-8",
    )
    with pytest.raises(PlatformDataError, match=f"'mastodon'.*{says}"):
        load_platforms(path)
