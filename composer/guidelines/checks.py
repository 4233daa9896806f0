"""The check types a rule pack can use. Each returns hits: a span and suggested fixes.

A hit with `start is None` means something is missing rather than present.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import starmap
from operator import itemgetter
from typing import Any, NamedTuple, Protocol, cast

from composer.domain.profile import Profile
from composer.guidelines import alike
from composer.guidelines.alternation import compile_phrases
from composer.guidelines.facts import TextFacts
from composer.guidelines.phrase_set import PhraseSet
from composer.guidelines.prefilter import Need, may_match
from composer.guidelines.regex_cache import compile_cached
from composer.guidelines.starts import found_in
from composer.guidelines.tokens import Span, match_case


class PatternTimeoutError(Exception):
    """A hand-written pattern took too long on this text."""


class Hit(NamedTuple):
    """What a check found: a span (None when something is missing) and suggested fixes."""

    start: int | None
    end: int | None
    suggestions: tuple[str, ...] = ()


class Context(Protocol):
    """What checks may ask about the post beyond its own text."""

    facts: TextFacts
    profile: Profile | None

    def signal(self, name: str) -> bool: ...


class Check(Protocol):
    def hits(self, ctx: Context) -> Iterator[Hit]: ...


class LazyRegex:
    """A hand-written pattern for the `regex` module (which has timeouts), compiled the
    first time a text gets past the rule's cheaper tests: importing `regex` alone costs tens
    of milliseconds that `composer check` would otherwise pay on every save."""

    __slots__ = ("_compiled", "_literals", "flags", "source")

    def __init__(self, source: str, flags: int) -> None:
        self.source = source
        self.flags = flags
        self._compiled: Any = None
        self._literals: tuple[str, ...] | None = None

    def surely_in(self, text: str) -> bool:
        """Whether the pattern matches somewhere in `text`, known without `regex`: one of its
        top-level alternatives is plain text (`\\?` in "\\?|let me know") found in `text`.
        False means only that the pattern must be asked."""
        if self._literals is None:
            self._literals = _literal_alternatives(self.source, self.flags)
        return any(literal in text for literal in self._literals)

    def get(self) -> Any:
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self.source, self.flags)
        return self._compiled

    def __getstate__(self) -> tuple[str, int]:
        return self.source, self.flags

    def __setstate__(self, state: tuple[str, int]) -> None:
        self.source, self.flags = state
        self._compiled = None
        self._literals = None


def _literal_alternatives(source: str, flags: int) -> tuple[str, ...]:
    """The top-level alternatives of a pattern that are plain characters, read with the
    standard library's parser (which reads plain characters as `regex` does); letters only
    when case counts. Empty when the pattern is beyond that parser or has none."""
    # The standard library's own pattern parser (private, but the reader Python itself
    # uses; a change in it only costs this shortcut, never a finding: see the fallback).
    try:
        _constants = importlib.import_module("re._constants")
        _parser = importlib.import_module("re._parser")
    except ImportError:
        return ()

    try:
        parsed = _parser.parse(source, flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL))
    except (re.error, ValueError, TypeError, OverflowError, RecursionError):
        return ()
    items = list(parsed)
    branches = [items]
    if len(items) == 1 and items[0][0] is _constants.BRANCH:
        branches = [list(branch) for branch in items[0][1][1]]
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    found: list[str] = []
    for branch in branches:
        if not branch or any(op is not _constants.LITERAL for op, _ in branch):
            continue
        literal = "".join(chr(code) for _, code in branch)
        if ignore_case and any(c.lower() != c or c.upper() != c for c in literal):
            continue
        found.append(literal)
    return tuple(found)


class Alternation:
    """Phrases matched as one alternation, compiled the first time a text needs them.

    Most rules' exceptions and context words are never consulted on a given post, so
    compiling them all when the packs load would only slow `composer check` down.
    """

    __slots__ = ("_compiled", "values")

    def __init__(self, values: tuple[str, ...]) -> None:
        self.values = values
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = compile_phrases(self.values)
        return self._compiled

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        return self._get().search(text, pos, endpos)

    def finditer(self, text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        return self._get().finditer(text, pos, endpos)

    def __getstate__(self) -> tuple[str, ...]:
        return self.values  # a cached engine stores the phrases, not the compiled pattern

    def __setstate__(self, values: tuple[str, ...]) -> None:
        self.values = values
        self._compiled = None


@dataclass(frozen=True, slots=True)
class Filters:
    """Context a match must (or must not) have, judged within its sentence by default."""

    exceptions: Alternation | None = None
    near: Alternation | None = None
    unless: Alternation | None = None
    scope: str = "sentence"

    def allows(self, facts: TextFacts, start: int, end: int) -> bool:
        near, unless = self.near, self.unless
        if self.exceptions is None and near is None and unless is None:
            return True  # most phrase rules: no sentence to look up
        sentence = facts.sentence_at(start)  # looked up once for all three
        if self.exceptions is not None and _overlaps(self.exceptions, facts, sentence, start, end):
            return False
        if near is None and unless is None:
            return True
        if self.scope == "text":
            if near is not None and not _in_text(near, facts):
                return False
            return unless is None or not _in_text(unless, facts)
        if near is not None and not alike.present(near, facts, sentence):
            return False
        return unless is None or not alike.present(unless, facts, sentence)


def _in_text(pattern: Alternation, facts: TextFacts) -> bool:
    """Whether `pattern` matches anywhere in the text, searched once per check (every
    finding of a rule whose context is the whole post asks)."""
    key = ("in-text", id(pattern))
    found = facts.cache.get(key)
    if found is None:
        found = facts.cache[key] = pattern.search(facts.text, 0, len(facts.text)) is not None
    return cast("bool", found)


def _overlaps(pattern: Alternation, facts: TextFacts, sentence: Span, start: int, end: int) -> bool:
    """Whether any of `pattern`'s phrases overlaps `start`..`end` in its `sentence` (their
    matches there searched once per check for every finding, see `alike`)."""
    lo = sentence[0]
    start, end = start - lo, end - lo
    return any(
        found_start < end and start < found_end
        for found_start, found_end in alike.overlapping(pattern, facts, sentence)
    )


def _prefilter(anchors: tuple[str, ...] | None, facts: TextFacts) -> bool:
    if anchors is None:
        return True
    lower = facts.lower
    return any(a in lower for a in anchors)


@dataclass(frozen=True, slots=True)
class PhraseCheck:
    phrases: PhraseSet
    filters: Filters = field(default_factory=Filters)
    suggestions: tuple[str, ...] = ()

    def hits(self, ctx: Context) -> Iterator[Hit]:
        facts = ctx.facts
        for hit in self.phrases.hits(facts):
            start, end = hit.start, hit.end
            if self.filters.allows(facts, start, end) and not facts.in_entity(start, end):
                yield Hit(start, end, self.suggestions)


@dataclass(frozen=True, slots=True)
class SubstitutionCheck:
    """Phrase -> better wording; the hit's phrase position says which wording."""

    phrases: PhraseSet
    replacements: tuple[str, ...]
    filters: Filters = field(default_factory=Filters)

    def hits(self, ctx: Context) -> Iterator[Hit]:
        facts = ctx.facts
        for hit in self.phrases.hits(facts):
            start, end = hit.start, hit.end
            if not self.filters.allows(facts, start, end) or facts.in_entity(start, end):
                continue
            wording = self.replacements[hit.phrase]
            yield Hit(start, end, (match_case(facts.text[start:end], wording),))


