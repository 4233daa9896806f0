"""Planning: setting a post's time, the weekly posting slots, the next free slot, the calendar.

Times are handed around as the agent's local wall time (the library stores them as UTC with
the zone they were set in, and reads them back in its zone); the zone (the library's, which
is the computer's, or one given for tests) turns them into instants: to know what is past,
to read ISO 8601 times with an offset, to refuse a wall time that does not exist (the hour
skipped in spring) and to give the calendar's times an offset. A slot at 09:30 is 09:30 on
both sides of a change.

Errors are codes with the value behind them (`PlanningError`); the command line and the
window word them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING

from composer.domain.accounts import PLATFORMS
from composer.domain.planning import (
    WEEKDAYS,
    CalendarEntry,
    Idea,
    Slot,
    local_zone,
    to_instant,
    to_wall,
    wall_instant,
)
from composer.domain.posts import Post, PostDraft
from composer.services.expiry import SELF_APPROVAL_SETTING, expires_on, expiry_note, valid_days
from composer.services.library import Clock, LibraryService, utc_now
from composer.services.scheduler_rules import LEAD, MIN_GAP

if TYPE_CHECKING:
    from composer.storage.database import Database

LAST_TIME_SETTING = "planning.last_time"
HORIZON_DAYS = 366  # how far ahead the next free slot is looked for
FULL_NAMES = dict(
    zip(WEEKDAYS, ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday"), strict=True)
)  # fmt: skip
_SLOT = re.compile(r"^\s*([a-z]+)\s+(\d{1,2}):(\d{2})\s*$", re.IGNORECASE)
_WALL = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})\s*$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$")


class PlanningCode(StrEnum):
    BAD_SLOT = "bad-slot"  # value: the text, not "DAY HH:MM"
    BAD_TIME = "bad-time"  # value: the text, not a date and time
    BAD_DATE = "bad-date"  # value: the text, not a date
    NO_SUCH_TIME = "no-such-time"  # value: a wall time the zone skips (spring forward)
    UNKNOWN_PLATFORM = "unknown-platform"  # value: the platform
    NO_SLOTS = "no-slots"  # value: the platforms of the post ("" for none)
    NO_FREE_SLOT = "no-free-slot"  # value: how many days ahead were searched
    COOLDOWN_TOO_SHORT = "cooldown-too-short"  # value: the fewest days allowed
    BAD_TIMES = "bad-times"  # value: the number of repeats given
    NOT_SCHEDULED = "not-scheduled"  # value: the post, which needs a time first


class PlanningError(ValueError):
    """A planning request that cannot be done: a code and the value behind it."""

    def __init__(self, code: PlanningCode, value: str = "") -> None:
        super().__init__(f"{code.value}: {value}" if value else code.value)
        self.code = code
        self.value = value


@dataclass(frozen=True, slots=True)
class Scheduled:
    """A post's new time: the post, and its time as an aware instant (None: cleared)."""

    post: Post
    at: datetime | None


