"""Train the learned reader (composer/guidelines/reader.py) from the labelled sets here.

Run: `uv run --group train python tests/data/real/train_reader.py`. It writes
resources/guidelines/reader.json (and comment-reader.json, the same kind of model reading
whether a comment is a complaint, from the sourced reply sets, and reply-reader.json, reading
a reply for tone, privacy, fault and the rest, from every reply set): the categories, each one's
bias and its strongest word weights, the rarity (idf) of every word the model knows, the
threshold, the parameters and the SHA-256 of every file it read.
tests/guidelines/test_reader.py fails when a labelled file changed since, so the model never
silently lags its data.

`--cross-check` instead leaves each evaluation set out in turn (`--cross-check-comments`
does the same for the comment reader over the reply sets, `--cross-check-replies` for the
reply reader, alone and beside the rules), trains on the rest and
prints what the reader alone finds in the set left out (recall, clean posts flagged) at a
few thresholds: how the threshold below was chosen, without touching any set to be
measured later.

Texts are read as the engine reads them (its normalised view), with the reader's own
`features`, so training and checking cannot drift apart.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from composer.domain.accounts import PLATFORMS
from composer.domain.conversations import Comment
from composer.guidelines.engine import Engine
from composer.guidelines.facts import TextFacts
from composer.guidelines.inputs import CheckInput
from composer.guidelines.language import reads_as_english
from composer.guidelines.reader import (
    COMMENT_MODEL_FILE,
    MODEL_FILE,
    REPLY_MODEL_FILE,
    UNDOUBTED,
    Reader,
    features,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
OUT = ROOT / "resources" / "guidelines" / MODEL_FILE
COMMENT_OUT = OUT.with_name(COMMENT_MODEL_FILE)
REPLY_OUT = OUT.with_name(REPLY_MODEL_FILE)
# The reply reader. Left out in turn (--cross-check-replies), the four sourced reply sets:
# beside the rules it found 398 of 579 expected problems instead of the rules' 242 at 0.6,
# with 7 of 338 good replies flagged loudly; 361 and 4 at 0.7, 427 and 10 at 0.5. The
# comment's own words, tried as extra features, made it worse. 0.6 keeps the good replies
# flagged well under the 3 % the issue allows. With twenty reply sets (3,509 expected problems,
# 2,003 good replies), left out in turn: 0.5 finds 86.0 % and flags 3.8 %, 0.55 84.5 % and
# 2.9 %, 0.6 82.2 % and 2.2 %, 0.7 77.9 % and 1.4 %. 0.55 was tried and kept out: retrained
# on every set it read "Happy Thanksgiving to you and your family, Ron!" as private.
# Raised to 0.75 with thirty-six reply sets (5,341 expected problems, 2,971 good replies), left
# out in turn: beside the rules 0.6 flagged 66 good replies loudly (2.2 %; 15 of 239 on the six
# newest sets, 6.3 %), 0.65 56, 0.7 51 and 0.75 45 (1.5 %; 7 of 239, 2.9 %), while what is found
# at any severity, with hints from REPLY_HINT, went only from 87.5 to 87.3 % (the readings
# between are still shown, as hints; never of fault). What a warning or an error finds goes
# from 84.5 to 77.0 %. The posts' reader made the same trade at 90 % (see THRESHOLD).
REPLY_THRESHOLD = 0.75
# From this probability up to REPLY_THRESHOLD, a reply category no rule found is offered as a
# hint (a suggestion), as the posts' reader does (see HINT). With twenty-three reply sets, left
# out in turn: 0.6 alone found 83.8 % and flagged 49 of 2,326 good replies (2.1 %); 0.55
# found 85.7 % for 61 (2.6 %), and retrained on every set it read five more kind replies as
# arguing ("no pressure is the only way we know how"); hints from 0.5 (never of fault:
# owning a slow callback is fine) find 87.2 % at any severity with the same 49 flagged
# loudly and 21 more good replies given a hint. With twenty-seven reply sets (the labelled
# stars read as the agent enters them), left out in turn: 0.6 84.0 % for 49 of 2,547 good
# replies flagged (1.9 %), 0.55 85.9 % for 57, 0.5 87.3 % for 70; hints from 0.5 87.3 % at any
# severity with 19 good replies given one.
REPLY_HINT = 0.5
# The reply reader's doubt, as the posts' (see DOUBT): chosen with --cross-check-replies before
# the thirteenth reply set was gathered. Left out in turn, at 0.05 it took 10 wrong rule
# findings down and 2 right ones, and 4 of the 11 good replies the rules flag off the loud
# list; 0.1 took 19 and 5 (6 of 11), 0.02 took 3 and 1.
REPLY_DOUBT = 0.05
REPLY_EXCLUDED = {"conversation.private"}  # read from the comment and the reply together
# The comment reader: is a comment a complaint? Left out in turn, the two reply sets the
# rules had not been tuned on gained 26 and 28 complaints the rules missed at 0.7 for 5 and
# 9 comments wrongly taken for one; 0.75 trades a few of the first for fewer of the second.
# Raised to 0.8 when, retrained with the seventh reply set, it read "Quick question about my
# claim from the hail storm" as a complaint at 0.755 (precision first). Lowered to 0.7 with
# fourteen reply sets: left out in turn, beside the rules it missed 127 of the complaints
# instead of 187, for 84 comments wrongly taken for one instead of 60. A comment taken for a
# complaint only suggests taking the reply private (never a warning) and offers the
# register, while a missed one leaves an unanswered grievance in public. Then 0.75 when,
# retrained with the fifteenth, it read the compliment "Great tips to avoid water damage this
# winter." as a complaint at 0.71 (left out in turn: 150 missed, 71 wrongly taken).
COMMENT_THRESHOLD = 0.75
# Below this, a rule's warning or error in a category is shown as a suggestion (the reader's
# doubt; not for privacy or offensive words). Chosen with --cross-check before the
# seventeenth set was gathered: left out in turn, at 0.05 the doubt took 80 wrong rule
# findings of 547 down and 11 right ones of 1,838; on the four newest sets, with the rules
# as they were when each was first measured, it would have taken 6 of 28, 11 of 35, 8 of 32
# and 12 of 42 clean posts off the loud list, against 0 to 3 of each set's found problems.
# 0.1 took more clean posts off (9, 14, 12, 18) for up to 5 problems; 0.02 took few.
# Raised to 0.2 at the end of the session that gathered the thirty-fourth to thirty-eighth
# sets, judged on the rules as they were when each of those five sets was first measured (git
# history) and the probabilities of a reader that never saw the set (the cross-check): with
# the threshold at 0.9, clean posts with a warning or an error went from 31 of 268 at 0.05 to
# 24 at 0.1, 21 at 0.15, 19 at 0.2, 18 at 0.3 and 13 at 0.5, while what a warning or an error
# found went from 57.2 % to 56.5, 55.7, 55.5, 54.4 and 52.1 % (found at any severity stays
# 74.1 %: a doubted finding is still shown). 0.2 took 12 clean posts off the loud list for
# 10 right findings made suggestions; beyond it each clean post cost two or more.
# Raised to 0.3 at the end of the session that gathered the hundred-and-thirteenth to
# hundred-and-twenty-eighth sets, judged on each set as it was first measured (the rules and
# readers of that moment, from git history; the third round's reader trained without it):
# clean posts with a warning or an error across the sixteen sets went from 75 of 962 (7.8 %)
# at 0.2 to 64 (6.7 %) at 0.3, 58 at 0.4, 51 at 0.5 and 42 at 0.6, while what a warning or
# an error found went from 812 of 1,782 expected problems to 799, 787, 764 and 742 (found at
# any severity stays the same: a doubted finding is still shown). 0.3 took 11 clean posts
# off the loud list for 13 right findings made suggestions; beyond it each cost two or more.
# Raised to 0.5 at the end of the session that gathered the hundred-and-fifty-ninth to
# hundred-and-sixty-ninth sets, judged on the twenty-six sets of that session and the one before,
# each as it was first measured (the rules and readers of that moment, from git history; 1,095
# clean posts, 1,380 expected problems): clean posts with a warning or an error went from 90
# (8.2 %) at 0.3 to 81 at 0.4, 71 (6.5 %) at 0.5, 63 at 0.6 and 57 at 0.7, while what a warning
# or an error found went from 504 to 486, 472, 456 and 430 (found at any severity stays 1,043:
# a doubted finding is still shown). Up to 0.5 each clean post taken off the loud list cost
# under two right findings made suggestions; 0.6 cost two each and 0.7 more than four.
# Judged again, with THRESHOLD at 0.93, on the fifty-one sets of the sessions that gathered the
# three-hundred-and-twenty-first to three-hundred-and-seventy-first, each as first measured:
# at 0.6 5 more clean posts off the loud list for 11 right findings made suggestions, at 0.7 10
# for 29. Kept at 0.5.
DOUBT = 0.5
# From this probability up to THRESHOLD, a category no rule found is offered as a suggestion
# (a hint), never a warning: chosen with --cross-check before the twenty-seventh set was
# gathered. Left out in turn, the eight newest sets beside the rules found 66.2 % at any
# severity with the reader's warnings alone; with hints from 0.6 70.6 % and from
# 0.5 75.0 %, for 4.1 % and 8.0 % of clean posts given a hint (none of them loud: clean posts
# loudly flagged stay as they were). 0.6 keeps a hint on about one clean post in 25. With all
# twenty-six evaluation sets left out in turn at the end of that session: 63.3 % without hints,
# 72.3 % with them from 0.6 (3.9 % of clean posts given a hint), 68.0 % from 0.7 (1.6 %).
# With thirty-one sets left out in turn (9,311 expected problems, 5,082 clean posts): 63.9 %
# without hints, 72.5 % from 0.6 (4.4 % given a hint), 68.5 % from 0.7 (2.0 %).
# Checked again on the hundred-and-eighty-seventh to hundred-and-ninety-fifth sets (280 expected
# problems, 200 clean posts), each read by the reader of the moment it was first measured (from
# git history, so no set was in its reader's training): hints from 0.55 would have found 7 more
# problems for 5 more clean posts given a hint, from 0.5 12 more for 18, while at 0.6 about one
# clean post in eight already gets a hint. Kept at 0.6.
# Judged again on the fifty-one sets of the sessions that gathered the three-hundred-and-twenty-
# first to three-hundred-and-seventy-first, each as first measured (see THRESHOLD): from 0.55
# 17 more of 865 problems found for 12 more of 604 clean posts given a hint (13.1 % instead of
# 11.1 %), from 0.5 35 more for 29 more (15.9 %). Kept at 0.6.
HINT = 0.6
REPLIES = HERE.parent / "replies"
# Categories that depend on the agent's profile, not on the wording alone.
EXCLUDED = {"compliance.disclosure", "compliance.licensing", "conversation.private"}
EXCLUDED |= {"conversation.liability", "conversation.tone"}  # replies only
C = 10.0  # inverse regularisation strength
KEEP = 1200  # strongest weights kept per category (the rest are near zero)
# Chosen with --cross-check and the rules as they stood when evaluation-5, -6 and -7 were
# first measured: at 0.7 the reader added 38 of their 213 missed problems and flagged no
# clean post the rules had left quiet. Raised to 0.8 when, trained on every set, it still
# read four of its own clean posts wrong at 0.7 and one at 0.75 (precision first: the
# cross-check found 10 fewer of those 213 at 0.8 than at 0.7).
# Raised to 0.9 at the end of the session that gathered the thirty-fourth to thirty-eighth
# sets, when the warnings had become the larger share of clean posts' alarms: with all
# thirty-six evaluation sets left out in turn (the readers' probabilities dumped once, the
# rules as tuned on them), clean posts with a warning or an error went from 225 of 5,350
# (4.2 %) at 0.8 to 191 (3.6 %) at 0.85 and 155 (2.9 %) at 0.9, and on the ten newest sets
# from 26 of 571 to 14; what is found at any severity stays 72.7 %, as the reader's readings
# from 0.6 up to the threshold are still shown as hints, and what a warning or an error finds
# goes from 63.8 to 57.6 %. Only an error asks for a reason at approval, so a reading moved
# from a warning to a hint is still shown and recorded the same way. On the thirty-fourth to
# thirty-eighth sets with the rules as first measured (see DOUBT), with the doubt at 0.2: 25
# of 268 clean posts loud at 0.8, 19 at 0.9.
# Raised to 0.93 at the end of the session that gathered the three-hundred-and-forty-eighth to
# three-hundred-and-seventy-first sets, judged on the fifty-one sets of that session and the one
# before, each as it was first measured (the rules and readers of that moment, from git
# history; no set in its reader's training): clean posts with a warning or an error went from
# 58 of 604 (9.6 %) at 0.9 to 48 at 0.93, 43 at 0.95 and 38 at 0.97, while what a warning or
# an error found went from 217 of 865 expected problems to 198, 182 and 165 (found at any
# severity stays 429: a reading below the threshold is still shown, as a hint). 0.93 took 10
# clean posts off the loud list for 19 right findings made hints, under two each, as for the
# doubt (see DOUBT); beyond it each cost more.
THRESHOLD = 0.93
# A word or pair must occur in three texts to be read at all: with 6,000 texts, the ones seen
# only twice made a third of the model's size, and the installer's archive was at its 50 MB
# budget. Left out in turn (--cross-check), beside the rules it found 2,314 of 3,673 expected
# problems with 3 against 2,277 with 2, and flagged 136 of 2,394 clean posts against 127.
MIN_DF = 3
# Tried with --cross-check on the eight newest sets left out in turn, beside the rules, and
# kept out: word stems (the first five letters) as extra features, stem pairs, pairs that
# skip a word, C at 3 and 30 (none found more at as few clean posts flagged as the words and
# pairs at C 10); a threshold per category, chosen on those eight sets, found 36 fewer on the
# nine sets before them for one clean post fewer flagged. Also kept out: reading each
# sentence of four words or more as well as the whole post (a post flagged when its best
# sentence reads above a second threshold). Left out in turn on the eight newest sets, beside
# the rules, whole posts at 0.8 found 61.2 % for 4.2 % of clean posts flagged; adding
# sentences at 0.97 found 62.4 % for 5.4 %, at 0.9 64.3 % for 8.3 %: dearer in clean posts
# than lowering the whole post's threshold to 0.75 (63.7 % for 4.7 %).
# Tried again with today's reader (whole post at 0.9, hints from 0.6, doubt 0.5) in the
# session that gathered the two-hundred-and-thirty-third to -fifty-second sets, with
# --cross-check-sentences (sentence_check.py): the sets -150 to -249 left out in groups of
# ten (one at a time took hours), beside today's rules, 2,802 expected problems and 2,177
# clean posts. The whole post alone found 67.2 % at any severity, 39.0 % by a warning or an
# error, with 118 clean posts loud (5.4 %) and 317 given only a hint. A post also flagged
# when its best sentence (of four words or more) reads at 0.99: 67.3 %, 39.5 %, 159 loud
# (7.3 %); at 0.95 67.7 %, 41.1 %, 237 loud; only posts of five sentences or more, at 0.99:
# 67.2 %, 39.0 %, 131 loud. Two adjacent sentences read together at 0.99: 67.2 %, 39.2 %, 125
# loud. A sentence at 0.9 as a hint only: 67.9 % for 426 clean posts given one (109 more).
# What the best sentence finds, the whole post mostly already reads from 0.6 and shows as a
# hint: the dilution costs little, and each problem a sentence adds costs several clean
# posts. Kept out; the whole post alone decides.
# Also kept out: the concept classes of concepts.toml as extra words (a token for each concept
# found in a sentence, and one for each pair found together). With twenty-eight sets left out
# in turn, the reader alone at 0.8 found 50.6 % for 3.4 % of clean posts flagged, against the
# words' 48.7 % for 2.6 % (53.2 % for 3.4 % at 0.75); beside the rules, with hints from 0.6,
# 70.4 % against 72.5 %.
# And the posts written here (regression_posts.jsonl, tuning.jsonl) weighted at 0.3 while it
# learns, so that real wording counts for more: with thirty-one sets left out in turn, 73.0 %
# beside the rules with hints against 72.5 %, a hint on 4.6 % of clean posts against 4.4 %,
# and the reader alone at 0.8 49.0 % for 2.5 % against 49.1 % for 2.5 %: no real difference.
# And the mean of the words' GloVe vectors (100 dimensions, public domain, 341,479 words;
# weighted by rarity) beside the words and pairs, tried before the hundred-and-thirty-first
# set was gathered: trained without the eighteen sets -113 to -130 and read on them (1,910
# expected problems, 1,079 clean posts), the reader alone at 0.9 found 42.2 % for 2.5 % of
# clean posts flagged against the words' 37.7 % for 1.9 %, and at equal clean posts flagged
# (the words' curve between 0.8 and 0.9) about 1.5 points more: too little for shipping a
# table of vectors (megabytes) and a second kind of feature to keep in step.
# And letters as well as words (every run of three to five letters within a word, weighted by
# rarity like the words, beside them), tried before the hundred-and-seventy-second set was
# gathered: trained without the thirteen sets -159 to -171 and read on them (743 expected
# problems, 581 clean posts), the reader alone found 29.6 % for 5.3 % of clean posts flagged at
# 0.9 with the words and pairs, and 27.9 % for 5.2 % at 0.95 with the letters too (39.0 % for
# 9.5 % against 38.4 % for 9.3 % further down): no more found at as few clean posts flagged,
# for a model twice the size.
# And each word's weight scaled by how much likelier it is in the category's posts than in
# the rest (naive Bayes log-count ratios, then the same regression; foldable into the weights),
# tried on the same thirteen sets: 29.9 % for 5.5 % of clean posts flagged at 0.9 and 38.5 %
# for 9.1 % at 0.8 with C at 10, worse with C at 1: the same curve as the words alone.
DECIMALS = 3  # three places keep every probability within about 0.001 and the archive small


def sources() -> list[Path]:
    """Every labelled file the reader learns from, in a fixed order."""
    # Replies are left out: with them the reader flagged more clean posts in the cross-check
    # for little more found (the reply checks read the comment; the reader cannot).
    # The regression posts (written here, hand-labelled) teach it the tricky innocent
    # wording of agents' everyday posts: a colleague congratulated, a policy explained.
    real = sorted(HERE.glob("*.jsonl")) + sorted((HERE / "medicare").glob("*.jsonl"))
    return [*real, HERE.parent / "regression_posts.jsonl"]


def rows(path: Path) -> Iterator[dict]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def analyse(text: str) -> list[str]:
    return list(features(text).elements())


class Trainer:
    def __init__(self) -> None:
        self.engine = Engine.load(style_checks=False)

    def view(self, text: str) -> str:
        """A text as the engine's readers read it (matching view, terms of art blanked)."""
        return self.engine.reader_text(TextFacts(self.engine.view(text).text))

    def read(self, text: str) -> str | None:
        """`view(text)`, or None for a text the engine's readers leave alone (another
        language, see guidelines/language.py)."""
        facts = TextFacts(self.engine.view(text).text)
        return self.engine.reader_text(facts) if reads_as_english(facts) else None

    def fit(self, texts: list[str], labels: list[set[str]], categories: list[str]) -> dict:
        vectoriser = TfidfVectorizer(analyzer=analyse, min_df=MIN_DF, sublinear_tf=True)
        matrix = vectoriser.fit_transform(texts)
        names = vectoriser.get_feature_names_out()
        biases, tables = [], []
        for category in categories:
            target = np.array([category in found for found in labels])
            model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
            model.fit(matrix, target)
            weights = model.coef_[0]
            strongest = np.argsort(-np.abs(weights))[:KEEP]
            tables.append(
                {str(names[i]): round(float(weights[i]), DECIMALS) for i in sorted(strongest)}
            )
            biases.append(round(float(model.intercept_[0]), DECIMALS))
        table: dict[str, list[float]] = {
            str(n): [round(float(v), DECIMALS)] for n, v in zip(names, vectoriser.idf_, strict=True)
        }
        for index, weights_of in enumerate(tables):
            for feature, weight in weights_of.items():
                table[feature] += [index, weight]
        return {"categories": categories, "biases": biases, "features": table}


