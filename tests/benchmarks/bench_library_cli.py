"""Library commands from a terminal (`history`, `show`), each a fresh process, side by side.

Run: uv run --group bench python tests/benchmarks/bench_library_cli.py [--runs N]

Each command runs against a small library (three posts) in a temporary data folder,
alternating with two references in the same run: the bare import of SQLAlchemy's ORM
(what any ORM-backed command must pay) and the same command with Alembic imported up
front, as every command did before the schema head was named in storage. Bytecode is cached
for all (PYTHONPYCACHEPREFIX). Prints median wall times as a Markdown table for the README.
Not collected by pytest (no test_ prefix).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

POSTS = [
    {"text": "Storm kit tips? What's in yours?", "platforms": ["facebook"]},
    {"text": "Teen drivers: phones in the glove box.", "platforms": ["x"]},
    {"text": "Smoke detectors need fresh batteries twice a year.", "platforms": ["linkedin"]},
]
RUN = "import sys; from composer.cli import run; sys.exit(run(sys.argv[1:]))"
WITH_ALEMBIC = "import alembic.command, alembic.script; " + RUN


def timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        env = dict(os.environ, COMPOSER_DATA_DIR=str(data))
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        posts = Path(folder) / "posts.jsonl"
        posts.write_text("\n".join(json.dumps(p) for p in POSTS), encoding="utf-8")
        py = sys.executable
        subprocess.run(
            [py, "-c", RUN, "import", str(posts)], env=env, check=True, stdout=subprocess.DEVNULL
        )
        cases = {
            "import sqlalchemy.orm (the floor)": [py, "-c", "import sqlalchemy.orm"],
            "`composer history`": [py, "-c", RUN, "history"],
            "`composer history`, Alembic imported (as before)": [py, "-c", WITH_ALEMBIC, "history"],
            "`composer show 1`": [py, "-c", RUN, "show", "1"],
        }
        for argv in cases.values():  # warm-up: bytecode and the page cache
            timed(argv, env)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, argv in cases.items():
                times[name].append(timed(argv, env))
    floor = statistics.median(times["import sqlalchemy.orm (the floor)"])
    print(f"Python {sys.version.split()[0]}; median of {args.runs} runs each, alternating\n")
    print("| command | median | vs the ORM import |")
    print("|---|---:|---:|")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"| {name} | {median * 1000:,.0f} ms | {median / floor:.2f}x |")


if __name__ == "__main__":
    main()
