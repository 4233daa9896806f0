"""Calendar benchmark with a 10,000-post library (a script, not a test: pytest does not
collect it; no timed assertions).

    uv run --group bench python tests/benchmarks/bench_calendar.py [--posts N]

10,000 posts scheduled over a year (about 27 a day, a quarter approved). Measured: reading
a month of the calendar from the library (`PlanningService.calendar`), opening the calendar
window on that month until its first paint, going on a month, the agenda, and finding the
next free slot. Prints a Markdown table of medians (and the worst run).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from composer.app.container import Services
from composer.domain.posts import PostDraft

PLATFORMS = (("x",), ("linkedin",), ("facebook", "x"), ("instagram",), ("threads", "linkedin"))
START = datetime(2030, 1, 1, 7, 0)


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        timings.append((time.perf_counter() - began) * 1000)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    from composer.ui.calendar.panel import CalendarPanel

    with tempfile.TemporaryDirectory() as folder, Services.open(Path(folder)) as services:
        step = timedelta(minutes=(365 * 24 * 60) // args.posts)
        drafts = [
            PostDraft(
                body=f"Post {n}: is your storm kit ready? Water, torch, radio.",
                title=f"Storm kit {n}" if n % 3 else "",
                platforms=PLATFORMS[n % len(PLATFORMS)],
                scheduled_at=START + step * n,
            )
            for n in range(args.posts)
        ]
        began = time.perf_counter()
        ids = services.importer.import_drafts(drafts)
        import_s = time.perf_counter() - began
        for post_id in ids[::4][:400]:  # some approved, so statuses vary
            services.approval.approve(post_id, reason="benchmark")
        services.planning.set_slots(["tue 09:30", "thu 12:00"])
        may = (date(2030, 4, 29), date(2030, 6, 9))
        shown = len(services.planning.calendar(*may))

        def open_month() -> None:
            panel = CalendarPanel(services.planning)
            panel.anchor = date(2030, 5, 13)
            panel.set_mode("month")
            panel.show()
            panel.grid.grab()  # the first paint
            panel.close()
            panel.deleteLater()
            app.processEvents()

        panel = CalendarPanel(services.planning)
        panel.anchor = date(2030, 5, 13)
        panel.show()

        steps = iter([1, -1] * args.repeat)

        def next_month() -> None:  # May to June and back: months that hold posts
            panel.go(next(steps))
            panel.grid.grab()

        def agenda() -> None:
            panel.anchor = date(2030, 5, 13)
            panel.set_mode("agenda")
            panel.set_mode("month")

        def read_month() -> None:
            services.planning.calendar(*may)

        def free_slot() -> None:
            services.planning.next_free_slot(("x",))

        rows = [
            ("read a month (6 weeks shown)", timed(read_month, args.repeat)),
            ("open the calendar on a month, first paint", timed(open_month, args.repeat)),
            ("go a month on or back, and paint", timed(next_month, args.repeat)),
            ("agenda (4 weeks), then the month again", timed(agenda, args.repeat)),
            ("next free slot", timed(free_slot, args.repeat)),
        ]
        panel.close()
    print(f"{args.posts:,} scheduled posts (imported in {import_s:.1f} s); a month shows {shown}")
    print()
    print("| measure | median | worst |")
    print("|---|---|---|")
    for name, values in rows:
        print(f"| {name} | {statistics.median(values):.1f} ms | {max(values):.1f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