def labelled(paths: list[Path], trainer: Trainer) -> tuple[list[str], list[set[str]], list[bool]]:
    texts, labels, clean = [], [], []
    for path in paths:
        for row in rows(path):
            if (read := trainer.read(row["text"])) is None:  # the readers leave it alone
                continue
            texts.append(read)
            labels.append(set(row["expect"]) - EXCLUDED)
            clean.append(bool(row["clean"]))
    return texts, labels, clean


def categories_of(labels: list[set[str]]) -> list[str]:
    counts: dict[str, int] = {}
    for found in labels:
        for category in found:
            counts[category] = counts.get(category, 0) + 1
    return sorted(c for c, n in counts.items() if n >= 20)


def reader_of(model: dict, threshold: float) -> Reader:
    return Reader(model["categories"], model["biases"], model["features"], threshold)


def rules_on_post(trainer: Trainer, text: str, platforms: list[str]) -> tuple[set[str], set[str]]:
    """The categories the rules alone find in a post, and those they flag loudly (the
    readers are off)."""
    chosen = tuple(p for p in platforms if p in PLATFORMS) or ("facebook",)
    reader, trainer.engine.reader = trainer.engine.reader, None
    try:
        result = trainer.engine.check(CheckInput(text, chosen))
    finally:
        trainer.engine.reader = reader
    every = {f.category for f in result.findings}
    return every, {f.category for f in result.findings if f.severity != "suggestion"}


