"""The agent's own words: never the problem, whatever a rule's pattern thinks.

A licence number looks like an identifier to the privacy rules and a disclosure can quote
words a rule watches for; both are the agent's own and required by law. Any finding that
touches the profile's name, agency, licence number or disclosures, or a licence number
written as such ("Lic. #0K98765", "NPN 1234567"), is dropped.
"""

from __future__ import annotations

import bisect
import re

from composer.domain.profile import Profile
from composer.guidelines.facts import TextFacts
from composer.guidelines.prefilter import folded
from composer.guidelines.regex_cache import compile_cached
from composer.guidelines.tokens import Span

_LICENCE = compile_cached(
    r"\b(?:lic(?:en[cs]e)?|licen[cs]ed|npn|ca\s+lic|insurance\s+lic(?:en[cs]e)?)(?![a-z])\.?"
    r"(?:\s*(?:no\.?|number|num\.?|#|:))*\s*#?\s*(?=[A-Z-]*\d)[A-Z0-9][A-Z0-9-]{3,}",
    re.IGNORECASE,
)
# What every licence number written as such begins with, in the text folded to lower case
# (`prefilter.fold`): found by skipping ahead to the first letters, where `_LICENCE`, blind
# to case, must be tried at every position of a post that has none (about 0.1 ms). Each of
# its beginnings has "lic" or "npn" at a word's start ("ca lic" too), and the word-start
# test written after those letters lets the pattern engine skip ahead to them: 4x quicker
# than `\b(?:lic|npn|ca\s+lic|insurance\s+lic)`, with the same answer.
_LICENCE_START = compile_cached(r"(?:lic|npn)(?<!\w...)")
_SPACE = compile_cached(r"\s+")


def own_spans(facts: TextFacts, profile: Profile | None) -> list[Span]:
    """Spans of the text that are the agent's own identity or disclosures."""
    text = facts.text
    spans: list[Span] = []
    if _LICENCE_START.search(folded(facts)) is not None:
        spans = [m.span() for m in _LICENCE.finditer(text)]
    if profile is None:
        return spans
    fields = (
        profile.disclosure,
        profile.broker_dealer_disclosure,
        profile.license_number,
        profile.name,
        profile.agency,
    )
    for value in fields:
        words = value.split()
        if not words:
            continue
        pattern = compile_cached(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
        spans.extend(m.span() for m in pattern.finditer(text))
    return spans


class Protected:
    """The agent's own words, asked about once per hit: does a span touch any of them?

    Spans sorted by start, with the furthest end reached so far beside each, answer by
    binary search however often the agent's name recurs in a long text.
    """

    __slots__ = ("_reach", "_spans", "_starts")

    def __init__(self, spans: list[Span]) -> None:
        spans = self._spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._reach: list[int] = []
        furthest = -1
        for _, e in spans:
            furthest = max(furthest, e)
            self._reach.append(furthest)

    def touches(self, start: int, end: int) -> bool:
        """Some span with s < end and start < e."""
        count = bisect.bisect_left(self._starts, end)  # the spans starting before `end`
        return count > 0 and self._reach[count - 1] > start

    def blanked(self, text: str) -> str:
        """`text` with the agent's own words turned to spaces (offsets unchanged)."""
        if not self._spans:
            return text
        chars = list(text)
        for start, end in self._spans:
            chars[start:end] = " " * (end - start)
        return "".join(chars)
