"""`composer rules list` and `composer rules test`: see and verify the rule packs."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.cli.errors import UsageError

if TYPE_CHECKING:
    from composer.guidelines.engine import Engine


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("rules", help="list the guideline rules or test their examples")
    actions = parser.add_subparsers(dest="rules_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list every loaded rule")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.add_argument("--rules", action="append", default=[], metavar="DIR")
    listing.set_defaults(handler=run_list)
    testing = actions.add_parser(
        "test", help="run every rule's examples (exit 1 naming the first rule that fails)"
    )
    testing.add_argument("dir", nargs="?", metavar="DIR", help="only test the packs in DIR")
    testing.set_defaults(handler=run_test)
    cover = actions.add_parser(
        "coverage",
        help="list phrase alternatives no example or labelled post exercises (exit 1 if any)",
    )
    cover.add_argument("--format", choices=("text", "json"), default="text")
    cover.add_argument("--rules", action="append", default=[], metavar="DIR")
    cover.add_argument(
        "--corpus",
        action="append",
        default=[],
        metavar="PATH",
        help="JSON-lines posts (a file or a folder); default: the repository's tests/data",
    )
    cover.add_argument(
        "--all-posts", action="store_true", help="count unlabelled posts too, not only labelled"
    )
    cover.set_defaults(handler=run_coverage)


def _load(args: argparse.Namespace, extra: list[Path]) -> Engine:
    from composer.app import paths
    from composer.guidelines.engine import Engine

    for directory in extra:
        if not directory.is_dir():
            raise UsageError(f"rules folder not found: {directory}")
    base = paths.data_dir(args.data_dir)
    engine = Engine.load([paths.user_rules_dir(base), *extra], style_checks=False)
    for error in engine.load_errors:
        print(f"composer: warning: {error}", file=sys.stderr)
    for notice in engine.load_notices:
        print(f"composer: note: {notice}", file=sys.stderr)
    return engine


def run_list(args: argparse.Namespace) -> int:
    engine = _load(args, [Path(d) for d in args.rules])
    rows = [
        {
            "id": rule.id,
            "category": rule.category,
            "severity": rule.severity,
            "check": rule.check_type,
            "message": rule.message,
            "source": rule.source,
            "reference": rule.reference,
            "lines": sorted(rule.applicability.lines),
            "lines_not_held": sorted(rule.applicability.lines_not_held),
            "states": sorted(rule.applicability.states),
            "effective_from": _iso(rule.applicability.effective_from),
            "effective_until": _iso(rule.applicability.effective_until),
        }
        for rule in engine.rules
    ]
    applies = {rule.id: rule.applicability.describe() for rule in engine.rules}
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    width = max((len(str(row["id"])) for row in rows), default=0)
    for row in rows:
        scope = applies[str(row["id"])]
        scope = f"  [{scope}]" if scope else ""
        print(f"{str(row['id']).ljust(width)}  {row['severity']:<10}  {row['message']}{scope}")
    print(f"\n{len(rows)} rules")
    return 0


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def run_test(args: argparse.Namespace) -> int:
    from composer.guidelines.examples import run_examples

    only = Path(args.dir) if args.dir else None
    engine = _load(args, [only] if only else [])
    report = run_examples(engine, only_dir=only)
    for failure in report.failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print(f"{report.passed} examples passed, {len(report.failures)} failed ({report.rules} rules)")
    if engine.load_errors:
        return 1
    return 1 if report.failures else 0


def run_coverage(args: argparse.Namespace) -> int:
    from composer.app import paths
    from composer.domain.layout import shipped_rules_dir
    from composer.guidelines import coverage
    from composer.guidelines.packs import load_packs

    extra = [Path(d) for d in args.rules]
    corpus = [Path(c) for c in args.corpus] or _default_corpus()
    for path in [*extra, *corpus]:
        if not path.exists():
            raise UsageError(f"not found: {path}")
    base = paths.data_dir(args.data_dir)
    packs = load_packs([shipped_rules_dir(), paths.user_rules_dir(base), *extra])
    for error in packs.errors:
        print(f"composer: warning: {error}", file=sys.stderr)
    texts = coverage.corpus_texts(corpus, all_posts=args.all_posts)
    entries = coverage.measure(packs, texts)
    if args.format == "json":
        json.dump(coverage.to_json(entries), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(coverage.to_text(entries))
    return 1 if any(e.unexercised for e in entries) else 0


def _default_corpus() -> list[Path]:
    """The labelled posts beside the source (a checkout); a packaged app has none."""
    from composer.app.paths import resources_dir

    data = resources_dir().parent / "tests" / "data"
    return [p for p in (data, data / "real") if p.is_dir()]
