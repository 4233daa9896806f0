"""`style.spelling`: unknown words, with an insurance vocabulary and the user's own words.

Precision comes first: a spelling checker that underlines names, acronyms, hashtags and
jargon gets switched off, so anything that is probably deliberate is let through. The hot
path is one set lookup per word; everything else runs only for the rare unknown word.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING

from composer.domain.files import read_text, write_atomic
from composer.domain.findings import Finding
from composer.domain.layout import resources_dir
from composer.guidelines.builtin import word_list
from composer.guidelines.builtin.texts import builtin_text
from composer.guidelines.regex_cache import compile_cached
from composer.guidelines.tokens import match_case

if TYPE_CHECKING:
    from composer.guidelines.facts import TextFacts
    from composer.guidelines.inputs import CheckInput

RULE = "style.spelling.unknown"
CATEGORY = "style.spelling"
MAX_SUGGESTIONS = 3
# Distance-2 candidates grow with the square of the length; only short words get them,
# and one check spends at most this long (seconds) on such searches (~5-12 ms a word).
DISTANCE_2_MAX_LENGTH = 5
FAR_SEARCH_BUDGET = 0.02
_SUGGESTION_CACHE_SIZE = 4096
# A swapped pair or a dropped apostrophe ("thier", "thats") is a likelier slip than any
# other single edit, so such candidates count as this many times commoner.
_SLIP_WEIGHT = 20
# The count (in the English list's units) that makes a word common enough to offer from two
# edits away, or to call a shouted word a typo of.
_COMMON = 1_000
# Real words, but never what an agent meant to type in a public post.
_NEVER_SUGGEST = frozenset(
    {"tits", "tit", "shit", "fuck", "cunt", "twat", "cock", "dick", "piss", "slut", "whore"}
)

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_INSERTABLE = _LETTERS + "'"
_CURLY_APOSTROPHE = "\u2019"
_ASCII_WORD = compile_cached(r"[a-z']+")
_ELONGATED = compile_cached(r"(.)\1\1")  # "sooo", "yesss": deliberate, not a typo
_SENTENCE_END = ".!?…"
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "rev", "capt", "sgt"})
# Bases of "n't" contractions; anything else before "n't" ("dosen't") is checked.
_NT_BASES = frozenset({
    "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "could", "would",
    "should", "might", "must", "need", "dare", "ought", "ca", "wo", "sha", "ai"
})  # fmt: skip
_CLITICS = frozenset({"s", "re", "ve", "ll", "d", "m"})
# Prefixes written with a hyphen ("pre-existing", "multi-policy") that are not words alone.
_PREFIXES = frozenset({
    "pre", "non", "anti", "multi", "semi", "sub", "co", "re", "un", "inter", "intra", "post",
    "mid", "self", "ex", "mis", "over", "under", "cross", "tri", "bi", "quasi", "pseudo",
    "micro", "macro", "mega", "ultra", "extra", "hyper", "mini"
})  # fmt: skip
# British spellings: if one of these swaps makes a known word, the word is fine. The
# patterns are anchored to the endings where the spellings differ, so that classic typos
# ("fourty", "untill", "sence") are not excused as British.
_BRITISH = tuple(
    (compile_cached(pattern), replacement)
    for pattern, replacement in (
        (r"our(?=$|s$|ed|ing|able|ably|ful|ite|ist|er|hood|less|ism|is|iz|y$|ly$)", "or"),
        (r"is(?=e$|es$|ed$|ing$|ation|ations$|er$|ers$)", "iz"),
        (r"ys(?=e$|es$|ed$|ing$)", "yz"),
        (r"tre(?=$|s$|d$)", "ter"),
        (r"(?<=[fct])ence(?=$|s$)", "ense"),
        (r"ll(?=ed$|ing$|er$|ers$|or$|ors$)", "l"),
        (r"ogue(?=$|s$)", "og"),
        (r"mme(?=$|s$)", "m"),
        (r"(?<=.)[ao]e(?=.)", "e"),
    )
)


def default_vocabulary_path() -> Path:
    return resources_dir() / "dictionaries" / "insurance.txt"


class SpellingCheck:
    """Built-in check for words that may be misspelled.

    Construction is cheap: the English list (pyspellchecker, ~0.15 s to load, then shared by
    every instance) is read on the first check or on `warm_up()`, which the app can call
    from a background thread.
    """

    def __init__(
        self, user_dictionary: Path | None = None, *, vocabulary: Path | None = None
    ) -> None:
        self.user_dictionary = user_dictionary
        self._vocabulary_path = vocabulary
        self._load_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._loaded = False
        self._english: _English | AbstractSet[str] = frozenset()  # lowercase words
        self._trade: frozenset[str] = frozenset()  # the insurance vocabulary
        # Replaced, never mutated, so a check running on another thread sees a whole set.
        self._user: frozenset[str] = frozenset()
        self._user_loaded = False
        self._suggestions: dict[str, tuple[str, ...]] = {}

    # -- public API -------------------------------------------------------------------

    def __call__(self, inp: CheckInput, facts: TextFacts) -> list[Finding]:
        self._load()
        english, trade, user = self._english, self._trade, self._user
        findings: list[Finding] = []
        deadline = 0.0
        words = facts.words
        # Every word in lower case, then the distinct ones no list knows, by set operations:
        # the lists are asked once per distinct word, and most words never reach Python code.
        lowers = facts.lower_words
        distinct = set(lowers).difference(trade, user)
        if isinstance(english, _English):
            distinct -= english.common
        # (lower case never shortens a word: one of under three letters is never inspected)
        unknown = {word for word in distinct if len(word) >= 3 and word not in english}
        if not unknown:
            return findings
        for index in compress(range(len(lowers)), map(unknown.__contains__, lowers)):  # found in C
            start, end = words[index]
            if end - start < 3:
                continue
            deadline = deadline or time.perf_counter() + FAR_SEARCH_BUDGET
            finding = self._inspect(facts, start, end, time.perf_counter() < deadline)
            if finding is not None:
                findings.append(finding)
        return findings

    def warm_up(self) -> None:
        """Load the word lists now rather than on the first check."""
        self._load()

    def is_known(self, word: str) -> bool:
        """True when `word` on its own would not be flagged (case and apostrophes aside)."""
        self._load()
        lower = _normalise(word.strip())
        return not lower or self._unknown_part(lower) is None

    def suggest(self, word: str, *, far: bool = True) -> list[str]:
        """Up to three likely intended words, most likely first, in the word's own case.

        `far=False` skips the slower distance-2 search for short words.
        """
        self._load()
        lower = _normalise(word)
        if not _ASCII_WORD.fullmatch(lower):
            return []
        return [match_case(word, c) for c in self._candidates(lower, far)]

    def add_to_user_dictionary(self, word: str) -> None:
        """Teach one word, for this session and (with a dictionary file) for good.

        The file is rewritten atomically (temporary file, fsync, replace) so a crash or a
        full disk never leaves the user's list half-written.
        """
        word = word.strip().replace(_CURLY_APOSTROPHE, "'")
        if not word or any(ch.isspace() for ch in word):
            raise ValueError("Add one word at a time.")
        with self._write_lock:
            self._ensure_user_loaded()
            if self.user_dictionary is not None:
                self._append_to_file(self.user_dictionary, word)
            self._user = self._user | _entry_words(word)
            self._suggestions = {}

    def reload_user_dictionary(self) -> None:
        """Re-read the user's dictionary file (after it changed outside Composer)."""
        with self._write_lock:
            self._user = _read_words(self.user_dictionary) if self.user_dictionary else frozenset()
            self._user_loaded = True
            self._suggestions = {}

    # -- loading ----------------------------------------------------------------------

    def _load(self) -> None:
        if self._loaded:
            return
        with self._load_lock:
            if not self._loaded:
                self._english = _english_words()
                self._trade = _read_words(self._vocabulary_path or default_vocabulary_path())
                self._ensure_user_loaded()
                self._loaded = True

    def _ensure_user_loaded(self) -> None:
        if not self._user_loaded:
            if self.user_dictionary is not None:
                self._user = _read_words(self.user_dictionary)
            self._user_loaded = True

    @staticmethod
    def _append_to_file(path: Path, word: str) -> None:
        try:
            existing = read_text(path)
        except FileNotFoundError:
            existing = ""
        if word.lower() in {line.strip().lower() for line in existing.splitlines()}:
            return
        if existing and not existing.endswith("\n"):
            existing += "\n"
        _atomic_write(path, existing + word + "\n")

    # -- deciding ---------------------------------------------------------------------

    def _has(self, lower: str) -> bool:
        return lower in self._english or lower in self._trade or lower in self._user

    def _inspect(self, facts: TextFacts, start: int, end: int, far: bool) -> Finding | None:
        """The slow path for a word not in the lists: is it a probable typo?"""
        text = facts.text
        word = text[start:end]
        if _looks_deliberate(text, start, end, word) or facts.in_entity(start, end):
            return None
        lower = _normalise(word)
        if not _ASCII_WORD.fullmatch(lower) or _ELONGATED.search(lower):
            return None  # another script or accented word; "sooo"
        if word[0].isupper() and not word.isupper() and not _starts_sentence(text, start):
            return None  # a capitalised word mid-sentence is probably a name
        if word[0].isupper() and _used_as_name(text, word, start):
            return None
        if end < len(text) and text[end] == "-" and lower in _PREFIXES:
            return None
        part = self._unknown_part(lower)
        if part is None:
            return None
        part_start, part_end = start + part[0], start + part[1]
        flagged = text[part_start:part_end]
        if part_end - part_start < 3:
            return None
        suggestions = tuple(self.suggest(flagged, far=far))
        if word.isupper() and not any(self._is_common(s.lower()) for s in suggestions):
            return None  # FINCEN (-> "finsen"?): a long acronym, not a shouted typo
        return builtin_text(RULE).finding(
            RULE,
            CATEGORY,
            span=(part_start, part_end),
            text=flagged,
            suggestions=suggestions,
            word=flagged,
        )

    def _unknown_part(self, lower: str) -> tuple[int, int] | None:
        """The (start, end) of the unknown part of a normalised word, or None if all is well."""
        if self._has(lower) or self._british_known(lower):
            return None
        if "'" in lower:
            base, _, clitic = lower.rpartition("'")
            if clitic == "t" and base.endswith("n"):
                return None if base[:-1] in _NT_BASES else (0, len(lower))
            if clitic in _CLITICS and "'" not in base:
                # agent's, we've, they'll: only the base can be wrong.
                return None if self._has(base) or self._british_known(base) else (0, len(base))
            return None  # o'clock-like forms we cannot judge: let them be
        if lower.endswith("s") and (lower[:-1] in self._trade or lower[:-1] in self._user):
            return None  # a plural of a trade or user word ("annuitants", "insurtechs")
        return (0, len(lower))

    def _british_known(self, lower: str) -> bool:
        changed = lower
        for pattern, replacement in _BRITISH:
            swapped = pattern.sub(replacement, lower)
            if swapped != lower:
                if self._has(swapped):
                    return True
                changed = pattern.sub(replacement, changed)
        return changed != lower and self._has(changed)

    # -- suggesting -------------------------------------------------------------------

    def _candidates(self, lower: str, far: bool = True) -> tuple[str, ...]:
        cached = self._suggestions.get(lower)
        if cached is not None:
            return cached
        found = self._known_among(_edits1(lower))
        if not found and len(lower) <= DISTANCE_2_MAX_LENGTH:
            if not far:
                return ()  # not cached: a later check, with time to spare, looks further
            # Two edits away only common words are worth offering ("xqz" -> "xu" is not).
            distant = self._known_among(e2 for e1 in _edits1(lower) for e2 in _edits1(e1, False))
            found = {w for w in distant if len(w) > 2 and self._is_common(w)}
        found.discard(lower)
        found -= _NEVER_SUGGEST
        found = {w for w in found if len(w) > 2 or self._is_common(w)}
        slips = _slips(lower)
        ranked = tuple(sorted(found, key=lambda w: self._rank(w, w in slips))[:MAX_SUGGESTIONS])
        if len(self._suggestions) >= _SUGGESTION_CACHE_SIZE:
            self._suggestions = {}
        self._suggestions[lower] = ranked
        return ranked

    def _known_among(self, words: Iterable[str]) -> set[str]:
        english, trade, user = self._english, self._trade, self._user
        if isinstance(english, _English):
            english.whole()  # hundreds of edits: the whole list in memory, not its file
        return {w for w in words if w in english or w in trade or w in user}

    def _is_common(self, word: str) -> bool:
        return self._rank(word, False)[0] <= -_COMMON

    def _rank(self, word: str, slip: bool) -> tuple[int, str]:
        """Commoner words first; trade and user words count as common, slips as likelier."""
        english = self._english
        count = english.count(word) if isinstance(english, _English) else 0
        if word in self._trade or word in self._user:
            count = max(count, 50_000)
        if slip:
            count *= _SLIP_WEIGHT
        return (-count, word)


