"""The retention report as CSV (for a spreadsheet) or PDF (for the file an examiner keeps).

One row per post, in the bin too: its first and last use (export or publication), whether
a legal hold applies, and the first day it may be deleted. Pure functions of plain values;
composer.services.records gathers them and writes the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from html import escape

from composer.domain.record import RetentionRow
from composer.export.csv_safety import csv_bytes
from composer.export.record_words import status_name

HEADER: tuple[str, ...] = (
    "post_id",
    "title",
    "status",
    "in_bin",
    "legal_hold",
    "first_used",
    "last_used",
    "keep_until",
    "may_delete_now",
)


def _day(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone().date().isoformat()


def retention_csv(rows: Sequence[RetentionRow], today: date) -> bytes:
    return csv_bytes(
        (
            [
                str(row.post_id),
                row.title,
                row.status,
                "yes" if row.deleted else "no",
                "yes" if row.legal_hold else "no",
                _day(row.first_used),
                _day(row.last_used),
                row.keep_until.isoformat() if row.keep_until else "",
                "yes" if row.may_delete(today) else "no",
            ]
            for row in rows
        ),
        header=HEADER,
    )


def retention_html(
    rows: Sequence[RetentionRow], years: int, basis: Sequence[str], made_at: datetime, agent: str
) -> str:
    today = made_at.astimezone().date()
    why = ", ".join(_basis(b) for b in basis)
    lines = [
        "<tr><td><b>Post</b></td><td><b>Title</b></td><td><b>Status</b></td>"
        "<td><b>First use</b></td><td><b>Last use</b></td><td><b>Keep until</b></td>"
        "<td><b>Hold</b></td></tr>"
    ]
    for row in rows:
        status = status_name(row.status) + (" (in the bin)" if row.deleted else "")
        lines.append(
            f"<tr><td>{row.post_id}</td><td>{escape(row.title or '-')}</td>"
            f"<td>{escape(status)}</td><td>{_day(row.first_used) or '-'}</td>"
            f"<td>{_day(row.last_used) or '-'}</td>"
            f"<td>{row.keep_until.isoformat() if row.keep_until else 'not used'}</td>"
            f"<td>{'legal hold' if row.legal_hold else '-'}</td></tr>"
        )
    held = sum(1 for row in rows if row.legal_hold)
    deletable = sum(1 for row in rows if row.may_delete(today))
    return (
        "<h1>Retention report</h1>"
        f"<p>{escape(agent) + ' · ' if agent else ''}made {today.isoformat()}. Posts are kept "
        f"{years} years after their last use ({escape(why)}); a legal hold keeps a post "
        "until it is lifted.</p>"
        f"<p>{len(rows)} posts; {held} under legal hold; {deletable} may be deleted today.</p>"
        f"<table cellpadding='2'>{''.join(lines)}</table>"
    )


def _basis(code: str) -> str:
    if code == "minimum":
        return "the 3-year minimum"
    if code == "finra":
        return "FINRA, as a broker-dealer disclosure is set"
    if code.startswith("state:"):
        return f"{code.partition(':')[2]} rules"
    return code


def retention_pdf(
    rows: Sequence[RetentionRow], years: int, basis: Sequence[str], made_at: datetime, agent: str
) -> bytes:
    from composer.export.pdf_finish import stamp_footers
    from composer.export.pdf_fonts import record_font
    from composer.media.typeset import Source, typeset

    def no_lines(_document: object, _height: float) -> dict[int, None]:
        return {}  # Qt's own text is the text here: no exact-text layer is laid over it

    html = retention_html(rows, years, basis, made_at, agent)
    done = typeset(
        [Source(html)],
        title="Retention report",
        font=record_font(),
        style="body { font-size: 9pt; } h1 { font-size: 14pt; }",
        lines=no_lines,
        empty=None,
        footer_room=True,
    )
    return stamp_footers(
        done.data, lambda page, pages: f"Retention report · Page {page} of {pages}"
    )
