"""Hootsuite's bulk composer CSV: no header; date and time in one field, message, link.

`05/13/2026 19:00`: 24-hour, month first unless the agent picks day first at upload. One
profile per file, at most 350 rows: the service checks both before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from composer.export.csv_safety import csv_bytes
from composer.export.model import ExportItem, RenderOptions, schedule_date, schedule_time

MAX_ROWS = 350


def rows(items: Sequence[ExportItem], options: RenderOptions) -> list[list[str]]:
    platform = _platform(options)
    out: list[list[str]] = []
    for item in items:
        when = item.scheduled_at
        stamp = f"{schedule_date(when, options.date_order)} {schedule_time(when)}" if when else ""
        out.append([stamp, item.text(platform), item.link])
    return out


def render(items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    return csv_bytes(rows(items, options), bom=options.bom, neutralise_cells=options.neutralise)


def _platform(options: RenderOptions) -> str:
    if not options.platform:
        raise ValueError("a Hootsuite file is for one platform; none was chosen")
    return options.platform
