"""Every way of hiding a word that section 1 of the engine's design names is read through.

Each base violation is disguised by one evasion at a time; the disguised post must still be
found in the same category, its finding must point at the agent's own characters, and the
characters that hide must be reported as `platform.characters` where they are not plain.
"""

from __future__ import annotations

import pytest

from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput
from composer.guidelines.normalise import normalise

ENGINE = Engine.load(style_checks=False)

BASE = [
    ("Lock in guaranteed growth on your savings.", "compliance.guarantee"),
    ("Get free coverage for your first month.", "compliance.free"),
    ("Switch today and get a gift card for your quote.", "compliance.inducement"),
    ("Your claim will be approved, I promise.", "compliance.claims-promise"),
    ("Annuities are a risk free investment.", "compliance.guarantee"),
]

_CYRILLIC = str.maketrans({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у"})


def _words(text: str, change) -> str:
    return " ".join(change(word) for word in text.split(" "))


def _inside(word: str, mark: str) -> str:
    """`mark` in the middle of every word long enough to split."""
    return word if len(word) < 4 else word[:2] + mark + word[2:]


def _styled(text: str, upper: int, lower: int) -> str:
    return "".join(
        chr(upper + ord(c) - 65)
        if "A" <= c <= "Z"
        else chr(lower + ord(c) - 97)
        if "a" <= c <= "z"
        else c
        for c in text
    )


EVASIONS = {
    "zero-width space": lambda t: _words(t, lambda w: _inside(w, "\u200b")),
    "zero-width joiner": lambda t: _words(t, lambda w: _inside(w, "\u200d")),
    "zero-width non-joiner": lambda t: _words(t, lambda w: _inside(w, "\u200c")),
    "word joiner": lambda t: _words(t, lambda w: _inside(w, "\u2060")),
    "soft hyphen": lambda t: _words(t, lambda w: _inside(w, "\u00ad")),
    "byte-order mark": lambda t: _words(t, lambda w: _inside(w, "\ufeff")),
    "variation selector": lambda t: _words(t, lambda w: _inside(w, "\ufe0f")),
    "tag characters": lambda t: _words(t, lambda w: _inside(w, "\U000e0041\U000e0042")),
    "bidi override": lambda t: _words(t, lambda w: _inside(w, "\u202e\u202c")),
    "bidi isolate": lambda t: _words(t, lambda w: _inside(w, "\u2066\u2069")),
    "bidi embedding": lambda t: _words(t, lambda w: _inside(w, "\u202a\u202c")),
    "Cyrillic look-alikes": lambda t: t.translate(_CYRILLIC),
    "mathematical bold": lambda t: _styled(t, 0x1D400, 0x1D41A),
    "mathematical italic sans": lambda t: _styled(t, 0x1D608, 0x1D622),
    "full-width": lambda t: _styled(t, 0xFF21, 0xFF41),
    "combining accents": lambda t: "".join(c + "\u0301" if c in "aeiou" else c for c in t),
    "letters spaced out": lambda t: "  ".join(" ".join(w) for w in t.split(" ")),
    "digits for letters": lambda t: _words(t, lambda w: w.replace("e", "3").replace("o", "0")),
    "symbols for letters": lambda t: _words(t, lambda w: w.replace("a", "@")),
    "line breaks": lambda t: t.replace(" ", "\n"),
    "no-break spaces": lambda t: t.replace(" ", "\u00a0"),
    "emoji between words": lambda t: t.replace(" ", " 💰 "),
}


@pytest.mark.parametrize("evasion", sorted(EVASIONS))
@pytest.mark.parametrize(("text", "category"), BASE, ids=[c for _, c in BASE])
def test_evasion_is_caught(text: str, category: str, evasion: str) -> None:
    disguised = EVASIONS[evasion](text)
    assert disguised != text
    findings = ENGINE.check(CheckInput(text=disguised)).findings
    found = [f for f in findings if f.category == category]
    assert found, f"{evasion!r} hid {category} in {disguised!r}"
    for finding in found:
        assert finding.start is not None and finding.end is not None
        assert disguised[finding.start : finding.end] == finding.text


def test_base_posts_are_found_undisguised() -> None:
    for text, category in BASE:
        categories = {f.category for f in ENGINE.check(CheckInput(text=text)).findings}
        assert category in categories, text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("guaran\u200bteed", "invisible"),
        ("safe\u202eplan", "direction"),
        ("gu\u0430ranteed", "lookalike"),
        ("\U0001d41f\U0001d42b\U0001d41e\U0001d41e coverage", "styled"),
    ],
)
def test_hiding_characters_are_reported_with_a_fix(text: str, kind: str) -> None:
    findings = [
        f
        for f in ENGINE.check(CheckInput(text=text)).findings
        if f.category == "platform.characters"
    ]
    assert [f.rule for f in findings] == [f"platform.characters.{kind}"]
    (finding,) = findings
    fixed = text[: finding.start] + finding.suggestions[0] + text[finding.end :]
    assert not [
        f
        for f in ENGINE.check(CheckInput(text=fixed)).findings
        if f.category == "platform.characters"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Happy Diwali from all of us! शुभ दीपावली 🪔",
        "Привет, друзья! Как дела?",
        "Καλημέρα από την ομάδα μας",
        "We're proud of our café's new menu 👨‍👩‍👧 ❤️ 🏳️‍🌈",
        "مرحبا بكم في مكتبنا",
    ],
)
def test_ordinary_text_in_other_scripts_is_not_reported(text: str) -> None:
    findings = ENGINE.check(CheckInput(text=text)).findings
    assert not [f for f in findings if f.category == "platform.characters"], text


