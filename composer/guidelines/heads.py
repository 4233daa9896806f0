"""The words a phrase's match can begin at, told from their heads alone.

The word index keys a phrase by its first word's first three letters, so every "your"
would try the phrases that begin with "you're" and every "weekend" those that begin with
"week". A word's head (its leading letters, lower case: `tokens.find_words_and_heads`)
says more. A match takes the whole head of the word it begins at, because what a phrase
reads after its first word's letters never reads a letter: a separator, the word edge at
its end, or a character written in the word itself (the apostrophe of "you're"). So a
first word written out ("week", with the endings `phrases.inflect` gives it: "weeks",
"weeked"...) begins only at those heads; a stem (`week*`) at heads beginning with its
letters, as do words beyond ASCII (case folding is not lower case there).
"""

from __future__ import annotations

import re

from composer.guidelines.phrases import Phrase, inflection_parts

# The heads each ending `inflection_parts` writes can leave: the letters it may add ("'s"
# adds none to the head, which stops at the apostrophe).
_ENDINGS: dict[str, tuple[str, ...]] = {
    r"(?:['’]?s)?": ("", "s"),
    r"(?:y|ies|ied|ying)": ("y", "ies", "ied", "ying"),
    r"(?:e|es|ed|er|ers|ing|e['’]s)": ("e", "es", "ed", "er", "ers", "ing"),
    r"(?:s|es|ed|ing|['’]s|e?d)?": ("", "s", "es", "ed", "ing", "d"),
}
_VOWELS = set("aeiou")
_LEADING_LETTERS = re.compile(r"[^\W\d_]+")

# The heads a match can begin at: whole heads, and beginnings of heads (tuples: what
# `str.startswith` takes, and quicker to read back from the pack cache than sets).
StartHeads = tuple[tuple[str, ...], tuple[str, ...]]


def start_heads(phrase: Phrase) -> StartHeads | None:
    """The heads a match of `phrase` can begin at (its first word's, and the next one's
    while the words before are optional), or None when that cannot be said (a gap)."""
    whole: set[str] = set()
    begins: set[str] = set()
    for item in phrase.items:
        if item is None:
            return None
        for option in item.options:
            heads = _word_heads(option[0], phrase.tail)
            if heads is None:
                begins.add(_literal_letters(option[0]))
            else:
                whole.update(heads)
        if not item.optional:
            return tuple(sorted(whole)), tuple(sorted(begins))
    return None


def begins_at(heads: StartHeads, head: str) -> bool:
    """Whether a match can begin at a word headed `head` (lower-case ASCII letters)."""
    return head in heads[0] or head.startswith(heads[1])


def _word_heads(word: str, tail: bool) -> set[str] | None:
    """Every head a match of `word` can have, or None when only its beginning is known.

    A word of letters takes its endings, and the word edge after it (`tail`) keeps a match
    from ending inside a longer word; a word with other characters ("you're", "401k") has
    one head, the letters before the first of them, which the pattern spells out."""
    if not word.isascii() or word.endswith("*"):
        return None
    if not word.isalpha():
        letters = _LEADING_LETTERS.match(word)
        return {letters.group()} if letters is not None else None
    if not tail:
        return None
    stem, ending = inflection_parts(word)
    endings = _ENDINGS.get(ending)
    return {stem + end for end in endings} if endings is not None else None


def _literal_letters(word: str) -> str:
    """The letters every match of `word` begins with (`inflection_parts`'s stem, up to its
    first character that is not a letter): "polic" for "policy", "promis" for "promise*"."""
    stem = word.removesuffix("*")
    consonant_y = stem.endswith("y") and len(stem) > 2 and stem[-2] not in _VOWELS
    if word.endswith("*"):
        cut = consonant_y or (stem.endswith("e") and len(stem) > 4)
    else:
        cut = word.isalpha() and len(word) > 3 and (consonant_y or word.endswith("e"))
    if cut:
        stem = stem[:-1]
    letters = _LEADING_LETTERS.match(stem)
    return letters.group() if letters is not None else ""
