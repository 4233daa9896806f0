"""Importing posts from a JSON array, JSON lines or CSV: all or nothing.

Every row is read and checked before anything is written, and everything is written in
one transaction, so a bad row imports nothing and the error names the row and field.
Rows are numbered as people see them: the line of a JSON-lines file, the spreadsheet row
of a CSV (the header is row 1), the position in a JSON array (from 1). Unknown fields are
ignored, so files made for other tools (or `composer check` samples) import as they are.
Hostile input is refused with the same plain errors: JSON nested too deeply or holding
huge numbers, NUL characters and lone surrogates, CSV with an unterminated quote, and
links that are not http(s) web addresses.

A row may be a reply: `"in_reply_to": {"author", "text", "platform", "url", "at", "post_id",
"rating"}` is the comment it answers (its text kept exactly; `post_id` the library's post it
was left on, which must exist and not be a reply; `rating` a review's stars, 1 to 5), and
`"complaint": true` also records that comment in the complaint register, in the same
transaction.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.domain.conversations import Comment, rating_of
from composer.domain.files import decode_text, without_bom
from composer.domain.links import link_problem
from composer.domain.posts import PostDraft
from composer.services.json_input import JsonInputError, parse_json, text_problem
from composer.services.library import (
    Clock,
    InvalidPostError,
    LibraryError,
    normalise_draft,
    utc_now,
)

if TYPE_CHECKING:
    from composer.storage.database import Database

MAX_TEXT = 100_000
_LIST_SPLIT = re.compile(r"[,\s]+")


class ImportFileError(LibraryError, ValueError):
    """The file cannot be imported; nothing was written."""

    def __init__(self, message: str, row: int | None = None, field: str | None = None) -> None:
        where = ""
        if row is not None:
            where = f"row {row}" + (f", field '{field}'" if field else "") + ": "
        super().__init__(where + message)
        self.row = row
        self.field = field


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One row to import: the draft, and whether its comment goes in the complaint register."""

    draft: PostDraft
    complaint: bool = False
    number: int | None = None  # the row as people see it, for errors found when writing


def parse_posts(text: str) -> list[PostDraft]:
    """Read every row of a JSON array, JSON lines or CSV text into drafts (or raise)."""
    return [row.draft for row in parse_rows(text)]


def parse_rows(text: str) -> list[ImportRow]:
    """Read every row of a JSON array, JSON lines or CSV text (or raise)."""
    text = without_bom(text)
    stripped = text.lstrip()
    if not stripped:
        raise ImportFileError("the file is empty")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFileError(f"line {line} holds a NUL character; is this a text file?")
    if stripped[0] == "[":
        rows = _json_array(stripped)
    elif stripped[0] == "{":
        rows = _json_lines(text)
    else:
        rows = _csv_rows(text)
    parsed = [_row(number, row) for number, row in rows]
    if not parsed:
        raise ImportFileError("the file holds no posts")
    return parsed


def read_posts(path: Path) -> list[PostDraft]:
    return [row.draft for row in read_rows(path)]


def read_rows(path: Path) -> list[ImportRow]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"there is no file {path}") from None
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        text = decode_text(raw)
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{path.name} is not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again"
        ) from None
    return parse_rows(text)


class ImportService:
    def __init__(self, database: Database, clock: Clock = utc_now) -> None:
        self._db = database
        self._clock = clock

    def import_file(self, path: Path) -> list[int]:
        """Import every post in the file, or none; returns the new ids in file order."""
        return self.import_drafts(read_posts(path))

    def import_drafts(self, drafts: list[PostDraft]) -> list[int]:
        return self.import_rows([ImportRow(d) for d in drafts])

    def import_rows(self, rows: Sequence[ImportRow]) -> list[int]:
        """All rows or none; replies flagged as complaints enter the register (and the
        audit log) in the same transaction."""
        from composer.services.conversations import audit_data
        from composer.services.library import check_thread_link

        now = self._clock()
        with self._db.write() as tx:
            for row in rows:
                try:
                    check_thread_link(tx, None, row.draft)
                except InvalidPostError as exc:
                    raise ImportFileError(
                        str(exc), row=row.number, field="in_reply_to.post_id"
                    ) from None
            ids = tx.posts.insert_many([r.draft for r in rows], now)
            for post_id, row in zip(ids, rows, strict=True):
                if row.complaint and row.draft.in_reply_to is not None:
                    entry = tx.complaints.add(row.draft.in_reply_to, row.draft.body, post_id, now)
                    tx.audit.append("complaint", post_id, audit_data(entry), now)
            return ids