def cross_check(trainer: Trainer) -> None:
    files = sources()
    held = [p for p in files if "evaluation" in p.name]
    scored, doubts = [], []
    for out in held:
        texts, labels, _ = labelled([p for p in files if p != out], trainer)
        categories = categories_of(labels)
        reader = reader_of(trainer.fit(texts, labels, categories), 1.0)
        t_texts, t_labels, t_clean = labelled([out], trainer)
        ruled = [rules_on_post(trainer, row["text"], row["platforms"])[1] for row in rows(out)]
        for text, found, clean, flagged in zip(t_texts, t_labels, t_clean, ruled, strict=True):
            probs = dict(zip(categories, reader.probabilities(text), strict=True))
            scored.append((found, clean, probs))
            doubts.append((found, clean, probs, flagged))
    cross_check_doubt(doubts)
    cross_check_hints(doubts)
    for threshold in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8):
        hits = total = flagged = cleans = 0
        for found, clean, probs in scored:
            said = {c for c, p in probs.items() if p >= threshold}
            total += len(found)
            hits += len(found & said)
            if clean:
                cleans += 1
                flagged += bool(said)
        print(
            f"threshold {threshold}: recall {hits}/{total} = {hits / total:.1%}, "
            f"clean flagged {flagged}/{cleans} = {flagged / cleans:.1%}"
        )


