"""Rule-pack phrases, parsed once into a small tree from which everything else is derived.

Agents write "guarantees", "Guaranteed!" and "no-cost" as often as the plain forms, so a
phrase matches case-insensitively, with common English inflections of each word and with
any run of spaces, hyphens, quotes or commas between words. Phrase syntax:

- `word*`      any word starting with `word` (`invest*` matches invests, investment);
- `(a|b|c)`    one word slot with alternatives (each alternative may itself end in `*`);
- `(a|b)?`     an optional slot (`word?` makes one word optional);
- `~`          up to six other words in between, within one sentence;
- `#` / `$`    a digit / an amount such as `$100` or `100 dollars` (`$` slot);
- `'`          matches both straight and curly apostrophes.

`parse` turns a phrase into a `Phrase` (slots of alternatives of words, and gaps). The regex
source, the word index's keys, the word list and the coverage report's alternatives all come
from that one tree, so they cannot disagree about what a phrase says.

Generated patterns contain no nested quantifiers, so the standard `re` module is safe
here; only hand-written `pattern` rules go through `regex` with a timeout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

_SEP = r"[^\w.!?\n]+"
_GAP_RUN = r"(?:[^\w.!?\n]+[\w'’$%-]+){0,6}"  # up to six words, each after a separator
_GAP = _GAP_RUN + _SEP
_AMOUNT = (
    r"(?:\$\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|million|thousand|grand)\b)?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:dollars|bucks))"
)
_VOWELS = set("aeiou")
_APOSTROPHE = re.compile("['’]")
_TOKEN = re.compile(r"\([^)]*\)\??|\S+")
_SPLIT = re.compile(r"[\s-]+")
_LEADING_LETTERS = re.compile(r"[^\W\d_]+")

Option = tuple[str, ...]  # the words of one alternative, lower case, `*` kept


@dataclass(frozen=True, slots=True)
class Slot:
    """One word position: alternatives of one or more words, possibly optional.

    `grouped` is whether it was written in parentheses, which only changes the regex's shape.
    """

    options: tuple[Option, ...]
    optional: bool = False
    grouped: bool = False

    def source(self) -> str:
        if not self.grouped:
            return _word(self.options[0][0])
        return "(?:" + "|".join(_shared_endings(self.options)) + ")"


def _only(slot: Slot, letter: str) -> Slot:
    """The slot with only its options whose first word begins with `letter`."""
    return replace(slot, options=tuple(o for o in slot.options if o[0][:1] == letter))


GAP = None  # `~` in a phrase's items
GAP_WORDS = 7  # words a gap may span, counted as the word index counts them (with margin)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A parsed phrase: slots and gaps in order, and whether each end is a word edge."""

    text: str
    items: tuple[Slot | None, ...]
    lead: bool  # a match may not begin inside a word
    tail: bool  # nor end inside one

    @property
    def slots(self) -> list[Slot]:
        return [item for item in self.items if item is not None]

    def source(self) -> str:
        """The regular-expression source (no flags, no anchors)."""
        parts: list[str] = []
        joiner: str | None = None  # None: nothing before; "": an optional lead already ate it
        for item in self.items:
            if item is None:
                joiner = _GAP
                continue
            source = item.source()
            if joiner is None:
                parts.append(f"(?:{source}{_SEP})?" if item.optional else source)
                joiner = "" if item.optional else _SEP
            elif item.optional and joiner == _GAP:  # the gap stays when the slot is left out
                parts.append(f"{_GAP_RUN}(?:{_SEP}{source})?")
                joiner = _SEP
            else:
                parts.append(f"(?:{joiner}{source})?" if item.optional else joiner + source)
                joiner = _SEP
        lead = r"(?<![\w$])" if self.lead else ""
        # "$0" is not the start of "$0.75", nor "#1" of "1,000"
        tail = r"(?!\w|[.,]\d)" if self.tail else ""
        return lead + "".join(parts) + tail

    def words(self) -> list[str]:
        """The literal words, lower case, without apostrophes; a stem keeps its `*`."""
        return [
            word.replace("'", "").replace("’", "")
            for slot in self.slots
            for option in slot.options
            for word in option
            if word.replace("'", "").replace("’", "").rstrip("*").isalpha()
        ]

    def start_keys(self, length: int) -> set[tuple[str, bool]] | None:
        """How to find where a match can start: (key, exact) pairs for its first word.

        A first word whose leading letters number `length` or more is keyed by its first
        `length` letters (matched as a prefix of a text word); a shorter one such as "a" or
        "no" must equal the text word's leading letters (`exact`). None when a match may
        start with something other than a letter (a digit, an amount, a symbol): such
        phrases are searched across the whole text instead.
        """
        keys: set[tuple[str, bool]] = set()
        for item in self.items:
            if item is None:
                return None
            for option in item.options:
                letters = _LEADING_LETTERS.match(option[0])
                if letters is None:
                    return None
                run = letters.group()
                if len(run) >= length:
                    keys.add((run[:length], False))
                elif option[0] == run + "*":
                    return None  # a short prefix such as "ab*": rare, search the text
                else:
                    keys.add((run, True))
            if not item.optional:
                return keys
        return keys or None

    def by_first_letter(self) -> dict[str, str] | None:
        """For each letter a match may begin with (lower case), the regex source of the
        matches that begin with it: only the first slot's options starting with the letter,
        in their order (the whole phrase when the first slot is optional). None when the
        first letter cannot be said (a digit, an amount, an apostrophe, a gap)."""
        letters: set[str] = set()
        for item in self.items:
            if item is None:
                return None  # after optional slots, a gap: the match may begin with a space
            letters.update(option[0][:1] for option in item.options)
            if not item.optional:
                break
        else:
            return None  # every slot optional
        if not all("a" <= letter <= "z" for letter in letters):
            return None
        first = self.items[0]
        if first is None or first.optional or len(letters) == 1:
            return dict.fromkeys(sorted(letters), self.source())
        return {
            letter: replace(self, items=(_only(first, letter), *self.items[1:])).source()
            for letter in sorted(letters)
        }

    def second_keys(self, length: int) -> frozenset[str] | None:
        """Keys the word after the first must match, or None when that cannot be said.

        Prefix keys are the first `length` letters; exact keys carry a leading "=". For a
        first option of several words ("your policy") it is that option's second word;
        otherwise the next slot's words. None after an optional slot, a gap or a non-letter.
        """
        first = self.items[0]
        if first is None or first.optional:
            return None
        following: set[str] | None = None
        keys: set[str] = set()
        for option in first.options:
            if len(option) > 1:
                key = _word_key(option[1], length)
                if key is None:
                    return None
                keys.add(key)
                continue
            if following is None:
                following = _slot_key_set(self.items[1] if len(self.items) > 1 else None, length)
                if following is None:
                    return None
            keys |= following
        return frozenset(keys) or None

    def near_keys(self, length: int) -> tuple[frozenset[str], int] | None:
        """The next required slot's keys, and within how many words after the first word it
        must begin: a cheap test for phrases whose second word cannot be said (an optional
        slot or a gap in between), so "(your|the) (home)? policy" is not tried at every "the".
        None when nothing useful can be said.
        """
        first = self.items[0]
        if first is None or first.optional:
            return None
        reach = max(len(option) for option in first.options)
        for item in self.items[1:]:
            if item is None:
                reach += GAP_WORDS
                continue
            if item.optional:
                reach += max(len(option) for option in item.options)
                continue
            keys = _slot_key_set(item, length)
            return (frozenset(keys), reach) if keys else None
        return None

    def slot_keys(self, length: int) -> list[frozenset[str]]:
        """For each required slot, the keys one of which a text must contain to match.

        A text lacking every key of any slot cannot match, so the phrase is skipped for it
        without running its regex. Slots that may start with a non-letter add no constraint.
        """
        required: list[frozenset[str]] = []
        for slot in self.slots:
            if slot.optional:
                continue
            keys: set[str] = set()
            for option in slot.options:
                letters = _LEADING_LETTERS.match(option[0])
                if letters is None or (len(letters.group()) < length and option[0].endswith("*")):
                    keys = set()
                    break
                run = letters.group()
                keys.add(run[:length] if len(run) >= length else "=" + run)
            if keys:
                required.append(frozenset(keys))
        return required

    def starts_with_number(self) -> bool:
        """Whether every match begins with a digit, `$` or `#` (found via number positions)."""
        first = self.items[0]
        if first is None or first.optional:
            return False
        return all(option[0][:1] in "$#0123456789" for option in first.options)

    def number_starts(self) -> tuple[frozenset[str], bool]:
        """The characters a phrase that begins with a number may begin with, and whether any
        digit may begin it: `#` is a digit, `$` an amount ("$100" or "100 dollars"), any
        other first word itself ("100%", "#1")."""
        first = self.items[0]
        assert first is not None  # `starts_with_number` says so
        chars: set[str] = set()
        any_digit = False
        for option in first.options:
            word = option[0]
            if word in ("#", "$"):
                any_digit = True
                if word == "$":
                    chars.add("$")
            else:
                chars.add(word[:1])
        return frozenset(chars), any_digit

    def alternatives(self) -> Iterator[tuple[str, Phrase]]:
        """Each alternative of each slot, as (label, this phrase with only that alternative).

        A phrase without alternatives is one alternative: itself. An optional slot's
        alternative counts only when present, so its narrowed phrase makes it required.
        """
        found = False
        for index, item in enumerate(self.items):
            if item is None or (len(item.options) == 1 and not item.optional):
                continue
            for option in item.options:
                found = True
                only = replace(item, options=(option,), optional=False)
                items = (*self.items[:index], only, *self.items[index + 1 :])
                yield " ".join(option), replace(self, items=items)
        if not found:
            yield self.text, self


