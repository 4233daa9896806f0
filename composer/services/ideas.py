"""The seasonal ideas calendar: dated prompts for posts agents can write, shipped as data.

`resources/planning/seasonal_ideas.toml` holds each idea's date (a day of the month, or
"the 2nd Sunday of March"), a title, a prompt and a starter draft. A file that cannot be
read names the idea and the field; the calendar shows the ideas on their days and can
insert one as a draft.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from composer.domain.layout import resources_dir
from composer.domain.planning import WEEKDAYS, Idea


class IdeasFileError(ValueError):
    """The ideas file is not as described; the message names the idea and the field."""


def ideas_path() -> Path:
    return resources_dir() / "planning" / "seasonal_ideas.toml"


@cache
def shipped_ideas() -> tuple[Idea, ...]:
    return load_ideas(ideas_path())


def load_ideas(path: Path) -> tuple[Idea, ...]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IdeasFileError(f"{path.name}: {exc}") from None
    ideas = [_idea(n, item) for n, item in enumerate(data.get("idea", []), 1)]
    ids = [idea.id for idea in ideas]
    doubled = sorted({i for i in ids if ids.count(i) > 1})
    if doubled:
        raise IdeasFileError(f"{path.name}: ids used twice: {', '.join(doubled)}")
    return tuple(ideas)


def _idea(number: int, item: dict[str, Any]) -> Idea:
    name = str(item.get("id") or f"idea {number}")

    def fail(field: str, why: str) -> IdeasFileError:
        return IdeasFileError(f"idea {name!r}: {field} {why}")

    texts = {}
    for field in ("id", "title", "prompt", "starter"):
        value = item.get(field)
        if not isinstance(value, str) or not value.strip():
            raise fail(field, "must be some text")
        texts[field] = value.strip()
    month = item.get("month")
    if not isinstance(month, int) or not 1 <= month <= 12:
        raise fail("month", "must be 1 to 12")
    day, nth, weekday = item.get("day", 0), item.get("nth", 0), item.get("weekday", "")
    if bool(day) == bool(nth):
        raise fail("day", "or nth and weekday must be given (one of the two)")
    if day and (not isinstance(day, int) or not 1 <= day <= 31):
        raise fail("day", "must be 1 to 31")
    if nth and (not isinstance(nth, int) or not 1 <= nth <= 5 or weekday not in WEEKDAYS):
        raise fail("nth", "must be 1 to 5, with weekday mon to sun")
    unknown = set(item) - {"id", "title", "prompt", "starter", "month", "day", "nth", "weekday"}
    if unknown:
        raise fail(", ".join(sorted(unknown)), "is not a field of an idea")
    return Idea(
        texts["id"],
        texts["title"],
        texts["prompt"],
        texts["starter"],
        month,
        day=day,
        nth=nth,
        weekday=WEEKDAYS.index(weekday) if nth else 0,
    )


def ideas_between(
    start: date, end: date, ideas: tuple[Idea, ...] | None = None
) -> dict[date, list[Idea]]:
    """The ideas whose day falls from `start` to `end` (both included), by day."""
    found: dict[date, list[Idea]] = {}
    for idea in shipped_ideas() if ideas is None else ideas:
        for year in range(start.year, end.year + 1):
            day = idea.date_in(year)
            if day is not None and start <= day <= end:
                found.setdefault(day, []).append(idea)
    return found
