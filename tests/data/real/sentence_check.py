"""Would the posts' reader find more if it read each sentence too, not only the whole post?

In a long post one problem sentence is a small share of the whole post's tf-idf vector, so
the whole post may read below the threshold while that sentence alone reads far above it.
This cross-check (`train_reader.py --cross-check-sentences [--groups N]`) leaves the
evaluation sets out (each one in turn, or N groups of neighbouring sets, for time), trains
on the rest, and scores every post left out as a whole, sentence by sentence and by windows
of two adjacent sentences. Beside the rules (today's, with the reader's doubt), it prints
for each setting what is found at any severity, what a warning or an error finds, and the
clean posts flagged loudly or given only a hint, against the current behaviour (the whole
post alone) in the same run.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

from composer.guidelines.facts import TextFacts
from composer.guidelines.language import reads_as_english
from composer.guidelines.reader import MAX_CHARS, UNDOUBTED

if TYPE_CHECKING:
    from train_reader import Trainer

MIN_WORDS = 4  # a sentence shorter than this ("Call me!") says too little to read alone


@dataclass
class Scored:
    """One post left out: what is expected, what the rules say, what the reader reads."""

    found: set[str]
    clean: bool
    rules: set[str]  # every category the rules find, at any severity
    loud: set[str]  # those of them a warning or an error
    whole: dict[str, float]
    sentences: list[dict[str, float]]  # sentences of MIN_WORDS words or more
    windows: list[dict[str, float]]  # two adjacent sentences read together


def _number(path: Path) -> int:
    found = re.search(r"-(\d+)", path.name)
    return int(found.group(1)) if found else (0 if path.parent.name == "real" else 1)


def folds(files: list[Path], groups: int | None, since: int = 0) -> list[list[Path]]:
    """The evaluation sets (numbered `since` or later) to leave out together: each alone,
    or `groups` runs of sets gathered one after another (a round's sets share sources)."""
    held = sorted((p for p in files if "evaluation" in p.name and _number(p) >= since), key=_number)
    if not groups:
        return [[p] for p in held]
    size = -(-len(held) // groups)
    return [held[i : i + size] for i in range(0, len(held), size)]


def _fold(held: list[Path]) -> list[Scored]:
    """Train without `held`, score each of its posts (run in a worker)."""
    import train_reader as tr  # the worker's own copy, as the script's `__main__` is not

    trainer = _STATE["trainer"]
    texts, labels = [], []
    for path, items in _STATE["read"].items():
        if path not in held:
            for text, found, _clean, _row in items:
                texts.append(text)
                labels.append(found)
    categories = tr.categories_of(labels)
    reader = tr.reader_of(trainer.fit(texts, labels, categories), 1.0)
    out = []
    for path in held:
        for text, found, clean, row in _STATE["read"][path]:
            facts = TextFacts(trainer.engine.view(row["text"]).text)
            if len(text) > MAX_CHARS:  # the reader leaves a document to the rules
                continue
            spans = [s for s in facts.sentences if len(text[s[0] : s[1]].split()) >= MIN_WORDS]
            spans_all = facts.sentences

            def probs(part: str) -> dict[str, float]:
                return dict(zip(categories, reader.probabilities(part), strict=True))

            every, loud = tr.rules_on_post(trainer, row["text"], row["platforms"])
            out.append(
                Scored(
                    found,
                    clean,
                    every,
                    loud,
                    probs(text),
                    [probs(text[a:b]) for a, b in spans] if len(spans_all) > 1 else [],
                    [probs(text[a[0] : b[1]]) for a, b in pairwise(spans_all)]
                    if len(spans_all) > 2
                    else [],
                )
            )
    print(f"left out {held[0].name}..{held[-1].name}: {len(out)} posts", flush=True)
    (_STATE["folder"] / f"fold-{_number(held[0])}.pickle").write_bytes(pickle.dumps(out))
    return out


_STATE: dict = {}


def score(
    trainer: Trainer, files: list[Path], groups: int | None, cache: Path, since: int = 0
) -> list[Scored]:
    """Every evaluation post, scored by a reader that never saw its set. Cached in `cache`,
    each fold beside it as it ends (a run cut short can be reported on from those)."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    import train_reader as tr

    read: dict[Path, list[tuple[str, set[str], bool, dict]]] = {}
    for path in files:
        read[path] = []
        for row in tr.rows(path):
            facts = TextFacts(trainer.engine.view(row["text"]).text)
            if not reads_as_english(facts):
                continue
            text = trainer.engine.reader_text(facts)
            read[path].append((text, set(row["expect"]) - tr.EXCLUDED, bool(row["clean"]), row))
    _STATE.update(trainer=trainer, read=read, folder=cache.parent)
    with get_context("fork").Pool(2) as pool:
        done = pool.imap_unordered(_fold, folds(files, groups, since))
        scored = [post for part in done for post in part]
    cache.write_bytes(pickle.dumps(scored))
    return scored


def _best(parts: Iterable[dict[str, float]], category: str) -> float:
    return max((p[category] for p in parts), default=0.0)


def outcome(
    scored: list[Scored],
    threshold: float,
    hint: float,
    doubt: float,
    sentence: float | None = None,
    window: float | None = None,
    sentence_hint: float | None = None,
    least: int = 2,
) -> tuple[int, int, int, int, int, int]:
    """Found at any severity, found by a warning or an error, expected problems, clean
    posts flagged loudly, clean posts given only a hint, clean posts: the rules (their
    findings the reader all but rules out made suggestions) beside a reader that fires on
    the whole post at `threshold`, or on its best sentence at `sentence`, or its best
    window at `window` (posts of `least` sentences or more), and hints from `hint` (or a
    sentence from `sentence_hint`)."""
    anyhow = loudly = total = loud_clean = hinted = cleans = 0
    for post in scored:
        loud = {
            c
            for c in post.loud
            if c in UNDOUBTED or post.whole.get(c) is None or post.whole[c] >= doubt
        }
        said, soft = set(), set()
        long = len(post.sentences) >= least
        for c, p in post.whole.items():
            if c in post.rules or c.startswith("conversation."):
                continue
            if (
                p >= threshold
                or (sentence is not None and long and _best(post.sentences, c) >= sentence)
                or (window is not None and long and _best(post.windows, c) >= window)
            ):
                said.add(c)
            elif p >= hint or (
                sentence_hint is not None and long and _best(post.sentences, c) >= sentence_hint
            ):
                soft.add(c)
        total += len(post.found)
        anyhow += len(post.found & (post.rules | said | soft))
        loudly += len(post.found & (loud | said))
        if post.clean:
            cleans += 1
            real = {c for c in loud | said if not c.startswith(("style.", "platform."))}
            loud_clean += bool(real)
            hinted += not real and bool(soft)
    return anyhow, loudly, total, loud_clean, hinted, cleans


def report(scored: list[Scored], threshold: float, hint: float, doubt: float) -> None:
    settings: list[tuple[str, dict]] = [("current (whole post only)", {})]
    for s in (0.9, 0.95, 0.97, 0.98, 0.99):
        settings.append((f"sentence >= {s}", {"sentence": s}))
    for s in (0.95, 0.97, 0.99):
        settings.append((f"sentence >= {s}, 3+ sentences", {"sentence": s, "least": 3}))
        settings.append((f"sentence >= {s}, 5+ sentences", {"sentence": s, "least": 5}))
    for w in (0.95, 0.97, 0.99):
        settings.append((f"window >= {w}", {"window": w}))
    for h in (0.8, 0.9, 0.95):
        settings.append((f"sentence hint >= {h}", {"sentence_hint": h}))
    print(f"{'setting':34} {'any severity':>16} {'warning/error':>16} {'clean loud':>14} "
          f"{'hint only':>14}")  # fmt: skip
    for name, extra in settings:
        anyhow, loudly, total, loud, hinted, cleans = outcome(
            scored, threshold, hint, doubt, **extra
        )
        print(
            f"{name:34} {anyhow:>6}/{total} {anyhow / total:5.1%} {loudly:>6} {loudly / total:5.1%}"
            f" {loud:>5} {loud / cleans:5.1%} {hinted:>5} {hinted / cleans:5.1%}"
        )
