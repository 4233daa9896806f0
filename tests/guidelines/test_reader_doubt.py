"""The reader's doubt: a rule's finding it all but rules out is shown as a suggestion."""

from __future__ import annotations

import json
from pathlib import Path

from composer.domain.conversations import Comment
from composer.domain.findings import Finding
from composer.guidelines.engine import DOUBT_WORDS, Engine
from composer.guidelines.inputs import CheckInput
from composer.guidelines.reader import Reader, doubted

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "evaluation-17.jsonl"
# A real clean post (qd-040): a crop-insurance deadline stated as a fact. "your last day to
# apply" is what urgency rules look for; the post reads as nothing of the kind.
DEADLINE = next(
    json.loads(line)["text"]
    for line in REAL.read_text(encoding="utf-8").splitlines()
    if '"qd-040"' in line
)


def _reader(doubt: float | None) -> Reader:
    """Knows two categories and reads every text as neither (about 0.7 %)."""
    return Reader(["etiquette.hard-sell", "compliance.privacy"], [-5.0, -5.0], {}, 0.8, 12, doubt)


def _finding(category: str, severity: str = "error") -> Finding:
    return Finding(f"{category}.rule", category, severity, "Said.", "Why.")  # type: ignore[arg-type]


def test_a_finding_the_reader_rules_out_becomes_a_suggestion_that_says_why() -> None:
    reader = _reader(0.05)
    findings = [_finding("etiquette.hard-sell"), _finding("etiquette.hard-sell", "warning")]
    error, warning = doubted(findings, reader, reader.probabilities("anything at all"))
    assert (error.severity, warning.severity) == ("suggestion", "suggestion")
    assert error.rule == "etiquette.hard-sell.rule" and error.message == "Said."
    assert error.explanation.startswith("Why.\n\nShown as a suggestion, not as an error")
    assert "not as a warning" in warning.explanation
    assert (
        "about 1% likely" in error.explanation
        and "trained on 12 labelled posts" in error.explanation
    )


def test_privacy_suggestions_and_unknown_categories_are_never_doubted() -> None:
    reader = _reader(0.05)
    kept = [
        _finding("compliance.privacy"),
        _finding("etiquette.hard-sell", "suggestion"),
        _finding("compliance.guarantee"),
    ]
    assert doubted(kept, reader, reader.probabilities("anything")) == kept


def test_a_model_without_a_doubt_changes_nothing() -> None:
    reader = _reader(None)
    findings = [_finding("etiquette.hard-sell")]
    assert doubted(findings, reader, reader.probabilities("anything")) == findings


def test_the_shipped_reader_calms_a_deadline_stated_as_a_fact() -> None:
    engine = Engine.load(style_checks=False)
    reader = engine.reader
    assert reader is not None and reader.doubt is not None
    shown = {
        f.category: f.severity for f in engine.check(CheckInput(DEADLINE, ("facebook",))).findings
    }
    assert shown.get("etiquette.hard-sell") == "suggestion"
    engine.reader = None  # the rules alone
    loud = {
        f.category: f.severity for f in engine.check(CheckInput(DEADLINE, ("facebook",))).findings
    }
    assert loud.get("etiquette.hard-sell") in {"error", "warning"}


def test_a_post_of_a_few_words_is_never_doubted() -> None:
    engine = Engine.load(style_checks=False)
    # Reads every text as free of guarantees (about 0.7 %), far below its doubt.
    engine.reader = Reader(["compliance.guarantee"], [-5.0], {}, 0.8, 12, 0.5)
    short = "This is a sure thing for your retirement!"
    longer = (
        "This is a sure thing for your retirement! It grows every single year, and we have "
        "helped many families in town plan for the years after work."
    )
    assert len(short.split()) < DOUBT_WORDS <= len(longer.split())

    def shown(text: str) -> str | None:
        findings = engine.check(CheckInput(text, ("facebook",))).findings
        return next((f.severity for f in findings if f.category == "compliance.guarantee"), None)

    assert shown(short) in {"error", "warning"}
    assert shown(longer) == "suggestion"


def test_a_reply_is_not_doubted_by_the_posts_reader() -> None:
    engine = Engine.load(style_checks=False)
    engine.reply_reader = None  # only the posts' reader, which learned from posts
    reply = CheckInput(DEADLINE, ("facebook",), comment=Comment(text="When is the deadline?"))
    shown = {f.category: f.severity for f in engine.check(reply).findings}
    assert shown.get("etiquette.hard-sell") in {"error", "warning"}


def test_the_reader_warns_of_free_coverage_only_where_something_insured_is_named() -> None:
    engine = Engine.load(style_checks=False)
    # Reads every text as "coverage is free", 99 % sure: only the signal can stop it.
    engine.reader = Reader(["compliance.free"], [5.0], {}, 0.8, 3)
    corner = "Our reading corner is open: free bookmarks and lollipops. Kids love it."
    plan = "Our plan is here for you all year."

    def read(text: str) -> set[str]:
        findings = engine.check(CheckInput(text, ("facebook",))).findings
        return {f.rule for f in findings if f.rule.endswith(".reader")}

    assert read(corner) == set()
    assert read(plan) == {"compliance.free.reader"}


def test_the_reader_warns_of_privacy_only_where_something_private_is_said() -> None:
    engine = Engine.load(style_checks=False)
    engine.reader = Reader(["compliance.privacy"], [5.0], {}, 0.8, 3)  # reads it everywhere

    def read(text: str) -> set[str]:
        findings = engine.check(CheckInput(text, ("facebook",))).findings
        return {f.rule for f in findings if f.rule.endswith(".reader")}

    assert read("Congrats to our own Priya on earning her CPCU designation!") == set()
    assert read("Wishing Sam a quick recovery this week.") == {"compliance.privacy.reader"}


def test_the_reader_leaves_a_guarantee_stated_with_its_qualification() -> None:
    engine = Engine.load(style_checks=False)
    engine.reader = Reader(["compliance.guarantee"], [5.0], {}, 0.8, 3)  # reads it everywhere

    def read(text: str) -> set[str]:
        findings = engine.check(CheckInput(text, ("facebook",))).findings
        return {f.rule for f in findings if f.rule.endswith(".reader")}

    rider = "An income rider may offer income for life that you cannot outlive."
    qualified = rider + " Guarantees are backed by the claims-paying ability of the insurer."
    assert read(rider) == {"compliance.guarantee.reader"}
    assert read(qualified) == set()


def test_a_reply_rule_finding_the_reply_reader_rules_out_becomes_a_suggestion() -> None:
    engine = Engine.load(style_checks=False)
    complaint = Comment(text="Nobody called me back about my claim. Two stars.")
    reply = CheckInput("That's your own fault.", ("facebook",), comment=complaint)

    def tone(found: CheckInput) -> list[tuple[str, str]]:
        findings = engine.check(found).findings
        return [(f.severity, f.explanation) for f in findings if f.category == "conversation.tone"]

    engine.reply_reader = None  # the rules alone: loud
    assert all(severity != "suggestion" for severity, _ in tone(reply)) and tone(reply)
    # A reply reader all but sure this is no arguing (about 0.7 %), with a doubt of 5 %.
    engine.reply_reader = Reader(["conversation.tone"], [-5.0], {}, 0.6, 40, 0.05)
    [(severity, explanation)] = tone(reply)
    assert severity == "suggestion"
    assert "reply reader" in explanation and "40 labelled replies" in explanation
