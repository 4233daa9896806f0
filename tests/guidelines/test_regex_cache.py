"""Kept pattern programs give the very pattern `re.compile` gives, across processes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from composer.guidelines import regex_cache
from composer.guidelines.alternation import compile_phrases

PATTERNS = [
    (r"(?<![\w$])(?:guarantee(?:s|d)?|can['’]t lose)(?!\w)", re.IGNORECASE),
    (r"(?P<amount>\$\d+)\s+(?:gift\s+card|cash)\b", 0),
    (r"\b[A-Z][a-z]+ (?:Insurance|Life)\b", 0),
    (r"(?i:a client) (?:asked|came)", 0),
]
TEXTS = ["We guarantee it", "You CAN'T LOSE", "$50 gift card!", "Acme Life rocks", "A client came"]


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "regex.marshal"
    monkeypatch.setattr(regex_cache, "_path", lambda: path)
    monkeypatch.setattr(regex_cache, "_known", None)
    monkeypatch.setattr(regex_cache, "_new", {})
    monkeypatch.setattr(regex_cache, "_made", {})
    return path


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Forget what this process compiled, as a new process would; count fresh compiles."""
    monkeypatch.setattr(regex_cache, "_known", None)
    monkeypatch.setattr(regex_cache, "_new", {})
    monkeypatch.setattr(regex_cache, "_made", {})
    compiled: list[str] = []
    real = regex_cache._program

    def counting(source: str, flags: int) -> tuple[object, ...]:
        compiled.append(source)
        return real(source, flags)

    monkeypatch.setattr(regex_cache, "_program", counting)
    return compiled


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )
    for text in TEXTS:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groups() for m in a.finditer(text)] == [m.groups() for m in b.finditer(text)]


def test_a_kept_program_is_the_same_pattern(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for source, flags in PATTERNS:
        _same(regex_cache.compile_cached(source, flags), re.compile(source, flags))
    regex_cache._save()
    assert kept.is_file()
    compiled = _fresh_process(monkeypatch)
    for source, flags in PATTERNS:
        _same(regex_cache.compile_cached(source, flags), re.compile(source, flags))
    assert compiled == []  # every one read back, none compiled


def test_a_phrase_alternation_is_kept(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    phrases = ["guaranteed (growth|income)", "can't lose", "risk free", "no risk*"]
    first = compile_phrases(phrases)
    regex_cache._save()
    compiled = _fresh_process(monkeypatch)
    _same(compile_phrases(phrases), first)
    assert compiled == []


def test_a_damaged_file_only_costs_the_shortcut(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regex_cache.compile_cached(*PATTERNS[0])
    regex_cache._save()
    data = bytearray(kept.read_bytes())
    data[-20:] = b"\x00" * 20  # the program's tail
    kept.write_bytes(bytes(data))
    compiled = _fresh_process(monkeypatch)
    _same(regex_cache.compile_cached(*PATTERNS[0]), re.compile(*PATTERNS[0]))
    kept.write_bytes(b"not a cache at all")
    compiled = _fresh_process(monkeypatch)
    _same(regex_cache.compile_cached(*PATTERNS[1]), re.compile(*PATTERNS[1]))
    assert compiled == [PATTERNS[1][0]]


def test_a_bad_pattern_raises_as_re_does(kept: Path) -> None:
    with pytest.raises(re.error):
        regex_cache.compile_cached("(unclosed", 0)
