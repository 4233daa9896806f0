"""Turn rule-pack phrases into fast, forgiving regular expressions.

Agents write "guarantees", "Guaranteed!" and "no-cost" as often as the plain forms, so a
phrase matches case-insensitively, with common English inflections of each word and with
any run of spaces, hyphens, quotes or commas between words. Phrase syntax:

- `word*`      any word starting with `word` (`invest*` matches invests, investment);
- `(a|b|c)`    one word slot with alternatives (each alternative may itself end in `*`);
- `~`          up to four other words in between, within one sentence;
- `#` / `$`    a digit / an amount such as `$100` or `100 dollars` (`$` slot);
- `'`          matches both straight and curly apostrophes.

Generated patterns contain no nested quantifiers, so the standard `re` module is safe
here; only hand-written `pattern` rules go through `regex` with a timeout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SEP = r"[^\w.!?\n]+"
_GAP = r"(?:[^\w.!?\n]+[\w'’$%-]+){0,6}[^\w.!?\n]+"
_AMOUNT = (
    r"(?:\$\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|million|thousand|grand)\b)?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:dollars|bucks))"
)
_VOWELS = set("aeiou")
_APOSTROPHE = re.compile("['’]")
_TOKEN = re.compile(r"\([^)]*\)\??|\S+")
_SPLIT = re.compile(r"[\s-]+")
_LEADING_LETTERS = re.compile(r"[^\W\d_]+")


def inflect(word: str) -> str:
    """A pattern for `word` and its usual inflections (plurals, -ed, -ing, possessive)."""
    if word.endswith("*"):
        stem = word[:-1]
        if stem.endswith("y") and len(stem) > 2 and stem[-2] not in _VOWELS:
            return _literal(stem[:-1]) + r"[yi]\w*"  # deny* -> denies, denied
        if stem.endswith("e") and len(stem) > 4:
            return _literal(stem[:-1]) + r"\w*"  # promise* -> promising
        return _literal(stem) + r"\w*"
    if not word.isalpha() or len(word) <= 3:
        return _literal(word) + r"(?:['’]?s)?" if word.isalpha() else _literal(word)
    if word.endswith("y") and word[-2] not in _VOWELS:
        return _literal(word[:-1]) + r"(?:y|ies|ied|ying)"
    if word.endswith("e"):
        return _literal(word[:-1]) + r"(?:e|es|ed|er|ers|ing|e['’]s)"
    return _literal(word) + r"(?:s|es|ed|ing|['’]s|e?d)?"


def _literal(text: str) -> str:
    return _APOSTROPHE.sub("['’]", re.escape(text))


def _word(word: str) -> str:
    if word == "#":
        return r"\d+"
    if word == "$":
        return _AMOUNT
    return inflect(word)


def _slot(token: str) -> str:
    if token.startswith("(") and token.endswith(")"):
        options = [
            _SEP.join(_word(part) for part in _SPLIT.split(option) if part)
            for option in token[1:-1].split("|")
            if option.strip()
        ]
        return "(?:" + "|".join(options) + ")"
    return _word(token)


def phrase_pattern(phrase: str) -> str:
    """Compile one phrase into a regular-expression source (no flags, no anchors).

    A slot ending in `?` is optional: `(my|our)? commission` matches "commission" too.
    """
    tokens = _tokens(phrase)
    if not tokens:
        raise ValueError("empty phrase")
    parts: list[str] = []
    joiner: str | None = None  # None: nothing before; "" : optional lead already ate it
    for token in tokens:
        if token == "~":
            if joiner is None:
                raise ValueError(f"phrase cannot start with '~': {phrase!r}")
            joiner = _GAP
            continue
        optional = len(token) > 1 and token.endswith("?")
        source = _slot(token[:-1] if optional else token)
        if joiner is None:
            parts.append(f"(?:{source}{_SEP})?" if optional else source)
            joiner = "" if optional else _SEP
        else:
            parts.append(f"(?:{joiner}{source})?" if optional else joiner + source)
            joiner = _SEP
    if joiner == _GAP:
        raise ValueError(f"phrase cannot end with '~': {phrase!r}")
    body = "".join(parts)
    first, last = tokens[0], tokens[-1]
    lead = r"(?<![\w$])" if _starts_wordlike(first) else ""
    tail = r"(?!\w)" if _ends_wordlike(last.rstrip("?")) else ""
    return lead + body + tail


def _tokens(phrase: str) -> list[str]:
    """Split on spaces, and on hyphens outside `(a|b)` slots so "no-cost" = "no cost"."""
    tokens: list[str] = []
    for token in _TOKEN.findall(phrase.strip().lower()):
        if token.startswith("(") or len(token) == 1:
            tokens.append(token)
        else:
            tokens.extend(part for part in token.split("-") if part)
    return tokens


def phrase_words(phrase: str) -> list[str]:
    """The literal words of a phrase, lower case; a stem keeps its trailing `*`."""
    words: list[str] = []
    for token in _tokens(phrase):
        slot = token[:-1] if len(token) > 1 and token.endswith("?") else token
        options = slot[1:-1].split("|") if slot.startswith("(") else [slot]
        for option in options:
            for word in _SPLIT.split(option.strip()):
                letters = word.replace("'", "").replace("’", "").rstrip("*")
                if letters.isalpha():
                    words.append(word.replace("'", "").replace("’", ""))
    return words


def _starts_wordlike(token: str) -> bool:
    return token[:1].isalnum() or token[:1] in "(#$"


def _ends_wordlike(token: str) -> bool:
    return token[-1:].isalnum() or token[-1:] in ")#$*"


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive alternation for a list of phrases, longest first."""
    sources = sorted({phrase_pattern(p) for p in phrases}, key=len, reverse=True)
    return re.compile("|".join(f"(?:{s})" for s in sources), re.IGNORECASE)