@dataclass(frozen=True, slots=True)
class PatternCheck:
    pattern: LazyRegex
    anchors: tuple[str, ...] | None
    timeout: float
    filters: Filters = field(default_factory=Filters)
    suggestions: tuple[str, ...] = ()
    group: int | str = 0
    prefilter: re.Pattern[str] | None = None
    prefilter_needs: tuple[Need, ...] = ()  # what any prefilter match contains (`needs_of`)
    # What any match of the pattern itself contains (`regex_needs`): a pattern such as a
    # name then a diagnosis is tried at every capital of a post, on posts naming no illness.
    pattern_needs: tuple[Need, ...] = ()

    def hits(self, ctx: Context) -> Iterator[Hit]:
        facts = ctx.facts
        if not _prefilter(self.anchors, facts):
            return
        prefilter = self.prefilter
        # Cheapest first: what a prefilter match needs (most texts stop there), what a match
        # of the pattern needs, then the prefilter's search (a case-blind alternation such as
        # "11|tower|eleven|die" is tried at every position; its words are found far sooner).
        if prefilter is not None and not may_match(self.prefilter_needs, facts):
            return
        if not may_match(self.pattern_needs, facts):
            return
        if prefilter is not None and not found_in(prefilter, facts.text):
            return
        try:
            matches = list(self.pattern.get().finditer(facts.text, timeout=self.timeout))
        except TimeoutError as exc:
            raise PatternTimeoutError(str(exc)) from exc
        for match in matches:
            start, end = match.span(self.group)
            if start < 0 or start == end:
                continue
            if self.filters.allows(facts, start, end) and not facts.in_entity(start, end):
                yield Hit(start, end, self.suggestions)


