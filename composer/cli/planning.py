"""`composer schedule`, `slots`, `calendar` and `evergreen`: planning from a terminal.

Times given are local wall time (`YYYY-MM-DD HH:MM`) or ISO 8601 with an offset; what is
printed is ISO 8601 with the offset, so scripts never have to guess the zone. Bad input is
one plain line and exit status 2.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from composer.cli.common import open_services, platform_names, positive_int, post_id
from composer.cli.errors import CommandError, UsageError

if TYPE_CHECKING:
    from composer.domain.planning import CalendarEntry, Slot
    from composer.services.planning import PlanningError


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "schedule",
        help="set, clear or fill in the time a post is planned for",
        description="Set the time a post is planned for (local time, or ISO 8601 with an "
        "offset), clear it, or put it in the next free posting slot (see 'composer slots'). "
        "An approval stays; a change of time after approval goes into the audit log.",
    )
    sub.add_argument("id", type=post_id, metavar="ID", help="the post")
    sub.add_argument("when", nargs="?", metavar='"YYYY-MM-DD HH:MM"', help="the new time")
    group = sub.add_mutually_exclusive_group()
    group.add_argument("--clear", action="store_true", help="remove the post's time")
    group.add_argument("--next-slot", action="store_true", help="use the next free slot")
    sub.set_defaults(handler=run_schedule)

    sub = subparsers.add_parser(
        "slots", help="the weekly posting times 'schedule --next-slot' uses"
    )
    actions = sub.add_subparsers(dest="slots_action", metavar="ACTION", required=True)
    setter = actions.add_parser(
        "set",
        help='replace the weekly slots, e.g. "tue 09:30" "thu 12:00"',
        description="Replace the weekly posting slots (for all platforms, or one with "
        "--platform) with these; none given removes them. Times are local wall time.",
    )
    setter.add_argument(
        "slots", nargs="*", metavar='"DAY HH:MM"', help='a weekday and a 24-hour time: "tue 09:30"'
    )
    setter.add_argument("--platform", choices=platform_names(), help="only for this platform")
    setter.set_defaults(handler=run_slots_set)
    lister = actions.add_parser("list", help="list the weekly slots")
    lister.add_argument("--format", choices=("text", "json"), default="text")
    lister.set_defaults(handler=run_slots_list)

    sub = subparsers.add_parser(
        "evergreen",
        help="make a post come back after a cooldown, as a new scheduled copy",
        description="Mark a post evergreen: every DAYS days (at least 30, the duplicate "
        "rule's window) after its time, a copy returns to the queue, approved with the "
        "original's reasons if that approval is under a year old and the rules find nothing "
        "new, else as a draft. --times limits the copies; --off stops them. --due makes the "
        "copies that are due now (the window does this when it opens).",
    )
    sub.add_argument("id", nargs="?", type=post_id, metavar="ID", help="the post")
    sub.add_argument("--every", type=positive_int, metavar="DAYS", help="the cooldown in days")
    sub.add_argument("--times", type=positive_int, metavar="N", help="at most N copies")
    sub.add_argument("--off", action="store_true", help="no more copies of this post")
    sub.add_argument("--due", action="store_true", help="make the copies that are due now")
    sub.set_defaults(handler=run_evergreen)

    sub = subparsers.add_parser(
        "calendar",
        help="list scheduled posts in time order",
        description="List the scheduled posts (not those in the bin) from --from (default: "
        "today) to --to (both days included), soonest first.",
    )
    sub.add_argument("--from", dest="start", metavar="DATE", help="first day, YYYY-MM-DD")
    sub.add_argument("--to", dest="end", metavar="DATE", help="last day, YYYY-MM-DD")
    sub.add_argument("--format", choices=("text", "json"), default="text")
    sub.set_defaults(handler=run_calendar)


def run_schedule(args: argparse.Namespace) -> int:
    from composer.services.planning import PlanningCode, PlanningError

    chosen = sum((args.when is not None, args.clear, args.next_slot))
    if chosen != 1:
        raise UsageError('give the post a time ("YYYY-MM-DD HH:MM"), --clear or --next-slot')
    with open_services(args, writes=True) as services:
        planning = services.planning
        try:
            if args.next_slot:
                done = planning.schedule_next(args.id)
            else:
                wall = None if args.clear else planning.parse_time(args.when)
                done = planning.schedule(args.id, wall)
        except PlanningError as exc:
            if exc.code in (PlanningCode.NO_SLOTS, PlanningCode.NO_FREE_SLOT):
                raise CommandError(planning_text(exc)) from None  # not bad input: exit 1
            raise UsageError(planning_text(exc)) from None
    if done.at is None:
        print(f"Post {args.id} has no time now")
    else:
        print(f"Post {args.id} is planned for {done.at.isoformat(timespec='minutes')}")
    return 0


def run_slots_set(args: argparse.Namespace) -> int:
    from composer.services.planning import PlanningError, parse_slot

    try:  # read every slot before the library is opened
        for text in args.slots:
            parse_slot(text)
    except PlanningError as exc:
        raise UsageError(planning_text(exc)) from None
    with open_services(args, writes=True) as services:
        slots = services.planning.set_slots(args.slots, args.platform or "")
    _print_slots(slots)
    return 0


def run_slots_list(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        slots = services.planning.slots()
    if args.format == "json":
        data = [
            {"day": s.day_name, "time": f"{s.at:%H:%M}", "platform": s.platform or None}
            for s in slots
        ]
        print(json.dumps(data, indent=2))
    else:
        _print_slots(slots)
    return 0


def _print_slots(slots: list[Slot]) -> None:
    if not slots:
        print('No posting slots (set some with: composer slots set "tue 09:30")')
    for slot in slots:
        print(f"{slot.label()}  {slot.platform or 'all platforms'}")


def run_calendar(args: argparse.Namespace) -> int:
    from composer.services.planning import PlanningError, parse_date

    try:
        start = parse_date(args.start) if args.start else None
        end = parse_date(args.end) if args.end else None
    except PlanningError as exc:
        raise UsageError(
            f"{'--from' if args.start and exc.value == args.start else '--to'}: "
            f"{planning_text(exc)}"
        ) from None
    if start and end and end < start:
        raise UsageError(f"--to {args.end} is before --from {args.start}")
    with open_services(args) as services:
        if start is None:
            start = services.planning.now_wall().date()
        entries = services.planning.calendar(start, end)
    if args.format == "json":
        print(json.dumps([calendar_json(e) for e in entries], ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("No posts are scheduled in those days")
    for e in entries:
        print(
            f"{e.wall:%a %Y-%m-%d %H:%M}  #{e.post_id}  {e.status:<8}  "
            f"{','.join(e.platforms) or '-':<16}  {e.title}"
        )
    return 0


def run_evergreen(args: argparse.Namespace) -> int:
    from composer.services.planning import PlanningError

    if args.due:
        if args.id is not None or args.every or args.times or args.off:
            raise UsageError("--due takes no post and no other option")
        with open_services(args, writes=True) as services:
            made = services.evergreen.renew()
        for r in made:
            state = "approved" if r.approved else "a draft to approve"
            print(
                f"Post {r.source_id} came back as post {r.copy_id} for {r.at:%Y-%m-%d %H:%M}"
                f" ({state})"
            )
        if not made:
            print("No evergreen post is due")
        return 0
    if args.id is None or (args.every is None) == (not args.off) or (args.off and args.times):
        raise UsageError("give a post and --every DAYS [--times N], or --off")
    with open_services(args, writes=True) as services:
        try:
            if args.off:
                services.evergreen.unmark(args.id)
                print(f"Post {args.id} is no longer evergreen")
                return 0
            mark = services.evergreen.mark(args.id, args.every, args.times)
        except PlanningError as exc:
            raise UsageError(planning_text(exc)) from None
    limit = f", at most {mark.times} times" if mark.times else ""
    print(f"Post {args.id} comes back every {mark.every_days} days{limit}")
    return 0


def calendar_json(entry: CalendarEntry) -> dict[str, Any]:
    return {
        "id": entry.post_id,
        "at": entry.at.isoformat(timespec="seconds"),
        "status": entry.status,
        "platforms": list(entry.platforms),
        "title": entry.title,
    }


def planning_text(exc: PlanningError) -> str:
    """A planning refusal in the command line's words."""
    from composer.services.planning import PlanningCode

    value = exc.value if len(exc.value) <= 40 else exc.value[:39] + "…"
    words = {
        PlanningCode.BAD_SLOT: f"not a slot: {value!r} (write a day and a 24-hour time, "
        'such as "tue 09:30")',
        PlanningCode.BAD_TIME: f'not a date and time: {value!r} (write "YYYY-MM-DD HH:MM" '
        "in local time, or ISO 8601 with an offset)",
        PlanningCode.BAD_DATE: f"not a date: {value!r} (write YYYY-MM-DD)",
        PlanningCode.NO_SUCH_TIME: f"{value} does not exist here: the clocks skip that hour "
        "that day; choose another time",
        PlanningCode.UNKNOWN_PLATFORM: f"unknown platform {value!r}",
        PlanningCode.NO_SLOTS: "there are no posting slots"
        + (f" for {value}" if value else "")
        + ' yet; set some with: composer slots set "tue 09:30" "thu 12:00"',
        PlanningCode.COOLDOWN_TOO_SHORT: f"the cooldown must be at least {value} days, "
        "or the copy would repeat a post the duplicate rule warns about",
        PlanningCode.BAD_TIMES: f"--times must be at least 1 (got {value})",
        PlanningCode.NOT_SCHEDULED: f"post {value} has no time yet; schedule it first "
        "(the cooldown runs from its time)",
        PlanningCode.NO_FREE_SLOT: f"every posting slot in the next {value} days is taken; "
        "add slots with 'composer slots set'",
    }
    return words.get(exc.code, str(exc))
