"""Planning values: weekly posting slots, calendar entries and the time zone they live in.

A post's time is handed around as naive wall time in the computer's zone ("09:30", as the
agent means it), so a slot at 09:30 stays 09:30 across a daylight-saving change. The
library stores it as UTC with the name of the zone it was set in (`wall_to_utc`,
`utc_to_wall`; see storage/posts.py), so a post planned in New York and opened in Los
Angeles names the same instant. The zone also turns wall time into an instant (for "is it
past?", for ISO 8601 with an offset) and tells wall times that do not exist (the hour
skipped in spring) from those that do.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True, order=True)
class Slot:
    """One weekly posting time: `weekday` 0 (Monday) to 6, local wall time, for one
    platform or for all (`platform` empty)."""

    weekday: int
    at: time
    platform: str = ""

    @property
    def day_name(self) -> str:
        return WEEKDAYS[self.weekday]

    def label(self) -> str:
        """`tue 09:30`: the form `composer slots set` takes."""
        return f"{self.day_name} {self.at:%H:%M}"

    def applies_to(self, platforms: tuple[str, ...]) -> bool:
        """A slot for all platforms fits any post; a platform's slot fits its posts."""
        return not self.platform or not platforms or self.platform in platforms


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One scheduled post in the calendar: its time as an instant in the agent's zone."""

    post_id: int
    at: datetime  # aware, in the planning zone
    wall: datetime  # the stored naive local wall time
    status: str
    platforms: tuple[str, ...]
    title: str
    # When its approval stops covering use, told only when that needs a look: "soon"
    # (within 30 days, or before the post's own day) or "expired"; else "" and None.
    expiry: str = ""
    expires_on: date | None = None


@dataclass(frozen=True, slots=True)
class Evergreen:
    """A post that comes back every `every_days` days: at most `times` copies (None:
    without end); `made` so far, the newest being `last_copy_id`."""

    post_id: int
    every_days: int
    times: int | None = None
    made: int = 0
    last_copy_id: int | None = None

    @property
    def finished(self) -> bool:
        return self.times is not None and self.made >= self.times


@dataclass(frozen=True, slots=True)
class Idea:
    """A seasonal prompt for a useful, non-promotional post (resources/planning): shown on
    its day in the calendar, insertable as a draft (`starter`)."""

    id: str
    title: str
    prompt: str
    starter: str
    month: int
    day: int = 0  # a fixed day of the month, or
    nth: int = 0  # the nth `weekday` of the month (1 to 5)
    weekday: int = 0

    def date_in(self, year: int) -> date | None:
        """Its day in `year` (None when the month has no such day)."""
        if self.day:
            try:
                return date(year, self.month, self.day)
            except ValueError:
                return None
        first = date(year, self.month, 1)
        day = first + timedelta(days=(self.weekday - first.weekday()) % 7 + 7 * (self.nth - 1))
        return day if day.month == self.month else None


def local_zone() -> tzinfo:
    """The computer's time zone as a zone with rules (not a fixed offset), when it can be
    named; otherwise the fixed offset of now (daylight-saving changes then not known)."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = Path("/etc/localtime").resolve()
        except OSError:
            target = Path()
        parts = target.parts
        if "zoneinfo" in parts:
            name = "/".join(parts[parts.index("zoneinfo") + 1 :])
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return datetime.now().astimezone().tzinfo or UTC


def to_instant(wall: datetime, zone: tzinfo) -> datetime | None:
    """The aware instant a naive wall time names in `zone`; None when that wall time does
    not exist there (skipped by a spring-forward change). An ambiguous one (the repeated
    autumn hour) is its first occurrence."""
    aware = wall.replace(tzinfo=zone, fold=0)
    back = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    return aware if back == wall else None


def to_wall(moment: datetime, zone: tzinfo) -> datetime:
    """An aware instant as naive wall time in `zone` (naive values are taken as wall)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(zone).replace(tzinfo=None)


def wall_instant(wall: datetime, zone: tzinfo) -> datetime:
    """The aware instant of a wall time in `zone`; a skipped wall time (which only an old
    import can hold) is read as the same clock time after the change (fold=1)."""
    return to_instant(wall, zone) or wall.replace(tzinfo=zone, fold=1)


def wall_to_utc(wall: datetime, zone: tzinfo) -> datetime:
    """A naive wall time in `zone` as naive UTC, as the library stores it."""
    return wall_instant(wall, zone).astimezone(UTC).replace(tzinfo=None)


def utc_to_wall(stored: datetime, zone: tzinfo) -> datetime:
    """A stored naive UTC time as naive wall time in `zone`."""
    return stored.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)


def zone_name(zone: tzinfo) -> str:
    """The IANA name of a zone ("America/New_York"); a fixed offset without a name is
    written as its offset ("UTC+05:30")."""
    key = getattr(zone, "key", None)
    if isinstance(key, str) and key:
        return key
    return str(zone) if zone is not UTC else "UTC"


def zone_named(name: str) -> tzinfo | None:
    """The zone stored under `name` (None when this computer does not know it)."""
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None
