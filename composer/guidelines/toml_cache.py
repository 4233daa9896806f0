"""Parsed TOML data files kept in the user's cache folder, keyed by their exact bytes.

The built-in checks' texts and the platform list are parsed on a process's first check;
with the standard library's TOML parser written in Python that cost a fresh `composer
check` several milliseconds, where reading the parsed copy costs a tenth of one. Any
change to a file gives it a new key; a copy that cannot be read is ignored and replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from composer.domain.files import write_atomic
from composer.guidelines.cache_folder import cache_folder, prune

_FORMAT = b"toml-1"
KEEP = 8  # copies kept: a few data files, a few versions of each


def parsed(raw: bytes, parse: Callable[[bytes], dict[str, Any]]) -> dict[str, Any]:
    """`parse(raw)`, from the cached copy when there is one for these bytes. Errors are
    `parse`'s own: a file that does not parse is never cached."""
    cache: Path | None = None
    with contextlib.suppress(OSError, ImportError):
        cache = cache_folder() / f"toml-{hashlib.sha256(_FORMAT + raw).hexdigest()[:32]}.marshal"
    if cache is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            loaded = marshal.loads(cache.read_bytes())
            if isinstance(loaded, dict):
                return loaded
    data = parse(raw)
    if cache is not None:
        with contextlib.suppress(OSError, ValueError):  # ValueError: dates do not marshal
            encoded = marshal.dumps(data)
            cache.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(cache, encoded, overwrite=True)
            prune(cache.parent, "toml-*.marshal", KEEP)
    return data
