"""Library benchmark with 100,000 posts (a script, not a test: pytest does not collect it).

    uv run python tests/benchmarks/bench_library.py [--posts N] [--keep DIR]

Budgets (issue 3): import <= 10 s, search p95 <= 50 ms, one history page of 50 rows
<= 20 ms, autosave <= 5 ms. Prints a Markdown table; exits 1 if a budget is missed.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from composer.app.container import Services
from composer.domain.posts import PostDraft, PostQuery

PLATFORMS = ("x", "linkedin", "facebook", "instagram", "threads")
COMMON = [
    "the",
    "a",
    "to",
    "and",
    "of",
    "your",
    "you",
    "for",
    "is",
    "in",
    "with",
    "this",
    "it",
    "on",
    "that",
    "are",
    "home",
    "insurance",
    "what",
    "we",
    "our",
    "can",
    "be",
    "at",
    "have",
    "family",
    "car",
    "policy",
    "coverage",
]
TOPICS = [
    "storm",
    "flood",
    "fire",
    "kit",
    "water",
    "valve",
    "roof",
    "tires",
    "winter",
    "summer",
    "renters",
    "condo",
    "umbrella",
    "life",
    "health",
    "auto",
    "boat",
    "motorcycle",
    "teen",
    "driver",
    "deductible",
    "claim",
    "agent",
    "office",
    "team",
    "community",
    "league",
    "pumpkin",
    "charity",
    "checklist",
    "tips",
    "questions",
    "review",
    "savings",
    "bundle",
    "earthquake",
    "hurricane",
    "wildfire",
    "smoke",
    "detector",
    "battery",
    "pipes",
    "freeze",
    "garage",
    "theft",
]


def make_posts(count: int, seed: int = 7) -> list[dict[str, object]]:
    rng = random.Random(seed)
    rare = [f"word{n}" for n in range(20_000)]
    posts = []
    for n in range(count):
        words = [
            rng.choice(COMMON) if rng.random() < 0.6 else rng.choice(TOPICS)
            for _ in range(rng.randint(15, 45))
        ]
        words.insert(rng.randrange(len(words)), rng.choice(rare))
        post: dict[str, object] = {
            "text": " ".join(words).capitalize() + ". What do you think?",
            "platforms": rng.sample(PLATFORMS, rng.randint(1, 3)),
            "tags": rng.sample(TOPICS, rng.randint(0, 2)),
        }
        if n % 3 == 0:
            post["title"] = " ".join(rng.sample(TOPICS, 3)).title()
        if n % 10 == 0:
            post["scheduled_at"] = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T09:00"
        posts.append(post)
    return posts


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the library in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="composer-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "posts.jsonl"
    source.write_text(
        "\n".join(json.dumps(p) for p in make_posts(args.posts)) + "\n", encoding="utf-8"
    )
    data = folder / "data"
    rng = random.Random(11)
    rows: list[tuple[str, str, str, bool]] = []

    with Services.open(data, engine_loader=lambda: None) as services:
        began = time.perf_counter()
        ids = services.importer.import_file(source)
        import_s = time.perf_counter() - began
        rows.append(
            (f"import {len(ids):,} posts (JSON lines)", f"{import_s:.2f} s", "10 s", import_s <= 10)
        )

        queries = (
            [rng.choice(TOPICS) for _ in range(120)]
            + [rng.choice(COMMON) for _ in range(40)]
            + [f"{rng.choice(TOPICS)} {rng.choice(TOPICS)}" for _ in range(30)]
            + [rng.choice(TOPICS)[:3] for _ in range(10)]  # as-you-type prefixes
        )
        services.history.page(PostQuery(search="warm up"))
        search = []
        for q in queries:
            search += timed(lambda q=q: services.history.page(PostQuery(search=q)), 1)
        worst_word = max(
            COMMON,
            key=lambda w: timed(lambda w=w: services.history.page(PostQuery(search=w)), 1)[0],
        )
        rows.append(
            (
                f"search p95 ({len(queries)} queries)",
                f"{percentile(search, 95):.1f} ms",
                "50 ms",
                percentile(search, 95) <= 50,
            )
        )
        rows.append(("search median", f"{statistics.median(search):.2f} ms", "", True))
        commonest = timed(lambda: services.history.page(PostQuery(search=worst_word)), 5)
        rows.append(
            (
                f"search, slowest common word ('{worst_word}')",
                f"{statistics.median(commonest):.1f} ms",
                "",
                True,
            )
        )

        page = timed(lambda: services.history.page(PostQuery(limit=50)), 50)
        rows.append(
            (
                "history page of 50 (p95)",
                f"{percentile(page, 95):.2f} ms",
                "20 ms",
                percentile(page, 95) <= 20,
            )
        )
        filtered = timed(
            lambda: services.history.page(
                PostQuery(limit=50, platform=rng.choice(PLATFORMS), tag=rng.choice(TOPICS))
            ),
            50,
        )
        rows.append(
            (
                "history page, platform + tag filter (p95)",
                f"{percentile(filtered, 95):.2f} ms",
                "20 ms",
                percentile(filtered, 95) <= 20,
            )
        )

        targets = rng.sample(ids, 100)
        counter = iter(range(10**9))

        def autosave() -> None:
            post_id = rng.choice(targets)
            services.library.autosave(
                post_id, PostDraft(body=f"Edited text {next(counter)}", platforms=("x",))
            )

        saves = timed(autosave, 300)
        rows.append(
            (
                "autosave (p95 of 300)",
                f"{percentile(saves, 95):.2f} ms",
                "5 ms",
                percentile(saves, 95) <= 5,
            )
        )
        rows.append(("autosave median", f"{statistics.median(saves):.2f} ms", "", True))
        history = timed(lambda: services.history.recent_for_checks(), 20)
        rows.append(("recent history for checks", f"{statistics.median(history):.2f} ms", "", True))
        began = time.perf_counter()
        services.database.daily_backup()
        rows.append(
            (
                "daily backup (online API + integrity_check)",
                f"{time.perf_counter() - began:.2f} s",
                "",
                True,
            )
        )

    began = time.perf_counter()
    Services.open(data, engine_loader=lambda: None).close()
    rows.append(
        (
            "open the library (quick_check included)",
            f"{(time.perf_counter() - began) * 1000:.0f} ms",
            "",
            True,
        )
    )
    size = sum(p.stat().st_size for p in data.glob("library.sqlite3*"))
    rows.append(("database size", f"{size / 1e6:.1f} MB", "", True))

    print(f"| measure ({args.posts:,} posts) | result | budget | ok |")
    print("|---|---:|---:|:-:|")
    for name, value, budget, ok in rows:
        print(f"| {name} | {value} | {budget or '-'} | {'yes' if ok else 'NO'} |")
    print(f"\nPython {sys.version.split()[0]}; data in {folder}")
    return 0 if all(ok for *_, ok in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
