"""Searching only where a pattern can begin gives the pattern's own answer."""

from __future__ import annotations

import re

import pytest

from composer.guidelines.starts import _start, found_in, matches_in


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (r"\d{4}|\d[/.-]\d", "Policy 1234 renews", True),
        (r"\d{4}|\d[/.-]\d", "Call 555 or 12 today", False),
        (r"\d{4}|\d[/.-]\d", "Born 3/4", True),
        (r"(?<!\w)\$?\d+%|\b#\d", "up 7% this year", True),
        (r"(?:\d\d|##)x", "a #1 fan, ##x", True),
        (r"^(?:\d+)\.", "text\n12. item", False),
        (r"(?m)^(?:\d+)\.", "text\n12. item", True),
        (r"[A-Z]{2,}[ \t]+(?:[A-Z]{2}|[AI]\b)", "Call Us Today", False),
        (r"[A-Z]{2,}[ \t]+(?:[A-Z]{2}|[AI]\b)", "CALL NOW", True),
        (r"[A-Z]{2,}[ \t]+(?:[A-Z]{2}|[AI]\b)", "An AB test, then CALL ME", True),
        (r"(?<!\w)[A-Z]{3,}!", "HELLO!", True),
    ],
)
def test_the_answer_is_the_searchs(pattern: str, text: str, found: bool) -> None:
    compiled = re.compile(pattern)
    assert (compiled.search(text) is not None) is found
    assert found_in(compiled, text) is found


def test_only_starts_worth_looking_for() -> None:
    assert _start(re.compile(r"\d{4}|\d[/.-]\d")) is not None
    assert _start(re.compile(r"\d+")) is not None
    assert _start(re.compile(r"[A-Z]{2,} "))  # two capitals in a row are rare
    assert _start(re.compile(r"%")) is None  # plain text: skipped to already
    assert _start(re.compile(r"[A-Z]+ ")) is None  # capitals alone are common
    assert _start(re.compile(r"family|the \w+")) is None
    assert _start(re.compile(r"(?i)\d+x")) is not None  # a digit has no case
    assert _start(re.compile(r"(?i)[#!]{2}x")) is not None
    assert _start(re.compile(r"(?i)[A-Z]{2,} ")) is None  # case-blind: any two letters
    assert _start(re.compile(r"(?i)[#!a]x")) is None
    assert _start(re.compile(r"\d*x")) is None  # may begin with the x


GRAWLIX = (
    r"(?<![\w&%$#@*!])(?=[&%$#@*!]*?([&%$#@*])[&%$#@*!]*?(?!\1)[&%$#@*])"
    r"[&%$#@*!]{3,6}(?![\w&%$#@*!])"
)


@pytest.mark.parametrize(
    "pattern",
    [GRAWLIX, r"\d+%?", r"[#@]\w+", r"(?<!\w)\$?\d+%", r"\bf[*#]+", r"x?", r"[!?]{2,}"],
)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_matches_in_are_finditers(pattern: str, flags: int) -> None:
    """The same matches as `finditer` over a stretch of text, empty ones left out."""
    compiled = re.compile(pattern, flags)
    text = (
        "Give a &%$# about it!! #1 fan @Ana: up 7% to $5%, f** off; 12!?! "
        "$100 &&&& @@! ##!!## 2024?? the end!!!"
    )
    for lo, hi in ((0, len(text)), (5, 40), (13, 14), (30, len(text) - 3)):
        expected = [m.span() for m in compiled.finditer(text, lo, hi) if m.end() > m.start()]
        assert [m.span() for m in matches_in(compiled, text, lo, hi)] == expected