# -- helpers ----------------------------------------------------------------------------

_english_lock = threading.Lock()


class _English:
    """Membership in English, answered by the commonest words first and by the whole list
    only for a word they do not know.

    The whole list is asked through its sorted file (a fresh `composer check` reads nothing
    more for a rarer word). Suggestions, which try hundreds of edits of a word, need it in
    memory, and their ranking needs its counts: one table of words and counts answers both,
    so a process reads one cache (~30 ms), not a set of the words and then their counts.
    """

    __slots__ = ("_common", "_counts", "_lock", "_sorted")

    def __init__(self) -> None:
        self._common: frozenset[str] = word_list.english_common()
        self._sorted: word_list.SortedWords | bool | None = False  # False: not opened yet
        self._counts: dict[str, int] | None = None  # every word, with its count
        self._lock = threading.Lock()

    @property
    def common(self) -> frozenset[str]:
        """The commonest words: all known, so a caller may set them aside in one go."""
        return self._common

    def __contains__(self, word: object) -> bool:
        if word in self._common:
            return True
        counts = self._counts
        if counts is None:
            found = self._sorted
            if found is False:
                found = self._sorted = word_list.english_sorted()
            if isinstance(found, word_list.SortedWords):
                return word in found
            counts = self.whole()
        return word in counts

    def whole(self) -> dict[str, int]:
        """The whole list in memory with its counts, read once (writing its sorted file if
        there is none)."""
        counts = self._counts
        if counts is None:
            with self._lock:
                if self._counts is None:
                    self._counts = word_list.english_frequency()
                    if word_list.english_sorted() is None:  # for the next process
                        word_list.write_sorted(self._counts)
                counts = self._counts
        return counts

    def count(self, word: str) -> int:
        return self.whole().get(word, 0)