def _word_key(word: str, length: int) -> str | None:
    letters = _LEADING_LETTERS.match(word)
    if letters is None:
        return None
    run = letters.group()
    if len(run) >= length:
        return run[:length]
    return None if word.endswith("*") else "=" + run


def _slot_key_set(item: Slot | None, length: int) -> set[str] | None:
    if item is None or item.optional:
        return None
    keys: set[str] = set()
    for option in item.options:
        key = _word_key(option[0], length)
        if key is None:
            return None
        keys.add(key)
    return keys


@cache
def split_first_slot(phrase: str) -> list[str]:
    """One phrase per kind of first word: "(first|1st|one) month" -> "(first|one) month",
    "(1st) month". Options led by letters can then be found through the word index and
    only the others need the slower search by number positions or over the whole text.
    """
    tokens = _tokens(phrase)
    if not tokens or not tokens[0].startswith("(") or tokens[0].endswith("?"):
        return [phrase]
    options = [o for o in tokens[0][1:-1].split("|") if o.strip()]
    letters = [o for o in options if _LEADING_LETTERS.match(o.strip()) and not _short_stem(o)]
    others = [o for o in options if o not in letters]
    # Options of several words ("the government") know their second word, single words
    # ("fema") do not: apart, the index can key the first kind by both words.
    several = [o for o in letters if len(_SPLIT.split(o.strip())) > 1]
    single = [o for o in letters if o not in several]
    groups = [g for g in (single, several, others) if g]
    if len(groups) < 2:
        return [phrase]
    rest = " ".join(tokens[1:])
    return [f"({'|'.join(group)}) {rest}".strip() for group in groups]