def _exclamations(facts: TextFacts) -> list[Span]:
    return [(m.start(), m.end()) for m in re.finditer("!", facts.text)]


def _caps_words(facts: TextFacts) -> list[Span]:
    text = facts.text
    return [
        (s, e)
        for s, e in facts.words
        if e - s >= 2 and text[s:e].isupper() and not facts.in_entity(s, e)
    ]


COUNTABLES: dict[str, Callable[[TextFacts], list[Span]]] = {
    "hashtags": lambda f: f.hashtags,
    "links": lambda f: f.urls,
    "mentions": lambda f: f.mentions,
    "emoji": lambda f: f.emoji,
    "exclamations": _exclamations,
    "caps_words": _caps_words,
}


@dataclass(frozen=True, slots=True)
class CountCheck:
    """Too many of something: flags from the first item past `max` to the last one."""

    what: str
    maximum: int

    def hits(self, ctx: Context) -> Iterator[Hit]:
        items = COUNTABLES[self.what](ctx.facts)
        if len(items) > self.maximum:
            yield Hit(items[self.maximum][0], items[-1][1])


_NOT_CAPITAL = compile_cached(r"[^A-Z\u00c0-\u00de]+")
# The bank-product disclosure is required wording, customarily in capitals: not shouting.
_REQUIRED_CAPS = compile_cached(
    r"NOT (?:A DEPOSIT|FDIC[- ]INSURED|BANK[- ]GUARANTEED|GUARANTEED BY (?:THE|ANY) BANK"
    r"|INSURED BY ANY FEDERAL (?:GOVERNMENT )?AGENCY)|MAY (?:GO DOWN IN|LOSE) VALUE"
    # Discount medical plans must say so in bold capitals (state discount plan laws).
    r"|THIS (?:DISCOUNT )?(?:MEDICAL )?(?:PLAN|PROGRAM) IS NOT (?:HEALTH )?INSURANCE"
)
_NOT_LETTER = compile_cached(r"[\W\d_]+")


def _set_apart(facts: TextFacts, required: list[Span], start: int, end: int) -> bool:
    """Whether a word is no part of the writer's own voice for shouting: inside a link, tag
    or mention, or inside required wording customarily in capitals."""
    return facts.in_entity(start, end) or any(a <= start and end <= b for a, b in required)


@dataclass(frozen=True, slots=True)
class CapsShareCheck:
    """Shouting: the share of letters in capitals over a threshold, in words of 2+ letters."""

    threshold: float
    min_letters: int

    def hits(self, ctx: Context) -> Iterator[Hit]:
        facts = ctx.facts
        text = facts.text
        capitals = len(_NOT_CAPITAL.sub("", text))
        if capitals < self.min_letters * self.threshold:
            return
        entity_letters = sum(e - s for spans in (facts.urls, facts.hashtags, facts.mentions)
                             for s, e in spans)  # fmt: skip
        # Every word holds a letter, and a word inside an entity at least one of its
        # characters: the words less the entities' characters are a floor on the letters
        # outside them, known without a pass over the words. Most posts stop here.
        least = len(facts.words) - entity_letters
        if least > 0 and capitals / least <= self.threshold:
            return
        # Every letter lies in a word, and words hold nothing but letters and apostrophes:
        # their lengths less every apostrophe is a closer floor, still found without
        # going over the text letter by letter. Far enough below the share, that is all.
        least = sum(starmap(int.__rsub__, facts.words)) - text.count("'") - text.count("’")
        least -= entity_letters
        if least > 0 and capitals / least <= self.threshold:
            return
        all_letters = len(_NOT_LETTER.sub("", text)) - entity_letters
        if all_letters <= 0 or capitals / all_letters <= self.threshold:
            return
        letters = upper = 0
        required = [m.span() for m in _REQUIRED_CAPS.finditer(text)]
        for s, e in facts.words:
            if _set_apart(facts, required, s, e):
                continue
            word = text[s:e]
            letters += len(word)
            if word.isupper() and len(word) > 1:
                upper += len(word)
        if letters >= self.min_letters and upper / letters > self.threshold:
            caps = _caps_words(facts)
            yield Hit(caps[0][0], caps[-1][1])


