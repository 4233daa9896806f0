"""The learned reader: a second opinion on wording the rules have never seen.

Rules catch the wording they were written for; on posts gathered later from sources nobody
here had read they find about half of the problems. The reader is a small linear model
(one logistic regression per category over the words and word pairs of a post, weighted by
how rare they are) trained in this repository on the labelled real-world posts by
`tests/data/real/train_reader.py`. It weighs many weak cues together where a rule needs one
exact phrase, so it generalises differently. It is never the only ground for an error: a
category it reads that no rule found becomes a warning on the sentence that reads most like
it. Where it is all but sure a rule's category is absent (a post explaining, warning about
or quoting the very wording a rule looks for), the rule's finding is shown as a suggestion
instead (`doubted`): still there to read, no longer a warning or an error.

The model is plain data (resources/guidelines/reader.json): no numeric library at run time,
about a millisecond per post.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain, pairwise
from pathlib import Path
from typing import Any

from composer.domain.findings import Finding
from composer.domain.layout import shipped_rules_dir
from composer.guidelines.builtin.texts import builtin_text, reader_names
from composer.guidelines.normalise import Normalised
from composer.guidelines.reader_table import FeatureTable, load_model
from composer.guidelines.tokens import Span

MODEL_FILE = "reader.json"
COMMENT_MODEL_FILE = "comment-reader.json"  # one category, "complaint", read on comments
REPLY_MODEL_FILE = "reply-reader.json"  # the reply categories (tone, privacy...), on replies
MODEL_FILES = (MODEL_FILE, COMMENT_MODEL_FILE, REPLY_MODEL_FILE)
MAX_CHARS = 10_000  # a post, not a document: longer texts are left to the rules
# Never doubted: a client's details or a slur are wrong however the rest of the post reads.
UNDOUBTED = frozenset({"compliance.privacy", "etiquette.offensive"})

_MONEY = re.compile(r"\$\s?\d[\d,.]*k?")
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s?%")
_NUMBER = re.compile(r"\d[\d,.]*")
# Words of two or more characters: `\b\w\w+\b` as the model was trained, written so the
# search starts only at word characters (every maximal run of two or more is one match).
_WORD = re.compile(r"\w{2,}")


def features(text: str) -> Counter[str]:
    """The words and adjacent word pairs of `text`, lower-cased, with amounts of money,
    percentages and other numbers each read as one placeholder word. The training script
    uses this very function, so the model and the engine read a text the same way."""
    words = _words(text)
    counts: Counter[str] = Counter(words)
    counts.update(map(" ".join, pairwise(words)))  # "a b" for each pair, made in C
    return counts


def _words(text: str) -> list[str]:
    """The words `features` counts, in order."""
    text = text.lower()
    text = _MONEY.sub(" zmoney ", text)
    if "%" in text:  # every percentage has one; the search costs more than this test
        text = _PERCENT.sub(" zpct ", text)
    text = _NUMBER.sub(" znum ", text)
    return _WORD.findall(text)


def _counted(words: list[str]) -> Iterator[tuple[str | tuple[str, str], int]]:
    """`features(text).items()` for the text's `words`, in the same order, with the same
    counts, except that a pair is left as its two words: `Reader` makes it into text only
    the first time it meets it (a word has no space, so no pair's text is a word's)."""
    # one count for both (a word and a pair are never equal): the words come first, each
    # kind in the order it first appears, as two counts chained would give them
    features: Iterable[_Feature] = chain(words, pairwise(words))
    return iter(Counter(features).items())


# A feature's idf, its square, ((category, weight * idf), ...) for a feature seen once, and
# ((category, weight), ...).
_Ready = tuple[float, float, tuple[tuple[int, float], ...], tuple[tuple[int, float], ...]]
_Feature = str | tuple[str, str]  # a word, or a pair of words as `_counted` leaves it
# Features remembered, known or not, before the memory starts afresh: known ones are at
# most the model's few tens of thousands; unknown ones grow with every new text.
READY_LIMIT = 300_000


@dataclass(frozen=True, slots=True)
class Reading:
    """A category the reader finds in a text, where it reads most like it, how sure."""

    category: str
    probability: float
    span: Span
    hint: bool = False  # read from the reader's `hint` up to its threshold: a suggestion


class Reader:
    """Scores a text for each category the model knows."""

    def __init__(
        self,
        categories: Sequence[str],
        biases: Sequence[float],
        table: Mapping[str, Sequence[float]] | FeatureTable,
        threshold: float,
        posts: int = 0,
        doubt: float | None = None,
        hint: float | None = None,
    ) -> None:
        """`table` maps each known feature to its rarity (idf) followed by pairs of a
        category's index and that category's weight for it (the strongest only). Below
        `doubt`, a rule's finding in a category is shown as a suggestion (None: never); from
        `hint` up to the threshold, a category no rule found is offered as a suggestion."""
        self.categories = tuple(categories)
        self._biases = tuple(biases)
        self._table = table
        self.threshold = threshold
        self.posts = posts  # how many labelled texts it learned from (said in its warnings)
        self.doubt = doubt
        self.hint = hint
        # Each feature's entry, made when first read (see `_Ready`), or None when the model
        # does not know it: a bisection over its names is dearer than the dict.
        self._ready: dict[_Feature, _Ready | None] = {}

    @classmethod
    def load(cls, path: Path) -> Reader:
        return cls.of(load_model(path))  # its weights from the compact copy, when there is one

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Reader:
        """A reader from a model's data as the training script writes it."""
        return cls(
            data["categories"],
            data["biases"],
            data["features"],
            data["threshold"],
            data["posts"],
            data.get("doubt"),
            data.get("hint"),
        )

    def probabilities(self, text: str) -> list[float]:
        """Each category's probability for `text` as a whole (tf-idf, unit length)."""
        scores = [0.0] * len(self._biases)
        norm = 0.0
        ready = self._ready
        # Only the features the model knows, in the text's order (the sums keep their order).
        for feature, count in _counted(_words(text)):
            found = ready.get(feature, _UNSEEN)
            if found is _UNSEEN:
                found = self._looked_up(feature)
            if found is None:
                continue
            idf, square, once, weights = found
            if count == 1:  # most features: (1 + log 1) * idf is idf, its products made once
                norm += square
                for index, product in once:
                    scores[index] += product
                continue
            value = (1.0 + math.log(count)) * idf
            norm += value * value
            for index, weight in weights:
                scores[index] += weight * value
        scale = 1.0 / math.sqrt(norm) if norm else 0.0
        return [
            1.0 / (1.0 + math.exp(-(b + s * scale)))
            for b, s in zip(self._biases, scores, strict=True)
        ]

    def _looked_up(self, feature: _Feature) -> _Ready | None:
        """A feature's entry from the model (None: unknown), remembered either way."""
        ready = self._ready
        if len(ready) >= READY_LIMIT:
            ready.clear()
        entry = self._table.get(feature if isinstance(feature, str) else " ".join(feature))
        found = ready[feature] = None if entry is None else _ready(entry)
        return found

    def read(
        self,
        text: str,
        sentences: Sequence[Span],
        skip: frozenset[str],
        whole: Sequence[float] | None = None,
        unhinted: frozenset[str] | None = None,
    ) -> list[Reading]:
        """Categories above the threshold (except `skip`), each placed on its sentence that
        reads most like it (the whole text when no sentence alone does better). `whole`:
        the text's probabilities when the caller already has them. Unless `unhinted` is None,
        the categories read from the reader's `hint` up to its threshold (except those in
        `unhinted`) come too, marked as hints, placed in the same pass over the sentences."""
        if len(text) > MAX_CHARS or not text.strip():
            return []
        if whole is None:
            whole = self.probabilities(text)
        low = self.hint if unhinted is not None and self.hint is not None else self.threshold
        wanted = [
            i
            for i, p in enumerate(whole)
            if p >= low
            and self.categories[i] not in skip
            and (p >= self.threshold or self.categories[i] not in (unhinted or ()))
        ]
        return self._placed(text, sentences, wanted, whole)

    def _placed(
        self, text: str, sentences: Sequence[Span], wanted: list[int], whole: Sequence[float]
    ) -> list[Reading]:
        """Each wanted category on the sentence that reads most like it (else the whole)."""
        if not wanted:
            return []
        by_sentence = [(span, self.probabilities(text[span[0] : span[1]])) for span in sentences]
        readings = []
        for index in wanted:
            span: Span = (0, len(text))
            best = -1.0
            for sentence, probs in by_sentence:
                if probs[index] > best:
                    span, best = sentence, probs[index]
            probability = whole[index]
            hint = probability < self.threshold
            readings.append(Reading(self.categories[index], probability, span, hint))
        return readings