_english: _English | None = None


def _english_words() -> _English:
    """The English list (its first tier is read in a few milliseconds), shared by every checker."""
    global _english
    if _english is None:
        with _english_lock:
            if _english is None:
                _english = _English()
    return _english


def _normalise(word: str) -> str:
    return word.lower().replace(_CURLY_APOSTROPHE, "'")


def _looks_deliberate(text: str, start: int, end: int, word: str) -> bool:
    """Acronyms, brand names and words glued to digits, paths or handles are not prose."""
    if word.isupper():
        return len(word) <= 5  # HO, COBRA, NAIC; longer shouting is still checked
    if any(ch.isupper() for ch in word[1:]):
        return True  # LinkedIn, iPhone, McAllen, HSAs
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isdigit() or after.isdigit() or "_" in (before, after):
        return True  # 3rd, covid19, snake_case
    if before in "#@/\\&=" or after in "@/\\":
        return True
    if before == ":" and after == ":":
        return True  # :shortcode:
    if after == "." and end + 1 < len(text) and text[end + 1].isalnum():
        return True  # example.com, file.pdf
    return before == "." and start > 1 and text[start - 2].isalnum()


def _starts_sentence(text: str, start: int) -> bool:
    """True when only spaces, quotes, bullets or emoji separate the word from a sentence end."""
    i = start - 1
    limit = max(-1, start - 40)
    while i > limit:
        ch = text[i]
        if ch == "\n":
            return True
        if ch in _SENTENCE_END:
            title = re.search(r"\b[A-Za-z]+$", text[max(0, i - 5) : i])
            return not (ch == "." and title and title.group().lower() in _TITLES)
        if ch.isalnum() or ch in ",;:":
            return False
        i -= 1
    return i < 0


