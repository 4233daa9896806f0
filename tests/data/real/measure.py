"""Measure the engine on labelled real-world posts: recall per category and clean noise.

Noise follows the issue's definition: a clean post is noisy when it gets an error or a
warning outside `style.*` and `platform.*`. Recall counts a category found at any severity;
the lines after it say how much of that a warning or an error found, and how many clean posts
were given only the posts' reader's hint (a suggestion). Run:
`uv run python tests/data/real/measure.py tests/data/real/evaluation.jsonl [--details]`
`--without-reader` leaves the learned readers out (the rules alone); `--without-hint` keeps
them but without their hints (what the hints add, measured on the same engine).
`--profile FILE.toml` checks as that agent (lines, states, Medicare numbers), for the sets
labelled relative to one agent (`medicare/evaluation.jsonl` with `medicare/agent.toml`).
Replies (tests/data/replies/) are checked with the comment they answer (`comment` or
`in_reply_to`), and rows saying whether that comment is a complaint are scored on it too.
"""

from __future__ import annotations

import argparse
import json
import tomllib
from collections import Counter
from pathlib import Path

from composer.domain.accounts import PLATFORMS
from composer.domain.conversations import Comment
from composer.domain.profile import Profile
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput


def comment_of(row: dict) -> Comment | None:
    """The comment a reply answers, or None for a post."""
    raw = row.get("comment") or row.get("in_reply_to")
    if not raw:
        return None
    return Comment(
        text=raw["text"],
        author=raw.get("author", ""),
        platform=raw.get("platform", ""),
        rating=raw.get("stars") or raw.get("rating"),  # labelled rows record "stars"
    )


def loud(category: str, severity: str) -> bool:
    return severity != "suggestion" and not category.startswith(("style.", "platform."))


def measure(
    paths: list[Path],
    details: bool,
    profile: Profile | None = None,
    reader: bool = True,
    hint: bool = True,
) -> None:
    engine = Engine.load(style_checks=False)
    if not reader:
        engine.reader = engine.comment_reader = engine.reply_reader = None
    if not hint:
        for learned in (engine.reader, engine.reply_reader):
            if learned is not None:
                learned.hint = None
    found: Counter[str] = Counter()
    loudly = 0  # expected problems found by an error or a warning, not only a suggestion
    hinted = 0  # clean posts quiet but for the posts' reader's hint
    expected: Counter[str] = Counter()
    clean = noisy = 0
    complaints: Counter[str] = Counter()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            post = json.loads(line)
            platforms = tuple(p for p in post["platforms"] if p in PLATFORMS) or ("facebook",)
            comment = comment_of(post)
            result = engine.check(
                CheckInput(post["text"], platforms, profile=profile, comment=comment)
            )
            if comment is not None and "complaint" in post:
                said = engine.read_comment(comment.text, comment.rating).complaint
                verdict = "right" if said == post["complaint"] else "wrong"
                complaints[f"{verdict}-{post['complaint']}"] += 1
            categories = {f.category for f in result.findings}
            said_loudly = {f.category for f in result.findings if loud(f.category, f.severity)}
            loudly += len(said_loudly & set(post["expect"]))
            for category in post["expect"]:
                expected[category] += 1
                if category in categories:
                    found[category] += 1
                elif details:
                    print(f"MISS {post['id']} {category}: {post['text']!r}")
            if post["clean"]:
                clean += 1
                noise = [f for f in result.findings if loud(f.category, f.severity)]
                if not noise and any(f.rule.endswith(".reader-hint") for f in result.findings):
                    hinted += 1
                if noise:
                    noisy += 1
                    if details:
                        shown = ", ".join(f"{f.rule} {f.text!r}" for f in noise)
                        print(f"NOISE {post['id']}: {shown} in {post['text']!r}")
    total, hits = sum(expected.values()), sum(found.values())
    print(f"recall {hits}/{total} = {hits / max(total, 1):.1%}")
    print(f"clean posts flagged {noisy}/{clean} = {noisy / max(clean, 1):.1%}")
    print(f"found by a warning or an error {loudly}/{total} = {loudly / max(total, 1):.1%}")
    print(f"clean posts given only a hint {hinted}/{clean} = {hinted / max(clean, 1):.1%}")
    if complaints:
        right = complaints["right-True"] + complaints["right-False"]
        print(
            f"complaints read right {right}/{complaints.total()} "
            f"(missed {complaints['wrong-True']}, false {complaints['wrong-False']})"
        )
    for category in sorted(expected):
        print(f"  {category:32} {found[category]:3}/{expected[category]:<3}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--without-reader", action="store_true", help="the rules alone")
    parser.add_argument("--without-hint", action="store_true", help="the readers, no hints")
    args = parser.parse_args()
    profile = None
    if args.profile is not None:
        profile = Profile.from_mapping(tomllib.loads(args.profile.read_text(encoding="utf-8")))
    measure(
        args.paths,
        args.details,
        profile,
        reader=not args.without_reader,
        hint=not args.without_hint,
    )
