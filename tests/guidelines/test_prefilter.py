"""A pattern's needs never turn away a text the pattern matches."""

from __future__ import annotations

import re
import string
import sys

import pytest

from composer.guidelines.facts import TextFacts
from composer.guidelines.prefilter import fold, may_match, needs_of, regex_needs


def test_fold_agrees_with_the_pattern_engine_on_every_character() -> None:
    # Every character a case-blind pattern matches to an ASCII letter folds to that letter.
    codes = range(0x80, sys.maxunicode + 1)
    everything = "".join(chr(c) for c in codes if not 0xD800 <= c < 0xE000)
    for letter in string.ascii_lowercase:
        for match in re.finditer(letter, everything, re.IGNORECASE):
            assert letter in fold(match.group()), (letter, hex(ord(match.group())))


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\b\d+(?:\.\d+)?\s?%\s+(?:premium\s+)?bonus\b", "a 10% BONUS today"),
        (r"\b(?:earn|make)\s+\d+%", "MAKE 7%"),
        (r"\b(?i:a client) (?:asked|came)\b", "A CLIENT asked"),
        (
            r"(?<![\w&%$#@*!])(?=[&%$#@*!]*?([&%$#@*])[&%$#@*!]*?(?!\1)[&%$#@*])[&%$#@*!]{3,6}",
            "a &%$#",
        ),
        (r"\bsure\b", "\u017fure"),  # a long s is an s to a case-blind pattern
        (r"\bkick\b", "\u212aick"),  # and a Kelvin sign a k
        (r"in", "\u0130n"),  # a dotted capital I an i
        (r"[A-Z][a-z]+ (?:Insurance|Life)\b", "Acme Life"),
        (r"\b(?:[bcdpstw]|sh|bi)[*#@$]{1,4}[a-z]{0,4}(?![\w*#@$])", "SH**, rates again"),
        (r"\bf(?:[*#@$!]{1,3}|u[*#@$!]{1,2})(?:k|ck)?", "F#@K"),
        (r"[A-Z][a-z]+'s (?:claim|policy)", "Dana's claim"),
    ],
)
def test_a_matching_text_meets_every_need(pattern: str, text: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE if "(?i" not in pattern else 0)
    assert compiled.search(text)
    assert needs_of(compiled)
    assert may_match(needs_of(compiled), TextFacts(text))


def test_a_text_missing_a_need_is_turned_away() -> None:
    compiled = re.compile(r"\b\d+\s?%\s+bonus\b", re.IGNORECASE)
    assert not may_match(needs_of(compiled), TextFacts("a 10 percent bonus"))
    assert not may_match(needs_of(compiled), TextFacts("10% off"))


def test_characters_side_by_side_are_a_need() -> None:
    # A hashtag and a word ending in "s" are both there, but never a letter before a mark.
    compiled = re.compile(r"\b(?:[bcdpstw]|sh|bi)[*#@$]{1,4}[a-z]{0,4}", re.IGNORECASE)
    assert not may_match(needs_of(compiled), TextFacts("Storm tips #community"))
    assert may_match(needs_of(compiled), TextFacts("What a load of S**T"))


def test_nothing_known_means_always_run() -> None:
    assert needs_of(re.compile(r"\w+\s\d")) == ()
    assert may_match((), TextFacts("anything"))


def test_shipped_patterns_keep_every_match() -> None:
    from composer.guidelines.concept_check import ConceptCheck
    from composer.guidelines.engine import Engine

    engine = Engine.load(style_checks=False)
    texts = [t for r in engine.rules for t in (*r.trigger_examples, *r.pass_examples)]
    patterns = {
        id(p): p
        for r in engine.rules
        if isinstance(r.check, ConceptCheck)
        for c in (*r.check.parts, *r.check.context)
        for p in c.patterns
    }
    assert patterns
    for pattern in patterns.values():
        needs = needs_of(pattern)
        for text in texts:
            if pattern.search(text):
                assert may_match(needs, TextFacts(text)), (pattern.pattern, text)


def test_a_text_is_read_for_a_pattern_once_however_often_it_is_asked(monkeypatch) -> None:
    """Concepts ask sentence by sentence: a need met nowhere must not cost a fresh read of
    the whole text each time (a 1 MB post became quadratic)."""
    import composer.guidelines.prefilter as prefilter

    needs = needs_of(re.compile(r"\b(?:Tokio Marine|Blue Cross|Manulife|Allianz|Zurich)\b"))
    reads: list[str] = []
    real = prefilter._met
    monkeypatch.setattr(
        prefilter, "_met", lambda need, text, folded: reads.append(text) or real(need, text, folded)
    )
    facts = TextFacts("Storm tips for the weekend. " * 500)
    assert all(not may_match(needs, facts) for _ in range(200))
    assert len(reads) == 1
    other = TextFacts("Manulife sponsors the 5k.")
    assert may_match(needs, other) and len(reads) == 2


def test_what_regex_reads_otherwise_has_no_needs() -> None:
    # POSIX classes, nested sets, fuzzy matching and `\p` mean something else (or nothing)
    # to `re`: such a rule pattern always runs.
    for source in (r"[[:alpha:]]+ claim", r"(?:claim){e<=1}", r"\p{Lu}\w+ claim", r"[[a-z]]x"):
        assert regex_needs(source, 0) == ()
    assert regex_needs(r"\bclaim\s\d{2,3}\b", 0)


def test_shipped_rule_patterns_keep_every_match() -> None:
    import regex

    from composer.guidelines.checks import PatternCheck
    from composer.guidelines.engine import Engine

    engine = Engine.load(style_checks=False)
    texts = [t for r in engine.rules for t in (*r.trigger_examples, *r.pass_examples)]
    checks = [r.check for r in engine.rules if isinstance(r.check, PatternCheck)]
    assert checks
    for check in checks:
        lazy = check.pattern
        needs = regex_needs(lazy.source, lazy.flags)
        for text in texts:
            if regex.search(lazy.source, text, lazy.flags):
                assert may_match(needs, TextFacts(text)), (lazy.source, text)
