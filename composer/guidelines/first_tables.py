"""The word index's phrases by their first word's key, read from cached packs lazily.

A fresh `composer check` reads the rule packs from their cached copy (`pack_cache`), and
most of that copy was these tables: about a thousand first-word keys, each with the entries
that start there. A short post's words have a few dozen of those keys, so each key's
entries are kept as a small pickle of their own and read only when a text first has a word
with that key (about 20 ms less to load; tens of microseconds for each key read).
"""

from __future__ import annotations

import pickle
from typing import Any

# A first key's entries whose second word cannot be said, and those that need a second word
# by that word's key, each list in the order the entries were added (see `WordIndex`).
Tables = tuple[list[Any], dict[str, list[Any]]]


class FirstTables:
    """Entries by first-word key (see `WordIndex._add_entry` and `WordIndex._candidates`)."""

    __slots__ = ("_loaded", "_packed")

    def __init__(self) -> None:
        self._loaded: dict[str, Tables] = {}
        self._packed: dict[str, bytes] = {}  # read from a cached copy, not yet unpickled

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