def _used_as_name(text: str, word: str, start: int) -> bool:
    """A capitalised word that also appears capitalised mid-sentence is a name."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        whole = (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        )
        if at != start and whole and not _starts_sentence(text, at):
            return True
        at = text.find(word, end)
    return False


def _edits1(word: str, inserts: bool = True) -> set[str]:
    """Every string one delete, transposition, replacement or insertion away (Norvig).

    The second step of a distance-2 search skips insertions, the largest share: an
    insertion followed by another edit is still found, so only two insertions are lost.
    """
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    edits = {a + b[1:] for a, b in splits if b}
    edits.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    edits.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    if inserts:
        edits.update(a + c + b for a, b in splits for c in _INSERTABLE)
    return edits


def _slips(word: str) -> set[str]:
    """The commonest typing slips: two letters swapped, an apostrophe left out."""
    slips = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    slips.update(word[:i] + "'" + word[i:] for i in range(1, len(word)))
    return slips


def _entry_words(entry: str) -> frozenset[str]:
    """One dictionary line as lookup keys: the whole entry and its hyphen-joined parts."""
    lower = _normalise(entry)
    words = {lower}
    words.update(part for part in re.split(r"[-\s]+", lower) if part)
    return frozenset(words)


def _read_words(path: Path) -> frozenset[str]:
    """A word list: one word per line, `#` starts a comment; a missing file is empty."""
    try:
        content = read_text(path)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return frozenset()
    words: set[str] = set()
    for line in content.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.update(_entry_words(line))
    return frozenset(words)


def _atomic_write(path: Path, content: str) -> None:
    """Write a file so that readers see the old or the new content, never a mixture."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, content.encode("utf-8"), overwrite=True)