def test_codes_are_not_read_as_words() -> None:
    view = ENGINE.view("Policy HO3 and your 401k, call 555-0134; FR33 quote")
    assert view.text == "Policy HO3 and your 401k, call 555-0134; FREE quote"


def test_view_offsets_map_back_to_the_text_as_given() -> None:
    text = "now \u200bg u a r a n t e e d\ufe0f ﬁne 𝐟𝐫𝐞𝐞"
    view = normalise(text)
    assert view.text == "now guaranteed fine free"
    start = view.text.index("guaranteed")
    lo, hi = view.span(start, start + len("guaranteed"))
    assert text[lo:hi] == "g u a r a n t e e d"
    lo, hi = view.span(view.text.index("free"), len(view.text))
    assert text[lo:hi] == "𝐟𝐫𝐞𝐞"


def test_the_quick_leet_test_finds_a_place_exactly_when_the_hint_does() -> None:
    import random

    from composer.guidelines import normalise as module

    chars = [*"aZq0 3$@!|€.-x\n", "é", "1"]
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 8)))
        hint = module._LEET_HINT.search(text) is not None
        assert (module._LEET_ANY.search(text) is not None) == hint, repr(text)


def test_a_post_whose_only_characters_beyond_ascii_are_emoji_reads_as_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Counting the characters beyond ASCII (`_emoji_alone`) gives the view reading each
    one gives: the same text, mapping and folds, whatever else the post holds."""
    import random

    from composer.guidelines import normalise as module
    from composer.guidelines.entities import find_emoji

    rng = random.Random(21)
    pieces = [
        "a",
        "B",
        " ",
        "🔦",
        "⚾",
        "👍🏽",
        "1️⃣",
        "🇺🇸",
        "\u200b",
        "а",
        "é",
        "ﬁ",
        "\u200d",
        "’",
        "x",
    ]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(3000)]
    read = [normalise(t, emoji=find_emoji(t)) for t in texts]
    monkeypatch.setattr(module, "_emoji_alone", lambda _text, _emoji: False)
    for text, fast in zip(texts, read, strict=True):
        slow = normalise(text, emoji=find_emoji(text))
        assert (fast.text, fast.folds) == (slow.text, slow.folds), text
        assert [fast.span(i, i + 1) for i in range(len(fast.text))] == [
            slow.span(i, i + 1) for i in range(len(slow.text))
        ], text
