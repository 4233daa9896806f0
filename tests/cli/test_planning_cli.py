"""`composer schedule`, `slots`, `calendar` and the export's timing refusal: the contract
of issue 15, on a real library (in New York time, so offsets are known)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest


@pytest.fixture(autouse=True)
def new_york(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")  # the planning zone (composer.domain.planning)


@pytest.fixture
def posts(cli, tmp_path):
    """Three X posts and a LinkedIn one, without times, the first three approved."""
    rows = [{"text": f"Storm tip {n}. What's in your kit?", "platforms": ["x"]} for n in (1, 2, 3)]
    rows.append({"text": "Flood cover is separate.", "platforms": ["linkedin"], "title": "Flood"})
    source = tmp_path / "posts.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert cli("import", str(source))[0] == 0
    for post_id in ("1", "2", "3"):
        assert cli("approve", post_id)[0] == 0
    return tmp_path


def test_schedule_local_time_iso_with_offset_and_clear(cli, posts):
    assert cli("schedule", "1", "2030-05-18 09:30") == (
        0,
        "Post 1 is planned for 2030-05-18T09:30-04:00\n",
        "",
    )
    status, out, _ = cli("schedule", "2", "2030-01-18T14:30:00+00:00")
    assert (status, out) == (0, "Post 2 is planned for 2030-01-18T09:30-05:00\n")
    status, out, _ = cli("show", "1", "--format", "json")
    assert json.loads(out)["status"] == "approved"  # a new time is not a new text
    assert json.loads(out)["scheduled_at"] == "2030-05-18T09:30:00"  # local wall time
    assert json.loads(out)["scheduled_tz"] == "America/New_York"  # the zone it was set in
    assert cli("schedule", "1", "--clear")[:2] == (0, "Post 1 has no time now\n")
    status, out, _ = cli("audit", "list", "--post", "1", "--format", "json")
    reschedules = [e for e in json.loads(out) if e["action"] == "reschedule"]
    assert len(reschedules) == 2  # set, then cleared (post 2 is its own)
    assert reschedules[-1]["data"] == {"from": "2030-05-18T09:30:00-04:00", "to": None}


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("schedule", "1", "tomorrow"), "not a date and time: 'tomorrow'"),
        (("schedule", "1", "2030-03-10 02:30"), "2030-03-10 02:30 does not exist here"),
        (("schedule", "1"), "give the post a time"),
        (("schedule", "1", "2030-05-18 09:30", "--clear"), "give the post a time"),
        (("schedule", "99", "--clear"), "there is no post 99"),
        (("slots", "set", "tue 9h30"), "not a slot: 'tue 9h30'"),
        (("calendar", "--from", "2030-02-30"), "--from: not a date: '2030-02-30'"),
        (("calendar", "--from", "2030-05-02", "--to", "2030-05-01"), "is before --from"),
        (("schedule", "1", "2030-05-18 09:30" + "9" * 5000), "not a date and time: '2030-"),
        (("schedule", "1", "2030-05-18\x0009:30"), "not a date and time"),
        (("slots", "set", "tue 09:30\udcff"), "not a slot: 'tue 09:30\\udcff'"),
        (("evergreen", "1", "--every", "-5"), "must be at least 1"),
        (("export", "1", "--format", "csv", "--out", "x.csv", "--fix-times"), "scheduler files"),
    ],
)
def test_bad_input_is_one_plain_line_and_exit_2(cli, posts, argv, words):
    status, out, err = cli(*argv)
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and words in err


def test_slots_set_and_list_per_platform(cli, posts):
    assert cli("slots", "list")[1].startswith("No posting slots")
    assert cli("slots", "set", "tue 09:30", "Thursday 12:00")[0] == 0
    assert cli("slots", "set", "mon 08:00", "--platform", "linkedin")[0] == 0
    status, out, _ = cli("slots", "list")
    assert status == 0
    assert out.splitlines() == [
        "mon 08:00  linkedin",
        "tue 09:30  all platforms",
        "thu 12:00  all platforms",
    ]
    status, out, _ = cli("slots", "list", "--format", "json")
    assert status == 0
    assert json.loads(out)[:2] == [
        {"day": "mon", "time": "08:00", "platform": "linkedin"},
        {"day": "tue", "time": "09:30", "platform": None},
    ]


def test_next_slot_fills_free_slots_in_turn_and_says_when_there_are_none(cli, posts, monkeypatch):
    # A Sunday noon, so the slots come in a known order (on a Monday afternoon Tuesday's
    # slot would come before next Monday's, and the LinkedIn post would take it).
    sunday = datetime(2030, 5, 12, 12, 0)
    monkeypatch.setattr("composer.services.planning.PlanningService.now_wall", lambda _: sunday)
    status, _, err = cli("schedule", "1", "--next-slot")
    assert status == 1 and "there are no posting slots" in err
    cli("slots", "set", "tue 09:30", "thu 12:00")
    cli("slots", "set", "mon 08:00", "--platform", "linkedin")
    times = []
    for post_id in ("1", "2", "4"):
        status, out, _ = cli("schedule", post_id, "--next-slot")
        assert status == 0
        times.append(datetime.fromisoformat(out.split()[-1]))
    assert [(t.strftime("%a %H:%M")) for t in times] == ["Tue 09:30", "Thu 12:00", "Mon 08:00"]
    assert times[0] < times[1]  # the second X post took the slot after the first's
    assert times[2] < times[0]  # the LinkedIn post shares no platform with them: Monday's


def test_calendar_lists_posts_in_order_as_json_and_text(cli, posts):
    cli("schedule", "3", "2030-05-20 17:45")
    cli("schedule", "1", "2030-05-18 09:00")
    cli("schedule", "4", "2030-06-02 08:00")
    status, out, _ = cli("calendar", "--from", "2030-05-01", "--to", "2030-05-31", "--format",
                         "json")  # fmt: skip
    assert status == 0
    assert json.loads(out) == [
        {"id": 1, "at": "2030-05-18T09:00:00-04:00", "status": "approved", "platforms": ["x"],
         "title": "Storm tip 1. What's in your kit?"},
        {"id": 3, "at": "2030-05-20T17:45:00-04:00", "status": "approved", "platforms": ["x"],
         "title": "Storm tip 3. What's in your kit?"},
    ]  # fmt: skip
    status, out, _ = cli("calendar", "--from", "2030-05-19")
    assert [line.split()[2] for line in out.splitlines()] == ["17:45", "08:00"]
    assert "#4" in out and "Flood" in out


def test_export_refuses_crowded_and_past_times_before_writing_unless_fixed(cli, posts):
    cli("schedule", "1", "2030-05-18 09:00")
    cli("schedule", "2", "2030-05-18 09:04")
    cli("schedule", "3", "2020-05-18 09:00")
    out = posts / "h.csv"
    argv = ("export", "--format", "hootsuite", "--out", str(out), "1", "2", "3")
    status, stdout, stderr = cli(*argv)
    assert (status, stdout, out.exists()) == (1, "", False)
    assert stderr.count("\n") == 1
    assert stderr == (
        "composer: nothing was exported: Hootsuite wants posts at least 10 minutes apart "
        "(posts 1 and 2 are closer), at least 10 minutes ahead (post 3 is not) and on "
        "5-minute steps (post 2 is not); use --fix-times to move them\n"
    )
    status, stdout, stderr = cli(*argv, "--fix-times")
    assert status == 0 and out.exists()
    assert "moved post 2 from 2030-05-18 09:04 to 2030-05-18 09:10" in stderr
    status, shown, _ = cli("show", "2", "--format", "json")
    assert json.loads(shown)["scheduled_at"] == "2030-05-18T09:10:00"


def test_evergreen_marks_and_unmarks_and_refuses_bad_input(cli, posts):
    status, _, err = cli("evergreen", "1", "--every", "90")
    assert status == 2 and "post 1 has no time yet; schedule it first" in err
    cli("schedule", "1", "2030-05-18 09:30")
    assert cli("evergreen", "1", "--every", "90", "--times", "3")[:2] == (
        0,
        "Post 1 comes back every 90 days, at most 3 times\n",
    )
    status, _, err = cli("evergreen", "1", "--every", "7")
    assert status == 2 and "at least 30 days" in err
    for argv in (("1",), ("1", "--every", "90", "--off"), ("--every", "90"), ("1", "--due")):
        status, out, err = cli("evergreen", *argv)
        assert status == 2 and out == "" and err.count("\n") == 1
    assert cli("evergreen", "--due")[:2] == (0, "No evergreen post is due\n")
    assert cli("evergreen", "1", "--off")[:2] == (0, "Post 1 is no longer evergreen\n")


def test_calendar_starts_today_unless_told(cli, posts):
    from datetime import timedelta

    from composer.domain.planning import local_zone

    today = datetime.now(local_zone()).date()
    cli("schedule", "1", f"{today - timedelta(days=1)} 09:00")
    cli("schedule", "2", f"{today + timedelta(days=1)} 09:00")
    status, out, _ = cli("calendar", "--format", "json")
    assert status == 0 and [e["id"] for e in json.loads(out)] == [2]
    status, out, _ = cli("calendar", "--from", str(today - timedelta(days=7)), "--format", "json")
    assert [e["id"] for e in json.loads(out)] == [1, 2]
