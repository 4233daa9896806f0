"""The post's life after approval: publications, the legal hold, retention and deletion.

`publish` records where and when an approved post ran (only a platform it was approved
for), moving its last use on; `retire` says it is no longer in use (its last day of use
starts the retention period, and nothing more is published); `set_hold` puts it under
legal hold; `delete` moves it to the bin only when no hold applies and its retention
period has run out; `report` lists every post with its first and last use and the date
it may be deleted. Every change is in the audit log. Refusals are `RecordRefusedError`s
with a code and facts for the front ends to word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from composer.domain.files import write_atomic
from composer.domain.platforms import PLATFORMS
from composer.domain.posts import Post, content_hash
from composer.domain.record import AUDIENCES, Audience, Publication, RetentionRow, same_text
from composer.services.library import Clock, LibraryError, PostNotFoundError, utc_now
from composer.services.retention import RetentionPeriod, retention_period
from composer.services.workflow import workflow_statuses

if TYPE_CHECKING:
    from composer.storage.database import Database
    from composer.storage.repositories import Repositories

# Refusal codes (worded by cli/record_words.py).
NOT_APPROVED = "not-approved"  # no approval applies to the post
PLATFORM_NOT_APPROVED = "platform-not-approved"  # approved, but not for that platform
UNKNOWN_PLATFORM = "unknown-platform"
UNKNOWN_AUDIENCE = "unknown-audience"
BAD_SPEND = "bad-spend"
BAD_URL = "bad-url"
IN_RETENTION = "in-retention"
LEGAL_HOLD = "legal-hold"
IN_BIN = "in-bin"
RETIRED = "retired"  # no longer in use: nothing more runs
BEFORE_LAST_USE = "before-last-use"  # the last day of use given is before a recorded use
FUTURE_DATE = "future-date"


class RecordRefusedError(LibraryError):
    """Nothing was changed; `code` says why, `until` the date retention ends (if it is
    the reason), `value` what was given."""

    def __init__(
        self, code: str, post_id: int, *, until: date | None = None, value: str = ""
    ) -> None:
        super().__init__(f"{code}: post {post_id}" + (f" until {until}" if until else ""))
        self.code = code
        self.post_id = post_id
        self.until = until
        self.value = value


@dataclass(frozen=True, slots=True)
class RetentionReport:
    period: RetentionPeriod
    rows: tuple[RetentionRow, ...]
    made_at: datetime


@dataclass(frozen=True, slots=True)
class LiveComparison:
    """The text as the network shows it beside the approved text for that platform.
    `removed` are the approved lines missing from the live text, `added` the live lines
    that were not approved (empty both when `matches`)."""

    platform: str
    matches: bool
    approved: str
    live: str
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


_SPEND = re.compile(r"\d{1,9}(\.\d{1,2})?")


class RecordsService:
    def __init__(self, database: Database, clock: Clock = utc_now) -> None:
        self._db = database
        self._clock = clock

    # -- publication -----------------------------------------------------------------------

    def publish(
        self,
        post_id: int,
        platform: str,
        *,
        url: str = "",
        at: datetime | None = None,
        audience: str = "public",
        spend: str = "",
        account: str = "",
        live_text: str | None = None,
    ) -> Publication:
        """Record that the approved post ran on `platform` at `at` (aware; default now).

        `live_text` is the text copied back from the network: it is kept, and whether it is
        the approved text (`live_matches`); a difference is an error in the record, but the
        publication is recorded all the same (the post did run)."""
        platform = platform.strip().casefold()
        if platform not in PLATFORMS:
            raise RecordRefusedError(UNKNOWN_PLATFORM, post_id, value=platform)
        if audience not in AUDIENCES:
            raise RecordRefusedError(UNKNOWN_AUDIENCE, post_id, value=audience)
        spend = _spend(post_id, spend)
        url = url.strip()
        if url and not re.match(r"https?://\S+$", url):
            raise RecordRefusedError(BAD_URL, post_id, value=url)
        now = self._clock()
        when = at or now
        chosen: Audience = next(a for a in AUDIENCES if a == audience)
        with self._db.write() as tx:
            post = _existing(tx, post_id)
            if post.deleted_at is not None:
                raise RecordRefusedError(IN_BIN, post_id)
            if post.retired_at is not None:
                raise RecordRefusedError(RETIRED, post_id)
            approval = tx.approvals.active(post_id)
            if approval is None:
                raise RecordRefusedError(NOT_APPROVED, post_id)
            if platform not in approval.texts:
                raise RecordRefusedError(PLATFORM_NOT_APPROVED, post_id, value=platform)
            matches = None if live_text is None else same_text(approval.texts[platform], live_text)
            publication = tx.publications.add(
                post_id,
                approval.id,
                platform,
                account,
                url,
                when,
                chosen,
                spend,
                now,
                live_text=live_text,
                live_matches=matches,
            )
            data = publication.to_dict()
            data["text_sha256"] = approval.hashes[platform]
            data.pop("live_text")  # its hash is enough in the log; the text is in the row
            data["live_text_sha256"] = None if live_text is None else content_hash(live_text)
            tx.audit.append("publish", post_id, data, now)
            return publication

    # -- retirement ---------------------------------------------------------------------------

    def retire(self, post_id: int, last_day: date | None = None) -> bool:
        """Record that the approved (or published) post is no longer in use, `last_day`
        (default today) being the last day it was; retention counts from the end of that
        day. Whether anything changed (False: it already was retired)."""
        now = self._clock()
        today = now.astimezone().date()
        day = last_day or today
        with self._db.write() as tx:
            post = _existing(tx, post_id)
            if post.deleted_at is not None:
                raise RecordRefusedError(IN_BIN, post_id)
            if post.retired_at is not None:
                return False
            approval = tx.approvals.active(post_id)
            if approval is None:
                raise RecordRefusedError(NOT_APPROVED, post_id)
            if day > today:
                raise RecordRefusedError(FUTURE_DATE, post_id, value=day.isoformat())
            usage = next(tx.publications.usage([post_id]))
            used = usage.last_used.astimezone().date() if usage.last_used else None
            if used is not None and day < used:
                raise RecordRefusedError(BEFORE_LAST_USE, post_id, until=used)
            before = workflow_statuses(tx, [post])[post_id]
            end = datetime.combine(day, time(23, 59, 59)).astimezone()
            tx.posts.set_retired(post_id, now, end)
            data = {"last_used_on": day.isoformat(), "from": before, "approval_id": approval.id}
            tx.audit.append("retire", post_id, data, now)
            return True

    def compare_live(self, post_id: int, platform: str, live_text: str) -> LiveComparison:
        """Compare text copied back from the network with the approved text; reads only
        (Mark as Published records the comparison with the publication)."""
        import difflib

        with self._db.read() as tx:
            _existing(tx, post_id)
            approval = tx.approvals.active(post_id)
        if approval is None:
            raise RecordRefusedError(NOT_APPROVED, post_id)
        if platform not in approval.texts:
            raise RecordRefusedError(PLATFORM_NOT_APPROVED, post_id, value=platform)
        approved = approval.texts[platform]
        if same_text(approved, live_text):
            return LiveComparison(platform, True, approved, live_text)
        lines = difflib.ndiff(approved.strip().splitlines(), live_text.strip().splitlines())
        removed: list[str] = []
        added: list[str] = []
        for line in lines:
            if line.startswith("- "):
                removed.append(line[2:])
            elif line.startswith("+ "):
                added.append(line[2:])
        return LiveComparison(platform, False, approved, live_text, tuple(removed), tuple(added))

    def publications(self, post_id: int) -> list[Publication]:
        with self._db.read() as tx:
            _existing(tx, post_id)
            return tx.publications.for_posts([post_id]).get(post_id, [])

    # -- hold, retention and deletion ---------------------------------------------------------

    def set_hold(self, post_id: int, on: bool) -> bool:
        """Put the post under legal hold (or lift it); whether anything changed."""
        now = self._clock()
        with self._db.write() as tx:
            _existing(tx, post_id)
            if tx.publications.legal_hold(post_id) == on:
                return False
            tx.publications.set_legal_hold(post_id, on)
            tx.audit.append("hold", post_id, {"on": on}, now)
            return True

    def retention(self, post_id: int) -> RetentionRow:
        with self._db.read() as tx:
            _existing(tx, post_id)
            period = retention_period(tx.settings.profile())
            return next(_rows(tx, period, [post_id]))

    def delete(self, post_id: int) -> None:
        """Move the post to the bin, refused under legal hold or inside its retention."""
        now = self._clock()
        today = now.astimezone().date()
        with self._db.write() as tx:
            post = _existing(tx, post_id)
            period = retention_period(tx.settings.profile())
            row = next(_rows(tx, period, [post_id]))
            if row.legal_hold:
                raise RecordRefusedError(LEGAL_HOLD, post_id)
            if not row.may_delete(today):
                raise RecordRefusedError(IN_RETENTION, post_id, until=row.keep_until)
            if post.deleted_at is not None:
                return
            tx.posts.set_deleted(post_id, now, now)
            tx.audit.append("delete", post_id, {"years": period.years}, now)

    def report(self) -> RetentionReport:
        """Every post (in the bin too) with its first and last use and keep-until date."""
        with self._db.read() as tx:
            period = retention_period(tx.settings.profile())
            rows = tuple(_rows(tx, period, None))
        return RetentionReport(period, rows, self._clock())


def write_report(report: RetentionReport, format: str, path: Path, agent: str = "") -> int:
    """Write the report as `format` ("csv" or "pdf") atomically, replacing `path`; its size.
    Raises AtomicWriteError when it cannot be written."""
    from composer.export.retention import retention_csv, retention_pdf

    today = report.made_at.astimezone().date()
    if format == "csv":
        data = retention_csv(report.rows, today)
    else:
        period = report.period
        data = retention_pdf(report.rows, period.years, period.basis, report.made_at, agent)
    write_atomic(path, data, overwrite=True)
    return len(data)


def _rows(
    tx: Repositories, period: RetentionPeriod, ids: list[int] | None
) -> Iterator[RetentionRow]:
    for usage in tx.publications.usage(ids):
        yield RetentionRow(
            post_id=usage.post_id,
            title=usage.title,
            status=usage.status,
            deleted=usage.deleted,
            legal_hold=usage.legal_hold,
            first_used=usage.first_used,
            last_used=usage.last_used,
            keep_until=period.until(usage.last_used),
        )


def _spend(post_id: int, spend: str) -> str:
    text = spend.strip().lstrip("$").replace(",", "")
    if not text:
        return ""
    if not _SPEND.fullmatch(text):
        raise RecordRefusedError(BAD_SPEND, post_id, value=spend)
    try:
        return f"{Decimal(text):.2f}"
    except InvalidOperation:
        raise RecordRefusedError(BAD_SPEND, post_id, value=spend) from None


def _existing(tx: Repositories, post_id: int) -> Post:
    post = tx.posts.get(post_id)
    if post is None:
        raise PostNotFoundError(f"there is no post {post_id}")
    return post
