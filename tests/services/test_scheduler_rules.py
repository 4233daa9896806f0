"""The schedulers' timing rules and their fixes, as pure functions of (post, time) pairs."""

from __future__ import annotations

from datetime import datetime, timedelta

from composer.services.scheduler_rules import (
    TimeFix,
    TimingCode,
    TimingIssue,
    fix_times,
    timing_issues,
)

NOW = datetime(2026, 5, 13, 9, 0, 20)


def at(hour: int, minute: int, day: int = 13) -> datetime:
    return datetime(2026, 5, day, hour, minute)


def test_posts_ten_minutes_apart_and_ahead_on_five_minute_steps_keep_every_rule():
    timed = [(1, at(9, 15)), (2, at(9, 25)), (3, at(12, 0))]
    assert timing_issues("hootsuite", timed, NOW) == []
    assert timing_issues("sprout", timed, NOW) == []


def test_each_rule_names_its_posts():
    timed = [(1, at(8, 0)), (2, at(9, 5)), (3, at(11, 2)), (4, at(11, 9)), (5, at(11, 40))]
    assert timing_issues("hootsuite", timed, NOW) == [
        TimingIssue(TimingCode.TOO_CLOSE, (3, 4), 10),
        TimingIssue(TimingCode.IN_THE_PAST, (1, 2), 10),  # 09:05 is under 10 minutes ahead
        TimingIssue(TimingCode.OFF_STEP, (3, 4), 5),
    ]
    assert [i.code for i in timing_issues("sprout", timed, NOW)] == [
        TimingCode.TOO_CLOSE,
        TimingCode.IN_THE_PAST,
    ]


def test_fixes_round_spread_and_move_past_posts_keeping_their_order():
    timed = [(1, at(8, 0)), (2, at(11, 2)), (3, at(11, 9)), (4, at(11, 40)), (5, at(9, 5))]
    fixes = fix_times("hootsuite", timed, NOW)
    assert fixes == [
        TimeFix(1, at(8, 0), at(9, 15)),  # 09:10:20 is the earliest; the next step is 09:15
        TimeFix(5, at(9, 5), at(9, 25)),  # 10 minutes after post 1
        TimeFix(2, at(11, 2), at(11, 0)),  # the nearest 5 minutes
        TimeFix(3, at(11, 9), at(11, 10)),  # rounded, and 10 minutes after post 2
    ]
    moved = dict(timed) | {fix.post_id: fix.after for fix in fixes}
    assert timing_issues("hootsuite", list(moved.items()), NOW) == []


def test_sprout_fixes_keep_the_minute_and_only_spread():
    timed = [(1, at(10, 3)), (2, at(10, 7)), (3, at(10, 7))]
    assert fix_times("sprout", timed, NOW) == [
        TimeFix(2, at(10, 7), at(10, 13)),
        TimeFix(3, at(10, 7), at(10, 23)),
    ]


def test_fixed_times_keep_the_rules_for_many_crowded_posts():
    timed = [(n, at(9, 0) + timedelta(minutes=3 * n)) for n in range(1, 60)]
    for tool in ("hootsuite", "sprout"):
        fixed = dict(timed) | {f.post_id: f.after for f in fix_times(tool, timed, NOW)}
        assert timing_issues(tool, list(fixed.items()), NOW) == []
        assert sorted(fixed, key=lambda n: (fixed[n], n)) == list(range(1, 60))
