"""The word index's phrases by their first word's key, read from cached packs lazily.

A fresh `composer check` reads the rule packs from their cached copy (`pack_cache`), and
most of that copy was these tables: about a thousand first-word keys, each with the entries
that start there. A short post's words have a few dozen of those keys, so each key's
entries are kept as a small pickle of their own and read only when a text first has a word
with that key (about 20 ms less to load). An entry is plain text and numbers (its
pattern's text, and its keys written as JSON), which unpickle several times quicker than
sets and pattern objects; each text is made into its objects once, when first read.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterable
from typing import Any

from composer.guidelines.heads import StartHeads
from composer.guidelines.lazy_pattern import LazyPattern

# A first key's entries whose second word cannot be said, and those that need a second word
# by that word's key, each list in the order the entries were added (see `WordIndex`).
Tables = tuple[list[Any], dict[str, list[Any]]]
# An entry's slot keys, `near` test and start heads (see `WordIndex._add_entry`).
Keys = tuple[tuple[frozenset[str], ...], "tuple[frozenset[str], int] | None", "StartHeads | None"]


def keys_text(
    slots: Iterable[frozenset[str]],
    near: tuple[frozenset[str], int] | None,
    starts: StartHeads | None,
) -> str:
    """An entry's keys as the text `KeysRead` reads back (sets sorted: one text each)."""
    written = [
        [sorted(slot) for slot in slots],
        None if near is None else [sorted(near[0]), near[1]],
        None if starts is None else [list(starts[0]), list(starts[1])],
    ]
    return json.dumps(written, ensure_ascii=False, separators=(",", ":"))


class KeysRead(dict[str, Keys]):
    """Each entry's keys from their text, read once per distinct text (many entries share
    one), as the objects `keys_text` was given."""

    def __missing__(self, text: str) -> Keys:
        slots, near, starts = json.loads(text)
        made: Keys = (
            tuple(frozenset(slot) for slot in slots),
            None if near is None else (frozenset(near[0]), near[1]),
            None if starts is None else (tuple(starts[0]), tuple(starts[1])),
        )
        return self.setdefault(text, made)  # another thread's, if it was quicker


class BySource(dict[str, LazyPattern]):
    """One pattern per pattern text, made when first asked for."""

    def __missing__(self, source: str) -> LazyPattern:
        made = LazyPattern.__new__(LazyPattern)
        made.__setstate__(source)
        return self.setdefault(source, made)


class FirstTables:
    """Entries by first-word key (see `WordIndex._add_entry` and `WordIndex._candidates`)."""

    __slots__ = ("_loaded", "_packed", "keys", "patterns")

    def __init__(self) -> None:
        self._loaded: dict[str, Tables] = {}
        self._packed: dict[str, bytes] = {}  # read from a cached copy, not yet unpickled
        self.keys = KeysRead()  # what entries' key texts stand for
        self.patterns = BySource()  # what entries' pattern texts stand for

    def get(self, first: str) -> Tables:
        """A first key's tables (empty for a key with none), unpickled on first use."""
        found = self._loaded.get(first)
        if found is None:
            packed = self._packed.get(first)
            made: Tables = ([], {}) if packed is None else pickle.loads(packed)
            # another thread may have read it meanwhile: every caller gets the one kept
            found = self._loaded.setdefault(first, made)
        return found

    def add(self, first: str, second: str | None, entry: Any) -> None:
        """An entry for words keyed `first` followed by one keyed `second` (None: any)."""
        anys, seconds = self.get(first)
        if second is None:
            anys.append(entry)
        else:
            seconds.setdefault(second, []).append(entry)

    def __getstate__(self) -> dict[str, bytes]:
        packed = dict(self._packed)
        for first, tables in self._loaded.items():
            if tables[0] or tables[1]:
                packed[first] = pickle.dumps(tables, protocol=pickle.HIGHEST_PROTOCOL)
        return packed

    def __setstate__(self, packed: dict[str, bytes]) -> None:
        self._loaded = {}
        self._packed = packed
        self.keys = KeysRead()
        self.patterns = BySource()
