"""`composer approve`, `composer audit verify|list` and `composer backup`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from composer.cli.common import open_services, output_path, post_id
from composer.cli.errors import CommandError, UsageError
from composer.cli.library import approval_json


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "approve",
        help="sign off a post's exact text (errors need a written reason)",
        description="Check the post for each of its platforms and approve it. When there "
        "are error findings, --reason is required and is recorded against each one.",
    )
    sub.add_argument("id", type=post_id, metavar="ID")
    sub.add_argument("--reason", metavar="TEXT", help="why the error findings are kept")
    sub.add_argument("--format", choices=("text", "json"), default="text")
    sub.set_defaults(handler=run_approve)

    audit = subparsers.add_parser("audit", help="the tamper-evident log of approvals and exports")
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="re-compute the hash chain and check what it vouches for; exit 1 if broken",
        description="Re-compute every entry's hash and signature, check approvals, exports "
        "and post statuses against the log, and check that the log reaches as far as its "
        "head record and the backups say. Names the first problem and exits 1.",
    )
    verify.set_defaults(handler=run_audit_verify)
    listing = actions.add_parser("list", help="list the log's entries")
    listing.add_argument("--post", type=post_id, metavar="ID", help="only this post's entries")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(handler=run_audit_list)

    backup = subparsers.add_parser("backup", help="write a verified copy of the library")
    backup.add_argument("--out", metavar="FILE", help="where to write it (default: backups/)")
    backup.set_defaults(handler=run_backup)


def run_approve(args: argparse.Namespace) -> int:
    from composer.services.approval import ReasonRequiredError

    if args.reason is not None and not args.reason.strip():
        raise UsageError("--reason must not be empty")
    with open_services(args, daily_backup=True) as services:
        try:
            approval = services.approval.approve(args.id, reason=args.reason)
        except ReasonRequiredError as exc:
            lines = [
                f"post {exc.post_id} has {len(exc.errors)} error finding(s); nothing was "
                'approved. To keep them, approve again with --reason "why":'
            ]
            for item in exc.errors:
                quoted = f' ("{item.finding.text}")' if item.finding.text else ""
                lines.append(
                    f"  {item.platform}: {item.finding.category}: {item.finding.message}{quoted}"
                )
            raise CommandError("\n".join(lines)) from None
        except ImportError:
            raise CommandError("the guideline engine is not available in this build") from None
    if args.format == "json":
        print(json.dumps(approval_json(approval), ensure_ascii=False, indent=2))
    else:
        kept = (
            f"; reason recorded for {len(approval.overrides)} error(s)"
            if approval.overrides
            else ""
        )
        print(f"Approved post {approval.post_id} for {', '.join(approval.texts)}{kept}.")
    return 0


def run_audit_verify(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        report = services.audit.verify()
    if not report.ok:
        raise CommandError(f"the audit log is broken: {report.problem}")
    if report.signed_from is not None:
        how = f"signed with this library's key from entry {report.signed_from} on"
    elif not report.entries:
        how = "nothing recorded yet"
    elif report.key == "no-keyring":
        how = "not signed: this computer has no secure keyring, so only the plain hashes "
        how += "were checked"
    else:
        how = "not signed yet (the key is made with the next entry): only the plain hashes "
        how += "were checked"
    noun = "entry" if report.entries == 1 else "entries"
    print(f"The audit log is intact ({report.entries} {noun}; {how}).")
    return 0


def run_audit_list(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        entries = services.audit.entries(args.post)
    if args.format == "json":
        data = [
            {
                "seq": e.seq,
                "at": e.at.isoformat(timespec="seconds"),
                "action": e.action,
                "post_id": e.post_id,
                "data": dict(e.data),
                "hash": e.hash,
            }
            for e in entries
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if not entries:
        print("The audit log is empty.")
    for e in entries:
        when = e.at.astimezone().strftime("%Y-%m-%d %H:%M")
        post = f"post {e.post_id}" if e.post_id is not None else ""
        print(f"{e.seq:>6}  {when}  {e.action:<16} {post}")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    out = output_path(args, args.out) if args.out else None
    if out is not None and out.exists():
        raise UsageError(f"{out} already exists; choose another file name")
    if out is not None and not out.parent.is_dir():
        raise UsageError(f"there is no folder {out.parent}")
    with open_services(args) as services:
        written = services.maintenance.backup(out)
    print(written)
    print("The backup was checked and is good.", file=sys.stderr)
    return 0
