"""`composer publish`, `retire`, `hold`, `delete` and `retention report`: the post after
approval.

What ran where (the last use starts the retention period), the legal hold, deletion that
waits for the retention period, and the report listing when each post may go. Refusals
come back from composer.services.records as codes; `record_words` words them.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from composer.cli.common import open_services, output_path, post_id
from composer.cli.errors import CommandError, UsageError
from composer.cli.record_words import refusal_error


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser("publish", help="record that an approved post ran")
    sub.add_argument("id", type=post_id, metavar="ID")
    sub.add_argument("--platform", required=True, help="where it ran (x, linkedin...)")
    sub.add_argument("--url", default="", help="the link to the post as it ran")
    sub.add_argument("--at", metavar='"YYYY-MM-DD HH:MM"', help="when it ran (default: now)")
    sub.add_argument("--audience", default="public", choices=("public", "group", "boosted"))
    sub.add_argument("--spend", default="", metavar="AMOUNT", help="amount paid to boost it")
    sub.add_argument("--account", default="", help="the account it ran on")
    sub.add_argument(
        "--live-text",
        metavar="FILE",
        help="the text as it reads on the network ('-' reads stdin): compared with the "
        "approved text; a difference is recorded and exits 1",
    )
    sub.set_defaults(handler=run_publish)

    sub = subparsers.add_parser("hold", help="put a post under legal hold, or lift it")
    sub.add_argument("id", type=post_id, metavar="ID")
    side = sub.add_mutually_exclusive_group(required=True)
    side.add_argument("--on", dest="on", action="store_true", help="hold it")
    side.add_argument("--off", dest="on", action="store_false", help="lift the hold")
    sub.set_defaults(handler=run_hold)

    sub = subparsers.add_parser(
        "retire", help="record that an approved or published post is no longer in use"
    )
    sub.add_argument("id", type=post_id, metavar="ID")
    sub.add_argument(
        "--last-used",
        metavar="YYYY-MM-DD",
        help="the last day it was in use (default: today); retention counts from it",
    )
    sub.set_defaults(handler=run_retire)

    sub = subparsers.add_parser("delete", help="move a post to the bin (after its retention)")
    sub.add_argument("id", type=post_id, metavar="ID")
    sub.set_defaults(handler=run_delete)

    sub = subparsers.add_parser("retention", help="the retention report")
    actions = sub.add_subparsers(dest="action", metavar="ACTION", required=True)
    report = actions.add_parser("report", help="every post, its use and when it may go")
    report.add_argument("--format", choices=("csv", "pdf"), required=True)
    report.add_argument("--out", required=True, metavar="FILE")
    report.set_defaults(handler=run_report)


def run_publish(args: argparse.Namespace) -> int:
    from composer.services.records import RecordRefusedError

    when = _when(args.at)
    live = None
    if args.live_text is not None:
        from composer.cli.inputs import read_text_input

        live = read_text_input(args.live_text)
    with open_services(args, writes=True) as services:
        try:
            publication = services.records.publish(
                args.id,
                args.platform,
                url=args.url,
                at=when,
                audience=args.audience,
                spend=args.spend,
                account=args.account,
                live_text=live,
            )
            approved = services.approval.approved_snapshot(args.id).texts[publication.platform]
        except RecordRefusedError as exc:
            raise refusal_error(exc) from None
    from composer.domain.platforms import display_name

    name = display_name(publication.platform)
    moment = publication.published_at.astimezone().strftime("%Y-%m-%d %H:%M")
    print(f"Post {args.id}: published on {name} at {moment}.")
    if publication.live_matches is False and live is not None:
        print(
            f"composer: error: the text on {name} is not the approved text "
            "(recorded as an error in the record):",
            file=sys.stderr,
        )
        for line in _difference(approved, live):
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


def _difference(approved: str, live: str) -> list[str]:
    """The lines that differ: '-' approved only, '+' live only."""
    import difflib

    lines = difflib.ndiff(approved.strip().splitlines(), live.strip().splitlines())
    return [line.rstrip() for line in lines if line[:1] in "-+"]


def run_hold(args: argparse.Namespace) -> int:
    with open_services(args, writes=True) as services:
        changed = services.records.set_hold(args.id, args.on)
    state = "under legal hold" if args.on else "no longer under legal hold"
    print(f"Post {args.id} is {state}." + ("" if changed else " (It already was.)"))
    return 0


def run_retire(args: argparse.Namespace) -> int:
    from datetime import date

    from composer.services.records import RecordRefusedError

    last_day = None
    if args.last_used is not None:
        try:
            last_day = date.fromisoformat(args.last_used.strip())
        except ValueError:
            raise UsageError(
                f"--last-used: {args.last_used!r} is not a date like 2026-05-20"
            ) from None
    with open_services(args, writes=True) as services:
        try:
            changed = services.records.retire(args.id, last_day)
        except RecordRefusedError as exc:
            raise refusal_error(exc) from None
        retention = services.records.retention(args.id)
    if not changed:
        print(f"Post {args.id} was already retired; nothing was changed.")
        return 0
    used = retention.last_used.astimezone().date() if retention.last_used else "-"
    print(f"Post {args.id} retired: last used {used}, kept until {retention.keep_until}.")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    from composer.services.records import RecordRefusedError

    with open_services(args, writes=True) as services:
        try:
            services.records.delete(args.id)
        except RecordRefusedError as exc:
            raise refusal_error(exc) from None
    print(f"Post {args.id} moved to the bin.")
    return 0


def run_report(args: argparse.Namespace) -> int:
    from composer.domain.files import AtomicWriteError
    from composer.services.records import write_report

    path = output_path(args, args.out)
    with open_services(args) as services:
        report = services.records.report()
        profile = services.library.profile()
        try:
            size = write_report(report, args.format, path, profile.name if profile else "")
        except AtomicWriteError as exc:
            raise CommandError(f"cannot write {path}: {exc}") from None
    years = report.period.years
    print(f"Retention report ({len(report.rows)} posts, kept {years} years after last use): ")
    print(f"  {path} ({size} bytes)")
    return 0


def _when(value: str | None) -> datetime | None:
    """--at as local wall time, made aware; a usage error naming the option otherwise."""
    if value is None:
        return None
    try:
        moment = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M")
    except ValueError:
        raise UsageError(
            f'--at: {value!r} is not a date and time like "2026-05-20 14:30"'
        ) from None
    return moment.astimezone()
