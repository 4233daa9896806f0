"""Sprout Social's bulk scheduling CSV: header `date,time_24hr,message_text` (case-sensitive).

The date order (mm/dd/yyyy or dd/mm/yyyy) is chosen at import in Sprout, so it is an option
here too. A `link` column is added only when some post has a link (Sprout lets the agent
map extra columns at import).
"""

from __future__ import annotations

from collections.abc import Sequence

from composer.export.csv_safety import csv_bytes
from composer.export.model import ExportItem, RenderOptions, schedule_date, schedule_time

HEADER: tuple[str, ...] = ("date", "time_24hr", "message_text")
LINK_COLUMN = "link"
MAX_ROWS = 350
MIN_GAP_MINUTES = 10


def header(items: Sequence[ExportItem]) -> list[str]:
    return [*HEADER, LINK_COLUMN] if any(item.link for item in items) else list(HEADER)


def rows(items: Sequence[ExportItem], options: RenderOptions) -> list[list[str]]:
    if not options.platform:
        raise ValueError("a Sprout file is for one platform; none was chosen")
    with_link = any(item.link for item in items)
    out: list[list[str]] = []
    for item in items:
        when = item.scheduled_at
        row = [
            schedule_date(when, options.date_order) if when else "",
            schedule_time(when) if when else "",
            item.text(options.platform),
        ]
        if with_link:
            row.append(item.link)
        out.append(row)
    return out


def render(items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    return csv_bytes(
        rows(items, options),
        header=header(items),
        bom=options.bom,
        neutralise_cells=options.neutralise,
    )
