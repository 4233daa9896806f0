"""Labelled posts: the shared sample (must be exact) and a hold-out set written separately.

Clean posts must get no error or warning outside `style.*`; every labelled violation must
be found in its category.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from composer.domain.findings import CheckResult
from composer.domain.profile import Profile
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput
from composer.services.guidelines import load_profile_file
from tests.guidelines.known_alarms import KNOWN_FALSE_ALARMS
from tests.guidelines.recall_groups import (
    REAL,
    REAL_POSTS,
    RECALL_FLOORS,
    RECALL_GROUP_NAMES,
    load_posts,
)
from tests.helpers.paths import DATA, SHARED, require_shared

ENGINE = Engine.load(style_checks=False)
HOLDOUT = DATA / "holdout_posts.jsonl"
# Posts that once slipped through (or were checked after tuning): each must stay right.
REGRESSION = DATA / "regression_posts.jsonl"


def _verdict(post: dict, profile_dir: Path) -> tuple[list[str], list[str]]:
    """(noise, missed): unwanted findings on a clean post, and categories not found."""
    profile = load_profile_file(profile_dir / post["profile"]) if post.get("profile") else None
    result = ENGINE.check(
        CheckInput(text=post["text"], platforms=tuple(post["platforms"]), profile=profile)
    )
    categories = {f.category for f in result.findings}
    noise = [
        f"{f.rule}: {f.text!r}"
        for f in result.findings
        if post["clean"] and f.severity != "suggestion" and not f.category.startswith("style.")
    ]
    missed = [c for c in post["expect"] if c not in categories]
    return noise, missed


def _sample_posts() -> list[dict]:
    samples = SHARED / "samples" / "posts.jsonl"
    return load_posts(samples) if samples.exists() else []


@pytest.mark.parametrize("post", _sample_posts() or [None], ids=lambda p: p["id"] if p else "none")
def test_shared_sample_post(post: dict | None) -> None:
    samples = require_shared("samples", "posts.jsonl")
    assert post is not None
    noise, missed = _verdict(post, samples.parent)
    assert not noise, f"{post['id']} should be clean: {noise}"
    assert not missed, f"{post['id']} missed {missed}"


def test_holdout_precision_and_recall() -> None:
    profile_dir = require_shared("samples", "profile.toml").parent
    posts = load_posts(HOLDOUT)
    clean = [p for p in posts if p["clean"]]
    flagged = [p for p in posts if not p["clean"]]
    noisy = [(p["id"], n) for p in clean if (n := _verdict(p, profile_dir)[0])]
    missed = [(p["id"], m) for p in flagged if (m := _verdict(p, profile_dir)[1])]
    assert len(clean) >= 100 and len(flagged) >= 100
    assert len(noisy) <= len(clean) * 0.02, noisy
    assert len(missed) <= len(flagged) * 0.05, missed


@pytest.mark.parametrize("post", load_posts(REGRESSION), ids=lambda p: p["id"])
def test_regression_post(post: dict) -> None:
    noise, missed = _verdict(post, DATA)
    assert not noise, f"{post['id']} should be clean: {noise}"
    assert not missed, f"{post['id']} missed {missed}"


def _loud(post: dict) -> list[str]:
    result = ENGINE.check(CheckInput(text=post["text"], platforms=tuple(post["platforms"])))
    return [
        f"{f.rule}: {f.text!r}"
        for f in result.findings
        if f.severity != "suggestion" and not f.category.startswith(("style.", "platform."))
    ]


@pytest.mark.parametrize("post", [p for p in REAL_POSTS if p["clean"]], ids=lambda p: p["id"])
def test_real_clean_post_stays_quiet(post: dict) -> None:
    loud = _loud(post)
    if post["id"] in KNOWN_FALSE_ALARMS:
        known = KNOWN_FALSE_ALARMS[post["id"]]
        # Known alarms may go quiet (a later fix, a retrained reader); none may be added.
        assert {n.split(":")[0] for n in loud} <= (
            {known} if isinstance(known, str) else set(known)
        ), loud
        return
    assert not loud, f"{post['id']} ({post['source']['url']}) should be quiet"


# The learned reader was trained on these very posts, so their recall guards the rules alone.
RULES = Engine.load(style_checks=False)
RULES.reader = None


@pytest.mark.parametrize(("posts", "floor"), RECALL_FLOORS, ids=RECALL_GROUP_NAMES)
def test_real_posts_recall(posts: list[dict], floor: float) -> None:
    expected = found = 0
    for post in posts:
        result = RULES.check(CheckInput(text=post["text"], platforms=tuple(post["platforms"])))
        categories = {f.category for f in result.findings}
        expected += len(post["expect"])
        found += sum(category in categories for category in post["expect"])
    assert expected >= 150
    assert found / expected >= floor, f"{found}/{expected}"


def test_real_posts_record_their_sources() -> None:
    assert len(REAL_POSTS) >= 700
    assert sum(p["clean"] for p in REAL_POSTS) >= 250
    assert sum(p.get("tricky", False) for p in REAL_POSTS) >= 180
    assert len({p["id"] for p in REAL_POSTS}) == len(REAL_POSTS)
    for post in REAL_POSTS:
        assert post["source"]["title"] and post["source"]["url"].startswith("http"), post["id"]


# The Medicare set is labelled for one agent (lines, states, Medicare numbers) and is checked
# as that agent: every clean post quiet, and never below what tuning on it reached.
MEDICARE = REAL / "medicare"
MEDICARE_AGENT = Profile.from_mapping(
    tomllib.loads((MEDICARE / "agent.toml").read_text(encoding="utf-8"))
)
MEDICARE_POSTS = load_posts(MEDICARE / "evaluation.jsonl")


def _medicare_result(post: dict, engine: Engine = ENGINE) -> CheckResult:
    platforms = tuple(p for p in post["platforms"] if p != "threads") or ("facebook",)
    return engine.check(CheckInput(text=post["text"], platforms=platforms, profile=MEDICARE_AGENT))


# Alarms the readers give after a retraining moved a borderline reading (may go quiet).
MEDICARE_KNOWN = {
    "pk-131": "compliance.endorsement.reader",  # the state's SHIP described
    "pk-115": "compliance.product-label.reader",  # "not a savings account", said plainly
}


@pytest.mark.parametrize("post", [p for p in MEDICARE_POSTS if p["clean"]], ids=lambda p: p["id"])
def test_medicare_clean_post_stays_quiet_for_its_agent(post: dict) -> None:
    loud = {
        f.rule
        for f in _medicare_result(post).findings
        if f.severity != "suggestion" and not f.category.startswith(("style.", "platform."))
    }
    known = {MEDICARE_KNOWN[post["id"]]} if post["id"] in MEDICARE_KNOWN else set()
    assert loud <= known, f"{post['id']} ({post['source']['url']}) should be quiet: {loud}"


def test_medicare_recall_for_its_agent() -> None:
    expected = found = 0
    for post in MEDICARE_POSTS:
        categories = {f.category for f in _medicare_result(post, RULES).findings}
        expected += len(post["expect"])
        found += sum(category in categories for category in post["expect"])
    assert expected >= 100
    assert found / expected >= 0.6, f"{found}/{expected}"
