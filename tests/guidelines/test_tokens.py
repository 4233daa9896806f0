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