def cross_check_hints(doubts: list[tuple[set[str], bool, dict[str, float], set[str]]]) -> None:
    """How the hint was chosen: what the rules and the reader find at any severity with
    hints from each level, and how many clean posts get a hint (never a warning)."""
    for hint in (None, 0.7, 0.6, 0.5):
        hits = total = hinted = cleans = 0
        for found, clean, probs, flagged in doubts:
            said = flagged | {c for c, p in probs.items() if p >= THRESHOLD}
            soft = {c for c, p in probs.items() if hint is not None and p >= hint} - said
            total += len(found)
            hits += len(found & (said | soft))
            if clean:
                cleans += 1
                hinted += bool(soft)
        print(
            f"hint {hint}: found {hits}/{total} = {hits / total:.1%}, "
            f"clean posts given a hint {hinted}/{cleans} = {hinted / cleans:.1%}"
        )


def cross_check_doubt(doubts: list[tuple[set[str], bool, dict[str, float], set[str]]]) -> None:
    """How the doubt below was chosen: the rules' loud findings the reader (left out in
    turn) all but rules out, right and wrong, and the clean posts that would go quiet.
    The rules here are today's, tuned on these very sets: the newest sets' first
    measurements are the fairer test (see DOUBT)."""
    for limit in (0.02, 0.05, 0.1, 0.15, 0.2, 0.3):
        right = wrong = cleared = loud = 0
        for found, clean, probs, flagged in doubts:
            kept = set()
            for category in flagged:
                p = probs.get(category)
                if p is None or p >= limit or category in UNDOUBTED:
                    kept.add(category)
                elif category in found:
                    right += 1
                else:
                    wrong += 1
            real = {c for c in flagged if not c.startswith(("style.", "platform."))}
            if clean and real:
                loud += 1
                cleared += not (kept & real)
        print(
            f"doubt {limit}: rules' findings taken down {wrong} wrong, {right} right; "
            f"clean posts off the loud list {cleared} of {loud}"
        )


