"""One pass over a text's words finds every phrase of every rule.

Running each rule's alternation over the whole text costs about a millisecond per rule on a
3,000-character post. Instead, every phrase is keyed by the first letters of the words it
can start with; a single walk over the text's words looks those keys up and tries only the
few phrases that could start there, anchored at that word. Phrases that start with a digit,
an amount or a symbol are rare and are searched the ordinary way.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, repeat
from typing import Any, NamedTuple, cast

from composer.guidelines import phrases
from composer.guidelines.facts import TextFacts
from composer.guidelines.first_tables import FirstTables, keys_text
from composer.guidelines.heads import StartHeads, begins_at, start_heads
from composer.guidelines.key_bits import KeyBits
from composer.guidelines.lazy_pattern import LazyPattern
from composer.guidelines.phrase_set import PhraseSet
from composer.guidelines.prefilter import Need, may_match, needs_of
from composer.guidelines.regex_cache import compile_cached

KEY_LENGTH = 3
# A digit, "$" or "#" after no word character, "$" or "#" (that test written after the
# character, so the pattern engine skips ahead to those characters: 3x quicker).
_NUMBER_START = re.compile(r"[$#\d](?<![\w$#][$#\d])")


class PhraseHit(NamedTuple):
    """A phrase found in a text (a named tuple: a long text has many, made quickly)."""

    start: int
    end: int
    phrase: int  # index of the phrase within its PhraseSet


# (set, position, pattern, second keys, slot keys, near keys, the heads a match can
# begin at: see `heads.start_heads`)
Entry = tuple[
    int,
    int,
    LazyPattern,
    "frozenset[str] | None",
    "list[frozenset[str]]",
    "tuple[frozenset[str], int] | None",
    "StartHeads | None",
]

# What the index keeps per word pair holds only numbers and text, never the objects they
# stand for (see `WordIndex._number`): the collector then leaves it alone. Kept for tens of
# thousands of pairs, objects in it made each of its full passes several times slower.
# (set, position, pattern, near or -1, slots): tried where its first two words are, when
# `near` holds there and the text as a whole has a word for each of its slots (see `scan`):
# each slot as the bits of its keys (see `key_bits`), so one `&` asks it of a text.
_Candidate = tuple[int, int, int, int, tuple[int, ...]]
# What a pair tries at each of its words, split for the loop in `scan`: (pattern, set,
# position) for phrase sets whose candidates there need no `near` test (compiled: each one
# runs wherever the pair is), and (set, position, pattern, near or -1) for the other sets'
# candidates in their order.
_Plain = tuple[tuple[int, int, int], ...]
_General = tuple[tuple[int, int, int, int], ...]
# The deferred sets' candidates there (see `WordIndex.defer`): each set with its own
# (position, pattern, near or -1), in their order.
_Later = tuple[tuple[int, tuple[tuple[int, int, int], ...]], ...]
_Tried = tuple[_Plain, _General, _Later]
# A pair's candidates, every key their slots need (less those the pair's own two words
# supply) as one number (each key's bit, see `key_bits`), and (by the bits of them a
# text has, and the sets left unread as their number) what it tries there.
_Pair = tuple[tuple[_Candidate, ...], int, dict[int | tuple[int, int], _Tried]]
# The phrases that begin with a number and may begin with one character, and the `match` of
# their alternation (None for one phrase or none).
_Numeric = tuple[
    "Callable[[str, int], re.Match[str] | None] | None",
    list[tuple[int, int, "LazyPattern"]],
]
_PAIRS_KEPT = 50_000  # word pairs whose candidates an index keeps between texts
_KEY_SETS_KEPT = 16  # key sets a pair keeps its candidates for
_KEYS_KEPT = 200_000  # distinct word heads whose key an index keeps between texts


class _Keys(dict[str, str]):
    """A word head's key (its first letters, or "=" and the whole of a short one), worked
    out once per distinct head: a text's keys are then looked up in C, not sliced in Python."""

    def __missing__(self, head: str) -> str:
        key = self[head] = head[:KEY_LENGTH] if len(head) >= KEY_LENGTH else "=" + head
        return key


