"""Whether a text reads as English, for the learned readers.

The readers learned their words from English posts and replies. Given Dutch, Italian or
Spanish they see mostly words they never learned and read the rest at random: on the reply
set written in five European languages, 14 of 47 kind replies drew a loud reading. So they
leave a text alone when most of its distinct words are not common English words and almost
none is one of English's small grammatical words; the rules, which name English wording,
still run. Distinct words, so that a keyword repeated ten times ("Public Adjuster Toronto")
counts once; hashtags, mentions and links are left out.
"""

from __future__ import annotations

import string
from itertools import compress

from composer.guidelines.builtin.word_list import english_common
from composer.guidelines.facts import TextFacts

MIN_WORDS = 8  # fewer distinct words than this: too little to judge, read as English
COMMON_SHARE = 0.6  # below this share of common English words...
GRAMMAR_SHARE = 0.08  # ...and this share of English grammatical words: another language
GRAMMAR_WORDS = frozenset(
    {
        "the", "to", "and", "of", "you", "your", "is", "for", "it", "we", "our", "with", "this",
        "that", "be", "are", "my", "at", "as", "not", "or", "if", "can", "will", "have", "do",
        "about", "from", "by", "an", "all", "get", "what", "when", "how", "they", "their", "there",
        "here", "was", "were", "has", "had", "would", "should", "could", "just", "more", "than",
        "been", "who", "which", "them", "us", "any", "out", "up", "its", "it's", "you're", "don't",
        "can't", "we're", "i'm",
    }
)  # fmt: skip

_LONE_LETTERS = frozenset(string.ascii_lowercase)


def reads_as_english(facts: TextFacts) -> bool:
    """False when the text is plainly in another language (see the module's docstring)."""
    words = set(facts.lower_words)
    if facts.has_entities:  # leave out words said only in hashtags, mentions or links
        keep = [True] * len(facts.lower_words)
        for i in facts.words_in_entities():  # a few words: the rest are kept in C
            keep[i] = False
        words = set(compress(facts.lower_words, keep))
    if "".join(words).isascii():
        # Letters a to z and straight apostrophes only: every word but a lone letter passes
        # the test below, so the lone letters are taken out in C instead.
        words -= _LONE_LETTERS
    else:
        words = {word for word in words if len(word) > 1 and word.replace("'", "").isalpha()}
    if len(words) < MIN_WORDS:
        return True
    if len(words & english_common()) >= COMMON_SHARE * len(words):
        return True
    return len(words & GRAMMAR_WORDS) >= GRAMMAR_SHARE * len(words)