def comment_sources() -> list[Path]:
    """The sourced reply sets, whose rows say whether the comment is a complaint."""
    return sorted(p for p in REPLIES.glob("*.jsonl") if p.name != "replies.jsonl")


def comments(paths: list[Path], trainer: Trainer) -> tuple[list[str], list[set[str]]]:
    """Each distinct comment once, read as the engine reads it, labelled complaint or not."""
    seen: dict[str, bool] = {}
    for path in paths:
        for row in rows(path):
            if "complaint" in row:
                seen[row["comment"]["text"]] = bool(row["complaint"])
    texts = [trainer.view(text) for text in seen]
    return texts, [{"complaint"} if said else set() for said in seen.values()]


def cross_check_comments(trainer: Trainer) -> None:
    """Leave each reply set out in turn: comments the rules read right, and with the reader."""
    trainer.engine.comment_reader = None  # the rules' reading alone
    files = comment_sources()
    scored: list[tuple[bool, bool, float]] = []  # (a complaint?, the rules say so, reader)
    for out in files:
        texts, labels = comments([p for p in files if p != out], trainer)
        reader = reader_of(trainer.fit(texts, labels, ["complaint"]), COMMENT_THRESHOLD)
        seen: dict[str, bool] = {}
        for row in rows(out):
            if "complaint" in row:
                seen[row["comment"]["text"]] = bool(row["complaint"])
        rules = both = 0
        for text, said in seen.items():
            by_rules = trainer.engine.read_comment(text).complaint
            probability = reader.probabilities(trainer.view(text))[0]
            read = probability >= reader.threshold
            rules += by_rules == said
            both += (by_rules or read) == said
            scored.append((said, by_rules, probability))
        print(f"{out.name}: {len(seen)} comments, rules right {rules}, with the reader {both}")
    for threshold in (0.6, 0.7, 0.75, 0.8):
        missed = sum(said and not (rules or p >= threshold) for said, rules, p in scored)
        wrong = sum(not said and (rules or p >= threshold) for said, rules, p in scored)
        print(f"threshold {threshold}: complaints missed {missed}, comments wrongly taken {wrong}")