class WordIndex:
    """Shared by every PhraseSet built for one engine; scans each text once."""

    def __init__(self) -> None:
        # Words of three letters or more are looked up by their first three letters;
        # shorter ones ("a", "no", "my") must be the whole word, or every word starting
        # with "a" would try every phrase starting with "a". Each entry also knows the
        # keys its second word may have, so most candidates are dismissed without a regex.
        # First-word key -> entries whose second word cannot be said, and second key ->
        # entries that need that second word. A key is a word's first three letters, or "="
        # and the whole word for shorter ones.
        self._tables = FirstTables()
        self._numeric: list[Entry] = []
        # What each of `_numeric` may begin with: its first characters, any digit or not.
        self._numeric_starts: list[tuple[frozenset[str], bool]] = []
        self._scan: list[Entry] = []
        self._firsts: set[str] = set()  # every first-word key of the two tables above
        self._sets = 0
        self._words: set[str] = set()
        self._stems: set[str] = set()
        # A word and the next word's head -> the entries to try there: the same for every
        # text, so worked out once per pair for the life of the process (never pickled).
        self._pairs: dict[tuple[str, str], _Pair] = {}
        self._idle: set[tuple[str, str]] = set()  # pairs with nothing to try in any text
        self._key_of = _Keys()
        self._numeric_at: dict[str, _Numeric] = {}
        self._transient()

    def _transient(self) -> None:
        """What `_pairs` refers to by number: the patterns and `near` tests of entries (kept
        alive here, so an object's id stays its own), each pattern's compiled `match` once a
        pair runs it unconditionally, and the slot keys' bits."""
        self._numbers: dict[int, int] = {}
        self._things: list[object] = []
        self._match: list[Callable[[str, int], re.Match[str] | None] | None] = []
        # Each slot key a pair needs -> its own bit: a text's keys are then matched against
        # a pair's by one `&` of two numbers.
        self._bits = KeyBits()
        self._unread: dict[frozenset[int], int] = {}  # sets left unread -> their number
        self._numbering = threading.Lock()  # checks on two threads number the same lists
        # What each of `_scan`'s patterns needs in a text (see `_scanned`), once read.
        self._scan_needs: list[tuple[Need, ...]] | None = None
        self._deferred: frozenset[int] = frozenset()  # see `defer`

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state["_pairs"] = {}
        state["_idle"] = set()
        state["_key_of"] = _Keys()
        state["_numeric_at"] = {}
        transient = ("_numbers", "_things", "_match", "_bits", "_unread")
        for name in (*transient, "_numbering", "_scan_needs", "_deferred"):
            del state[name]
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._pairs = {}
        self._idle = set()
        self._key_of = _Keys()
        self._numeric_at = {}
        self._transient()

    def _number(self, thing: object) -> int:
        """A number standing for `thing` (a pattern, a `near` test, a slot's keys)."""
        found = self._numbers.get(id(thing))
        if found is None:
            with self._numbering:
                found = self._numbers.get(id(thing))
                if found is None:
                    self._things.append(thing)
                    self._match.append(None)
                    # published last: a number is never seen before what it stands for
                    found = self._numbers[id(thing)] = len(self._things) - 1
        return found

    def _unread_number(self, unread: frozenset[int]) -> int:
        """A number (from 1) standing for a collection of sets left unread, in what a pair
        keeps (a post's and a reply's, as a rule)."""
        found = self._unread.get(unread)
        if found is None:
            with self._numbering:
                found = self._unread.setdefault(unread, len(self._unread) + 1)
        return found

    def defer(self, set_ids: Iterable[int]) -> None:
        """Look for these sets' phrases (beginning with a word) only when a set is first
        read in a text, not in every scan: an engine's signals, most of which a post never
        asks about (the comments' on a post, the money words when no rule that needs them
        runs). A set's hits are the same either way, in the same order."""
        with self._numbering:
            deferred = self._deferred | frozenset(set_ids)
            if deferred != self._deferred:
                self._deferred = deferred
                self._pairs = {}  # what each pair keeps was split without them
                self._idle = set()

    def add(self, values: Sequence[str]) -> PhraseSet:
        set_id = self._sets
        self._sets += 1
        for position, value in enumerate(values):
            phrase = phrases.parse(value)
            for word in phrase.words():
                (self._stems if word.endswith("*") else self._words).add(word.rstrip("*"))
            for part in phrases.split_first_slot(value):
                self._add_entry(set_id, position, phrases.parse(part))
        return PhraseSet(self, set_id, tuple(values))

    def _add_entry(self, set_id: int, position: int, phrase: phrases.Phrase) -> None:
        pattern = LazyPattern(phrase)
        second = phrase.second_keys(KEY_LENGTH)
        slots = phrase.slot_keys(KEY_LENGTH)
        near = phrase.near_keys(KEY_LENGTH) if second is None else None
        entry: Entry = (set_id, position, pattern, second, slots, near, start_heads(phrase))
        keys = phrase.start_keys(KEY_LENGTH)
        if keys is None:
            if phrase.starts_with_number():
                self._numeric.append(entry)
                self._numeric_starts.append(phrase.number_starts())
            else:
                self._scan.append(entry)
            return
        # what `_candidates` reads of it, as text (see `first_tables`)
        listed = (set_id, position, pattern.source, keys_text(slots, near, entry[6]))
        for key, exact in keys:
            first = "=" + key if exact else key
            self._firsts.add(first)
            if second is None:
                self._tables.add(first, None, listed)
            else:
                for follow in second:
                    self._tables.add(first, follow, listed)

    def knows(self, word: str) -> bool:
        """Whether a lower-case word (or an inflection of it) is one the phrases use.

        The matching view reads "FR33" as "free" only when this says yes, so codes such as
        "HO3" or "401k" are never turned into words.
        """
        if word in self._words or any(word[:n] in self._stems for n in range(3, len(word) + 1)):
            return True
        for ending in ("s", "es", "ed", "d", "ing"):
            if word.endswith(ending) and word[: -len(ending)] in self._words:
                return True
        return False

    def _candidates(self, pair: tuple[str, str]) -> _Pair:
        """The entries to try at a word headed `head` followed by a word headed `following`,
        in the order the index lists them, with every key their slots need.

        What the pair's own words settle is settled here, once: a phrase whose first word
        cannot be a word of this head ("theft" at "the", "you're" at "your", "week" at
        "weekend": see `heads`) is never tried there, a slot one of the words fills needs
        nothing more of a text, and a `near` test the second word passes (the first word
        it reads) always holds. (A head beyond ASCII is not judged by its letters: case
        folding is not lower case there.)"""
        head, following = pair
        first = self._key_of[head]
        second = self._key_of[following]
        own = {first, second}
        letters = head.isascii()
        found: list[_Candidate] = []
        keys: set[str] = set()
        number, tables, of_slot = self._number, self._tables, self._bits.of_slot
        anys, seconds = tables.get(first)
        for entries in (anys, seconds.get(following[:KEY_LENGTH]), seconds.get("=" + following)):
            for set_id, position, source, written in entries or ():
                slots, near, starts = tables.keys[written]
                if letters and starts is not None and not begins_at(starts, head):
                    continue  # its first word cannot be this word
                if near is not None and second in near[0]:
                    near = None
                needed = [slot for slot in slots if own.isdisjoint(slot)]
                keys.update(*needed)
                tested = -1 if near is None else number(near)
                masks = tuple(map(of_slot, needed))
                found.append((set_id, position, number(tables.patterns[source]), tested, masks))
        if len(self._pairs) >= _PAIRS_KEPT:
            self._pairs.clear()
            self._idle.clear()
        mask = sum(map(self._bits.bit, keys))  # distinct keys: their bits' sum is their union
        made = self._pairs[pair] = (tuple(found), mask, {})
        if not found:
            self._idle.add(pair)
        return made

    def _numeric_from(self, char: str) -> _Numeric:
        """The phrases that begin with a number and may begin with `char` ("$", "#" or a
        digit), in the index's order (the rest cannot match there), and, for several, the
        `match` of their alternation, each in a group of its own: the alternation tries them
        in order, so those before the one whose group it matched do not match there."""
        found = self._numeric_at.get(char)
        if found is None:
            digit = char not in "$#"  # `_NUMBER_START` found "$", "#" or a digit
            entries = [
                (entry[0], entry[1], entry[2])
                for entry, (chars, any_digit) in zip(
                    self._numeric, self._numeric_starts, strict=True
                )
                if char in chars or (digit and any_digit)
            ]
            # A few alternations for the life of the process (one per character), so a
            # number where no phrase matches costs one match call, not one per phrase.
            either = None
            if len(entries) > 1 and not any(p.get().groups for _set, _at, p in entries):
                sources = "|".join(f"({pattern.source})" for _set, _at, pattern in entries)
                either = compile_cached(sources, re.IGNORECASE).match
            found = self._numeric_at[char] = (either, entries)
        return found

    def _tried(
        self, candidates: tuple[_Candidate, ...], have: int, unread: frozenset[int]
    ) -> _Tried:
        """The candidates of sets not `unread` a text with the keys whose bits are `have`
        has words for (a key of each slot), split for `scan`: sets with no `near` test among
        them compiled now (they run wherever the pair is), the others as they are, so each
        set's hits keep the order the index lists them in."""
        things = self._things
        usable = [c for c in candidates if c[0] not in unread and all(map(have.__and__, c[4]))]
        deferred = self._deferred
        later: dict[int, list[tuple[int, int, int]]] = {}
        if deferred:
            for set_id, position, pattern, near, _slots in usable:
                if set_id in deferred:
                    later.setdefault(set_id, []).append((position, pattern, near))
            usable = [c for c in usable if c[0] not in later]
        tested = {c[0] for c in usable if c[3] >= 0}
        plain: list[tuple[int, int, int]] = []
        general: list[tuple[int, int, int, int]] = []
        for set_id, position, pattern, near, _slots in usable:
            if set_id in tested:
                general.append((set_id, position, pattern, near))
            else:
                if self._match[pattern] is None:
                    self._match[pattern] = cast("LazyPattern", things[pattern]).get().match
                plain.append((pattern, set_id, position))
        return tuple(plain), tuple(general), tuple((k, tuple(v)) for k, v in later.items())

    def scan(
        self, facts: TextFacts, unread: frozenset[int] = frozenset()
    ) -> dict[int, list[PhraseHit]]:
        """Every set's hits in the text, by set id, but for the `unread` sets' phrases that
        begin with a word (their hits may be missing: see `unread`). The first scan of a
        text is the one kept for it: the engine's, before any rule reads a set."""
        cached = facts.cache.get(id(self))
        if cached is not None:
            return cast("dict[int, list[PhraseHit]]", cached)  # facts.cache holds any kind
        text = facts.text
        found: dict[int, list[PhraseHit]] = {}
        words = facts.words
        heads = facts.heads
        key_of = self._key_of
        if len(key_of) >= _KEYS_KEPT:
            key_of.clear()
        keys_at = list(map(key_of.__getitem__, heads))
        # A word's head and the next word's decide which phrases are tried there.
        following = heads[1:]
        if heads:
            following.append("")  # the empty head after the last word
        at = list(zip(heads, following, strict=True))
        keys_at.append("=")  # the key of the empty head after the last word
        present = set(keys_at)
        keys_at.append("")  # past it, a key no `near` test holds (see below)
        # Each pair's phrases that the text has a word for in every slot, worked out once
        # per distinct pair (not per word); which they are depends only on which of the
        # pair's slot keys the text has, so that answer is kept with the pair, per key set.
        pairs = self._pairs
        firsts = self._firsts
        bits = self._bits.bits
        live: dict[tuple[str, str], _Tried] = {}
        text_bits, bits_read = 0, -1  # the bits of the text's keys, and of how many keys
        unread_no = self._unread_number(unread) if unread else 0
        if len(self._idle) >= _PAIRS_KEPT:
            self._idle.clear()
        for pair in set(at).difference(self._idle):  # most pairs of words try nothing
            known = pairs.get(pair)
            if known is None:
                if key_of[pair[0]] not in firsts:
                    self._idle.add(pair)
                    continue
                known = self._candidates(pair)
            candidates, needed, kept = known
            if not candidates:
                continue
            if len(bits) != bits_read:  # keys were given bits since (a new pair): read anew
                bits_read = len(bits)
                text_bits = sum(map(bits.get, present, repeat(0)))  # distinct: a union
            # the keys the text has of the pair's, as their bits: one `&` in C
            have = needed & text_bits
            variant = (have, unread_no) if unread_no else have
            tried = kept.get(variant)
            if tried is None:
                if len(kept) >= _KEY_SETS_KEPT:
                    kept.clear()
                tried = kept[variant] = self._tried(candidates, have, unread)
            if tried[0] or tried[1] or tried[2]:
                live[pair] = tried
        waiting: dict[int, list[int]] = {}  # each deferred set's words with candidates
        if live:
            # read as Any: a `cast` call per candidate costs more than the match it guards
            things: list[Any] = self._things
            match_of = self._match
            tried_at: list[Any] = list(map(live.get, at))  # each word's, or None: in C
            for i in compress(range(len(tried_at)), tried_at):
                start = words[i][0]
                plain, general, later = tried_at[i]
                for set_id, _candidates in later:  # looked for when first read
                    waiting.setdefault(set_id, []).append(i)
                for no, set_id, position in plain:
                    match = match_of[no](text, start)  # set by `_tried`
                    if match is not None:
                        hit = PhraseHit(start, match.end(), position)
                        found.setdefault(set_id, []).append(hit)
                for set_id, position, no, tested in general:
                    if tested >= 0:
                        # the next word's key is never `near`'s (`_candidates` drops a test
                        # it passes): the words after it decide, most often just one
                        near, reach = things[tested]
                        if reach == 2:
                            if keys_at[i + 2] not in near:
                                continue
                        elif near.isdisjoint(keys_at[i + 2 : i + reach + 1]):
                            continue
                    pattern: LazyPattern = things[no]
                    compiled = pattern.compiled
                    match = (compiled or pattern.get()).match(text, start)
                    if match is not None:
                        hit = PhraseHit(start, match.end(), position)
                        found.setdefault(set_id, []).append(hit)
        if self._numeric:
            for number in _NUMBER_START.finditer(text):
                start = number.start()
                either, entries = self._numeric_from(text[start])
                if either is not None:
                    first = either(text, start)
                    if first is None:
                        continue  # none of them matches here
                    # the first that does (each group is one phrase): the rest from there
                    entries = entries[cast("int", first.lastindex) - 1 :]
                for set_id, position, pattern in entries:
                    compiled = pattern.compiled
                    match = (compiled or pattern.get()).match(text, start)
                    if match is not None:
                        hit = PhraseHit(start, match.end(), position)
                        found.setdefault(set_id, []).append(hit)
        for set_id, position, pattern in self._scanned(facts):
            for match in pattern.finditer(text):
                found.setdefault(set_id, []).append(PhraseHit(*match.span(), position))
        if waiting:
            facts.cache[(id(self), "deferred")] = (at, live, keys_at, waiting)
        facts.cache[id(self)] = found
        return found

    def set_hits(self, facts: TextFacts, set_id: int) -> list[PhraseHit] | None:
        """One set's hits in the text as `scan` lists them (None: none), a deferred set's
        looked for now if this is the first time it is read."""
        found = self.scan(facts)
        if set_id in self._deferred:
            self._read_later(facts, found, set_id)
        return found.get(set_id)

    def _read_later(self, facts: TextFacts, found: dict[int, list[PhraseHit]], set_id: int) -> None:
        """A deferred set's hits at the words `scan` left its candidates at, tried there as
        `scan` tries the others (its `near` test, then its pattern), in the same order, and
        put before its hits from numbers and whole-text searches, as `scan` would have."""
        kept = facts.cache.get((id(self), "deferred"))
        if kept is None:
            return
        at, live, keys_at, waiting = cast("tuple[Any, Any, list[str], dict[int, list[int]]]", kept)
        places = waiting.pop(set_id, None)  # popped: looked for once per text
        if not places:
            return
        text, words = facts.text, facts.words
        things: list[Any] = self._things
        hits: list[PhraseHit] = []
        for i in places:
            start = words[i][0]
            for later_set, candidates in live[at[i]][2]:
                if later_set != set_id:
                    continue
                for position, no, tested in candidates:
                    if tested >= 0:
                        near, reach = things[tested]
                        if near.isdisjoint(keys_at[i + 2 : i + reach + 1]):  # as `scan`
                            continue
                    pattern: LazyPattern = things[no]
                    match = (pattern.compiled or pattern.get()).match(text, start)
                    if match is not None:
                        hits.append(PhraseHit(start, match.end(), position))
        if hits:
            found[set_id] = hits + found.get(set_id, [])

    def _scanned(self, facts: TextFacts) -> Iterator[tuple[int, int, LazyPattern]]:
        """The phrases searched the ordinary way that could match this text, in order.

        A phrase whose first word may be left out ("(100%) money back promise") is read
        over the whole text, 70 microseconds on a 3,000-character post even where it finds
        nothing; one that needs words the text lacks (see `prefilter`) cannot match."""
        needs = self._scan_needs
        if needs is None:
            needs = self._scan_needs = [needs_of(entry[2].get()) for entry in self._scan]
        for (set_id, position, pattern, *_keys), need in zip(self._scan, needs, strict=True):
            if may_match(need, facts):
                yield set_id, position, pattern
