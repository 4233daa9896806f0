"""Planning: times read in the agent's zone, weekly slots, the next free slot across
daylight-saving changes (America/New_York), and the calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from composer.domain.planning import Slot
from composer.domain.posts import PostDraft
from composer.services.expiry import SELF_APPROVAL_SETTING
from composer.services.planning import (
    PlanningCode,
    PlanningError,
    PlanningService,
    parse_slot,
)

NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture
def planning(services, clock) -> PlanningService:
    return PlanningService(services.database, services.library, clock, NEW_YORK)


def draft(platforms=("x",), when=None, title="") -> PostDraft:
    return PostDraft(
        body="Is your storm kit ready?", platforms=platforms, scheduled_at=when, title=title
    )


def test_slots_are_read_as_day_and_24_hour_time():
    assert parse_slot("tue 09:30") == Slot(1, time(9, 30))
    assert parse_slot("Thursday 12:00", "x") == Slot(3, time(12, 0), "x")
    for bad in ("tue", "9:30 tue", "tuesdayz 09:30", "tue 24:00", "tue 09:60", "t 09:30"):
        with pytest.raises(PlanningError) as caught:
            parse_slot(bad)
        assert caught.value.code is PlanningCode.BAD_SLOT


def test_set_slots_replaces_one_platforms_pattern_and_keeps_the_others(planning):
    planning.set_slots(["tue 09:30", "thu 12:00"])
    planning.set_slots(["mon 08:00"], platform="LinkedIn")
    planning.set_slots(["fri 16:00", "fri 16:00"])  # all platforms: replaced, once each
    assert [(s.label(), s.platform) for s in planning.slots()] == [
        ("mon 08:00", "linkedin"),
        ("fri 16:00", ""),
    ]
    with pytest.raises(PlanningError) as caught:
        planning.set_slots(["mon 08:00", "someday"])
    assert caught.value.code is PlanningCode.BAD_SLOT
    assert len(planning.slots()) == 2  # nothing changed
    with pytest.raises(PlanningError) as caught:
        planning.set_slots(["mon 08:00"], platform="myspace")
    assert caught.value.code is PlanningCode.UNKNOWN_PLATFORM


def test_a_slot_stays_at_0930_local_across_the_spring_change(services, planning, clock):
    clock.now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # Monday; clocks change Sun 8 March
    planning.set_slots(["tue 09:30"])
    first = services.library.create(draft())
    second = services.library.create(draft())
    a = planning.schedule_next(first.id)
    b = planning.schedule_next(second.id)
    assert (a.post.scheduled_at, b.post.scheduled_at) == (
        datetime(2026, 3, 3, 9, 30),
        datetime(2026, 3, 10, 9, 30),
    )
    assert a.at is not None and b.at is not None
    assert a.at.astimezone(UTC).time() == time(14, 30)  # EST, UTC-5
    assert b.at.astimezone(UTC).time() == time(13, 30)  # EDT, UTC-4
    assert planning.last_time() == time(9, 30)


def test_a_slot_stays_local_across_the_autumn_change(services, planning, clock):
    clock.now = datetime(2026, 10, 27, 12, 0, tzinfo=UTC)  # Tuesday; clocks change Sun 1 Nov
    planning.set_slots(["sat 09:30", "mon 09:30"])
    walls = [planning.schedule_next(services.library.create(draft()).id) for _ in range(2)]
    assert [w.post.scheduled_at for w in walls] == [
        datetime(2026, 10, 31, 9, 30),
        datetime(2026, 11, 2, 9, 30),
    ]
    assert [w.at.utcoffset().total_seconds() / 3600 for w in walls if w.at] == [-4, -5]


def test_a_slot_in_the_skipped_hour_is_passed_over(services, planning, clock):
    clock.now = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)  # Saturday
    planning.set_slots(["sun 02:30"])  # 02:30 does not exist on 8 March in New York
    post = planning.schedule_next(services.library.create(draft()).id)
    assert post.post.scheduled_at == datetime(2026, 3, 15, 2, 30)


def test_next_free_slot_skips_taken_and_too_soon_slots_and_respects_platforms(
    services, planning, clock
):
    clock.now = datetime(2026, 5, 5, 13, 25, tzinfo=UTC)  # Tue 09:25 in New York
    planning.set_slots(["tue 09:30", "thu 12:00"])
    planning.set_slots(["wed 08:00"], platform="linkedin")
    # Tue 09:30 is 5 minutes away: too soon for a scheduler. Thu 12:00 is taken for X.
    services.library.create(draft(("x",), datetime(2026, 5, 7, 12, 5)))
    assert planning.next_free_slot(("x",)) == datetime(2026, 5, 12, 9, 30)
    # A LinkedIn post is not kept from Thursday by an X post, and has its own Wednesday.
    assert planning.next_free_slot(("linkedin",)) == datetime(2026, 5, 6, 8, 0)
    with pytest.raises(PlanningError) as caught:
        PlanningService(services.database, services.library, clock, NEW_YORK).set_slots([])
        planning.next_free_slot(("x",))
    assert caught.value.code is PlanningCode.NO_SLOTS


def test_times_are_local_or_iso_with_an_offset(planning):
    assert planning.parse_time("2026-05-13 9:05") == datetime(2026, 5, 13, 9, 5)
    assert planning.parse_time("2026-05-13T09:05") == datetime(2026, 5, 13, 9, 5)
    assert planning.parse_time("2026-05-13T13:05:40+00:00") == datetime(2026, 5, 13, 9, 5)
    with pytest.raises(PlanningError) as caught:
        planning.parse_time("2026-03-08 02:30")
    assert caught.value.code is PlanningCode.NO_SUCH_TIME
    for bad in ("tomorrow", "2026-13-01 09:00", "2026-05-13 25:00", ""):
        with pytest.raises(PlanningError) as caught:
            planning.parse_time(bad)
        assert caught.value.code is PlanningCode.BAD_TIME


def test_rescheduling_an_approved_post_keeps_the_approval_and_is_logged(
    services, planning, make_post
):
    post = make_post()
    planning.schedule(post.id, datetime(2026, 6, 1, 9, 0))
    assert services.library.get(post.id).status == "approved"
    planning.schedule(post.id, None)
    assert services.library.get(post.id).scheduled_at is None
    actions = [e.action for e in services.audit.entries(post.id)]
    assert actions.count("reschedule") == 2


def test_calendar_lists_live_scheduled_posts_in_order_within_the_days(services, planning):
    late = services.library.create(draft(("linkedin", "x"), datetime(2026, 5, 20, 9, 0)))
    early = services.library.create(draft(("x",), datetime(2026, 5, 13, 18, 0), "Storm kit"))
    services.library.create(draft(("x",), datetime(2026, 5, 21, 0, 0)))  # after the range
    services.library.create(draft())  # no time
    gone = services.library.create(draft(("x",), datetime(2026, 5, 14, 9, 0)))
    services.library.delete(gone.id)
    entries = planning.calendar(date(2026, 5, 13), date(2026, 5, 20))
    assert [(e.post_id, e.title, e.platforms, e.status) for e in entries] == [
        (early.id, "Storm kit", ("x",), "draft"),
        (late.id, "Is your storm kit ready?", ("linkedin", "x"), "draft"),
    ]
    assert entries[0].at.isoformat() == "2026-05-13T18:00:00-04:00"
    assert len(planning.calendar()) == 3


def test_calendar_says_when_an_approval_lapses_within_30_days_or_before_the_post(
    services, planning, make_post
):
    lasting = make_post(when=datetime(2026, 5, 20, 9, 0))  # approved 13 May 2026
    draft_only = services.library.create(draft(("x",), datetime(2026, 5, 21, 9, 0)))
    assert [(e.expiry, e.expires_on) for e in planning.calendar()] == [("", None), ("", None)]
    services.library.set_setting(SELF_APPROVAL_SETTING, 20)  # self-approvals last 20 days
    by_id = {e.post_id: e for e in planning.calendar()}
    assert (by_id[lasting.id].expiry, by_id[lasting.id].expires_on) == ("soon", date(2026, 6, 2))
    assert by_id[draft_only.id].expiry == ""  # nothing approved, nothing to lapse
    services.library.set_setting(SELF_APPROVAL_SETTING, 60)  # lapses 12 July: not soon, but
    planning.schedule(lasting.id, datetime(2026, 8, 3, 9, 0))  # the post goes out after that
    [later] = [e for e in planning.calendar() if e.post_id == lasting.id]
    assert (later.expiry, later.expires_on) == ("soon", date(2026, 7, 12))
