"""Words and sentences with code-point spans, for spelling, readability and rules."""

from __future__ import annotations

import re

Span = tuple[int, int]

_WORD = re.compile(r"([^\W\d_]+)(?:['’][^\W\d_]+)*")
# A sentence ends at . ! ? (possibly repeated, possibly followed by closing quotes or
# brackets) before whitespace, or at a blank line / line break.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s|$)|\n+")


def find_words(text: str) -> list[Span]:
    return [m.span() for m in _WORD.finditer(text)]


def find_words_and_heads(text: str) -> tuple[list[Span], list[str]]:
    """Word spans, and each word's leading letters in lower case ("don't" -> "don")."""
    spans: list[Span] = []
    heads: list[str] = []
    for match in _WORD.finditer(text):
        spans.append(match.span())
        heads.append(match.group(1).lower())
    return spans, heads


def find_sentences(text: str) -> list[Span]:
    """Sentence spans with surrounding whitespace trimmed; empty stretches are skipped."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        _add_trimmed(text, start, end, spans)
        start = match.end()
    _add_trimmed(text, start, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
