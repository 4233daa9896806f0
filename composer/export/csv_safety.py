"""CSV that spreadsheets cannot turn against the reader.

RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote, CR or
LF, quotes doubled, embedded newlines kept inside the quotes. UTF-8, with an optional byte-
order mark because Excel otherwise guesses a legacy code page.

Formula injection (OWASP): a cell starting with `=`, `+`, `-`, `@`, tab or CR may run as a
formula when the file is opened in a spreadsheet, so by default it gets a leading `'`. The
full-width forms `＝＋－＠` count too (Excel reads them as their ASCII twins), and so does
any of these after leading whitespace (" =1+1", "\t=..."), which spreadsheets trim. A
post may legitimately begin with an @mention or a "-" list, which is why it can be turned
off for a file that goes straight to a scheduler and never through a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS: tuple[str, ...] = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
DANGEROUS_STARTS: tuple[str, ...] = (*FORMULA_STARTS, "\t", "\r")
BOM = "\ufeff"


def needs_neutralising(cell: str) -> bool:
    """Whether a spreadsheet could read `cell` as a formula (after trimming whitespace)."""
    return cell.startswith(DANGEROUS_STARTS) or cell.lstrip().startswith(FORMULA_STARTS)


def neutralise(cell: str) -> str:
    """The cell with a leading apostrophe when a spreadsheet could read it as a formula."""
    return "'" + cell if needs_neutralising(cell) else cell


def csv_bytes(
    rows: Iterable[Sequence[str]],
    *,
    header: Sequence[str] | None = None,
    bom: bool = False,
    neutralise_cells: bool = True,
) -> bytes:
    """The rows as RFC 4180 CSV in UTF-8. The header is written as given."""
    out = io.StringIO(newline="")
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if header is not None:
        writer.writerow(header)
    if neutralise_cells:
        writer.writerows([neutralise(cell) for cell in row] for row in rows)
    else:
        writer.writerows(rows)
    return out.getvalue().encode("utf-8")
