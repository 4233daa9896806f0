"""`composer submit`, `review-packet` and `review-decisions import`: outside review.

The agent approves, submits to a named reviewer, sends the reviewer the packet (the PDF
record and packet.json in one ZIP) and imports the decisions that come back. A decision
whose text hash does not match what was submitted is refused and named (exit 1); the
others still apply. Codes from composer.services.review are worded here.
"""

from __future__ import annotations

import argparse
from typing import Any

from composer.cli.common import open_services, output_path, post_id
from composer.cli.errors import CommandError, UsageError

REASONS = {
    "not-approved": "has no approval that applies; approve it before submitting it",
    "not-submitted": "was not submitted for review ('composer submit')",
    "in-bin": "is in the bin",
    "hash-mismatch": "its text_sha256 is not that of the text submitted and still approved "
    "(edited since, or another text)",
    "no-post": "names no post in this library",
    "bad-decision": "has a decision that is not approved, rejected or changes",
    "bad-expires": "has an expiry that is not a date (YYYY-MM-DD)",
    "no-reviewer": "needs a reviewer: --to NAME",
}


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser("submit", help="send approved posts to an outside reviewer")
    sub.add_argument("ids", nargs="+", type=post_id, metavar="ID")
    sub.add_argument("--to", required=True, metavar="REVIEWER", help="who reviews them")
    sub.set_defaults(handler=run_submit)

    sub = subparsers.add_parser("review-packet", help="the ZIP to send to the reviewer")
    sub.add_argument("ids", nargs="+", type=post_id, metavar="ID")
    sub.add_argument("--out", required=True, metavar="FILE.zip")
    sub.add_argument("--force", action="store_true", help="replace the file if it exists")
    sub.set_defaults(handler=run_packet)

    sub = subparsers.add_parser("review-decisions", help="bring the reviewer's decisions back")
    actions = sub.add_subparsers(dest="action", metavar="ACTION", required=True)
    load = actions.add_parser("import", help="apply a JSON or CSV file of decisions")
    load.add_argument("file", metavar="FILE")
    load.set_defaults(handler=run_decisions)


def run_submit(args: argparse.Namespace) -> int:
    from composer.services.review import ReviewRefusedError

    with open_services(args, writes=True) as services:
        try:
            done = services.review.submit(args.ids, args.to)
        except ReviewRefusedError as exc:
            raise _refusal(exc.code, exc.post_id) from None
    ids = ", ".join(str(s.post_id) for s in done)
    print(f"Submitted post(s) {ids} to {done[0].submitted_to} for review.")
    return 0


def run_packet(args: argparse.Namespace) -> int:
    from composer.domain.files import AtomicWriteError
    from composer.services.review import ReviewRefusedError

    path = output_path(args, args.out)
    if path.exists() and not args.force:
        raise UsageError(f"{path} already exists; use --force to replace it")
    with open_services(args) as services:
        profile = services.library.profile()
        try:
            digest = services.review.packet(args.ids, path, profile.name if profile else "")
        except ReviewRefusedError as exc:
            raise _refusal(exc.code, exc.post_id) from None
        except AtomicWriteError as exc:
            raise CommandError(f"cannot write {path}: {exc}") from None
    print(f"Review packet for {len(set(args.ids))} post(s) written to {path}")
    print(f"SHA-256 {digest}")
    return 0


def run_decisions(args: argparse.Namespace) -> int:
    from pathlib import Path

    from composer.services.review import DecisionFileError, read_decisions

    path = Path(args.file)
    try:  # an unreadable file changes nothing: one line, exit 2
        read_decisions(path)
    except DecisionFileError as exc:
        raise UsageError(str(exc)) from None
    with open_services(args, writes=True) as services:
        result = services.review.import_decisions(path)
    for post, decision in result.applied:
        print(f"Post {post}: {decision}")
    if result.refused:
        names = "; ".join(
            f"row {r.row}" + (f" (post {r.post_id})" if r.post_id else "") + f" {REASONS[r.code]}"
            for r in result.refused
        )
        applied = len(result.applied)
        raise CommandError(f"{len(result.refused)} decision(s) refused, {applied} applied: {names}")
    return 0


def _refusal(code: str, post: int) -> Exception:
    text = f"post {post} {REASONS.get(code, code)}; nothing was changed"
    return UsageError(text) if code == "no-reviewer" else CommandError(text)
