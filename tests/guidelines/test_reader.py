"""The learned reader: how it reads a text, where its warnings land, what it never does."""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import pytest

from composer.domain.conversations import Comment
from composer.domain.layout import shipped_rules_dir
from composer.domain.profile import Profile
from composer.guidelines.engine import Engine
from composer.guidelines.fingerprint import pack_hashes
from composer.guidelines.inputs import CheckInput
from composer.guidelines.reader import (
    COMMENT_MODEL_FILE,
    MAX_CHARS,
    MODEL_FILE,
    REPLY_MODEL_FILE,
    Reader,
    features,
    load_reader,
)

ROOT = Path(__file__).resolve().parents[2]
MODEL = shipped_rules_dir() / MODEL_FILE
ENGINE = Engine.load(style_checks=False)


def _toy(threshold: float = 0.5) -> Reader:
    """Two categories: "promise" leans on 'guaranteed', "gift" on 'gift card'."""
    table = {
        "guaranteed": [2.0, 0, 3.0],
        "gift": [1.5, 1, 1.0],
        "gift card": [2.5, 1, 4.0],
        "card": [1.2],
        "the": [1.0],
    }
    return Reader(["promise", "gift"], [-1.0, -1.5], table, threshold, posts=3)


def test_features_are_words_and_pairs_with_amounts_as_placeholders() -> None:
    read = features("Get a $50 Gift Card, 5% off and 3 prizes!")
    assert read["zmoney"] == 1 and read["zpct"] == 1 and read["znum"] == 1
    assert read["gift card"] == 1
    assert read["get zmoney"] == 1 and read["a"] == 0  # one-letter words drop out of pairs
    assert read["zmoney gift"] == 1
    assert "50" not in read and "$50" not in read


def test_the_engine_counts_features_as_the_training_did() -> None:
    """What `probabilities` reads is `features(text).items()`, in the same order (its sums
    keep their order), though it leaves each pair as its two words."""
    from composer.guidelines.reader import _counted, _words

    real = Path(__file__).resolve().parents[1] / "data" / "real"
    texts = [json.loads(line)["text"] for path in sorted(real.glob("*.jsonl"))[:3]
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]  # fmt: skip
    texts += ["", "a", "the the the", "a b a b a b", "Get a $50 Gift Card, 5% off!"]
    for text in texts:
        counted = [(f if isinstance(f, str) else " ".join(f), n) for f, n in _counted(_words(text))]
        assert counted == list(features(text).items()), text


def test_probabilities_are_a_unit_length_tf_idf_logistic_score() -> None:
    reader = _toy()
    text = "guaranteed guaranteed the"
    value_g = (1 + math.log(2)) * 2.0
    norm = math.sqrt(value_g**2 + 1.0**2)
    expected = 1 / (1 + math.exp(-(-1.0 + 3.0 * value_g / norm)))
    promise, gift = reader.probabilities(text)
    assert promise == pytest.approx(expected)
    assert gift == pytest.approx(1 / (1 + math.exp(1.5)))  # only its bias
    assert reader.probabilities("nothing known here") == pytest.approx(
        [1 / (1 + math.exp(1.0)), 1 / (1 + math.exp(1.5))]
    )


