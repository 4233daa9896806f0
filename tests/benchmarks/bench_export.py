"""Export benchmark (a script, not a test: pytest does not collect it).

    uv run python tests/benchmarks/bench_export.py [--posts N] [--keep DIR]
    uv run python tests/benchmarks/bench_export.py --render-only 10000

Times each format for N approved posts in a real library (default 350, a full Hootsuite
or Sprout file): the plan (reading approved snapshots and checking), rendering the bytes,
and the whole export (plan, render, atomic write, audit record). `--render-only N` times
only the formats, on N snapshots made in memory, which is what the issue's budgets for
10,000 posts (CSV <= 2 s, JSON <= 3 s, PDF <= 60 s) are checked against when N is 10,000.
Prints a Markdown table; exits 1 if a budget is missed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from composer.app.container import Services
from composer.domain.findings import CheckResult
from composer.domain.posts import Approval, PostDraft, content_hash
from composer.export import FORMATS, render
from composer.export.model import ExportItem, RenderOptions
from composer.services.export import ExportRequest, ExportService

BUDGET_PER_10K = {"csv": 2.0, "json": 3.0, "pdf": 60.0}


class QuietEngine:
    def check(self, request):
        return CheckResult(findings=())


def build(data_dir: Path, count: int) -> Services:
    services = Services.open(data_dir, engine_loader=QuietEngine)
    start = datetime(2030, 1, 1, 8, 0)
    drafts = [
        PostDraft(
            body=f"Tip {n}: storms, floods and your deductible. What is in your kit?\n"
            f"Call us about cover, and ask about bundling home and auto. #{n}",
            platforms=("x", "linkedin"),
            link="https://agency.example/tips",
            scheduled_at=start + timedelta(minutes=15 * n),
            tags=("tips",),
        )
        for n in range(count)
    ]
    ids = services.importer.import_drafts(drafts)
    for post_id in ids:
        services.approval.approve(post_id)
    return services


def snapshots(count: int) -> list[ExportItem]:
    """`count` approved snapshots in memory, each for two platforms with one finding."""
    items = []
    start = datetime(2030, 1, 1, 8, 0)
    for n in range(count):
        text = (
            f"Tip {n}: storms, floods and your deductible. What is in your kit?\n"
            f"Call us about cover, and ask about bundling home and auto. #{n}"
        )
        texts = {"x": text, "linkedin": text + " More on our site."}
        approval = Approval(
            id=n + 1,
            post_id=n + 1,
            texts=texts,
            hashes={p: content_hash(t) for p, t in texts.items()},
            link="https://agency.example/tips",
            findings=(
                {
                    "platform": "x",
                    "rule": "test.free",
                    "category": "compliance.free",
                    "severity": "warning",
                    "message": "'free' needs care",
                },
            ),
            overrides={},
            approver="Jordan Agent",
            approved_at=datetime(2029, 12, 1, 9, 0).astimezone(),
        )
        items.append(
            ExportItem(
                post_id=n + 1,
                approval=approval,
                platforms=tuple(texts),
                title=f"Tip {n}",
                tags=("tips",),
                scheduled_at=start + timedelta(minutes=15 * n),
            )
        )
    return items


def render_only(count: int) -> int:
    items = snapshots(count)
    print(f"Rendering {count:,} approved snapshots (in memory)\n")
    print("| format | render | size | budget |")
    print("|---|---|---|---|")
    failed = False
    for fmt in FORMATS:
        options = RenderOptions(
            platform="x" if fmt in ("hootsuite", "sprout") else None,
            generated_at=datetime.now(),
        )
        t = time.perf_counter()
        data = render(fmt, items, options)
        took = time.perf_counter() - t
        verdict = "-"
        budget = BUDGET_PER_10K.get(fmt)
        if budget is not None:
            scaled = budget * count / 10_000
            ok = took <= scaled
            failed |= not ok
            verdict = f"{'ok' if ok else 'MISSED'} (<= {scaled:.2f} s)"
        print(f"| {fmt} | {took:.2f} s | {len(data) / 1024:,.0f} KiB | {verdict} |")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=350)
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    parser.add_argument("--render-only", type=int, metavar="N", help="time the formats alone")
    args = parser.parse_args(argv)
    if args.render_only:
        return render_only(args.render_only)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        services = build(Path(tmp) / "data", args.posts)
        print(f"{args.posts} approved posts prepared in {time.perf_counter() - t0:.1f} s\n")
        exporter = ExportService(
            services.database, services.approval, services.audit, services.account_repository
        )
        ids = tuple(range(1, args.posts + 1))
        print("| format | plan | render | whole export | size | budget |")
        print("|---|---|---|---|---|---|")
        failed = False
        for fmt in FORMATS:
            scheduler = fmt in ("hootsuite", "sprout", "bundle")  # bundles hold a scheduler CSV
            request = ExportRequest(  # a scheduler file takes at most 350 posts
                fmt,
                post_ids=ids[:350] if scheduler else ids,
                platform="x" if scheduler else None,
            )
            t = time.perf_counter()
            plan = exporter.plan(request)
            planned = time.perf_counter() - t
            options = RenderOptions(platform=plan.platform, generated_at=datetime.now())
            t = time.perf_counter()
            render(fmt, plan.items, options)
            rendered = time.perf_counter() - t
            t = time.perf_counter()
            result = exporter.export(request, folder / f"bench-{fmt}.{fmt}", force=True)
            whole = time.perf_counter() - t
            budget = BUDGET_PER_10K.get(fmt)
            verdict = "-"
            if budget is not None:
                scaled = budget * args.posts / 10_000
                ok = whole <= max(scaled, 0.05)
                failed |= not ok
                verdict = f"{'ok' if ok else 'MISSED'} (<= {scaled:.2f} s)"
            print(
                f"| {fmt} | {planned * 1000:.0f} ms | {rendered * 1000:.0f} ms "
                f"| {whole * 1000:.0f} ms | {result.size / 1024:,.0f} KiB | {verdict} |"
            )
        assert services.audit.verify().ok
        services.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
