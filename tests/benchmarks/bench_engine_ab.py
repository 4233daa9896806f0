"""The engine benchmark's texts, old code and new side by side, in one run.

Run: uv run --group bench python tests/benchmarks/bench_engine_ab.py --base REV [--rounds 3]

REV's `composer` package is written out of git into a temporary folder; each round runs
one process of each code (taking turns, so the machine's load falls on both alike) that
measures the same texts as bench_engine.py, plus proselint 0.16 in a process of its own.
Prints medians over the rounds and the ratios, for the README. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import contextlib, gc, io, json, statistics, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {bench!r})
from bench_engine import DENSE, make_post, pct, proselint_checker
which = sys.argv[1]
if {cpu}:  # the process's own CPU time: what other work on a shared machine disturbs least
    time.perf_counter = time.process_time
out = {{}}
if which == "proselint":
    lint = proselint_checker()
    post = make_post(3000)
    for _ in range(10):
        lint(post)
    times = []
    for _ in range(60):
        start = time.perf_counter(); lint(post); times.append((time.perf_counter() - start) * 1000)
    out["post3000_median"] = statistics.median(times)
    out["post3000_p99"] = pct(times, 0.99)
    shorts = [make_post(120 + (i * 37) % 160, i) for i in range(1000)]
    start = time.perf_counter()
    for text in shorts:
        lint(text)
    out["jsonl_rate"] = 1000 / (time.perf_counter() - start)
    print(json.dumps(out)); sys.exit()
import composer
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput
start = time.perf_counter()
engine = Engine.load()
out["load_ms"] = (time.perf_counter() - start) * 1000
out["code"] = composer.__file__
if which == "where":
    print(json.dumps(out)); sys.exit()
P = ("x", "linkedin", "facebook", "instagram", "threads")
check = lambda text: engine.check(CheckInput(text=text, platforms=P))
post = make_post(3000)
start = time.perf_counter(); check(post)
out["post3000_first"] = (time.perf_counter() - start) * 1000
for _ in range(20):
    check(post)
times = []
for _ in range({rounds}):
    start = time.perf_counter(); check(post); times.append((time.perf_counter() - start) * 1000)
out["post3000_median"] = statistics.median(times)
out["post3000_p99"] = pct(times, 0.99)
shorts = [make_post(120 + (i * 37) % 160, i) for i in range(1000)]
with tempfile.TemporaryDirectory() as tmp:
    source = Path(tmp) / "posts.jsonl"
    source.write_text("".join(
        json.dumps({{"id": i, "text": t, "platforms": ["facebook", "x"]}}) + "\n"
        for i, t in enumerate(shorts)))
    from composer.cli import run
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        run(["check", "--jsonl", str(source)])
    out["jsonl_rate"] = 1000 / (time.perf_counter() - start)
for label, text in () if {quick} else (
    ("long63206", make_post(63_206)),
    ("ordinary1M", make_post(1_000_000)),
    ("dense100k", (DENSE * 1000)[:100_000]),
    ("dense1M", (DENSE * 9000)[:1_000_000]),
):
    start = time.perf_counter(); check(text); out[label] = (time.perf_counter() - start) * 1000
print(json.dumps(out))
"""

LABELS = [
    ("load_ms", "Engine.load (pack cache warm), ms"),
    ("post3000_first", "3,000-char post, first check in the process, ms"),
    ("post3000_median", "3,000-char post, median, ms"),
    ("post3000_p99", "3,000-char post, p99, ms"),
    ("jsonl_rate", "1,000 short posts (`check --jsonl`), posts/s"),
    ("long63206", "63,206-char post, ms"),
    ("ordinary1M", "1 MB ordinary, ms"),
    ("dense100k", "100 kB, a violation every 20 words, ms"),
    ("dense1M", "1 MB, a violation every 20 words, ms"),
]


def export(rev: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / "base.tar"
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "-o", str(archive), rev, "composer", "resources"],
        check=True,
    )
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")


def run_child(
    which: str, code: Path | None, rounds: int, cwd: Path, quick: bool = False, cpu: bool = False
) -> dict[str, float]:
    script = CHILD.format(
        bench=str(ROOT / "tests" / "benchmarks"), rounds=rounds, quick=quick, cpu=cpu
    )
    return run_child_script(script, code, cwd, which)


def run_child_script(script: str, code: Path | None, cwd: Path, *args: str) -> dict[str, float]:
    """Run `script` in a fresh Python with `code` (None: this checkout) first on the path;
    its last line of output, read as JSON."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,  # not the checkout: `python -c` puts the working folder first on the path
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="git revision of the old code")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--checks", type=int, default=300, help="3,000-char checks a round")
    parser.add_argument("--quick", action="store_true", help="no long texts, no proselint")
    parser.add_argument("--cpu", action="store_true", help="CPU time, not wall time")
    args = parser.parse_args()
    results: dict[str, list[dict[str, float]]] = {"old": [], "new": [], "proselint": []}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "old"
        export(args.base, base)
        neutral = Path(tmp) / "run"  # the children's working folder: no `composer` in it
        neutral.mkdir()
        for name, code in (("old", base), ("new", None)):
            print(f"{name} code: {run_child('where', code, 0, neutral)['code']}", file=sys.stderr)
        for n in range(args.rounds):
            order = [("old", base), ("new", None)] if n % 2 == 0 else [("new", None), ("old", base)]
            for name, code in order:
                found = run_child(name, code, args.checks, neutral, args.quick, args.cpu)
                results[name].append(found)
                print(f"round {n + 1} {name}: {json.dumps(found)}", file=sys.stderr)
            if not args.quick:
                results["proselint"].append(
                    run_child("proselint", None, args.checks, neutral, cpu=args.cpu)
                )
    clock = "CPU time" if args.cpu else "wall time"
    print(f"old code: {args.base}; {clock}, medians of {args.rounds} rounds, taking turns\n")
    print(
        "| measure | old code | new code | new/old (median of the rounds' ratios) "
        "| best round: old / new |"
    )
    print("|---|---:|---:|---:|---:|")
    for key, label in LABELS:
        if key not in results["new"][0]:
            continue
        old = statistics.median(r[key] for r in results["old"])
        new = statistics.median(r[key] for r in results["new"])
        pairs = zip(results["old"], results["new"], strict=True)
        ratio = statistics.median(b[key] / a[key] for a, b in pairs)
        best = max if key == "jsonl_rate" else min
        old_best = best(r[key] for r in results["old"])
        new_best = best(r[key] for r in results["new"])
        print(
            f"| {label} | {old:,.2f} | {new:,.2f} | {ratio:.2f} "
            f"| {old_best:,.2f} / {new_best:,.2f} |"
        )
    if args.quick:
        return 0
    print()
    print("| measure | new code | proselint 0.16 | ratio |")
    print("|---|---:|---:|---:|")
    for key in ("post3000_median", "post3000_p99", "jsonl_rate"):
        new = statistics.median(r[key] for r in results["new"])
        theirs = statistics.median(r[key] for r in results["proselint"])
        ratio = new / theirs if key == "jsonl_rate" else theirs / new
        print(f"| {dict(LABELS)[key]} | {new:,.2f} | {theirs:,.2f} | {ratio:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