def write_model(
    out: Path,
    about: str,
    threshold: float,
    files: list[Path],
    texts: list[str],
    model: dict,
    doubt: float | None = None,
    hint: float | None = None,
) -> None:
    """The model as plain JSON, with what it read (each file's SHA-256) and how."""
    data = {
        "about": f"{about}; written by tests/data/real/train_reader.py",
        "threshold": threshold,
        **({"doubt": doubt} if doubt is not None else {}),
        **({"hint": hint} if hint is not None else {}),
        "parameters": {"C": C, "keep": KEEP, "min_df": MIN_DF, "read": "words and word pairs"},
        "trained_on": {
            p.relative_to(ROOT).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in files
        },
        "posts": len(texts),
        **model,
    }
    out.write_text(json.dumps(data, ensure_ascii=False) + "\n", "utf-8")
    print(f"{out.relative_to(ROOT)}: {len(texts)} texts, {len(model['categories'])} categories")


def train_comments(trainer: Trainer) -> None:
    files = comment_sources()
    texts, labels = comments(files, trainer)
    model = trainer.fit(texts, labels, ["complaint"])
    write_model(
        COMMENT_OUT,
        "Composer's comment reader (complaints)",
        COMMENT_THRESHOLD,
        files,
        texts,
        model,
    )


