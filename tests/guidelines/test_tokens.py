"""Words and their heads: the one-split path gives what matching word by word gives."""

from __future__ import annotations

import pytest

from composer.guidelines import tokens


def _word_by_word(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    matches = list(tokens._WORD.finditer(text))
    return [m.span() for m in matches], [m.group(1).lower() for m in matches]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Don't MISS the landlord’s policy, ok?",
        "Storm season 🔦 is here ⚾ #community: café, naïve, straße.",
        "ÉTÉ and İstanbul and the Kelvin sign K",  # lower case changes these: word by word
        "ΟΔΟΣ ΑΣ σας",
        "x2 A_b 3rd '' ’s  multi-policy",
    ],
)
def test_words_and_heads_match_word_by_word(text: str) -> None:
    assert tokens.find_words_and_heads(text) == _word_by_word(text)


def test_sentence_ends_are_found_as_the_plain_pattern_finds_them() -> None:
    import random
    import re

    from composer.guidelines.tokens import _SENTENCE_END

    plain = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n+")
    alphabet = ".!?…\n \"'”’)]ab3\t"
    rng = random.Random(7)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        found = [m.span() for m in _SENTENCE_END.finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)], text


@pytest.mark.parametrize(
    ("written", "plain", "alphabet"),
    [
        ("composer.guidelines.wordindex:_NUMBER_START", r"(?<![\w$#])[$#\d]", "$#1a _.,x9 "),
        (
            "composer.guidelines.concepts:_SINGLE_QUOTED",
            r"(?<!\w)['‘](?=\w)[^'‘’\n]{0,120}?\s[^'‘’\n]{0,120}?(?<=[\w.,!?])['’](?!\w)",
            "'‘’a b.\n,!x",
        ),
    ],
)
def test_patterns_written_for_speed_find_what_the_plain_ones_find(
    written: str, plain: str, alphabet: str
) -> None:
    import importlib
    import random
    import re

    module, name = written.split(":")
    pattern = getattr(importlib.import_module(module), name)
    reference = re.compile(plain)
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        found = [m.span() for m in pattern.finditer(text)]
        assert found == [m.span() for m in reference.finditer(text)], text


def test_a_spaced_out_word_always_holds_the_hint() -> None:
    import random

    from composer.guidelines.normalise import _SPACED, _SPACED_HINT

    rng = random.Random(5)
    for _ in range(50_000):
        text = "".join(rng.choice("aB .-_*·•1é  ") for _ in range(rng.randint(0, 16)))
        if _SPACED.search(text) is not None:
            assert _SPACED_HINT.search(text) is not None, text


def test_words_and_heads_are_the_word_patterns_own() -> None:
    import random

    from composer.guidelines.tokens import _HEAD, _WORD, find_words_and_heads

    rng = random.Random(13)
    alphabet = "aZ'’ é3_🔦-.ßİ\n"
    for _ in range(50_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        spans, heads = find_words_and_heads(text)
        assert spans == [m.span() for m in _WORD.finditer(text)], text
        lowered = _HEAD.findall(text.lower())  # as the words' own heads, lower-cased
        if len(lowered) != len(spans):
            lowered = [m.group(1).lower() for m in _WORD.finditer(text)]
        assert heads == lowered, text


def test_soft_breaks_are_found_as_the_plain_pattern_finds_them() -> None:
    import random
    import re

    from composer.guidelines.normalise import _SOFT_BREAK

    plain = re.compile(r"(?<=[\w,;:%$)’'\"”-])[ \t\r]*\n[ \t]*(?=[a-z0-9$(])")
    rng = random.Random(9)
    for _ in range(30_000):
        text = "".join(rng.choice("a \t\r\n,;$(X.-’") for _ in range(rng.randint(0, 12)))
        found = [m.span() for m in _SOFT_BREAK.finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)], repr(text)


def test_words_in_lower_case_are_the_words_cut_out_and_lowered() -> None:
    """`TextFacts.lower_words`, from the split's pieces when it has them, is each word as
    `text[start:end].lower()` gives it (spelling and readability read them)."""
    import random

    from composer.guidelines.facts import TextFacts

    rng = random.Random(17)
    alphabet = "aZ'’ é3_🔦-.ßİΣσK\n"
    texts = ["", "Don't MISS the landlord’s POLICY 🔦", "ΟΔΟΣ ΑΣ σας", "ÉTÉ İstanbul K"]
    texts += [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(30_000)
    ]
    for text in texts:
        facts = TextFacts(text)
        assert facts.lower_words == [text[s:e].lower() for s, e in facts.words], text
