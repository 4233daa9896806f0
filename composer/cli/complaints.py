"""`composer complaints`: the complaint register from a terminal (list, flag, resolve, export).

Complaints arrive as comments on replies (`composer import` with `"complaint": true`, or
`complaints flag POST_ID` for a reply already in the library). Each entry keeps the
comment word for word; every change is in the audit log.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from composer.cli.common import open_services, output_path, positive_id, post_id
from composer.cli.errors import UsageError
from composer.cli.words import plural

if TYPE_CHECKING:
    from composer.domain.conversations import Complaint
    from composer.services.conversations import ComplaintError

STATUSES = ("open", "answered", "resolved")
complaint_id = positive_id("a complaint")

# What the register's error codes (composer.services.conversations) mean on the command line.
_WORDS = {
    "no-complaint": "there is no complaint {id} (see 'composer complaints list')",
    "no-post": "there is no post {detail}",
    "not-a-reply": "post {detail} is not a reply: it answers no comment",
    "note-required": "say what was done: --note TEXT must not be empty",
    "bad-status": "unknown status {detail!r}; choose from open, answered, resolved",
    "bad-format": "unknown format {detail!r}; choose csv or pdf",
    "file-exists": "{detail} exists; choose another name or add --overwrite",
    "cannot-write": "cannot write the file: {detail}",
    "empty-comment": "the comment has no text",
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "complaints",
        help="the complaint register: comments recorded word for word, with their status",
    )
    commands = parser.add_subparsers(dest="complaints_command", metavar="COMMAND", required=True)

    sub = commands.add_parser("list", help="list the register, oldest first")
    sub.add_argument("--status", choices=STATUSES, help="only entries with this status")
    sub.add_argument("--format", choices=("text", "json"), default="text")
    sub.set_defaults(handler=run_list)

    sub = commands.add_parser("flag", help="record the comment a reply answers as a complaint")
    sub.add_argument("post", type=post_id, metavar="POST_ID", help="the reply")
    sub.set_defaults(handler=run_flag)

    sub = commands.add_parser("resolve", help="mark a complaint resolved, saying what was done")
    sub.add_argument("id", type=complaint_id, metavar="ID")
    sub.add_argument("--note", required=True, metavar="TEXT", help="what was done")
    sub.set_defaults(handler=run_resolve)

    sub = commands.add_parser("status", help="set a complaint's status (open, answered...)")
    sub.add_argument("id", type=complaint_id, metavar="ID")
    sub.add_argument("status", choices=STATUSES)
    sub.add_argument("--note", metavar="TEXT", help="a note on the change")
    sub.set_defaults(handler=run_status)

    sub = commands.add_parser("export", help="write the register as CSV or PDF")
    sub.add_argument("--format", choices=("csv", "pdf"), required=True)
    sub.add_argument("--out", required=True, metavar="FILE")
    sub.add_argument("--status", choices=STATUSES, help="only entries with this status")
    sub.add_argument("--overwrite", action="store_true", help="replace FILE if it exists")
    sub.set_defaults(handler=run_export)


def run_list(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        entries = services.conversations.complaints(args.status)
    if args.format == "json":
        print(json.dumps([complaint_json(c) for c in entries], ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("No complaints recorded." if args.status is None else f"No {args.status} complaints.")
        return 0
    for entry in entries:
        _print_entry(entry)
    return 0


def run_flag(args: argparse.Namespace) -> int:
    from composer.services.conversations import ComplaintError

    with open_services(args, writes=True) as services:
        try:
            entry = services.conversations.flag_reply(args.post)
        except ComplaintError as exc:
            raise UsageError(_worded(exc)) from None
    print(f"Complaint {entry.id} ({entry.status}) records the comment post {args.post} answers.")
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    from composer.services.conversations import ComplaintError

    with open_services(args, writes=True) as services:
        try:
            entry = services.conversations.resolve(args.id, args.note)
        except ComplaintError as exc:
            raise UsageError(_worded(exc)) from None
    print(f"Complaint {entry.id} is resolved: {entry.note}")
    return 0


def run_status(args: argparse.Namespace) -> int:
    from composer.services.conversations import ComplaintError

    with open_services(args, writes=True) as services:
        try:
            entry = services.conversations.set_status(args.id, args.status, args.note)
        except ComplaintError as exc:
            raise UsageError(_worded(exc)) from None
    print(f"Complaint {entry.id} is {entry.status}" + (f": {entry.note}" if entry.note else "."))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from composer.services.conversations import ComplaintError

    target = output_path(args, args.out)
    with open_services(args) as services:
        try:
            done = services.conversations.export_register(
                args.format, target, args.status, overwrite=args.overwrite
            )
        except ComplaintError as exc:
            raise UsageError(_worded(exc)) from None
    print(f"Wrote {plural(done.count, 'complaint')} to {done.path} (SHA-256 {done.sha256}).")
    return 0


def complaint_json(entry: Complaint) -> dict[str, Any]:
    return {
        "id": entry.id,
        "status": entry.status,
        "note": entry.note,
        "recorded_at": entry.recorded_at.isoformat(timespec="seconds"),
        "updated_at": entry.updated_at.isoformat(timespec="seconds"),
        "comment": {k: v for k, v in entry.comment.to_dict().items() if k != "post_id"},
        "reply": entry.reply,
        "post_id": entry.post_id,
    }


def _print_entry(entry: Complaint) -> None:
    comment = entry.comment
    recorded = entry.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M")
    facts = (comment.author, comment.platform, comment.rating_words())
    where = " · ".join(p for p in facts if p) or "unknown"
    print(f"Complaint {entry.id}  ·  {entry.status}  ·  recorded {recorded}  ·  {where}")
    if comment.at is not None:
        print(f"  Posted: {comment.at.astimezone().strftime('%Y-%m-%d %H:%M')}")
    if comment.url:
        print(f"  Link: {comment.url}")
    for line in comment.text.splitlines() or [""]:
        print(f"  > {line}")
    if entry.reply:
        first = " ".join(entry.reply.split())
        print(f"  Reply{f' (post {entry.post_id})' if entry.post_id else ''}: {first}")
    if entry.note:
        print(f"  Note: {entry.note}")
    print()


def _worded(exc: ComplaintError) -> str:
    template = _WORDS.get(exc.code)
    if template is None:
        return str(exc)
    return template.format(id=exc.complaint_id, detail=exc.detail)