def reply_sources() -> list[Path]:
    """Every reply set, the hand-written one too: replies read differently from posts."""
    return sorted(REPLIES.glob("*.jsonl"))


def replies(paths: list[Path], trainer: Trainer) -> tuple[list[str], list[set[str]], list[dict]]:
    """Each reply read as the engine reads it, its expected categories, and its row."""
    texts, labels, kept = [], [], []
    for path in paths:
        for row in rows(path):
            if (read := trainer.read(row["text"])) is None:  # the readers leave it alone
                continue
            texts.append(read)
            labels.append(set(row["expect"]) - REPLY_EXCLUDED)
            kept.append(row)
    return texts, labels, kept


def train_replies(trainer: Trainer) -> None:
    files = reply_sources()
    texts, labels, _ = replies(files, trainer)
    model = trainer.fit(texts, labels, categories_of(labels))
    write_model(
        REPLY_OUT,
        "Composer's reply reader",
        REPLY_THRESHOLD,
        files,
        texts,
        model,
        REPLY_DOUBT,
        REPLY_HINT,
    )


def rules_on_reply(trainer: Trainer, row: dict) -> tuple[set[str], set[str]]:
    """What the rules alone find in a reply (with its comment), and what of it is loud."""
    raw = row.get("comment") or row["in_reply_to"]
    rating = raw.get("stars") or raw.get("rating")  # labelled rows record "stars"
    comment = Comment(text=raw["text"], author=raw.get("author", ""), rating=rating)
    platforms = tuple(p for p in row["platforms"] if p in PLATFORMS) or ("facebook",)
    result = trainer.engine.check(CheckInput(row["text"], platforms, comment=comment))
    loud = {
        f.category
        for f in result.findings
        if f.severity != "suggestion" and not f.category.startswith(("style.", "platform."))
    }
    return {f.category for f in result.findings}, loud


