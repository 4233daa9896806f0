"""A learned reader's model, kept compact in the user's cache folder for a quick start.

The post reader's model is 1.2 MB of JSON: parsing it makes some 40,000 lists and cost a
fresh `composer check` about 30 ms, though a check reads the weights of a few hundred
features at most. The first process to read a model writes a compact copy (the feature
names sorted in one string, their numbers in one array), keyed by the model file's exact
bytes; later processes load that in a few milliseconds and make a feature's weights only
when a text has it. A copy that cannot be read is ignored and replaced.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from composer.guidelines.content_cache import made


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

    def packed(self) -> tuple[str, bytes, bytes]:
        """The table as marshal-able parts (names are words and word pairs: no line breaks)."""
        if any("\n" in name for name in self._names):
            raise ValueError("a feature name holds a line break")
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
    return made("reader", path.read_bytes(), _packed_model, _model)


def _packed_model(raw: bytes) -> tuple[dict[str, Any], str, bytes, bytes]:
    data = json.loads(raw)
    header = {key: value for key, value in data.items() if key != "features"}
    return (header, *FeatureTable.of(data["features"]).packed())


def _model(stored: tuple[dict[str, Any], str, bytes, bytes]) -> dict[str, Any]:
    header, names, offsets, values = stored
    if not isinstance(header, dict):
        raise TypeError("not a model's header")
    return {**header, "features": FeatureTable.unpacked(names, offsets, values)}
