"""Loaded rule packs kept in the user's cache folder, for a quick `composer check`.

Parsing every pack and building the word index costs about a quarter of a second; an
editor that runs `composer check` on each save pays it every time. The result is stored
(pickled) under a key made of the exact bytes of every pack file and of the code that
builds it (of Composer's version and executable in a bundle), so any change to a pack,
shipped or custom, builds it afresh. The cache lives in the user's own cache folder and is
only ever written by Composer; a file that cannot be read is ignored and replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from composer.domain.files import write_atomic
from composer.guidelines.cache_folder import cache_folder, prune
from composer.guidelines.packs import PackSet, add_signal_sets, load_packs, pack_files
from composer.guidelines.regex_cache import compile_cached

_FORMAT = "2"  # bump when PackSet's shape changes
KEEP = 6  # cached pack sets kept (shipped alone, with the agent's custom folder, ...)


def load_packs_cached(directories: Sequence[Path], shipped: Path | None) -> PackSet:
    key = _key(directories, shipped)
    cache = _cache_folder() / f"packs-{key}.pickle" if key else None
    if cache is not None:
        with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError,
                                 ImportError, IndexError, TypeError, ValueError):  # fmt: skip
            loaded = pickle.loads(cache.read_bytes())
            if isinstance(loaded, PackSet):
                return loaded
    packs = load_packs(directories, shipped)
    add_signal_sets(packs)  # before it is stored: a fresh process finds them made
    if cache is not None:
        with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            buffer = io.BytesIO()
            _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(packs)
            data = buffer.getvalue()
            write_atomic(cache, data, overwrite=True)
            prune(cache.parent, "packs-*.pickle", KEEP)
    return packs


class _Pickler(pickle.Pickler):
    """Patterns are stored as their text and flags, as pickle does, but read back through
    the compiled-pattern cache (`regex_cache`): the same pattern, without compiling it."""

    def reducer_override(self, obj: object) -> Any:
        if type(obj) is re.Pattern and isinstance(obj.pattern, str):
            return compile_cached, (obj.pattern, obj.flags)
        return NotImplemented


def _key(directories: Sequence[Path], shipped: Path | None) -> str | None:
    digest = hashlib.sha256(_FORMAT.encode())
    digest.update(Path(__file__).resolve().parent.as_posix().encode())
    digest.update(str(shipped).encode())
    try:
        for path in pack_files(directories):
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
        if getattr(sys, "frozen", False):  # a bundle keeps its code inside the executable
            from importlib.metadata import PackageNotFoundError, version

            with contextlib.suppress(PackageNotFoundError):
                digest.update(version("composer").encode())
            stat = Path(sys.executable).stat()
            digest.update(f"{stat.st_size}{stat.st_mtime_ns}".encode())
        else:
            # The code that builds a PackSet is part of the key, by content: reading it
            # (about 0.3 MB) is quicker than asking the package metadata for a version.
            for source in sorted(Path(__file__).resolve().parent.rglob("*.py")):
                digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()[:32]


def _cache_folder() -> Path:
    return cache_folder()
