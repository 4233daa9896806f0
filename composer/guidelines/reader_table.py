"""A learned reader's model, kept compact in the user's cache folder for a quick start.

The post reader's model is 1.2 MB of JSON: parsing it makes some 40,000 lists and cost a
fresh `composer check` about 30 ms, though a check reads the weights of a few hundred
features at most. The first process to read a model writes a compact copy (the feature
names sorted in one string, their numbers in one array), keyed by the model file's exact
bytes; later processes load that in a few milliseconds and make a feature's weights only
when a text has it. A copy that cannot be read is ignored and replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import sys
from array import array
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from composer.domain.files import write_atomic
from composer.guidelines.cache_folder import cache_folder, prune

_FORMAT = b"reader-table-1"
KEEP = 9  # compact copies kept: three models, a few versions of each


class FeatureTable:
    """Feature -> its numbers (idf, then category and weight pairs), found by bisection in
    the sorted names; what `Reader` asks of a dict, without one object per feature."""

    __slots__ = ("_names", "_offsets", "_values")

    def __init__(self, names: list[str], offsets: array[int], values: array[float]) -> None:
        if len(offsets) != len(names) + 1 or (offsets and offsets[-1] != len(values)):
            raise ValueError("a feature table's parts do not agree")
        self._names = names
        self._offsets = offsets
        self._values = values

    @classmethod
    def of(cls, features: Mapping[str, Sequence[float]]) -> FeatureTable:
        names = sorted(features)
        offsets = array("q", [0])
        values = array("d")
        for name in names:
            values.extend(features[name])
            offsets.append(len(values))
        return cls(names, offsets, values)

    def get(self, feature: str) -> Sequence[float] | None:
        names = self._names
        at = bisect_left(names, feature)
        if at == len(names) or names[at] != feature:
            return None
        return self._values[self._offsets[at] : self._offsets[at + 1]]

    def __len__(self) -> int:
        return len(self._names)

    def packed(self) -> tuple[str, bytes, bytes] | None:
        """The table as marshal-able parts; None when a name would not survive the join."""
        if any("\n" in name for name in self._names):
            return None
        return "\n".join(self._names), self._offsets.tobytes(), self._values.tobytes()

    @classmethod
    def unpacked(cls, names: str, offsets: bytes, values: bytes) -> FeatureTable:
        ends = array("q")
        ends.frombytes(offsets)
        numbers = array("d")
        numbers.frombytes(values)
        return cls(names.split("\n") if names else [], ends, numbers)


def load_model(path: Path) -> dict[str, Any]:
    """The model at `path` as `json.loads` reads it, except that "features" is a
    `FeatureTable`: from the compact copy when there is one for these exact bytes."""
    raw = path.read_bytes()
    cache = _cache_file(raw)
    if cache is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError, KeyError):
            header, names, offsets, values = marshal.loads(cache.read_bytes())
            if isinstance(header, dict):
                return {**header, "features": FeatureTable.unpacked(names, offsets, values)}
    data: dict[str, Any] = json.loads(raw)
    table = FeatureTable.of(data["features"])
    data["features"] = table
    packed = table.packed()
    if cache is not None and packed is not None:
        header = {key: value for key, value in data.items() if key != "features"}
        with contextlib.suppress(OSError, ValueError):
            cache.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(cache, marshal.dumps((header, *packed)), overwrite=True)
            prune(cache.parent, "reader-*.marshal", KEEP)
    return data


def _cache_file(raw: bytes) -> Path | None:
    digest = hashlib.sha256(_FORMAT + sys.byteorder.encode() + raw).hexdigest()[:32]
    with contextlib.suppress(OSError, ImportError):
        return cache_folder() / f"reader-{digest}.marshal"
    return None
