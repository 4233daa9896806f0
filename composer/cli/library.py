"""`composer import`, `composer history` and `composer show`: the library from a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.cli.common import (
    MAX_LIMIT,
    limit,
    open_services,
    parse_when_option,
    platform_names,
    post_id,
)
from composer.cli.errors import UsageError
from composer.cli.inputs import read_text_input
from composer.cli.words import plural

if TYPE_CHECKING:
    from composer.app.container import Services
    from composer.domain.conversations import Comment
    from composer.domain.findings import CheckResult
    from composer.domain.posts import Approval, Post
    from composer.domain.record import Submission


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "import",
        help="add posts from a JSON array, JSON lines or CSV file (all or nothing)",
        description="Add posts from a file. Fields: text (required), title, platforms, "
        "link, scheduled_at (ISO 8601 local time), tags; for a reply, in_reply_to "
        '({"author", "text", "platform", "url", "at", "post_id", "rating"}; rating: a '
        "review's stars, 1 to 5) and complaint (true to record the comment in the complaint "
        "register). One bad row imports nothing.",
    )
    sub.add_argument("file", metavar="FILE", help="the file to import ('-' reads stdin)")
    _format_option(sub)
    sub.set_defaults(handler=run_import)

    sub = subparsers.add_parser("history", help="list and search the posts in the library")
    sub.add_argument("--search", metavar="Q", default="", help="words in title, text or variants")
    sub.add_argument("--status", choices=_statuses(), help="only posts with this status")
    sub.add_argument("--platform", choices=platform_names(), help="only posts for this platform")
    sub.add_argument("--tag", help="only posts with this tag")
    sub.add_argument("--since", metavar="DATE", help="changed on or after (ISO 8601)")
    sub.add_argument("--until", metavar="DATE", help="changed before (ISO 8601)")
    sub.add_argument("--deleted", action="store_true", help="list the bin instead")
    sub.add_argument(
        "--limit",
        type=limit,
        default=50,
        metavar="N",
        help=f"at most N posts (up to {MAX_LIMIT})",
    )
    _format_option(sub)
    sub.set_defaults(handler=run_history)

    sub = subparsers.add_parser("show", help="show one post, its findings and its approval")
    sub.add_argument("id", type=post_id, metavar="ID")
    _format_option(sub)
    sub.set_defaults(handler=run_show)


def run_import(args: argparse.Namespace) -> int:
    from composer.services.importer import ImportFileError, parse_rows, read_rows

    try:  # read and check everything before the library is even opened
        stdin = args.file == "-"
        if stdin:
            rows = parse_rows(read_text_input("-", strip_final_newline=False))
        else:
            rows = read_rows(Path(args.file))
    except ImportFileError as exc:
        raise UsageError(str(exc)) from None
    drafts = [row.draft for row in rows]
    with open_services(args, daily_backup=True) as services:
        ids = services.importer.import_rows(rows)
    if args.format == "json":
        print(json.dumps(ids))
    else:
        print(f"Imported {plural(len(ids), 'post')}:")
        for new_id, draft in zip(ids, drafts, strict=True):
            first = " ".join((draft.title or draft.body).split())
            first = first[:60] + "…" if len(first) > 60 else first
            if draft.in_reply_to is not None:
                first = f"reply to “{draft.in_reply_to.opening(6)}”: {first}"
            print(f"  #{new_id}  {first}")
        flagged = sum(1 for row in rows if row.complaint)
        if flagged:
            print(f"Recorded {plural(flagged, 'complaint')} in the register.")
    return 0


def run_history(args: argparse.Namespace) -> int:
    from composer.domain.posts import PostQuery

    query = PostQuery(
        search=args.search,
        workflow=(args.status,) if args.status else (),
        platform=args.platform,
        tag=args.tag,
        since=parse_when_option(args.since, "--since"),
        until=parse_when_option(args.until, "--until"),
        deleted=args.deleted,
        limit=args.limit,
    )
    from composer.services.expiry import SELF_APPROVAL_SETTING, expires_on, expiry_note, valid_days

    with open_services(args) as services:
        posts = services.history.page(query)
        workflow = services.history.statuses(posts)
        standing = services.audit.standing(posts)
        approvals = services.approval.active_approvals([p.id for p in posts])
        days = valid_days(services.library.setting(SELF_APPROVAL_SETTING))
    expiry = {post_id: expires_on(a, days) for post_id, a in approvals.items()}
    today = date.today()
    if args.format == "json":
        data = [history_json(p, workflow[p.id]) for p in posts]
        for item in data:
            if item["id"] in standing:
                item["approval_valid"] = standing[item["id"]].valid
            if item["id"] in expiry:
                last = expiry[item["id"]]
                item["approval_expires_on"] = last.isoformat() if last else None
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if not posts:
        print("No posts found.")
        return 0
    for post in posts:
        updated = _local(post.updated_at)
        platforms = ",".join(post.platforms) or "-"
        label = post.title or post.body
        label = " ".join(label.split())
        label = label if len(label) <= 60 else label[:59] + "…"
        if post.in_reply_to is not None:
            label = f"↩ “{post.in_reply_to.opening(5)}” {label}"
        known = standing.get(post.id)
        if known is not None and not known.valid:
            label = f"[approval not valid] {label}"
        last = expiry.get(post.id)
        note = expiry_note(last, today)
        if note:
            label = f"[approval {'expired' if note == 'expired' else 'expires'} {last}] {label}"
        status = workflow[post.id].replace("_", " ")
        print(f"{post.id:>6}  {status:<17}  {updated}  {platforms:<18}  {label}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        post = services.library.get(args.id)
        approval = services.approval.active_approval(post.id)
        standing = services.audit.standing([post]).get(post.id)
        findings, why_not = _current_findings(services, post)
        publications = services.records.publications(post.id)
        retention = services.records.retention(post.id)
        submissions = services.review.submissions(post.id)
        status = services.history.status(post.id)
    problem = standing.problem if standing is not None else ""
    if args.format == "json":
        data = post_json(post, status)
        data["findings"] = (
            None
            if findings is None
            else {p: [f.to_dict() for f in r.findings] for p, r in findings.items()}
        )
        data["approval"] = None if approval is None else approval_json(approval)
        if data["approval"] is not None and standing is not None:
            data["approval"]["valid"] = standing.valid
            data["approval"]["problem"] = problem or None
        data["publications"] = [p.to_dict() for p in publications]
        data["legal_hold"] = retention.legal_hold
        data["last_used_at"] = _iso(retention.last_used)
        data["keep_until"] = retention.keep_until.isoformat() if retention.keep_until else None
        data["review"] = submission_json(submissions[0]) if submissions else None
        data["retired_at"] = _iso(post.retired_at)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        if why_not:
            print(f"composer: note: {why_not}", file=sys.stderr)
        if problem:
            print(f"composer: warning: {_NOT_VALID[problem]}", file=sys.stderr)
        return 0
    _print_post(post, status, approval, findings, why_not, problem)
    return 0


# Why an approval shown for a post is not valid (codes from composer.services.audit_verify).
_NOT_VALID = {
    "no-approval": "the post is marked approved, but no approval applies to it",
    "not-logged": "the approval has no entry in the audit log",
    "approval-changed": "the approved text no longer matches the hash in the audit log",
    "post-changed": "the post's text (or link, or images) is not what was approved",
}


def _current_findings(services: Services, post: Post) -> tuple[dict[str, CheckResult] | None, str]:
    if not post.platforms:
        return {}, ""
    try:
        return services.approval.check(post.id), ""
    except ImportError:
        return None, "findings are not available: the guideline engine is missing"
    except Exception as exc:  # a broken custom rule pack must not hide the post
        return None, f"findings are not available: {exc}"


def _print_post(
    post: Post,
    status: str,
    approval: Approval | None,
    findings: dict[str, CheckResult] | None,
    why_not: str,
    problem: str = "",
) -> None:
    print(f"Post {post.id}  ·  {status.replace('_', ' ')}  ·  changed {_local(post.updated_at)}")
    if post.deleted_at is not None:
        print("(in the bin)")
    for label, value in (
        ("Title", post.title),
        ("Platforms", ", ".join(post.platforms)),
        ("Scheduled", post.scheduled_at.isoformat(sep=" ") if post.scheduled_at else ""),
        ("Link", post.link),
        ("Tags", ", ".join(post.tags)),
    ):
        if value:
            print(f"{label}: {value}")
    if post.in_reply_to is not None:
        _print_comment(post.in_reply_to)
    print()
    print(post.body)
    for platform, text in post.variants.items():
        print(f"\n--- variant for {platform} ---\n{text}")
    for position, image in enumerate(post.attachments, start=1):
        where = "  (records a location)" if image.has_location else ""
        alt = image.alt_text or "(no alt text)"
        print(f"\nImage {position}: {image.original_name or image.sha256[:12]}{where}\n  {alt}")
    print()
    if findings is None:
        print(f"Findings: {why_not}")
    elif not any(r.findings for r in findings.values()):
        print("Findings: none")
    else:
        print("Findings:")
        for platform, result in findings.items():
            for f in result.findings:
                quoted = f' "{f.text}"' if f.text else ""
                print(f"  {platform:<10} {f.severity:<10} {f.category:<26} {f.message}{quoted}")
    if problem:
        number = f" {approval.id}" if approval is not None else ""
        print(f"Approval{number}: NOT VALID: {_NOT_VALID[problem]} (see 'composer audit verify')")
        return
    if approval is None:
        print("Approval: none")
        return
    print(f"Approval: {approval.id}, {_local(approval.approved_at)} by {approval.approver or '?'}")
    if approval.review is not None:
        review = approval.review
        print(f"  outside review: {review.reviewer}, {review.organisation or '-'}")
        print(f"  code {review.code or '-'}, expires {review.expires_on or '-'}")
    if approval.rules is not None:
        print(f"  rules: Composer {approval.rules.version}, SHA-256 {approval.rules.sha256}")
    for key, reason in approval.overrides.items():
        print(f"  kept {key}: {reason}")


def _print_comment(comment: Comment) -> None:
    when = _local(comment.at) if comment.at else ""
    facts = [comment.author, comment.platform, comment.rating_words(), when]
    print(f"In reply to: {' · '.join(f for f in facts if f) or 'a comment'}")
    if comment.url:
        print(f"  {comment.url}")
    if comment.on_post_id is not None:
        print(f"  left on post {comment.on_post_id} (see 'composer thread {comment.on_post_id}')")
    for line in comment.text.splitlines() or [""]:
        print(f"  > {line}")


def history_json(post: Post, status: str) -> dict[str, Any]:
    """`status` is the workflow status (composer.domain.workflow); `stored_status` the
    post's own (draft, approved, exported, archived), as before."""
    return {
        "id": post.id,
        "title": post.title or None,
        "text": post.body,
        "status": status,
        "stored_status": post.status,
        "platforms": list(post.platforms),
        "scheduled_at": post.scheduled_at.isoformat() if post.scheduled_at else None,
        "updated_at": _iso(post.updated_at),
        "in_reply_to": None if post.in_reply_to is None else post.in_reply_to.to_dict(),
    }