def cross_check_replies(trainer: Trainer) -> None:
    """Leave each sourced reply set out in turn: the reply reader alone and beside the rules
    (good replies flagged loudly by either count once)."""
    engine = trainer.engine
    engine.reader = engine.reply_reader = None  # the rules alone (the comments still read)
    files = reply_sources()
    scored = []
    for out in (p for p in files if p.name != "replies.jsonl"):
        texts, labels, _ = replies([p for p in files if p != out], trainer)
        categories = categories_of(labels)
        reader = reader_of(trainer.fit(texts, labels, categories), 1.0)
        for text, found, row in zip(*replies([out], trainer), strict=True):
            probs = dict(zip(categories, reader.probabilities(text), strict=True))
            scored.append((found, bool(row["clean"]), probs, *rules_on_reply(trainer, row)))
    for threshold in (0.5, 0.55, 0.6, 0.65, 0.7, 0.8):
        alone = both = rules = total = flagged = cleans = 0
        for found, clean, probs, by_rules, loud in scored:
            said = {c for c, p in probs.items() if p >= threshold}
            total += len(found)
            alone += len(found & said)
            rules += len(found & by_rules)
            both += len(found & (said | by_rules))
            if clean:
                cleans += 1
                flagged += bool(loud or said - by_rules)
        print(
            f"threshold {threshold}: rules {rules}/{total}, reader alone {alone}, "
            f"both {both} = {both / total:.1%}; good replies flagged {flagged}/{cleans}"
        )
    for hint in (0.5, 0.55):  # hints below REPLY_THRESHOLD: found at any severity, and how
        # many good replies quiet but for a hint
        found = hinted = 0
        for wanted, clean, probs, by_rules, loud in scored:
            read = {c for c, p in probs.items() if p >= REPLY_THRESHOLD}
            soft = {c for c, p in probs.items() if p >= hint} - {"conversation.liability"}
            found += len(wanted & (by_rules | read | soft))
            hinted += clean and not (loud or read - by_rules) and bool(soft - by_rules - read)
        print(f"hint {hint}: found {found}/{total} = {found / total:.1%}, hinted {hinted}")
    cross_check_doubt([(found, clean, probs, loud) for found, clean, probs, _, loud in scored])


def train(trainer: Trainer) -> None:
    files = sources()
    texts, labels, _ = labelled(files, trainer)
    model = trainer.fit(texts, labels, categories_of(labels))
    write_model(OUT, "Composer's learned reader", THRESHOLD, files, texts, model, DOUBT, HINT)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--cross-check", action="store_true")
    parser.add_argument("--cross-check-comments", action="store_true")
    parser.add_argument("--cross-check-replies", action="store_true")
    parser.add_argument("--cross-check-sentences", action="store_true")
    parser.add_argument("--groups", type=int, help="leave out this many groups of sets")
    parser.add_argument("--since", type=int, default=0, help="only sets numbered this or later")
    args = parser.parse_args()
    trainer = Trainer()
    if args.cross_check:
        cross_check(trainer)
    elif args.cross_check_comments:
        cross_check_comments(trainer)
    elif args.cross_check_replies:
        cross_check_replies(trainer)
    elif args.cross_check_sentences:
        from sentence_check import report, score  # beside this script

        folder = Path(tempfile.gettempdir()) / f"sentence-check-{args.groups}-{args.since}"
        folder.mkdir(exist_ok=True)
        scored = score(trainer, sources(), args.groups, folder / "all.pickle", args.since)
        report(scored, THRESHOLD, HINT, DOUBT)
    else:
        train(trainer)
        train_comments(trainer)
        train_replies(trainer)
