"""Many phrases as one regular expression, arranged so the regex engine tries few at a time.

Filters, exceptions and concept classes search a sentence for any of their phrases; one
alternation, longest phrase first, does that in a single search. How the alternatives are
grouped (by the word-edge test they share and by their first letter) changes only how fast
the search is, never what it matches. The phrases themselves come from `phrases.parse`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from composer.guidelines.phrases import parse
from composer.guidelines.regex_cache import compile_cached


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive alternation for a list of phrases, longest first."""
    by_letter: dict[str, dict[str, str] | None] = {}
    for text in phrases:
        phrase = parse(text)
        source = phrase.source()
        letters = phrase.by_first_letter()
        if letters is not None and sum(map(len, letters.values())) > _MAX_SPLIT * len(source):
            # Split by first letter, a phrase with many first words would be written out
            # once per letter: compiling that costs more than the split saves. It keeps its
            # place whole instead (same matches, see `_by_first_letter`).
            letters = None
        by_letter.setdefault(source, letters)
    sources = sorted(by_letter, key=len, reverse=True)
    return compile_cached(_alternation([(s, by_letter[s]) for s in sources]), re.IGNORECASE)


_LEAD = r"(?<![\w$])"
_MAX_SPLIT = 2  # how much longer than the phrase its split by first letter may be
_Member = tuple[str, "dict[str, str] | None"]


def _alternation(sources: list[_Member]) -> str:
    """`(?:a)|(?:b)|...` for sources in order of preference, arranged so the regex engine
    tries few of them at each position, with the same matches.

    The word-edge test most phrases begin with is asked once for each run of neighbours
    sharing it, not once per alternative; inside such a run, alternatives are grouped by
    the letter they begin with, behind one look-ahead per letter (see `_by_first_letter`).
    A sentence is searched several times faster.
    """
    parts: list[str] = []
    run: list[_Member] = []
    for source, letters in [*sources, ("", None)]:
        if source.startswith(_LEAD):
            run.append((source, letters))
            continue
        if run:
            parts.append(_LEAD + "(?:" + "|".join(_by_first_letter(run)) + ")")
            run = []
        if source:
            parts.append(source)
    return "|".join(f"(?:{part})" for part in parts)


def _by_first_letter(run: list[_Member]) -> list[str]:
    """A run's alternatives (each opening with the word-edge test, left out here) grouped
    by the letter their matches begin with: under each letter, in their order, the
    alternatives' matches beginning with it ("(best|top) rate" is "best rate" under b and
    "top rate" under t). No character matches two letters, so at any position one group
    at most is tried, and the groups' order does not matter. Alternatives whose first
    letter cannot be said keep their place between groups.
    """
    out: list[str] = []
    groups: dict[str, list[str]] = {}
    for source, letters in [*run, ("", None)]:
        if letters is not None:
            for letter, restricted in letters.items():
                groups.setdefault(letter, []).append(restricted.removeprefix(_LEAD))
            continue
        for letter in sorted(groups):
            body = "|".join(f"(?:{member})" for member in groups[letter])
            out.append(f"(?=[{letter}])(?:{body})")
        groups = {}
        if source:
            out.append(f"(?:{source.removeprefix(_LEAD)})")
    return out