# Two or more words in capitals with nothing but non-letters between them: the only places a
# shouted line can be, found by one scan so that the words are looked at there alone.
_CAPS_PAIR = compile_cached(r"[A-Z]{2,}[ \t]+(?:[A-Z]{2}|[AI]\b)")
_CAPS_STRETCH = compile_cached(r"\b[A-Z][A-Z'’]*\b(?:[^A-Za-z]+\b[A-Z][A-Z'’]*\b)+")


@dataclass(frozen=True, slots=True)
class CapsRunCheck:
    """One shouted line: `min_words` words in a row in capitals (counting "A" and "I", as
    the style rule on two to four such words does) inside a post that is not mostly
    capitals, which the share over the whole post does not notice. Required capitals and
    links break the run."""

    min_words: int

    def hits(self, ctx: Context) -> Iterator[Hit]:
        facts = ctx.facts
        text = facts.text
        if _CAPS_PAIR.search(text) is None:
            return  # not two words in capitals side by side: most posts stop here
        words = facts.words
        required: list[Span] | None = None
        for stretch in _CAPS_STRETCH.finditer(text):
            if stretch.end() - stretch.start() < 2 * self.min_words:
                continue  # too short to hold the run
            if required is None:
                required = [m.span() for m in _REQUIRED_CAPS.finditer(text)]
            run: list[Span] = []
            i = bisect_left(words, stretch.start(), key=itemgetter(0))
            while i < len(words) and words[i][0] < stretch.end():
                s, e = words[i]
                i += 1
                if not _set_apart(facts, required, s, e) and text[s:e].isupper():
                    run.append((s, e))
                    continue
                if len(run) >= self.min_words:
                    yield Hit(run[0][0], run[-1][1])
                run = []
            if len(run) >= self.min_words:
                yield Hit(run[0][0], run[-1][1])


@dataclass(frozen=True, slots=True)
class RequiredCheck:
    """Something that must be present, such as the profile's disclosure.

    `source` is `profile.<field>` or a literal text; `pattern` recognises the requirement
    met in other words. With only a source, an empty profile field means the requirement is
    unknown and the rule stays quiet; with a pattern too, the rule still speaks (without a
    fix) when neither is found.
    """

    source: str | None
    pattern: LazyRegex | None
    suggestions_from_source: bool = True

    def hits(self, ctx: Context) -> Iterator[Hit]:
        facts = ctx.facts
        required = self._required_text(ctx.profile)
        if self.pattern is not None:
            if self._pattern_found(facts):
                return
            if not required:
                if self.source is None or self.source.startswith("profile."):
                    yield Hit(None, None)
                return
        if not required:
            return
        if _normalise(required) in _normalise(facts.text):
            return
        if self.source == "profile.disclosure" and _has_name_and_license(ctx.profile, facts):
            return
        if self.source == "profile.license_number" and _disclosure_carries(ctx.profile, required):
            return  # the disclosure rule asks for the disclosure, licence number and all
        yield Hit(None, None, (required,) if self.suggestions_from_source else ())

    def _pattern_found(self, facts: TextFacts) -> bool:
        assert self.pattern is not None
        if self.pattern.surely_in(facts.text):
            return True
        try:
            return self.pattern.get().search(facts.text, timeout=0.05) is not None
        except TimeoutError as exc:
            raise PatternTimeoutError(str(exc)) from exc

    def _required_text(self, profile: Profile | None) -> str:
        if self.source is None:
            return ""
        if self.source.startswith("profile."):
            if profile is None:
                return ""
            return str(getattr(profile, self.source.removeprefix("profile."), "") or "")
        return self.source


_NOISE = compile_cached(r"[\s.,;:#()\"'’-]+")


def _normalise(text: str) -> str:
    return _NOISE.sub(" ", text.casefold()).strip()


def _disclosure_carries(profile: Profile | None, licence: str) -> bool:
    """Whether the profile's disclosure holds the licence number: one card, not two."""
    return profile is not None and _normalise(licence) in _normalise(profile.disclosure)


def _has_name_and_license(profile: Profile | None, facts: TextFacts) -> bool:
    """A post naming the agent and their license number carries the disclosure's substance."""
    if profile is None or not profile.name or not profile.license_number:
        return False
    text = _normalise(facts.text)
    return _normalise(profile.name) in text and _normalise(profile.license_number) in text
