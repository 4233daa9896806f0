"""Compiled phrase patterns kept in the user's cache folder, for a quick `composer check`.

A fresh `composer check` compiles the phrase patterns its post needs (one concept's
alternation alone takes 25 ms), and Python's pattern compiler is written in Python: most of
the time goes to parsing the pattern and writing out its program. That program is what the
standard library hands to `_sre.compile` in the end, so it is kept here, under the pattern
and its flags, and handed over directly the next time: the same call with the same program
as `re.compile` makes, so the pattern matches exactly as it would have.

The file is keyed by the exact Python build (the program's format is private to it) and
written once at exit, by a process that compiled something new. Anything unexpected (no
`_sre`, a changed compiler, an unreadable file) falls back to `re.compile`.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import importlib
import marshal
import re
import sys
from pathlib import Path
from typing import Any

_MOST_BYTES = 32_000_000  # past that the file starts afresh
# The file: 8 bytes giving the index's length, the index (a digest of the pattern and its
# flags -> offset and length of its marshalled program), then the programs. Only the index
# is unmarshalled whole.
_Index = dict[bytes, tuple[int, int]]
_known: tuple[_Index, int] | None = None  # the index, where the programs start
_new: dict[bytes, bytes] = {}
_made: dict[tuple[str, int], re.Pattern[str]] = {}  # this process's, as re keeps its own


def compile_cached(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from a kept program when there is one."""
    flags = int(flags)
    if not isinstance(source, str) or flags & re.DEBUG:
        return re.compile(source, flags)
    made = _made.get((source, flags))
    if made is None:
        made = _made[(source, flags)] = _compile(source, flags)
    return made


def _compile(source: str, flags: int) -> re.Pattern[str]:
    key = hashlib.blake2b(f"{flags}:{source}".encode(), digest_size=16).digest()
    index, base = _load()
    place = index.get(key)
    if place is not None:
        with contextlib.suppress(Exception):  # a damaged or foreign entry: compile afresh
            with _path().open("rb") as file:  # only the program asked for is read
                file.seek(base + place[0])
                kept, program = marshal.loads(file.read(place[1]))
            if kept == key:  # not the program of another pattern (a file since replaced)
                return _from_program(source, program)
    try:
        program = _program(source, flags)
        pattern = _from_program(source, program)
    except Exception:  # the standard compiler decides (and raises) instead
        return re.compile(source, flags)
    if not _new:
        atexit.register(_save)
    _new[key] = marshal.dumps((key, program))
    return pattern


def _program(source: str, flags: int) -> tuple[Any, ...]:
    """What `re._compiler.compile` hands `_sre.compile`, besides the pattern itself."""
    compiler = importlib.import_module("re._compiler")
    parser = importlib.import_module("re._parser")
    parsed = parser.parse(source, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        [int(c) for c in code],  # opcodes are int subclasses; `_sre` reads their values
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _from_program(source: str, program: tuple[Any, ...]) -> re.Pattern[str]:
    sre: Any = importlib.import_module("_sre")
    flags, code, groups, groupindex, indexgroup = program
    compiled: re.Pattern[str] = sre.compile(source, flags, code, groups, groupindex, indexgroup)
    return compiled


@functools.cache
def _path() -> Path:
    from composer.guidelines.cache_folder import cache_folder

    magic = importlib.import_module("_sre").MAGIC
    tag = hashlib.sha256(f"{sys.version}|{magic}|{sys.maxunicode}".encode()).hexdigest()
    return cache_folder() / f"regex-{tag[:16]}.marshal"


def _load() -> tuple[_Index, int]:
    global _known
    if _known is None:
        _known = {}, 0
        with contextlib.suppress(Exception), _path().open("rb") as file:
            size = int.from_bytes(file.read(8), "little")  # missing, damaged: start afresh
            index = marshal.loads(file.read(size))
            if isinstance(index, dict):
                _known = index, 8 + size
    return _known


def _read(data: bytes) -> dict[bytes, bytes]:
    """Every kept program, from the whole file."""
    size = int.from_bytes(data[:8], "little")
    index = marshal.loads(data[8 : 8 + size])
    base = 8 + size
    return {key: data[base + start : base + start + n] for key, (start, n) in index.items()}


def _write(programs: dict[bytes, bytes]) -> bytes:
    index: _Index = {}
    offset = 0
    for key, blob in programs.items():
        index[key] = (offset, len(blob))
        offset += len(blob)
    head = marshal.dumps(index)
    return len(head).to_bytes(8, "little") + head + b"".join(programs.values())


def _save() -> None:
    from composer.domain.files import write_atomic

    if not _new:
        return
    with contextlib.suppress(Exception):  # a cache: never worth failing over
        path = _path()
        programs: dict[bytes, bytes] = {}
        with contextlib.suppress(Exception):  # what other processes kept since, too
            data = path.read_bytes()
            if len(data) < _MOST_BYTES:
                programs = _read(data)
        programs.update(_new)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, _write(programs), overwrite=True)
        _new.clear()