def post_json(post: Post, status: str) -> dict[str, Any]:
    data = history_json(post, status)
    data.update(
        variants=dict(post.variants),
        link=post.link or None,
        tags=list(post.tags),
        account_id=post.account_id,
        scheduled_tz=post.scheduled_tz or None,  # the zone its time was set in
        created_at=_iso(post.created_at),
        deleted=post.deleted_at is not None,
        images=[a.to_dict() for a in post.attachments],
    )
    return data


def approval_json(approval: Approval) -> dict[str, Any]:
    return {
        "id": approval.id,
        "approved_at": _iso(approval.approved_at),
        "approver": approval.approver,
        "texts": dict(approval.texts),
        "hashes": dict(approval.hashes),
        "link": approval.link or None,
        "findings": [dict(f) for f in approval.findings],
        "overrides": dict(approval.overrides),
        "exported_at": _iso(approval.exported_at),
        "kind": "outside" if approval.review is not None else "self",
        "outside_review": None if approval.review is None else approval.review.to_dict(),
        "rules_version": None if approval.rules is None else approval.rules.to_dict(),
    }


def submission_json(submission: Submission) -> dict[str, Any]:
    """The post's latest submission for outside review and where it stands."""
    return {
        "state": submission.state,
        "submitted_to": submission.submitted_to,
        "submitted_at": _iso(submission.submitted_at),
        "text_sha256": submission.text_sha256,
        "decided_at": _iso(submission.decided_at),
        "note": submission.note or None,
    }


def _format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _statuses() -> tuple[str, ...]:
    from composer.domain.workflow import WORKFLOW_STATUSES

    return WORKFLOW_STATUSES


def _iso(moment: Any) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def _local(moment: Any) -> str:
    return "-" if moment is None else moment.astimezone().strftime("%Y-%m-%d %H:%M")
