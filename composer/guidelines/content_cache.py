"""Data made from a file's exact bytes, kept marshalled in the user's cache folder.

Parsing the built-in texts, the platform list or a learned reader's 1.2 MB model cost a
fresh `composer check` milliseconds each; reading a marshalled copy costs a fraction of
that. A copy is keyed by its kind and the file's bytes, so any change to the file makes a
new one; a copy that cannot be read is ignored and replaced, and only the newest few of a
kind are kept. Errors from making the data are the caller's own: nothing is cached then.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from composer.domain.files import write_atomic
from composer.guidelines.cache_folder import cache_folder, prune

KEEP = 9  # copies kept of each kind: a few files, a few versions of each


def made[T](kind: str, raw: bytes, make: Callable[[bytes], Any], read: Callable[[Any], T]) -> T:
    """`read(make(raw))`, with `make(raw)` taken from the kept copy when there is one.
    `make` returns what marshal can store; `read` turns it into the result and raises
    ValueError, TypeError or KeyError for a copy of the wrong shape."""
    cache = _file(kind, raw)
    if cache is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError, KeyError):
            return read(marshal.loads(cache.read_bytes()))
    value = make(raw)
    if cache is not None:
        with contextlib.suppress(OSError, ValueError):  # ValueError: dates do not marshal
            encoded = marshal.dumps(value)
            cache.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(cache, encoded, overwrite=True)
            prune(cache.parent, f"{kind}-*.marshal", KEEP)
    return read(value)


def a_dict(value: object) -> dict[str, Any]:
    """`read` for data that is one table (a parsed TOML file)."""
    if not isinstance(value, dict):
        raise TypeError("not a table")
    return value


def _file(kind: str, raw: bytes) -> Path | None:
    digest = hashlib.sha256(f"{kind}\0{sys.byteorder}\0".encode() + raw).hexdigest()[:32]
    with contextlib.suppress(OSError, ImportError):
        return cache_folder() / f"{kind}-{digest}.marshal"
    return None
