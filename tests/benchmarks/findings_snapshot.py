"""Every finding the engine gives on every text we have, written out canonically.

A speed change must not change a single finding. Run before and after it and compare:

    uv run python tests/benchmarks/findings_snapshot.py /tmp/before.txt
    uv run python tests/benchmarks/findings_snapshot.py /tmp/after.txt
    cmp /tmp/before.txt /tmp/after.txt

Texts: the labelled real-world posts (tests/data/real/*.jsonl), the Medicare set with its
agent's profile, the replies with the comments they answer, ../shared/samples (with their
profile), every rule's trigger and pass examples (the rule alone, as `rules test` runs them,
and with every rule), the engine benchmark's posts and long texts (ordinary and dense).
Each text is checked by one long-lived engine in turn, with spelling and readability (as
the window and `composer check`) and without (as measure.py), without a profile and with one,
so state kept between checks is exercised too. Not collected by pytest (no test_ prefix).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

from composer.domain.accounts import PLATFORMS
from composer.domain.conversations import Comment
from composer.domain.findings import CheckResult
from composer.domain.profile import Profile
from composer.guidelines.engine import Engine
from composer.guidelines.examples import EXAMPLE_PROFILE, example_profile, rule_fires
from composer.guidelines.inputs import CheckInput

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "samples"
ALL = ("x", "linkedin", "facebook", "instagram", "threads")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_engine import DENSE, make_post  # noqa: E402


def profile_from(path: Path) -> Profile:
    return Profile.from_mapping(tomllib.loads(path.read_text(encoding="utf-8")))


def comment_of(row: dict) -> Comment | None:
    raw = row.get("comment") or row.get("in_reply_to")
    if not raw:
        return None
    return Comment(text=raw["text"], author=raw.get("author", ""), platform=raw.get("platform", ""))


Case = tuple[str, CheckInput]


def rows(path: Path) -> Iterator[dict]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            yield json.loads(line)


def cases(long_texts: bool) -> Iterator[Case]:
    medicare = ROOT / "tests/data/real/medicare"
    agent = profile_from(medicare / "agent.toml")
    sets: list[tuple[Path, Profile | None]] = [
        (p, None) for p in sorted((ROOT / "tests/data/real").glob("*.jsonl"))
    ]
    sets.append((medicare / "evaluation.jsonl", agent))
    sets += [(p, None) for p in sorted((ROOT / "tests/data/replies").glob("*.jsonl"))]
    if (SHARED / "posts.jsonl").is_file():
        sets.append((SHARED / "posts.jsonl", None))
    for path, profile in sets:
        for row in rows(path):
            platforms = tuple(p for p in row["platforms"] if p in PLATFORMS) or ("facebook",)
            own = profile
            if row.get("profile"):
                own = profile_from(path.parent / row["profile"])
            name = f"{path.relative_to(ROOT.parent)}#{row['id']}"
            comment = comment_of(row)
            for label, chosen in (("own", own), ("none", None), ("example", EXAMPLE_PROFILE)):
                if label == "none" and own is None:
                    continue
                yield f"{name}@{label}", CheckInput(row["text"], platforms, chosen, comment=comment)
    for i in range(0, 1000, 7):
        yield f"bench-short#{i}", CheckInput(make_post(120 + (i * 37) % 160, i), ("facebook", "x"))
    yield "bench-3000", CheckInput(make_post(3000), ALL)
    yield "bench-3000@example", CheckInput(make_post(3000), ALL, EXAMPLE_PROFILE)
    yield "dense-5k", CheckInput((DENSE * 50)[:5000], ALL)
    if long_texts:
        yield "bench-63206", CheckInput(make_post(63_206), ALL)
        yield "bench-100k", CheckInput(make_post(100_000), ALL)
        yield "dense-100k", CheckInput((DENSE * 1000)[:100_000], ALL)
        yield "dense-1M", CheckInput((DENSE * 9000)[:1_000_000], ALL)


def canonical(name: str, result: CheckResult) -> str:
    findings = [
        [f.rule, f.category, f.severity, f.start, f.end, f.text, list(f.suggestions), f.message]
        for f in result.findings
    ]
    counts = {k: repr(v) for k, v in result.platforms.items()}
    return json.dumps([name, findings, counts], ensure_ascii=False)


def example_lines(engine: Engine) -> Iterator[str]:
    """Each rule's examples: the rule alone (as `rules test`), then every rule."""
    for rule in engine.rules:
        for kind, texts in (("trigger", rule.trigger_examples), ("pass", rule.pass_examples)):
            for n, text in enumerate(texts):
                name = f"example:{rule.id}:{kind}:{n}"
                fires = rule_fires(engine, rule, text)
                platforms = rule.platforms or ("facebook",)
                inp = CheckInput(text, platforms, example_profile(rule))
                yield json.dumps([name, fires]) + "\n" + canonical(name, engine.check(inp))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--quick", action="store_true", help="skip the long texts")
    args = parser.parse_args()
    lines: list[str] = []
    for style in (True, False):
        engine = Engine.load(style_checks=style)
        lines += [f"engine style={style} rules={len(engine.rules)}"]
        lines += [canonical(name, engine.check(inp)) for name, inp in cases(not args.quick)]
        lines += list(example_lines(engine))
    data = "\n".join(lines) + "\n"
    args.out.write_text(data, encoding="utf-8")
    digest = hashlib.sha256(data.encode()).hexdigest()[:16]
    print(f"{len(lines)} lines, sha256 {digest}, {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