class PlanningService:
    def __init__(
        self,
        database: Database,
        library: LibraryService,
        clock: Clock = utc_now,
        zone: tzinfo | None = None,
    ) -> None:
        self._db = database
        self._library = library
        self.clock = clock
        self.zone = zone if zone is not None else getattr(database, "zone", None) or local_zone()

    # Reading times --------------------------------------------------------------------

    def parse_time(self, text: str) -> datetime:
        """`YYYY-MM-DD HH:MM` in local time, or ISO 8601 with an offset (converted to local
        time): the naive wall time to store. Raises PlanningError."""
        match = _WALL.match(text)
        if match:
            hour, minute = match[2].split(":")
            try:
                wall = datetime.fromisoformat(f"{match[1]}T{int(hour):02d}:{minute}")
            except ValueError:
                raise PlanningError(PlanningCode.BAD_TIME, text) from None
        else:
            if not _ISO.match(text.strip()):
                raise PlanningError(PlanningCode.BAD_TIME, text)
            try:
                moment = datetime.fromisoformat(text.strip())
            except ValueError:
                raise PlanningError(PlanningCode.BAD_TIME, text) from None
            wall = to_wall(moment, self.zone)
        wall = wall.replace(second=0, microsecond=0)
        if to_instant(wall, self.zone) is None:
            raise PlanningError(PlanningCode.NO_SUCH_TIME, f"{wall:%Y-%m-%d %H:%M}")
        return wall

    def instant(self, wall: datetime) -> datetime:
        """A stored wall time as an aware instant in the planning zone (a skipped wall
        time, which only an old import can hold, is read as the same clock time after)."""
        return wall_instant(wall, self.zone)

    def now_wall(self) -> datetime:
        return to_wall(self.clock(), self.zone)

    # Scheduling -------------------------------------------------------------------------

    def schedule(self, post_id: int, wall: datetime | None) -> Scheduled:
        """Set (or clear, with None) a post's time; the time of day is remembered as the
        last one used. A wall time the zone skips (spring forward) is refused."""
        if (
            wall is not None
            and to_instant(wall.replace(second=0, microsecond=0), self.zone) is None
        ):
            raise PlanningError(PlanningCode.NO_SUCH_TIME, f"{wall:%Y-%m-%d %H:%M}")
        post = self._library.reschedule(post_id, wall)
        if wall is not None:
            self._library.set_setting(LAST_TIME_SETTING, f"{wall:%H:%M}")
        return Scheduled(post, self.instant(post.scheduled_at) if post.scheduled_at else None)

    def last_time(self) -> time | None:
        """The time of day last given to a post, if any."""
        value = self._library.setting(LAST_TIME_SETTING)
        try:
            return time.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    def schedule_next(self, post_id: int) -> Scheduled:
        """Put the post in the next free slot that fits its platforms."""
        post = self._library.get(post_id)
        wall = self.next_free_slot(post.platforms, exclude=post_id)
        return self.schedule(post_id, wall)

    def next_free_slot(self, platforms: Sequence[str] = (), *, exclude: int = 0) -> datetime:
        """The first slot for these platforms, at least 10 minutes ahead, with no other
        post for a shared platform within 10 minutes of it. Raises PlanningError."""
        platforms = tuple(platforms)
        slots = [slot for slot in self.slots() if slot.applies_to(platforms)]
        if not slots:
            raise PlanningError(PlanningCode.NO_SLOTS, ", ".join(platforms))
        now = self.now_wall()
        end = now + timedelta(days=HORIZON_DAYS)
        with self._db.read() as tx:
            rows = tx.planning.scheduled(now - MIN_GAP, end + MIN_GAP)
        taken = [
            row.wall
            for row in rows
            if row.post_id != exclude
            and (not platforms or not row.platforms or set(platforms) & set(row.platforms))
        ]
        by_day: dict[int, list[time]] = {}
        for slot in slots:
            by_day.setdefault(slot.weekday, []).append(slot.at)
        for offset in range(HORIZON_DAYS + 1):
            day = now.date() + timedelta(days=offset)
            for at in sorted(set(by_day.get(day.weekday(), ()))):
                wall = datetime.combine(day, at)
                if wall < now + LEAD or to_instant(wall, self.zone) is None:
                    continue
                if all(abs(wall - other) >= MIN_GAP for other in taken):
                    return wall
        raise PlanningError(PlanningCode.NO_FREE_SLOT, str(HORIZON_DAYS))

    def draft_from_idea(self, idea: Idea, day: date) -> Post:
        """A draft of the idea's starter text, planned on `day` at the time last used (or
        09:30); it needs writing up and approving like any post."""
        at = self.last_time() or time(9, 30)
        draft = PostDraft(
            body=idea.starter, title=idea.title, scheduled_at=datetime.combine(day, at)
        )
        return self._library.create(draft)

    # Slots --------------------------------------------------------------------------------

    def slots(self) -> list[Slot]:
        with self._db.read() as tx:
            return tx.planning.slots()

    def set_slots(self, texts: Sequence[str], platform: str = "") -> list[Slot]:
        """Replace the slots of `platform` ("" for all platforms) with `texts` ("tue 09:30");
        nothing changes if one cannot be read. Returns every slot."""
        platform = platform.strip().casefold()
        if platform and platform not in PLATFORMS:
            raise PlanningError(PlanningCode.UNKNOWN_PLATFORM, platform)
        slots = [parse_slot(text, platform) for text in texts]
        with self._db.write() as tx:
            tx.planning.replace_slots(platform, slots)
            return tx.planning.slots()

    # The calendar --------------------------------------------------------------------------

    def calendar(self, start: date | None = None, end: date | None = None) -> list[CalendarEntry]:
        """Live scheduled posts from `start` to `end` (both days included), soonest first.
        An approved post whose approval lapses within 30 days, or before its own day, says
        when (`expiry`, `expires_on`)."""
        low = datetime.combine(start, time()) if start else None
        high = datetime.combine(end + timedelta(days=1), time()) if end else None
        with self._db.read() as tx:
            rows = tx.planning.scheduled(low, high)
            approved = [r.post_id for r in rows if r.status in ("approved", "exported")]
            approvals = tx.approvals.active_for(approved) if approved else {}
            days = valid_days(tx.settings.get(SELF_APPROVAL_SETTING)) if approved else 0
        today = self.now_wall().date()
        entries = []
        for row in rows:
            approval = approvals.get(row.post_id)
            last = expires_on(approval, days) if approval is not None else None
            note = expiry_note(last, today)
            if last is not None and not note and last < row.wall.date():
                note = "soon"  # it would go out after its approval ends
            entries.append(
                CalendarEntry(
                    post_id=row.post_id,
                    at=self.instant(row.wall),
                    wall=row.wall,
                    status=row.status,
                    platforms=row.platforms,
                    title=row.title or row.first_line,
                    expiry=note,
                    expires_on=last if note else None,
                )
            )
        return entries


def parse_slot(text: str, platform: str = "") -> Slot:
    """`tue 09:30` (a weekday's first three letters or its full name, then 24-hour time)."""
    match = _SLOT.match(text)
    if not match:
        raise PlanningError(PlanningCode.BAD_SLOT, text)
    day = match[1].casefold()
    names = [n for n in WEEKDAYS if day.startswith(n) and FULL_NAMES[n].startswith(day)]
    hour, minute = int(match[2]), int(match[3])
    if not names or hour > 23 or minute > 59:
        raise PlanningError(PlanningCode.BAD_SLOT, text)
    return Slot(WEEKDAYS.index(names[0]), time(hour, minute), platform)


def parse_date(text: str) -> date:
    """`YYYY-MM-DD`, or raises PlanningError."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise PlanningError(PlanningCode.BAD_DATE, text) from None


__all__ = [
    "PlanningCode",
    "PlanningError",
    "PlanningService",
    "Scheduled",
    "parse_date",
    "parse_slot",
]
