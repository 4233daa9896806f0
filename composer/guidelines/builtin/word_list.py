"""The English word list, read quickly: `composer check` runs on every save.

Reading pyspellchecker's compressed JSON costs ~0.3 s; marshalled copies in the user's cache
folder cost far less, and most posts need only the smallest: the 30,000 commonest words
(a few milliseconds) answer nearly every word of an ordinary post. The whole list is kept
sorted in one file that a fresh process searches in place (a binary search over a memory
map, microseconds a word), so a post with a rarer word ("renters") reads no more; the words
with their counts (~0.03 s) are read only when a misspelling needs suggestions, which try
hundreds of edits against the list and rank what they find by count. The caches are keyed
by the list's own file (size and time), so an upgrade of the list rebuilds them, and a cache
that cannot be read or written is ignored.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
import mmap
import sys
from array import array
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from composer.domain.files import write_atomic

COMMON = 30_000  # words in the first tier


@cache
def english_common() -> frozenset[str]:
    """The commonest English words: enough for most posts on their own. Read once per
    process: the spelling check and the readers' language test both ask on every check."""
    found = _cached("common")
    return found if isinstance(found, frozenset) else _build()[0]


def english_frequency() -> dict[str, int]:
    """Every English word pyspellchecker knows, with its count (for ranking suggestions)."""
    found = _cached("frequency")
    return found if isinstance(found, dict) else _build()[1]


class SortedWords:
    """Membership in a sorted word file, read in place: the file's header gives the count,
    then come the words' offsets (one more than the words) and the words, UTF-8, sorted as
    bytes (the order of their code points)."""

    __slots__ = ("_blob", "_count", "_map", "_offsets")

    def __init__(self, data: mmap.mmap) -> None:
        self._map = data
        count = int.from_bytes(data[4:8], sys.byteorder)
        table = 8 + 4 * (count + 1)
        self._count = count
        self._offsets = memoryview(data)[8:table].cast("I")
        self._blob = table

    @property
    def size(self) -> int:
        """Bytes of words the offsets promise."""
        return int(self._offsets[self._count])

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        key = word.encode("utf-8", "surrogatepass")
        data, offsets, base = self._map, self._offsets, self._blob
        low, high = 0, self._count
        while low < high:
            middle = (low + high) // 2
            found = data[base + offsets[middle] : base + offsets[middle + 1]]
            if found < key:
                low = middle + 1
            elif found > key:
                high = middle
            else:
                return True
        return False


_SORTED_MAGIC = b"CWL1"


def english_sorted() -> SortedWords | None:
    """The whole list as its sorted file, or None when there is none yet (see
    `write_sorted`) or it cannot be read."""
    path = _cache_file("sorted", ".bin")
    if path is None:
        return None
    with contextlib.suppress(OSError, ValueError), path.open("rb") as file:
        data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        count = int.from_bytes(data[4:8], sys.byteorder) if len(data) >= 8 else -1
        table = 8 + 4 * (count + 1)
        if data[:4] == _SORTED_MAGIC and count >= 0 and len(data) >= table:
            words = SortedWords(data)
            if len(data) == table + words.size:  # not cut short
                return words
    return None


def write_sorted(words: Iterable[str]) -> None:
    """Write the sorted file for `words` (the whole list), for the next process."""
    path = _cache_file("sorted", ".bin")
    if path is None:
        return
    encoded = sorted(word.encode("utf-8", "surrogatepass") for word in words)
    offsets = array("I", [0])
    if offsets.itemsize != 4:  # the reader's layout; never so on the platforms we ship for
        return
    total = 0
    for word in encoded:
        total += len(word)
        offsets.append(total)
    header = _SORTED_MAGIC + len(encoded).to_bytes(4, sys.byteorder)
    with contextlib.suppress(OSError, OverflowError):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, header + offsets.tobytes() + b"".join(encoded), overwrite=True)


def _cached(kind: str) -> object:
    cache = _cache_file(kind)
    if cache is None:
        return None
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        loaded = marshal.loads(cache.read_bytes())
        if loaded:
            return loaded
    return None


def _build() -> tuple[frozenset[str], dict[str, int]]:
    from spellchecker import SpellChecker

    frequency = dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)
    ranked = sorted(frequency, key=lambda word: (-frequency[word], word))
    common = frozenset(ranked[:COMMON])
    for kind, value in (("common", common), ("frequency", frequency)):
        cache = _cache_file(kind)
        if cache is not None:
            with contextlib.suppress(OSError):
                cache.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(cache, marshal.dumps(value), overwrite=True)
    write_sorted(frequency)
    return common, frequency


def _cache_file(kind: str, suffix: str = ".marshal") -> Path | None:
    spec = importlib.util.find_spec("spellchecker")
    if spec is None or spec.origin is None:
        return None
    source = Path(spec.origin).parent / "resources" / "en.json.gz"
    try:
        stat = source.stat()
    except OSError:
        return None
    from platformdirs import user_cache_path

    folder = user_cache_path("Composer", appauthor=False)
    return folder / f"english-{kind}-{stat.st_size}-{stat.st_mtime_ns}{suffix}"
