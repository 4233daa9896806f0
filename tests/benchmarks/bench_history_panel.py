"""History panel speed over a large library (a script, not a test: pytest does not collect it).

    uv run python tests/benchmarks/bench_history_panel.py [--posts N] [--repeat R]

Measures, with the offscreen Qt platform unless QT_QPA_PLATFORM says otherwise: opening
the panel (construct, show, first paint), a debounced search as it lands (query, count,
repaint) for a common word, a prefix and a rare word, a filter change, one more page
while scrolling, and a refresh after a save. Budget: each median under 50 ms, so the
list stays instant; exits 1 if one is missed ("open + total count" is reported, not
budgeted: the count runs after the first paint). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_library import make_posts  # same folder: run as a script

from composer.app.container import Services
from composer.domain.posts import PostDraft

BUDGET_MS = 50.0


def panel_count_pending(panel: object) -> bool:
    return panel._count_timer.isActive()  # type: ignore[attr-defined]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="composer-bench-history-"))

    with Services.open(data, engine_loader=lambda: None) as services:
        drafts = [
            PostDraft(
                body=str(p["text"]),
                title=str(p.get("title", "")),
                platforms=tuple(p["platforms"]),  # type: ignore[arg-type]
            )
            for p in make_posts(args.posts)
        ]
        began = time.perf_counter()
        ids = services.importer.import_drafts(drafts)
        import_s = time.perf_counter() - began

        from PySide6.QtWidgets import QApplication

        from composer.ui.history.history_panel import HistoryPanel

        app = QApplication.instance() or QApplication(sys.argv[:1])
        panels: list[HistoryPanel] = []

        def open_panel() -> None:
            panel = HistoryPanel(services)
            panel.resize(320, 800)
            panel.show()
            panel.repaint()  # the first paint, before the deferred total count runs
            panels.append(panel)

        rows: list[tuple[str, list[float]]] = [("open the panel", timed(open_panel, args.repeat))]
        panel = panels[-1]
        for old in panels[:-1]:
            old.deleteLater()
        app.processEvents()

        def search(text: str) -> Callable[[], None]:
            def run() -> None:
                panel.search.setText(text)
                panel.search.returnPressed.emit()  # what the debounce timer does on a pause
                app.processEvents()
                panel.search.clear()
                panel.search.returnPressed.emit()

            return run

        # Each search run also clears it again, as the agent would: two queries per run.
        for label, text in (
            ("search a common word (coverage)", "coverage"),
            ("search a prefix as typed (cov)", "cov"),
            ("search a rare word (word123)", "word123"),
        ):
            rows.append((f"{label} + clear", timed(search(text), args.repeat)))
        matches = services.history.count(panel.model.query.__class__(search="coverage"))

        def platform_filter() -> None:
            panel.platform_filter.setCurrentIndex(2)  # LinkedIn
            app.processEvents()
            panel.platform_filter.setCurrentIndex(0)
            app.processEvents()

        rows.append(("platform filter on + off", timed(platform_filter, args.repeat)))

        def next_page() -> None:
            panel.model.fetchMore()
            panel.list.scrollToBottom()
            app.processEvents()

        rows.append(("scroll: one more page of 50", timed(next_page, args.repeat)))
        loaded = panel.model.rowCount()

        def refresh() -> None:
            panel.refresh()
            app.processEvents()

        panel.list.scrollToTop()
        rows.append(
            (f"refresh at the top ({loaded} rows were loaded)", timed(refresh, args.repeat))
        )

        row_updates = []
        for n in range(args.repeat):
            saved = services.library.autosave(ids[-2 - n % 5], PostDraft(body=f"edit {n}"))
            began = time.perf_counter()
            panel.post_saved(saved)  # what the window calls after each autosave
            app.processEvents()
            row_updates.append((time.perf_counter() - began) * 1000)
        rows.append(("post_saved after an autosave (row update)", row_updates))

        def open_and_count() -> None:
            open_panel()
            while panel_count_pending(panels[-1]):
                app.processEvents()

        rows.append(("open the panel + total count", timed(open_and_count, 3)))
        for old in panels:
            old.deleteLater()
        panel.deleteLater()
        app.processEvents()

    print(f"History panel over {args.posts:,} posts (import {import_s:.2f} s; ")
    print(f"'coverage' matches {matches:,}); {args.repeat} runs each, times in ms\n")
    print("| action | median | p95 | max |")
    print("|---|---:|---:|---:|")
    failed = False
    for label, values in rows:
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        median = statistics.median(values)
        failed |= median > BUDGET_MS and "count" not in label
        print(f"| {label} | {median:.1f} | {p95:.1f} | {max(values):.1f} |")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