def test_a_reading_lands_on_the_sentence_that_reads_most_like_it() -> None:
    reader = _toy(threshold=0.6)
    text = "Hello there. Returns guaranteed. The end."
    sentences = [(0, 12), (13, 32), (33, 41)]
    (reading,) = reader.read(text, sentences, frozenset())
    assert reading.category == "promise"
    assert text[reading.span[0] : reading.span[1]] == "Returns guaranteed."
    assert reader.read(text, sentences, frozenset({"promise"})) == []
    long = "guaranteed " * (MAX_CHARS // 11 + 1)
    assert reader.read(long, [(0, len(long))], frozenset()) == []


def test_the_shipped_model_was_trained_on_the_labelled_files_as_they_are() -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    trained = data["trained_on"]
    real = ROOT / "tests" / "data" / "real"
    now = sorted(real.glob("*.jsonl")) + sorted((real / "medicare").glob("*.jsonl"))
    now.append(real.parent / "regression_posts.jsonl")
    assert sorted(trained) == sorted(p.relative_to(ROOT).as_posix() for p in now), (
        "the labelled files changed: rerun `uv run --group train python "
        "tests/data/real/train_reader.py`"
    )
    for name, digest in trained.items():
        assert hashlib.sha256((ROOT / name).read_bytes()).hexdigest() == digest, (
            f"{name} changed since the reader was trained: rerun train_reader.py"
        )
    assert data["posts"] >= 1500 and MODEL.stat().st_size <= 10 * 1024 * 1024


def test_the_engine_loads_the_shipped_model_and_its_hash_is_in_the_rules_version() -> None:
    assert ENGINE.reader is not None and ENGINE.reader.threshold == 0.93
    assert "compliance.guarantee" in ENGINE.reader.categories
    assert MODEL_FILE in {p.file for p in pack_hashes(shipped_rules_dir())}
    assert load_reader(ROOT / "no-such-folder") is None  # missing: the rules still run


def _reader_findings(text: str, **kwargs: object) -> list:
    result = ENGINE.check(CheckInput(text=text, platforms=("facebook",), **kwargs))  # type: ignore[arg-type]
    return [f for f in result.findings if f.rule.endswith(".reader")]


# Wording no rule matches, in the manner of the posts the reader learned from.
UNSEEN = "Ana Ortega just closed on her first home and we insured it this morning. So proud of her!"


def test_the_reader_warns_where_no_rule_spoke_and_is_never_an_error() -> None:
    found = _reader_findings(UNSEEN)
    assert [f.category for f in found] == ["compliance.privacy"]
    for finding in found:
        assert finding.severity == "warning"
        assert finding.text and finding.text in UNSEEN
        assert "no rule matched" in finding.message
    rules_alone = ENGINE.with_rules(ENGINE.rules).check_text(UNSEEN).findings
    assert {f.category for f in found}.isdisjoint(f.category for f in rules_alone)


def test_the_reader_adds_nothing_to_a_category_a_rule_already_found() -> None:
    text = "Guaranteed 8% returns, you cannot lose a dime!"
    result = ENGINE.check_text(text)
    guarantee = [f for f in result.findings if f.category == "compliance.guarantee"]
    assert guarantee and not any(f.rule.endswith(".reader") for f in guarantee)


def test_the_agents_own_words_are_blanked_before_the_reader_reads() -> None:
    own = "We pay out compensation without unnecessary formalities."
    text = f"Had a fender bender? {own}"
    assert [f.text for f in _reader_findings(text)] == [own]
    assert _reader_findings(text, profile=Profile(name="Dana Reyes", disclosure=own)) == []


def test_a_thank_you_reply_is_no_testimonial_to_the_reader() -> None:
    praise = Comment(text="Mike sorted out my renters policy in ten minutes. Five stars!")
    found = _reader_findings("Thanks, Mike! It was our pleasure.", comment=praise)
    assert "compliance.testimonial" not in {f.category for f in found}


def test_replies_may_get_the_conversation_categories_and_posts_never_do() -> None:
    for finding in _reader_findings(UNSEEN):
        assert not finding.category.startswith("conversation.")


def test_the_comment_reader_was_trained_on_the_reply_sets_as_they_are() -> None:
    data = json.loads((shipped_rules_dir() / COMMENT_MODEL_FILE).read_text(encoding="utf-8"))
    replies = ROOT / "tests" / "data" / "replies"
    now = sorted(p for p in replies.glob("*.jsonl") if p.name != "replies.jsonl")
    assert sorted(data["trained_on"]) == [p.relative_to(ROOT).as_posix() for p in now]
    for name, digest in data["trained_on"].items():
        assert hashlib.sha256((ROOT / name).read_bytes()).hexdigest() == digest, (
            f"{name} changed since the comment reader was trained: rerun train_reader.py"
        )
    assert data["categories"] == ["complaint"]
    assert COMMENT_MODEL_FILE in {p.file for p in pack_hashes(shipped_rules_dir())}


def test_a_plain_grievance_is_read_as_a_complaint_by_the_comment_reader() -> None:
    # No grievance word the rules know, no star: the rules alone read it as no complaint.
    text = "Charged my card twice this month. Nobody can explain why."
    rules_alone = Engine.load(style_checks=False)
    rules_alone.comment_reader = None
    assert not rules_alone.read_comment(text).complaint
    reading = ENGINE.read_comment(text)
    assert reading.complaint and reading.reason == "reads-like"
    assert reading.evidence == "Charged my card twice this month."  # its first sentence
    assert not ENGINE.read_comment("Thanks for the quick help with my renters quote!").complaint


GRIEVANCE = Comment(
    text="Nobody called me back about my hail claim for two weeks. One star.", author="Gail P."
)


def test_the_reply_reader_hears_sarcasm_no_rule_was_written_for() -> None:
    reply = "Interesting how you only remember the parts that suit you, Gail."
    rules_alone = Engine.load(style_checks=False)
    rules_alone.reader = rules_alone.reply_reader = None
    quiet = rules_alone.check(CheckInput(reply, ("facebook",), comment=GRIEVANCE)).findings
    assert "conversation.tone" not in {f.category for f in quiet}
    found = _reader_findings(reply, comment=GRIEVANCE)
    # Tone is heard (naming the commenter may also read as a privacy risk); only warnings.
    assert ("conversation.tone", "warning") in [(f.category, f.severity) for f in found]
    assert {f.severity for f in found} == {"warning"}
    tone = next(f for f in found if f.category == "conversation.tone")
    assert tone.message.startswith("This reply reads like arguing with")
    assert "labelled replies" in tone.explanation


def test_a_kind_reply_that_takes_it_private_is_quiet_to_both_readers() -> None:
    reply = "Gail, I'm sorry we let you down. Please call me at 555-0100 so I can look into this."
    assert _reader_findings(reply, comment=GRIEVANCE) == []


def test_the_reply_reader_reads_replies_only() -> None:
    post = "Interesting how you only remember the parts that suit you."
    assert not [f for f in _reader_findings(post) if f.category.startswith("conversation.")]


def test_the_reply_reader_was_trained_on_every_reply_set_as_it_is() -> None:
    data = json.loads((shipped_rules_dir() / REPLY_MODEL_FILE).read_text(encoding="utf-8"))
    replies = ROOT / "tests" / "data" / "replies"
    now = sorted(replies.glob("*.jsonl"))
    assert sorted(data["trained_on"]) == [p.relative_to(ROOT).as_posix() for p in now]
    for name, digest in data["trained_on"].items():
        assert hashlib.sha256((ROOT / name).read_bytes()).hexdigest() == digest, (
            f"{name} changed since the reply reader was trained: rerun train_reader.py"
        )
    assert "conversation.tone" in data["categories"]
    assert "conversation.private" not in data["categories"]  # read from comment and reply
    assert REPLY_MODEL_FILE in {p.file for p in pack_hashes(shipped_rules_dir())}
