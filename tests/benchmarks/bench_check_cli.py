"""`composer check` as editors run it (a fresh process per save), beside proselint's command line.

Run: uv run --group bench python tests/benchmarks/bench_check_cli.py [--runs N]

Both command lines check the same short post, alternately, N times each after a warm-up,
with a library (a profile and approved history) in a temporary data folder. Bytecode is
cached in a temporary folder (PYTHONPYCACHEPREFIX) for both, as on a normal installation,
even when PYTHONDONTWRITEBYTECODE is set in the environment. Prints median wall times and
the ratio as a Markdown table for the README. Not collected by pytest (no test_ prefix).
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
import time
from pathlib import Path

POST = (
    "Storm season is here! Clear the gutters, tie down patio chairs and photograph every "
    "room now, so an inventory is ready if you ever need to file a claim. Need renters "
    "insurance before the first warning? Message me for a quote.\n"
)
HISTORY = [
    "Smoke detectors need fresh batteries twice a year; pick two dates and stick to them.",
    "Teen drivers: put the phone in the glove box and practice night driving with a parent.",
    "Looking at a new car? Message me for a quote on your auto insurance before you buy.",
    "What is the one thing in your emergency kit that you would never leave out?",
]
# `composer check` with the quick read switched off: what every check cost before it.
FULL_OPEN = (
    "import sys; import composer.services.check_context as c; "
    "c.quick_context = lambda *a, **k: None; "
    "from composer.cli import run; sys.exit(run(sys.argv[1:]))"
)
# The steps of `composer check` with a library, timed inside one fresh process.
PHASES = """
import json, sys, time
from pathlib import Path
marks = [("start", time.perf_counter())]
from composer.cli import build_parser
argv = ["--data-dir", sys.argv[1], "check", sys.argv[2]]
build_parser(argv).parse_args(argv)
marks.append(("command line parsed", time.perf_counter()))
from composer.services.check_context import quick_context
context = quick_context(Path(sys.argv[1]) / "library.sqlite3")
assert context is not None
marks.append(("profile and history read (plain sqlite3)", time.perf_counter()))
from composer.guidelines.inputs import CheckInput
from composer.services.guidelines import GuidelineService
marks.append(("guideline engine code imported", time.perf_counter()))
service = GuidelineService.open(sys.argv[1], profile=context.profile)
marks.append(("Engine.load (rule packs compiled)", time.perf_counter()))
text = Path(sys.argv[2]).read_text(encoding="utf-8")
service.check(CheckInput(text=text, platforms=("facebook",), history=context.history))
marks.append(("the check (spelling list read on first use)", time.perf_counter()))
print(json.dumps({b[0]: b[1] - a[1] for a, b in zip(marks, marks[1:])}))
"""


def make_library(data_dir: Path, posts: int) -> None:
    """A library at the current schema with a profile and `posts` approved posts."""
    from composer.app.container import Services
    from composer.domain.posts import PostDraft
    from composer.domain.profile import Profile

    with Services.open(data_dir) as services:
        services.library.set_profile(
            Profile(
                name="Sam Ortiz",
                agency="Ortiz Insurance",
                license_number="0K98765",
                states=("CA",),
                disclosure="Sam Ortiz, Ortiz Insurance, CA Lic. #0K98765",
            )
        )
        for n in range(posts):
            body = f"{HISTORY[n % len(HISTORY)]} (tip {n + 1})"
            post = services.library.create(PostDraft(body=body, platforms=("facebook", "x")))
            services.approval.approve(post.id, reason="benchmark")


def export(rev: str, folder: Path) -> None:
    """The `composer` package and resources of git revision `rev`, written into `folder`."""
    root = Path(__file__).resolve().parents[2]
    folder.mkdir(parents=True)
    archive = folder / "code.tar"
    git = ["git", "-C", str(root), "archive", "-o", str(archive), rev, "composer", "resources"]
    subprocess.run(git, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")


def child_env(pycache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.pop("COMPOSER_DATA_DIR", None)
    return env


def wall(command: list[str], env: dict[str, str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, check=False, cwd=cwd)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command[0]} failed ({done.returncode}): {done.stderr.decode()}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="runs of each command (median)")
    parser.add_argument("--posts", type=int, default=40, help="approved posts in the library")
    parser.add_argument(
        "--base", help="git revision: also run its `composer check` (library present), in turns"
    )
    args = parser.parse_args()

    proselint = Path(sys.executable).with_name("proselint")
    if not proselint.exists():
        raise SystemExit("proselint not found: run with `uv run --group bench`")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data, empty = root / "data", root / "empty"
        make_library(data, args.posts)
        empty.mkdir()
        post = root / "post.txt"
        post.write_text(POST, encoding="utf-8")
        env = child_env(root / "pycache")
        composer = [sys.executable, "-m", "composer"]
        old_env: dict[str, str] = {}
        if args.base:
            export(args.base, root / "old")
            old_env = {**env, "PYTHONPATH": str(root / "old")}
        neutral = root / "run"  # the working folder: no `composer` in it
        neutral.mkdir()
        commands = {
            "composer check, library present": [*composer, "--data-dir", str(data), "check"],
            "composer check, no library": [*composer, "--data-dir", str(empty), "check"],
            "the same, library opened the full way": [
                sys.executable, "-c", FULL_OPEN, "--data-dir", str(data), "check"
            ],
            "proselint check": [str(proselint), "check"],
        }  # fmt: skip
        envs = dict.fromkeys(commands, env)
        if args.base:
            old = f"old code ({args.base}): composer check, library present"
            commands[old] = [*composer, "--data-dir", str(data), "check"]
            envs[old] = old_env
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(3):  # warm-up: bytecode written, files in the page cache
            for name, command in commands.items():
                wall([*command, str(post)], envs[name], neutral)
        for n in range(args.runs):
            order = list(commands.items())
            if n % 2:
                order.reverse()  # neither command always runs right after the other
            for name, command in order:
                times[name].append(wall([*command, str(post)], envs[name], neutral))

        startup = [wall([sys.executable, "-c", "pass"], env) for _ in range(args.runs)]
        phases: dict[str, list[float]] = {}
        for _ in range(args.runs):
            done = subprocess.run(
                [sys.executable, "-c", PHASES, str(data), str(post)],
                env=env, capture_output=True, text=True, check=True,
            )  # fmt: skip
            for name, seconds in json.loads(done.stdout).items():
                phases.setdefault(name, []).append(seconds)

    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["proselint check"]
    print(
        f"Python {sys.version.split()[0]}; {args.runs} runs each, interleaved; "
        f"{args.posts} approved posts in the library; post of {len(POST)} characters"
    )
    print()
    print("| command (fresh process, same file) | median | vs proselint |")
    print("|---|---:|---:|")
    for name, median in medians.items():
        print(f"| {name} | {median * 1000:.0f} ms | {median / base:.2f}x |")
    print()
    print("Where the time goes (library present; medians, each step in one fresh process):")
    print()
    print("| step | median |")
    print("|---|---:|")
    print(f"| Python start-up (`python -c pass`) | {statistics.median(startup) * 1000:.0f} ms |")
    for name, values in phases.items():
        print(f"| {name} | {statistics.median(values) * 1000:.0f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
