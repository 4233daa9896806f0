"""Planning rows: the weekly posting slots and the scheduled posts of a date range.

The calendar reads only the columns it shows (id, time, status, title, a first line and
the platforms) for a range, through `ix_posts_scheduled`, so a 10,000-post library opens
its month without loading whole posts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, tzinfo
from typing import Any

from sqlalchemy import Row, delete, func, select
from sqlalchemy.orm import Session

from composer.domain.planning import Evergreen, Slot, utc_to_wall, wall_to_utc
from composer.storage.models import EvergreenRow, PostingSlotRow, PostPlatformRow, PostRow


@dataclass(frozen=True, slots=True)
class ScheduledRow:
    """One live scheduled post as the calendar needs it."""

    post_id: int
    wall: datetime  # naive wall time in the library's zone (stored as UTC)
    status: str
    title: str
    first_line: str
    platforms: tuple[str, ...]


HEAD_CHARS = 400  # enough of a post's text for its first line


class PlanningRows:
    def __init__(self, session: Session, zone: tzinfo) -> None:
        self._session = session
        self._zone = zone

    # Slots -----------------------------------------------------------------------------

    def slots(self) -> list[Slot]:
        """Every slot, by weekday and time, then platform (all platforms first)."""
        rows = self._session.scalars(select(PostingSlotRow))
        return sorted(
            Slot(row.weekday, time(row.minute // 60, row.minute % 60), row.platform) for row in rows
        )

    def replace_slots(self, platform: str, slots: Sequence[Slot]) -> None:
        """The slots of `platform` ("" for all platforms) become exactly `slots`."""
        self._session.execute(delete(PostingSlotRow).where(PostingSlotRow.platform == platform))
        seen: set[tuple[int, int]] = set()
        for slot in slots:
            key = (slot.weekday, slot.at.hour * 60 + slot.at.minute)
            if key not in seen:
                seen.add(key)
                self._session.add(PostingSlotRow(platform=platform, weekday=key[0], minute=key[1]))
        self._session.flush()

    # Evergreen posts ----------------------------------------------------------------------

    def evergreen(self) -> list[Evergreen]:
        rows = self._session.scalars(select(EvergreenRow).order_by(EvergreenRow.post_id))
        return [_evergreen(row) for row in rows]

    def evergreen_of(self, post_id: int) -> Evergreen | None:
        row = self._session.get(EvergreenRow, post_id)
        return None if row is None else _evergreen(row)

    def set_evergreen(self, value: Evergreen) -> None:
        row = self._session.get(EvergreenRow, value.post_id)
        if row is None:
            row = EvergreenRow(post_id=value.post_id)
            self._session.add(row)
        row.every_days, row.times = value.every_days, value.times
        row.made, row.last_copy_id = value.made, value.last_copy_id
        self._session.flush()

    def clear_evergreen(self, post_id: int) -> None:
        self._session.execute(delete(EvergreenRow).where(EvergreenRow.post_id == post_id))

    # Scheduled posts ----------------------------------------------------------------------

    def scheduled(self, start: datetime | None, end: datetime | None) -> list[ScheduledRow]:
        """Live posts scheduled in [start, end) (naive wall times in the library's zone),
        soonest first.

        One query: each post's row joined with its platforms in order (a post without any
        comes once), and only the start of its text, for the first line."""
        statement = (
            select(
                PostRow.id,
                PostRow.scheduled_at,
                PostRow.status,
                PostRow.title,
                func.substr(PostRow.body, 1, HEAD_CHARS).label("head"),
                PostPlatformRow.platform,
            )
            .outerjoin(PostPlatformRow, PostPlatformRow.post_id == PostRow.id)
            .where(PostRow.deleted_at.is_(None), PostRow.scheduled_at.is_not(None))
        )
        if start is not None:
            statement = statement.where(PostRow.scheduled_at >= wall_to_utc(start, self._zone))
        if end is not None:
            statement = statement.where(PostRow.scheduled_at < wall_to_utc(end, self._zone))
        statement = statement.order_by(PostRow.scheduled_at, PostRow.id, PostPlatformRow.position)
        found: list[ScheduledRow] = []
        platforms: list[str] = []
        last = None
        for row in self._session.execute(statement):
            if last is not None and row.id != last.id:
                found.append(_scheduled(last, platforms, self._zone))
                platforms = []
            if row.platform is not None:
                platforms.append(row.platform)
            last = row
        if last is not None:
            found.append(_scheduled(last, platforms, self._zone))
        return found


def _scheduled(row: Row[Any], platforms: list[str], zone: tzinfo) -> ScheduledRow:
    return ScheduledRow(
        post_id=row.id,
        wall=utc_to_wall(row.scheduled_at, zone),
        status=row.status,
        title=row.title,
        first_line=_first_line(row.head),
        platforms=tuple(platforms),
    )


def _evergreen(row: EvergreenRow) -> Evergreen:
    return Evergreen(row.post_id, row.every_days, row.times, row.made, row.last_copy_id)


def _first_line(body: str, width: int = 60) -> str:
    line = next((part.strip() for part in body.splitlines() if part.strip()), "")
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"
