"""Each word key a phrase's slot needs, as one bit of a number (see `wordindex`).

Whether a text has a word for each of a phrase's slots is then a few `&` of two numbers
(the text's keys' bits and a slot's), not a set built and compared for each text.
"""

from __future__ import annotations

import threading


class KeyBits:
    """A bit (a power of two) per key, never changed once given, and each slot's keys as
    the sum of theirs (a slot's keys are distinct, so the sum is their union)."""

    __slots__ = ("_lock", "_slots", "bits")

    def __init__(self) -> None:
        self.bits: dict[str, int] = {}
        self._slots: dict[frozenset[str], int] = {}
        self._lock = threading.Lock()  # checks on two threads give keys bits at once

    def bit(self, key: str) -> int:
        """The bit standing for `key` (given under the lock, so a key never has two)."""
        found = self.bits.get(key)
        if found is None:
            with self._lock:
                found = self.bits.get(key)
                if found is None:
                    found = self.bits[key] = 1 << len(self.bits)
        return found

    def of_slot(self, slot: frozenset[str]) -> int:
        """A slot's keys as one number, worked out once per slot."""
        found = self._slots.get(slot)
        if found is None:
            found = self._slots[slot] = sum(map(self.bit, slot))
        return found
