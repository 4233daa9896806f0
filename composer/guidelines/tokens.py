"""Words and sentences with code-point spans, for spelling, readability and rules."""

from __future__ import annotations

from itertools import accumulate

from composer.guidelines.regex_cache import compile_cached

Span = tuple[int, int]  # [start, end) in code points; the one definition, used everywhere

_WORD = compile_cached(r"([^\W\d_]+)(?:['’][^\W\d_]+)*")
_HEAD = compile_cached(r"([^\W\d_]+)(?:['’][^\W\d_]+)*")
_WORD_PARTS = compile_cached(r"([^\W\d_]+)((?:['’][^\W\d_]+)*)")  # a word's head, its rest
_ASCII_WORD_PARTS = compile_cached(r"([a-z]+)((?:['’][a-z]+)*)")  # lower case, no other letters
_LETTER = compile_cached(r"[^\W\d_]")
_NON_ASCII = compile_cached(r"[^\x00-\x7f]+")
# A sentence ends at . ! ? (possibly repeated, possibly followed by closing quotes or
# brackets) before whitespace, or at a blank line / line break.
# (`[.!?…]+["'”’)\]]*(?=\s|$)|\n+`, written to begin with the class of its first character, so
# the pattern engine skips ahead to those instead of trying each position: 6x quicker.)
_SENTENCE_END = compile_cached(r"[.!?…\n](?:(?<=\n)\n*|(?<=[.!?…])[.!?…]*[\"'”’)\]]*(?=\s|$))")
# Titles and abbreviations ("Mr.", "Lic.") do not end a sentence.
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "lic", "vs", "inc", "co", "ave"}
)
_LAST_WORD = compile_cached(r"([^\W\d_]+)$")
# The letters every abbreviation ends with, either case: most dots follow none of them.
_ABBREVIATION_ENDS = frozenset("".join(w[-1] + w[-1].upper() for w in _ABBREVIATIONS))


def find_words(text: str) -> list[Span]:
    return [m.span() for m in _WORD.finditer(text)]


def find_words_and_heads(text: str) -> tuple[list[Span], list[str]]:
    """Word spans, and each word's leading letters in lower case ("don't" -> "don")."""
    spans, heads, _rests = find_word_parts(text)
    return spans, heads


def find_word_parts(text: str) -> tuple[list[Span], list[str], list[str] | None]:
    """`find_words_and_heads`, and what follows each head in lower case ("'t" of "don't")
    when the one split gave it (None otherwise): each word in lower case is then its head
    and rest, made without cutting the text into words again (in a post with an emoji,
    each cut scans the word for its widest character)."""
    lowered = text.lower()
    rest = "" if text.isascii() else "".join(_NON_ASCII.findall(text))
    if rest.lower() == rest:
        # Lower case changes no character's kind here, so the words of the lowered text
        # are the text's own: one split gives every word's head, rest and the gaps between,
        # and the running sum of their lengths every word's span, all without Python code
        # per word. With no letter beyond ASCII (emoji and marks aside), a word's letters
        # are a to z, a class the pattern engine tests quicker than "a letter".
        split = _WORD_PARTS.split if _LETTER.search(rest) else _ASCII_WORD_PARTS.split
        parts = split(lowered)
        ends = list(accumulate(map(len, parts)))
        return list(zip(ends[0:-1:3], ends[2::3], strict=True)), parts[1::3], parts[2::3]
    spans = [match.span() for match in _WORD.finditer(text)]
    heads = _HEAD.findall(lowered)  # same words, leading letters only, found in C
    if len(heads) != len(spans):  # lower() changed a word's shape (rare scripts): go slowly
        heads = [match.group(1).lower() for match in _WORD.finditer(text)]
    return spans, heads, None


def find_sentences(text: str) -> list[Span]:
    """Sentence spans with surrounding whitespace trimmed; empty stretches are skipped."""
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        found = match.group()  # asked once: a post has dozens of sentence ends
        at, after = match.span()
        if found == "." and _after_abbreviation(text, at):
            continue
        _add_trimmed(text, start, after if found.strip() else at, spans)
        start = after
    _add_trimmed(text, start, len(text), spans)
    return spans


def _after_abbreviation(text: str, dot: int) -> bool:
    before = text[dot - 1 : dot] if dot else ""
    if before.isascii() and before not in _ABBREVIATION_ENDS:
        return False  # (only a letter beyond ASCII can lower to one of them: asked below)
    word = _LAST_WORD.search(text, max(0, dot - 4), dot)
    return word is not None and word.group(1).lower() in _ABBREVIATIONS


def _add_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    part = text[start:end]
    kept = part.strip()  # the same white space as `str.isspace`, trimmed in C
    if kept:
        start += len(part) - len(part.lstrip())
        spans.append((start, start + len(kept)))


def match_case(original: str, replacement: str) -> str:
    """Keep the flagged word's capitalisation on a suggested word or wording."""
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
