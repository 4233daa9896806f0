"""Measure the reply checks on labelled replies: recall per category, good replies flagged,
and complaint detection on the comments.

A reply is checked with the comment it answers (`comment` or `in_reply_to`); only the reply
is flagged. A good reply counts as flagged when it gets an error or a warning outside
`style.*` and `platform.*`. Run:
`uv run python tests/data/replies/measure.py tests/data/replies/evaluation.jsonl [--details]`
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from composer.domain.conversations import Comment
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput

PLATFORMS = ("facebook", "instagram", "linkedin", "x", "threads")


def comment_of(row: dict) -> Comment:
    raw = row.get("comment") or row.get("in_reply_to") or {}
    return Comment(text=raw["text"], author=raw.get("author", ""), platform=raw.get("platform", ""))


def loud(category: str, severity: str) -> bool:
    return severity != "suggestion" and not category.startswith(("style.", "platform."))


def measure(paths: list[Path], details: bool) -> None:
    engine = Engine.load(style_checks=False)
    found: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    clean = noisy = 0
    complaints = Counter[str]()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            comment = comment_of(row)
            platforms = tuple(p for p in row["platforms"] if p in PLATFORMS) or ("facebook",)
            result = engine.check(
                CheckInput(text=row["text"], platforms=platforms, comment=comment)
            )
            categories = {f.category for f in result.findings}
            for category in row["expect"]:
                expected[category] += 1
                if category in categories:
                    found[category] += 1
                elif details:
                    print(f"MISS {row['id']} {category}: {row['text']!r}")
            if row["clean"]:
                clean += 1
                noise = [f for f in result.findings if loud(f.category, f.severity)]
                if noise:
                    noisy += 1
                    if details:
                        shown = ", ".join(f"{f.rule} {f.text!r}" for f in noise)
                        print(f"NOISE {row['id']}: {shown} in {row['text']!r}")
            if "complaint" in row:
                said = engine.read_comment(comment.text).complaint
                complaints[
                    ("right" if said == row["complaint"] else "wrong") + f"-{row['complaint']}"
                ] += 1
    total, hits = sum(expected.values()), sum(found.values())
    print(f"recall {hits}/{total} = {hits / max(total, 1):.1%}")
    print(f"good replies flagged {noisy}/{clean} = {noisy / max(clean, 1):.1%}")
    if complaints:
        right = complaints["right-True"] + complaints["right-False"]
        print(
            f"complaints read right {right}/{sum(complaints.values())} "
            f"(missed {complaints['wrong-True']}, false {complaints['wrong-False']})"
        )
    for category in sorted(expected):
        print(f"  {category:32} {found[category]:3}/{expected[category]:<3}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    measure(args.paths, args.details)