def _short_stem(option: str) -> bool:
    first = _SPLIT.split(option.strip())[0]
    run = _LEADING_LETTERS.match(first)
    return run is not None and len(run.group()) < 3 and first == run.group() + "*"


def parse(phrase: str) -> Phrase:
    """Parse a phrase; a ValueError says what is wrong with it."""
    tokens = _tokens(phrase)
    if not tokens:
        raise ValueError("empty phrase")
    if tokens[0] == "~":
        raise ValueError(f"phrase cannot start with '~': {phrase!r}")
    if tokens[-1] == "~":
        raise ValueError(f"phrase cannot end with '~': {phrase!r}")
    items: list[Slot | None] = []
    for token in tokens:
        if token == "~":
            items.append(GAP)
            continue
        optional = len(token) > 1 and token.endswith("?")
        body = token[:-1] if optional else token
        grouped = body.startswith("(") and body.endswith(")")
        inner = body[1:-1] if grouped else body
        if "(" in inner or ")" in inner:
            raise ValueError(
                f"parentheses cannot nest or stand inside a word in {phrase!r}: "
                "write each alternative out, or split the phrase in two"
            )
        if grouped:
            split = (
                tuple(p for p in _SPLIT.split(option) if p) for option in body[1:-1].split("|")
            )
            options = tuple(option for option in split if option)
            if not options:
                raise ValueError(f"empty slot in {phrase!r}")
            items.append(Slot(options, optional, grouped=True))
        else:
            items.append(Slot(((body,),), optional))
    lead = _starts_wordlike(tokens[0])
    tail = _ends_wordlike(tokens[-1].rstrip("?"))
    return Phrase(phrase, tuple(items), lead, tail)


