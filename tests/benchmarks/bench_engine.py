"""Guideline engine speed, side by side with proselint 0.16 on the same texts.

Run: uv run --group bench python tests/benchmarks/bench_engine.py
Prints a Markdown table for the README. Not collected by pytest (no test_ prefix).
"""

from __future__ import annotations

import contextlib
import io
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SENTENCES = [
    "Storm season is here, so take ten minutes this weekend to walk around your home.",
    "Clear the gutters, trim branches that hang over the roof, and tie down patio furniture.",
    "Keep a flashlight, bottled water and copies of important papers in one easy-to-grab bin 🔦.",
    "If you rent, remember that your landlord's policy covers the building, not your things.",
    "Our office at 12 Main Street is collecting canned food for the Westfield pantry.",
    "Message me if you have questions about your deductible or how a claim works.",
    "We were proud to sponsor the Little League champions this year ⚾ #community",
    "Read the county's storm checklist at ready.gov/hurricanes before the first warning.",
    "Teen drivers: put the phone in the glove box and practice night driving with a parent.",
    "What is the one thing in your emergency kit that you would never leave out?",
    "Smoke detectors need fresh batteries twice a year; pick two dates and stick to them.",
    "Photograph every room now, so an inventory is ready if you ever need to file a claim.",
]


def make_post(length: int, offset: int = 0) -> str:
    parts: list[str] = []
    i = offset
    while sum(len(p) + 1 for p in parts) < length:
        parts.append(SENTENCES[i % len(SENTENCES)])
        i += 1
    return " ".join(parts)[:length]


DENSE = (
    "Lock in guaranteed growth! Sign today and dinner's on me. Our rates are the lowest in "
    "town. Free coverage for a month! "
)


def scaling(check: Callable[[str], object]) -> list[tuple[str, float]]:
    """Wall time of one check on ever larger texts: cost must grow with the text, no faster."""
    rows: list[tuple[str, float]] = []
    for label, text in (
        ("63,206-char Facebook post (the platform's limit)", make_post(63_206)),
        ("100 kB, ordinary", make_post(100_000)),
        ("1 MB, ordinary", make_post(1_000_000)),
        ("100 kB, a violation every 20 words", (DENSE * 1000)[:100_000]),
        ("1 MB, a violation every 20 words", (DENSE * 9000)[:1_000_000]),
    ):
        start = time.perf_counter()
        check(text)
        rows.append((label, time.perf_counter() - start))
    return rows


def timings(fn: Callable[[str], object], text: str, rounds: int) -> list[float]:
    for _ in range(20):
        fn(text)
    out: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn(text)
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def proselint_checker() -> Callable[[str], object]:
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    config = {**DEFAULT, "checks": dict.fromkeys(DEFAULT["checks"], True)}
    return lambda text: LintFile("post", text).lint(config)


def main() -> int:
    from composer.guidelines.engine import Engine
    from composer.guidelines.inputs import CheckInput

    start = time.perf_counter()
    engine = Engine.load()
    load_ms = (time.perf_counter() - start) * 1000
    platforms = ("x", "linkedin", "facebook", "instagram", "threads")

    def composer_check(text: str) -> object:
        return engine.check(CheckInput(text=text, platforms=platforms))

    lint = proselint_checker()
    post = make_post(3000)
    rounds = 300
    ours = timings(composer_check, post, rounds)
    theirs = timings(lint, post, max(60, rounds // 5))

    shorts = [make_post(120 + (i * 37) % 160, i) for i in range(1000)]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "posts.jsonl"
        source.write_text(
            "".join(
                json.dumps({"id": i, "text": t, "platforms": ["facebook", "x"]}) + "\n"
                for i, t in enumerate(shorts)
            )
        )
        from composer.cli import run

        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            run(["check", "--jsonl", str(source)])
        jsonl_s = time.perf_counter() - start
    start = time.perf_counter()
    for text in shorts:
        lint(text)
    proselint_s = time.perf_counter() - start

    ours_med, theirs_med = statistics.median(ours), statistics.median(theirs)
    print(
        f"Python {sys.version.split()[0]}; engine load {load_ms:.0f} ms; rules {len(engine.rules)}"
    )
    print()
    print("| measure | Composer | proselint 0.16 | ratio |")
    print("|---|---|---|---|")
    print(
        f"| 3,000-char post, median | {ours_med:.2f} ms | {theirs_med:.2f} ms | "
        f"{theirs_med / ours_med:.1f}x faster |"
    )
    print(f"| 3,000-char post, p99 | {pct(ours, 0.99):.2f} ms | {pct(theirs, 0.99):.2f} ms | |")
    ours_rate, their_rate = 1000 / jsonl_s, 1000 / proselint_s
    print(
        f"| 1,000 short posts (`check --jsonl`, one process) | {ours_rate:,.0f} posts/s | "
        f"{their_rate:,.0f} posts/s | {ours_rate / their_rate:.1f}x |"
    )
    print()
    print("| long text (all five platforms) | one check | per 100 kB |")
    print("|---|---|---|")
    for label, seconds in scaling(composer_check):
        size = 63_206 if label.startswith("63") else 100_000 if "100 kB" in label else 1_000_000
        print(f"| {label} | {seconds * 1000:,.0f} ms | {seconds * 100_000 / size * 1000:,.0f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
