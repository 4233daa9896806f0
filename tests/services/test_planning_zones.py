"""Times stored in UTC with the zone they were set in (issue 15): a round trip in New York,
the same instant read on a computer in Los Angeles, and audit entries with an offset."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from composer.domain.posts import PostDraft

SUMMER = datetime(2026, 7, 1, 9, 30)  # EDT (UTC-4) in New York, PDT (UTC-7) in Los Angeles
WINTER = datetime(2026, 12, 1, 9, 30)  # EST (UTC-5)


@pytest.fixture(autouse=True)
def new_york(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")  # the computer's zone (domain.planning)


def _stored(services, post_id: int) -> tuple[str, str]:
    with sqlite3.connect(services.database.path) as conn:
        row = conn.execute(
            "SELECT scheduled_at, scheduled_tz FROM posts WHERE id = ?", (post_id,)
        ).fetchone()
    conn.close()
    return row


def test_a_wall_time_is_stored_as_utc_with_its_zone_and_read_back_as_set(services):
    summer = services.library.create(PostDraft(body="Storm kit", scheduled_at=SUMMER))
    winter = services.library.create(PostDraft(body="Ice dams", scheduled_at=WINTER))
    assert _stored(services, summer.id) == ("2026-07-01 13:30:00.000000", "America/New_York")
    assert _stored(services, winter.id) == ("2026-12-01 14:30:00.000000", "America/New_York")
    assert services.library.get(summer.id).scheduled_at == SUMMER  # wall time, as set
    assert services.library.get(winter.id).scheduled_at == WINTER
    assert services.library.get(summer.id).scheduled_tz == "America/New_York"
    services.library.autosave(summer.id, replace(summer.draft, body="Storm kit, again"))
    assert services.library.revisions(summer.id)[0].content.scheduled_at == SUMMER
    [entry] = services.planning.calendar(SUMMER.date(), SUMMER.date())
    assert entry.wall == SUMMER and entry.at.isoformat() == "2026-07-01T09:30:00-04:00"


def test_a_post_planned_in_new_york_is_the_same_instant_in_los_angeles(
    services, open_services, monkeypatch
):
    post = services.library.create(PostDraft(body="Storm kit", scheduled_at=SUMMER))
    in_new_york = services.planning.calendar()[0].at
    monkeypatch.setenv("TZ", "America/Los_Angeles")  # the laptop flew west
    later = open_services()
    moved = later.library.get(post.id)
    assert moved.scheduled_at == datetime(2026, 7, 1, 6, 30)  # the same instant, LA wall time
    assert moved.scheduled_tz == "America/New_York"  # still the zone it was set in
    [entry] = later.planning.calendar(SUMMER.date(), SUMMER.date())
    assert entry.at == in_new_york and entry.at.isoformat() == "2026-07-01T06:30:00-07:00"
    assert entry.at.astimezone(UTC) == datetime(2026, 7, 1, 13, 30, tzinfo=UTC)
    later.planning.schedule(post.id, datetime(2026, 7, 2, 6, 30))  # set again, in LA
    assert later.library.get(post.id).scheduled_tz == "America/Los_Angeles"


def test_an_unchanged_time_keeps_the_zone_it_was_set_in(services, open_services, monkeypatch):
    post = services.library.create(PostDraft(body="Storm kit", scheduled_at=SUMMER))
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    later = open_services()
    draft = later.library.get(post.id).draft
    later.library.autosave(post.id, replace(draft, body="Storm kit, again"))
    assert _stored(later, post.id) == ("2026-07-01 13:30:00.000000", "America/New_York")


def test_reschedule_entries_in_the_audit_log_carry_the_offset(services, planning_post):
    services.planning.schedule(planning_post.id, WINTER)
    services.planning.schedule(planning_post.id, SUMMER)
    entries = [e for e in services.audit.entries(planning_post.id) if e.action == "reschedule"]
    details = [dict(e.data) for e in entries]
    assert {"from": None, "to": "2026-12-01T09:30:00-05:00"} in details
    assert {"from": "2026-12-01T09:30:00-05:00", "to": "2026-07-01T09:30:00-04:00"} in details


@pytest.fixture
def planning_post(make_post):
    return make_post(when=None)


def test_a_slot_stays_0930_local_across_the_spring_change_when_stored_in_utc(services, clock):
    clock.now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # Monday; clocks change Sun 8 March
    services.planning.set_slots(["tue 09:30"])
    first = services.planning.schedule_next(services.library.create(PostDraft(body="A")).id)
    second = services.planning.schedule_next(services.library.create(PostDraft(body="B")).id)
    assert (first.post.scheduled_at, second.post.scheduled_at) == (
        datetime(2026, 3, 3, 9, 30),
        datetime(2026, 3, 10, 9, 30),
    )
    assert _stored(services, first.post.id)[0] == "2026-03-03 14:30:00.000000"  # EST
    assert _stored(services, second.post.id)[0] == "2026-03-10 13:30:00.000000"  # EDT
    walls = [e.wall for e in services.planning.calendar(date(2026, 3, 1), date(2026, 3, 31))]
    assert walls == [datetime(2026, 3, 3, 9, 30), datetime(2026, 3, 10, 9, 30)]