def inflect(word: str) -> str:
    """A pattern for `word` and its usual inflections (plurals, -ed, -ing, possessive)."""
    stem, ending = inflection_parts(word)
    return stem + ending


def inflection_parts(word: str) -> tuple[str, str]:
    """`inflect`'s pattern in two parts: the word's own letters and the endings it takes
    (`heads` reads which letters a word can then have from these)."""
    if word.endswith("*"):
        stem = word[:-1]
        if stem.endswith("y") and len(stem) > 2 and stem[-2] not in _VOWELS:
            return _literal(stem[:-1]) + "[yi]", r"\w*"  # deny* -> denies, denied
        if stem.endswith("e") and len(stem) > 4:
            return _literal(stem[:-1]), r"\w*"  # promise* -> promising
        return _literal(stem), r"\w*"
    if not word.isalpha() or len(word) <= 3:
        return (_literal(word), r"(?:['’]?s)?") if word.isalpha() else (_literal(word), "")
    if word.endswith("y") and word[-2] not in _VOWELS:
        return _literal(word[:-1]), r"(?:y|ies|ied|ying)"
    if word.endswith("e"):
        return _literal(word[:-1]), r"(?:e|es|ed|er|ers|ing|e['’]s)"
    return _literal(word), r"(?:s|es|ed|ing|['’]s|e?d)?"


def _shared_endings(options: tuple[Option, ...]) -> list[str]:
    """A slot's alternatives, neighbours of one word that take the same endings written
    as one group: `(?:will|must)(?:s|es|...)?` rather than the endings once per word.

    The regex engine tries the same things in the same order either way, so the matches
    are the same; the pattern is a fraction of the size and compiles that much faster
    (compiling is most of what a fresh `composer check` process spends on the rules).
    """
    out: list[str] = []
    stems: list[str] = []
    ending: str | None = None
    for option in options:
        word = option[0]
        single = len(option) == 1 and word not in ("#", "$")
        parts = inflection_parts(word) if single else None
        if parts is not None and parts[1] == ending:
            stems.append(parts[0])
            continue
        if stems:
            out.append(_group(stems, ending or ""))
        if parts is None:
            stems, ending = [], None
            out.append(_SEP.join(_word(w) for w in option))
        else:
            stems, ending = [parts[0]], parts[1]
    if stems:
        out.append(_group(stems, ending or ""))
    return out


def _group(stems: list[str], ending: str) -> str:
    return stems[0] + ending if len(stems) == 1 else "(?:" + "|".join(stems) + ")" + ending


def _literal(text: str) -> str:
    return _APOSTROPHE.sub("['’]", re.escape(text))


def _word(word: str) -> str:
    if word == "#":
        return r"\d+"
    if word == "$":
        return _AMOUNT
    return inflect(word)


def _tokens(phrase: str) -> list[str]:
    """Split on spaces, and on hyphens outside `(a|b)` slots so "no-cost" = "no cost"."""
    tokens: list[str] = []
    for token in _TOKEN.findall(phrase.strip().lower()):
        if token.startswith("(") or len(token) == 1:
            tokens.append(token)
        else:
            tokens.extend(part for part in token.split("-") if part)
    return tokens


def _starts_wordlike(token: str) -> bool:
    return token[:1].isalnum() or token[:1] in "(#$"


def _ends_wordlike(token: str) -> bool:
    return token[-1:].isalnum() or token[-1:] in ")#$*"


def phrase_pattern(phrase: str) -> str:
    """Compile one phrase into a regular-expression source (no flags, no anchors)."""
    return parse(phrase).source()
