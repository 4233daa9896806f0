"""Every labelled real post checked in one process, old code and new side by side.

Run: uv run python tests/benchmarks/bench_real_posts.py --base REV [--rounds 3]

The engine benchmark repeats a dozen sentences, so what the engine keeps between texts
stays small there; real posts bring new words all the time. Each round, a fresh process
of each code (taking turns) checks the 7,084 posts of tests/data/real twice on all five
platforms and reports the second pass (CPU time, per post) and the garbage collector's
share of it. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from bench_engine_ab import ROOT, export, run_child_script

CHILD = r"""
import gc, glob, json, sys, time
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput
texts = [json.loads(line)["text"] for path in sorted(glob.glob({real!r} + "/*.jsonl"))
         for line in open(path, encoding="utf-8")]
engine = Engine.load()
P = ("x", "linkedin", "facebook", "instagram", "threads")
for text in texts:
    engine.check(CheckInput(text=text, platforms=P))
started, spent = [], [0.0]
def clock(phase, info):
    if phase == "start":
        started.append(time.process_time())
    else:
        spent[0] += time.process_time() - started.pop()
gc.callbacks.append(clock)
start = time.process_time()
for text in texts:
    engine.check(CheckInput(text=text, platforms=P))
total = time.process_time() - start
print(json.dumps({{"per_post_ms": total / len(texts) * 1000,
                  "gc_ms": spent[0] / len(texts) * 1000, "posts": len(texts)}}))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="git revision of the old code")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    script = CHILD.format(real=str(ROOT / "tests" / "data" / "real"))
    results: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "old"
        export(args.base, base)
        neutral = Path(tmp) / "run"
        neutral.mkdir()
        for n in range(args.rounds):
            order = [("old", base), ("new", None)] if n % 2 == 0 else [("new", None), ("old", base)]
            for name, code in order:
                found = run_child_script(script, code, neutral)
                results[name].append(found)
                print(f"round {n + 1} {name}: {json.dumps(found)}", file=sys.stderr)
    posts = int(results["new"][0]["posts"])
    print(f"old code: {args.base}; {posts:,} real posts, second pass, CPU time per post\n")
    print("| measure | old code | new code | new/old (median of the rounds' ratios) |")
    print("|---|---:|---:|---:|")
    for key, label in (("per_post_ms", "a real post, ms"), ("gc_ms", "of which the collector")):
        old = statistics.median(r[key] for r in results["old"])
        new = statistics.median(r[key] for r in results["new"])
        pairs = zip(results["old"], results["new"], strict=True)
        ratio = statistics.median(b[key] / a[key] for a, b in pairs)
        print(f"| {label} | {old:.3f} | {new:.3f} | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
