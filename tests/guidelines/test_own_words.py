"""The agent's own licence numbers are found however they are written."""

from __future__ import annotations

from pathlib import Path

import pytest

from composer.guidelines.facts import TextFacts
from composer.guidelines.own_words import _LICENCE, own_spans

REAL = Path(__file__).resolve().parents[1] / "data" / "real"


@pytest.mark.parametrize(
    "text",
    [
        "Lic. #0K98765",
        "NPN 1234567",
        "CA LIC 0A12345",
        "Insurance License No. 12345678",
        "licensed #AB-12345",
        "ca\tlic: 0K12345",
        "LİC 0K98765",  # a dotted capital I reads as an i to a case-blind pattern
    ],
)
def test_a_licence_number_is_the_agents_own(text: str) -> None:
    assert _LICENCE.search(text), text
    assert own_spans(TextFacts(f"Call me. {text}"), None)


def test_the_quick_look_never_hides_a_licence_number() -> None:
    texts = [
        line for path in sorted(REAL.glob("*.jsonl")) for line in path.read_text().splitlines()
    ]
    assert texts
    for text in texts:
        expected = [m.span() for m in _LICENCE.finditer(text)]
        assert own_spans(TextFacts(text), None) == expected


@pytest.mark.parametrize(
    "text",
    ["lic", "x lic", "xlic", "ca  lic 12", "insurance\nlic", "npn", "anpn", "policy", "", "é lic"],
)
def test_the_licence_start_is_the_plain_one(text: str) -> None:
    """Written to skip ahead to its letters, the start test answers as the plain one."""
    import re

    from composer.guidelines.own_words import _LICENCE_START

    plain = re.compile(r"\b(?:lic|npn|ca\s+lic|insurance\s+lic)")
    assert (_LICENCE_START.search(text) is None) == (plain.search(text) is None)
