"""The English word list, read quickly: `composer check` runs on every save.

Reading pyspellchecker's compressed JSON costs ~0.3 s; a marshalled copy in the user's
cache folder ~0.05 s. The cache is keyed by the list's own file (size and time), so an
upgrade of the list rebuilds it, and a cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import contextlib
import importlib.util
import marshal
from pathlib import Path

from composer.domain.files import write_atomic


def english_frequency() -> dict[str, int]:
    """pyspellchecker's English words and their counts."""
    cache = _cache_file()
    if cache is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            loaded = marshal.loads(cache.read_bytes())
            if isinstance(loaded, dict) and loaded:
                return loaded
    from spellchecker import SpellChecker

    frequency = dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)
    if cache is not None:
        with contextlib.suppress(OSError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(cache, marshal.dumps(frequency), overwrite=True)
    return frequency


def _cache_file() -> Path | None:
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
    return folder / f"english-{stat.st_size}-{stat.st_mtime_ns}.marshal"
