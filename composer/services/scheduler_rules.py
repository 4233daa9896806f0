"""The schedulers' timing rules, and the fixes for them, as pure functions of times.

Hootsuite and Sprout Social refuse a bulk file whose posts are less than 10 minutes apart
or less than 10 minutes ahead, and Hootsuite also wants minutes in 5-minute steps. These
functions take (post id, naive local wall time) pairs and the wall clock now; they return
codes and facts (`TimingIssue`) or the new times (`TimeFix`), never sentences, so the
export, the command line and the window agree on what breaks a rule and how it is fixed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import pairwise

MIN_GAP = timedelta(minutes=10)  # between two posts of one file
LEAD = timedelta(minutes=10)  # from now to the first post
STEPS = {"hootsuite": 5}  # minutes must be a multiple of this (Sprout: any minute)


class TimingCode(StrEnum):
    TOO_CLOSE = "too-close"  # post_ids: a pair; limit: the minutes needed
    IN_THE_PAST = "in-the-past"  # post_ids: all of them; limit: the minutes ahead needed
    OFF_STEP = "off-step"  # post_ids: all of them; limit: the step in minutes


@dataclass(frozen=True, slots=True)
class TimingIssue:
    code: TimingCode
    post_ids: tuple[int, ...]
    limit: int


@dataclass(frozen=True, slots=True)
class TimeFix:
    """A post the fixes move: from its time to a new one (naive local wall times)."""

    post_id: int
    before: datetime
    after: datetime


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def _ordered(timed: Sequence[tuple[int, datetime]]) -> list[tuple[datetime, int]]:
    return sorted((when.replace(second=0, microsecond=0), post_id) for post_id, when in timed)


def timing_issues(
    tool: str, timed: Sequence[tuple[int, datetime]], now: datetime
) -> list[TimingIssue]:
    """What `tool` would refuse: pairs too close, posts in the past (or too soon), and for
    Hootsuite, minutes off its 5-minute steps. `now` is naive local wall time."""
    ordered = _ordered(timed)
    issues = [
        TimingIssue(TimingCode.TOO_CLOSE, (first, second), _minutes(MIN_GAP))
        for (before, first), (after, second) in pairwise(ordered)
        if after - before < MIN_GAP
    ]
    soon = tuple(post_id for when, post_id in ordered if when < now + LEAD)
    if soon:
        issues.append(TimingIssue(TimingCode.IN_THE_PAST, soon, _minutes(LEAD)))
    step = STEPS.get(tool)
    if step:
        off = tuple(post_id for when, post_id in ordered if when.minute % step)
        if off:
            issues.append(TimingIssue(TimingCode.OFF_STEP, off, step))
    return issues


def fix_times(tool: str, timed: Sequence[tuple[int, datetime]], now: datetime) -> list[TimeFix]:
    """New times that keep every rule and the posts' order, moving as little as it can:
    times are rounded to the tool's step (the nearest, for Hootsuite), a post too soon
    goes to the first allowed time, and each post is at least 10 minutes after the one
    before it. Only the posts whose time changes are returned."""
    step = STEPS.get(tool, 1)
    earliest = _ceil(now.replace(second=0, microsecond=0) + LEAD, step)
    if earliest < now + LEAD:
        earliest += timedelta(minutes=step)
    fixes: list[TimeFix] = []
    previous: datetime | None = None
    for when, post_id in _ordered(timed):
        target = max(_nearest(when, step), earliest)
        if previous is not None:
            target = max(target, _ceil(previous + MIN_GAP, step))
        if target != when:
            fixes.append(TimeFix(post_id, when, target))
        previous = target
    return fixes


def _nearest(when: datetime, step: int) -> datetime:
    """Rounded to the nearest `step` minutes (a half step rounds up)."""
    extra = when.minute % step
    if not extra:
        return when
    down = when - timedelta(minutes=extra)
    return down + timedelta(minutes=step) if extra * 2 >= step else down


def _ceil(when: datetime, step: int) -> datetime:
    extra = when.minute % step
    return when + timedelta(minutes=step - extra) if extra else when