_UNSEEN: Any = object()  # `ready.get`'s answer for a feature not yet looked up


def _ready(entry: Sequence[float]) -> _Ready:
    idf = entry[0]
    weights = tuple((int(entry[k]), entry[k + 1]) for k in range(1, len(entry), 2))
    # weight * idf is the very product `probabilities` would make for a feature seen once
    return idf, idf * idf, tuple((index, weight * idf) for index, weight in weights), weights


def load_reader(folder: Path | None = None, name: str = MODEL_FILE) -> Reader | None:
    """A shipped model, or None when it is missing or unreadable (the rules still run)."""
    path = (folder or shipped_rules_dir()) / name
    try:
        return Reader.load(path)
    except (OSError, ValueError, KeyError, TypeError):
        return None


class LazyReader:
    """A shipped model read when first asked for: the comment and reply readers serve
    replies only, and reading each one's weights costs a fresh `composer check` ~12 ms."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._lock = threading.Lock()
        self._done = False
        self._reader: Reader | None = None

    def get(self) -> Reader | None:
        if not self._done:
            with self._lock:  # one thread reads it; another waits for it, never for None
                if not self._done:
                    self._reader = load_reader(name=self._name)
                    self._done = True
        return self._reader


def loaded(reader: Reader | LazyReader | None) -> Reader | None:
    """The reader itself, read now if it was left for later."""
    return reader.get() if isinstance(reader, LazyReader) else reader


def reads_as_complaint(reader: Reader, text: str) -> bool:
    """Whether the comment reader takes `text` (a comment) for a complaint."""
    return bool(text.strip()) and reader.probabilities(text)[0] >= reader.threshold


def reader_finding(reading: Reading, view: Normalised, posts: int, key: str = "reader") -> Finding:
    """A reading worded as a warning on its sentence, in the text as the agent typed it
    (`key` names the built-in texts: the posts' reader or the replies' reader; a hint is
    worded by the key's `-hint` texts, a suggestion with a rule id of its own)."""
    start, end = view.span(*reading.span)
    what = reader_names().get(reading.category, reading.category)
    texts = f"{key}-hint" if reading.hint else key
    return builtin_text(texts).finding(
        f"{reading.category}.{'reader-hint' if reading.hint else 'reader'}",
        reading.category,
        span=(start, end),
        text=view.original[start:end],
        what=what,
        posts=posts,
        sure=round(reading.probability * 100),
    )


def doubted(
    findings: list[Finding], reader: Reader, whole: Sequence[float], key: str = "reader-doubt"
) -> list[Finding]:
    """`findings` with each rule's warning or error the reader all but rules out (below its
    `doubt`, from `whole`, the post's probabilities) shown as a suggestion, saying why.

    On posts gathered after the rules were written, most false alarms were posts about the
    very practices the rules look for (a scam warning quoting the scam, an exam flashcard);
    left out in turn, the reader's doubt took about a quarter of those clean posts off the
    loud list for about one real problem in 150 (tests/data/real/train_reader.py)."""
    if reader.doubt is None:
        return findings
    chance = dict(zip(reader.categories, whole, strict=True))
    text = builtin_text(key)  # the posts' reader, or the replies' ("reply-reader-doubt")
    out = []
    for finding in findings:
        p = chance.get(finding.category)
        if (
            p is None
            or p >= reader.doubt
            or finding.severity == "suggestion"
            or finding.category in UNDOUBTED
        ):
            out.append(finding)
            continue
        note = text.explanation.format(
            was="an error" if finding.severity == "error" else "a warning",
            what=reader_names().get(finding.category, finding.category),
            posts=reader.posts,
            sure=max(1, round(p * 100)),
        )
        explanation = f"{finding.explanation}\n\n{note}" if finding.explanation else note
        out.append(replace(finding, severity="suggestion", explanation=explanation))
    return out
