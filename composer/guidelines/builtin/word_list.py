"""The English word list, read quickly: `composer check` runs on every save.

Reading pyspellchecker's compressed JSON costs ~0.3 s; marshalled copies in the user's cache
folder cost far less, and most posts need only the smallest: the 30,000 commonest words
(a few milliseconds) answer nearly every word of an ordinary post, the whole list (~0.05 s)
is read at the first word they do not know, and the counts (~0.1 s) only when a misspelling
needs ranked suggestions. The caches are keyed by the list's own file (size and time), so an
upgrade of the list rebuilds them, and a cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
from pathlib import Path

from composer.domain.files import write_atomic

COMMON = 30_000  # words in the first tier


def english_common() -> frozenset[str]:
    """The commonest English words: enough for most posts on their own."""
    found = _cached("common")
    return found if isinstance(found, frozenset) else _build()[0]


def english_words() -> frozenset[str]:
    """Every English word pyspellchecker knows."""
    found = _cached("words")
    return found if isinstance(found, frozenset) else _build()[1]


def english_frequency() -> dict[str, int]:
    """pyspellchecker's English words and their counts (for ranking suggestions)."""
    found = _cached("frequency")
    return found if isinstance(found, dict) else _build()[2]


def _cached(kind: str) -> object:
    cache = _cache_file(kind)
    if cache is None:
        return None
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        loaded = marshal.loads(cache.read_bytes())
        if loaded:
            return loaded
    return None


def _build() -> tuple[frozenset[str], frozenset[str], dict[str, int]]:
    from spellchecker import SpellChecker

    frequency = dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)
    ranked = sorted(frequency, key=lambda word: (-frequency[word], word))
    common, words = frozenset(ranked[:COMMON]), frozenset(frequency)
    for kind, value in (("common", common), ("words", words), ("frequency", frequency)):
        cache = _cache_file(kind)
        if cache is not None:
            with contextlib.suppress(OSError):
                cache.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(cache, marshal.dumps(value), overwrite=True)
    return common, words, frequency


def _cache_file(kind: str) -> Path | None:
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
    return folder / f"english-{kind}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