def start_keys(phrase: str, length: int) -> set[tuple[str, bool]] | None:
    """How to find where a match can start: (key, exact) pairs for its first word.

    A first word whose leading letters number `length` or more is keyed by its first
    `length` letters (matched as a prefix of a text word); a shorter one such as "a" or
    "no" must equal the text word's leading letters (`exact`). None when a match may start
    with something other than a letter (a digit, an amount, a symbol): such phrases are
    searched across the whole text instead.
    """
    keys: set[tuple[str, bool]] = set()
    for token in _tokens(phrase):
        optional = len(token) > 1 and token.endswith("?")
        slot = token[:-1] if optional else token
        options = slot[1:-1].split("|") if slot.startswith("(") else [slot]
        for option in options:
            words = [w for w in _SPLIT.split(option.strip()) if w]
            if not words:
                continue
            letters = _LEADING_LETTERS.match(words[0])
            if letters is None:
                return None
            run = letters.group()
            if len(run) >= length:
                keys.add((run[:length], False))
            elif words[0] == run + "*":
                return None  # a short prefix such as "ab*": rare, search the text
            else:
                keys.add((run, True))
        if not optional:
            return keys
    return keys or None


def second_keys(phrase: str, length: int) -> frozenset[str] | None:
    """Keys the word after the first must match, or None when that cannot be said.

    Prefix keys are the first `length` letters; exact keys carry a leading "=". For a
    first option of several words ("your policy") it is that option's second word;
    otherwise the next slot's words. None after an optional slot, a gap or a non-letter.
    """
    tokens = _tokens(phrase)
    if not tokens or tokens[0].endswith("?"):
        return None
    first = tokens[0]
    following: set[str] | None = None
    keys: set[str] = set()
    for option in first[1:-1].split("|") if first.startswith("(") else [first]:
        words = [w for w in _SPLIT.split(option.strip()) if w]
        if len(words) > 1:
            key = _word_key(words[1], length)
            if key is None:
                return None
            keys.add(key)
            continue
        if following is None:
            following = _slot_key_set(tokens[1] if len(tokens) > 1 else "~", length)
            if following is None:
                return None
        keys |= following
    return frozenset(keys) or None


def _word_key(word: str, length: int) -> str | None:
    letters = _LEADING_LETTERS.match(word)
    if letters is None:
        return None
    run = letters.group()
    if len(run) >= length:
        return run[:length]
    return None if word.endswith("*") else "=" + run


def _slot_key_set(token: str, length: int) -> set[str] | None:
    if token == "~" or (token.endswith("?") and len(token) > 1):
        return None
    keys: set[str] = set()
    for option in token[1:-1].split("|") if token.startswith("(") else [token]:
        words = [w for w in _SPLIT.split(option.strip()) if w]
        key = _word_key(words[0], length) if words else None
        if key is None:
            return None
        keys.add(key)
    return keys


def starts_with_number(phrase: str) -> bool:
    """Whether every match begins with a digit, `$` or `#` (found via number positions)."""
    tokens = _tokens(phrase)
    if not tokens or tokens[0].endswith("?"):
        return False
    first = tokens[0]
    options = first[1:-1].split("|") if first.startswith("(") else [first]
    return all(o.strip()[:1] in "$#0123456789" and o.strip() for o in options)


def slot_keys(phrase: str, length: int) -> list[frozenset[str]]:
    """For each required word slot, the keys one of which a text must contain to match.

    A text lacking every key of any slot cannot match, so the phrase is skipped for it
    without running its regex. Slots that may start with a non-letter add no constraint.
    """
    required: list[frozenset[str]] = []
    for token in _tokens(phrase):
        if token == "~" or (token.endswith("?") and len(token) > 1):
            continue
        options = token[1:-1].split("|") if token.startswith("(") else [token]
        keys: set[str] = set()
        for option in options:
            words = [w for w in _SPLIT.split(option.strip()) if w]
            letters = _LEADING_LETTERS.match(words[0]) if words else None
            if letters is None or (len(letters.group()) < length and words[0].endswith("*")):
                keys = set()
                break
            run = letters.group()
            keys.add(run[:length] if len(run) >= length else "=" + run)
        if keys:
            required.append(frozenset(keys))
    return required