def _json_array(text: str) -> Iterator[tuple[int, Any]]:
    try:
        data = parse_json(text)
    except JsonInputError as exc:
        raise ImportFileError(str(exc)) from None
    if not isinstance(data, list):
        raise ImportFileError("a JSON file must hold an array of posts")
    return enumerate(data, start=1)


def _json_lines(text: str) -> Iterator[tuple[int, Any]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append((number, parse_json(line)))
        except JsonInputError as exc:
            message = str(exc).replace(" at line 1:", ":")
            raise ImportFileError(message, row=number) from None
    return iter(rows)


def _csv_rows(text: str) -> Iterator[tuple[int, Any]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        raise ImportFileError("the CSV file has no header row") from None
    names = [name.strip().lower() for name in header]
    if "text" not in names:
        raise ImportFileError("the CSV header has no 'text' column", row=1)
    rows = []
    try:
        for number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(names):
                raise ImportFileError(f"{len(values)} values for {len(names)} columns", row=number)
            rows.append((number, {n: v for n, v in zip(names, values, strict=False) if v != ""}))
    except csv.Error as exc:
        why = str(exc)
        if "unexpected end of data" in why:
            why = 'a quoted value is never closed (a " is missing)'
        raise ImportFileError(f"unreadable CSV: {why}", row=reader.line_num) from None
    return iter(rows)


def _row(row: int, data: Any) -> ImportRow:
    draft = _draft(row, data)
    complaint = data.get("complaint", False)
    if not isinstance(complaint, bool):
        raise ImportFileError("must be true or false", row=row, field="complaint")
    if complaint and draft.in_reply_to is None:
        raise ImportFileError(
            "a complaint needs the comment it answers in 'in_reply_to'", row=row, field="complaint"
        )
    return ImportRow(draft, complaint, row)


def _draft(row: int, data: Any) -> PostDraft:
    if not isinstance(data, Mapping):
        raise ImportFileError("each post must be an object with a 'text' field", row=row)
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ImportFileError("is required and must be non-empty text", row=row, field="text")
    _check_text(text, row, "text")
    if len(text) > MAX_TEXT:
        raise ImportFileError(f"is longer than {MAX_TEXT} characters", row=row, field="text")
    draft = PostDraft(
        body=text,
        title=_text(data, "title", row),
        platforms=_list(data, "platforms", row),
        variants=_variants(data, row),
        link=_link(data, row),
        scheduled_at=_when(data, row),
        tags=_list(data, "tags", row),
        in_reply_to=_comment(data, row),
    )
    try:
        return normalise_draft(draft)
    except InvalidPostError as exc:
        field = "variants" if "variant" in str(exc) else "platforms"
        raise ImportFileError(str(exc), row=row, field=field) from None


def _text(data: Mapping[str, Any], field: str, row: int | None) -> str:
    value = data.get(field)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportFileError("must be text", row=row, field=field)
    _check_text(value, row, field)
    return value


def _check_text(value: str, row: int | None, field: str) -> None:
    problem = text_problem(value)
    if problem:
        raise ImportFileError(problem, row=row, field=field)


def _list(data: Mapping[str, Any], field: str, row: int) -> tuple[str, ...]:
    value = data.get(field)
    if value is None:
        return ()
    if isinstance(value, str):
        _check_text(value, row, field)
        return tuple(item for item in _LIST_SPLIT.split(value) if item)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        for item in value:
            _check_text(item, row, field)
        return tuple(item.strip() for item in value if item.strip())
    raise ImportFileError("must be a list of names or comma-separated text", row=row, field=field)


def _variants(data: Mapping[str, Any], row: int) -> dict[str, str]:
    value = data.get("variants")
    if value is None:
        return {}
    if not isinstance(value, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise ImportFileError("must map platform names to text", row=row, field="variants")
    for name, text in value.items():
        _check_text(name, row, "variants")
        _check_text(text, row, "variants")
    return dict(value)


def _link(data: Mapping[str, Any], row: int) -> str:
    link = _text(data, "link", row).strip()
    if link and any(ch.isspace() for ch in link):
        raise ImportFileError("must be one web address without spaces", row=row, field="link")
    problem = link_problem(link)
    if problem:
        raise ImportFileError(f"{link[:60]!r} is refused: {problem}", row=row, field="link")
    return link


def _when(data: Mapping[str, Any], row: int) -> datetime | None:
    value = data.get("scheduled_at")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ImportFileError("must be an ISO 8601 date and time", row=row, field="scheduled_at")
    _check_text(value, row, "scheduled_at")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ImportFileError(
            f"{value!r} is not an ISO 8601 date and time (like 2026-05-13T19:00)",
            row=row,
            field="scheduled_at",
        ) from None
    if moment.tzinfo is not None:  # keep local wall time, as the agent means it
        moment = moment.astimezone().replace(tzinfo=None)
    return moment


_COMMENT_FIELDS = ("author", "text", "platform", "url", "at", "post_id", "rating")


def comment_from(value: Any, field: str = "in_reply_to") -> Comment:
    """A comment from a JSON object ({"text", "author", "platform", "url", "at",
    "post_id", "rating"}), or ImportFileError naming what is wrong."""
    comment = _comment({field: value}, None, field)
    if comment is None:
        raise ImportFileError('needs an object with "text"', field=field)
    return comment


def _comment(
    data: Mapping[str, Any], row: int | None, field: str = "in_reply_to"
) -> Comment | None:
    """The comment a reply answers; its text is kept exactly as given."""
    value = data.get(field)
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise ImportFileError(
            'must be an object with "text" (and "author", "platform", "url", "at")',
            row=row,
            field=field,
        )
    for name in value:
        if name not in _COMMENT_FIELDS:
            raise ImportFileError(
                f"unknown field {str(name)[:40]!r}; use {', '.join(_COMMENT_FIELDS)}",
                row=row,
                field=field,
            )
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ImportFileError("needs the comment's text", row=row, field=f"{field}.text")
    if len(text) > MAX_TEXT:
        raise ImportFileError(
            f"is longer than {MAX_TEXT} characters", row=row, field=f"{field}.text"
        )
    parts = {name: _text(value, name, row) for name in ("author", "platform", "url")}
    _check_text(text, row, f"{field}.text")
    url = parts["url"].strip()
    problem = link_problem(url) if url else ""
    if url and (problem or any(ch.isspace() for ch in url)):
        why = problem or "it holds spaces"
        raise ImportFileError(f"{url[:60]!r} is refused: {why}", row=row, field=f"{field}.url")
    at = value.get("at")
    moment: datetime | None = None
    if isinstance(at, str) and at.strip():
        try:
            moment = datetime.fromisoformat(at.strip())
        except ValueError:
            raise ImportFileError(
                f"{at[:40]!r} is not an ISO 8601 date and time", row=row, field=f"{field}.at"
            ) from None
    elif at is not None and at != "":
        raise ImportFileError("must be an ISO 8601 date and time", row=row, field=f"{field}.at")
    on_post = value.get("post_id")
    if on_post is not None and (
        isinstance(on_post, bool) or not isinstance(on_post, int) or on_post < 1
    ):
        raise ImportFileError(
            "must be the id (a whole number) of the post the comment was left on",
            row=row,
            field=f"{field}.post_id",
        )
    rating = value.get("rating")
    if rating is not None and rating_of(rating) is None:
        raise ImportFileError(
            "must be the review's stars, a whole number from 1 to 5",
            row=row,
            field=f"{field}.rating",
        )
    return Comment(
        text=text,
        author=parts["author"],
        platform=parts["platform"],
        url=url,
        at=moment,
        on_post_id=on_post,
        rating=rating,
    )
