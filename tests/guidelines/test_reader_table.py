"""The learned readers read exactly the same numbers from their compact cached copy."""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs
import pytest

from composer.domain.layout import shipped_rules_dir
from composer.guidelines import content_cache
from composer.guidelines.reader import MODEL_FILES, Reader
from composer.guidelines.reader_table import FeatureTable, load_model

TEXTS = [
    "Guaranteed 7% growth every year, and you can never lose a dime!",
    "Storm prep tips: keep a flashlight and water in one bin.",
    "Best rates in town, call me today before prices go up.",
    "",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(platformdirs, "user_cache_path", lambda *a, **k: folder)
    return folder


def _from_json(path: Path) -> Reader:
    return Reader.of(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", MODEL_FILES)
def test_the_cached_copy_scores_exactly_as_the_json(cache: Path, name: str) -> None:
    path = shipped_rules_dir() / name
    plain = _from_json(path)
    first = Reader.load(path)  # writes the compact copy
    assert list(cache.glob("reader-*.marshal"))
    second = Reader.load(path)  # reads it
    for text in TEXTS:
        expected = plain.probabilities(text)
        assert first.probabilities(text) == expected
        assert second.probabilities(text) == expected
    assert (second.threshold, second.doubt, second.hint) == (
        plain.threshold,
        plain.doubt,
        plain.hint,
    )
    assert second.categories == plain.categories


def test_a_table_finds_each_feature_and_nothing_else() -> None:
    table = FeatureTable.of({"zeta": [1.0, 0, 0.5], "alpha": [2.0], "mid word": [3.0, 1, -1.5]})
    assert list(table.get("alpha") or []) == [2.0]
    assert list(table.get("mid word") or []) == [3.0, 1, -1.5]
    assert list(table.get("zeta") or []) == [1.0, 0, 0.5]
    assert table.get("beta") is None and table.get("zz") is None and table.get("") is None
    packed = table.packed()
    assert packed is not None
    again = FeatureTable.unpacked(*packed)
    assert len(again) == 3 and list(again.get("mid word") or []) == [3.0, 1, -1.5]


def test_a_changed_model_is_read_afresh(cache: Path, tmp_path: Path) -> None:
    model = {"categories": ["a"], "biases": [0.0], "threshold": 0.5, "posts": 1,
             "features": {"word": [1.0, 0, 2.0]}}  # fmt: skip
    path = tmp_path / "reader.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    assert list(load_model(path)["features"].get("word")) == [1.0, 0, 2.0]
    model["features"] = {"word": [1.0, 0, -2.0]}
    path.write_text(json.dumps(model), encoding="utf-8")
    assert list(load_model(path)["features"].get("word")) == [1.0, 0, -2.0]


def test_a_damaged_copy_is_replaced(cache: Path) -> None:
    path = shipped_rules_dir() / MODEL_FILES[1]
    load_model(path)
    (copy,) = cache.glob("reader-*.marshal")
    copy.write_bytes(b"not marshal data")
    data = load_model(path)
    assert len(data["features"]) > 0 and copy.read_bytes() != b"not marshal data"


def test_old_copies_are_pruned(cache: Path, tmp_path: Path) -> None:
    for index in range(content_cache.KEEP + 2):
        path = tmp_path / f"model{index}.json"
        features = {f"w{index}": [1.0]}
        path.write_text(json.dumps({"categories": [], "features": features}), encoding="utf-8")
        load_model(path)
    assert len(list(cache.glob("reader-*.marshal"))) == content_cache.KEEP
