"""`composer export`: approved posts to a scheduler's CSV, a spreadsheet, JSON, Markdown, PDF,
or a bundle for posting by hand (the scheduler CSV, the images without metadata, a README).

Exit status 1 when the only obstacle is a scheduler's timing rules (posts less than 10
minutes apart or ahead, Hootsuite minutes off 5-minute steps; --fix-times moves them).
Exit status 2 when the request cannot make a usable file (bad options, unapproved posts,
a scheduler's other limits, an existing file without --force, a PDF with characters no font can
show without --allow-missing-glyphs) or the export cannot be recorded (a read-only library:
the file is removed again); 1 when the file could not be written. Warnings go to stderr;
what was written goes to stdout.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from composer.cli.common import (
    open_services,
    output_path,
    parse_when_option,
    platform_names,
    post_id,
)
from composer.cli.errors import CommandError, UsageError

if TYPE_CHECKING:
    from composer.services.export import ExportPlan, ExportResult

FORMATS = ("hootsuite", "sprout", "csv", "json", "md", "pdf", "bundle")  # = export.FORMATS


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "export",
        help="write approved posts to a file for a scheduler, a spreadsheet or a reviewer",
        description="Export the approved text of posts (never a later edit) and record the "
        "export in the audit log; exported posts become 'exported'. CSV cells that begin "
        "with =, +, -, @, a tab or a carriage return get a leading ' so spreadsheets do not "
        "run them as formulas; use --no-neutralise when a post begins with an @mention and "
        "the file goes straight to the scheduler.",
    )
    sub.add_argument("ids", nargs="*", type=post_id, metavar="ID", help="the posts to export")
    sub.add_argument("--format", required=True, choices=FORMATS, help="the kind of file")
    sub.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="the file to write (a bundle: a .zip file, or else a new folder)",
    )
    sub.add_argument(
        "--scheduler",
        choices=("hootsuite", "sprout"),
        default="hootsuite",
        help="the CSV inside a bundle (default: hootsuite)",
    )
    sub.add_argument(
        "--ids",
        dest="id_list",
        type=_id_list,
        metavar="1,2,3",
        default=(),
        help="the posts to export, comma-separated (same as ID...)",
    )
    sub.add_argument(
        "--status",
        choices=("approved", "exported"),
        help="export every post with this status instead of naming ids",
    )
    sub.add_argument(
        "--platform",
        choices=platform_names(),
        help="only this platform's text (a scheduler file needs one)",
    )
    sub.add_argument("--account", type=post_id, metavar="ID", help="only this account's posts")
    sub.add_argument("--since", metavar="DATE", help="scheduled on or after (ISO 8601)")
    sub.add_argument("--until", metavar="DATE", help="scheduled before (ISO 8601)")
    sub.add_argument(
        "--date-order",
        choices=("mdy", "dmy"),
        default="mdy",
        help="month or day first in scheduler dates (default: mdy)",
    )
    sub.add_argument("--bom", action="store_true", help="start CSV with a byte-order mark (Excel)")
    sub.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    sub.add_argument(
        "--skip-unapproved",
        action="store_true",
        help="leave out named posts that cannot be exported instead of refusing",
    )
    sub.add_argument(
        "--allow-missing-glyphs",
        action="store_true",
        help="write a PDF even when some characters have no font (they print as boxes)",
    )
    sub.add_argument(
        "--fix-times",
        action="store_true",
        help="for Hootsuite and Sprout: round times to 5 minutes (Hootsuite), spread posts "
        "10 minutes apart and move past ones to the first allowed time; the posts get the "
        "new times too",
    )
    sub.add_argument(
        "--no-neutralise",
        dest="neutralise",
        action="store_false",
        help="do not prefix formula-like CSV cells with '",
    )
    sub.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    from composer.cli.export_words import error_text
    from composer.services.export import ExportError, ExportRequest, ExportService, ExportWriteError

    ids = tuple(dict.fromkeys((*args.ids, *args.id_list)))
    if not ids and args.status is None:
        raise UsageError("name the posts to export (ID... or --ids) or choose --status approved")
    if ids and args.status is not None:
        raise UsageError("choose posts by id or with --status, not both")
    if args.fix_times and args.format not in ("hootsuite", "sprout", "bundle"):
        raise UsageError("--fix-times is for scheduler files: --format hootsuite, sprout or bundle")
    out = output_path(args, args.out)
    if out.exists() and not args.force:
        raise UsageError(f"{out} already exists; use --force to overwrite it")
    request = ExportRequest(
        format=args.format,
        post_ids=ids,
        status=args.status,
        platform=args.platform,
        account_id=args.account,
        since=parse_when_option(args.since, "--since"),
        until=parse_when_option(args.until, "--until"),
        date_order=args.date_order,
        bom=args.bom,
        neutralise=args.neutralise,
        skip_unapproved=args.skip_unapproved,
        scheduler=args.scheduler,
        allow_missing_glyphs=args.allow_missing_glyphs,
        fix_times=args.fix_times,
    )
    with open_services(args, daily_backup=True) as services:
        service = ExportService.over(services)
        try:
            plan = service.plan(request)
            _refuse_missing_glyphs(plan)
            _refuse_timing(plan)
            _report_plan(plan)
            result = service.write(plan, out, force=args.force)
        except ExportWriteError as exc:
            raise CommandError(error_text(exc)) from None
        except ExportError as exc:  # refused, the file exists, or not recorded
            if _expired(exc):  # nothing wrong with the command: the approval lapsed (exit 1)
                raise CommandError(error_text(exc)) from None
            raise UsageError(error_text(exc)) from None
    _report_result(result)
    return 0


def _expired(exc: Exception) -> bool:
    from composer.services.export import ExportRefusedError
    from composer.services.export_checks import ProblemCode

    return isinstance(exc, ExportRefusedError) and any(
        p.code in (ProblemCode.APPROVAL_EXPIRED, ProblemCode.RETIRED) for p in exc.problems
    )


def _refuse_missing_glyphs(plan: ExportPlan) -> None:
    """One plain line naming the posts and characters a PDF has no font for."""
    blocked = [p for p in plan.missing_glyphs if p.blocking]
    if not blocked or len(blocked) != len(plan.refusals):
        return  # allowed, or other refusals come first
    from composer.export.pdf_fonts import describe

    posts = "; ".join(f"post {p.post_ids[0]}: {describe(p.characters)}" for p in blocked)
    raise UsageError(
        f"nothing was exported: no font here can show these characters, which would print "
        f"as empty boxes ({posts}); use --allow-missing-glyphs to export anyway"
    )


def _refuse_timing(plan: ExportPlan) -> None:
    """Posts that break the scheduler's timing rules, and nothing else: one line naming
    the rules and the posts, exit status 1 (--fix-times moves them)."""
    from composer.cli.export_words import timing_refusal
    from composer.services.export_checks import TIMING_CODES

    refusals = plan.refusals
    if refusals and all(p.code in TIMING_CODES for p in refusals):
        raise CommandError(timing_refusal(refusals))


def _report_plan(plan: ExportPlan) -> None:
    from composer.cli.export_words import problem_text, skipped_reason

    if plan.refusals:
        return  # write() refuses with the reasons
    for skipped in plan.skipped:
        print(
            f"composer: skipped post {skipped.post_id}: it {skipped_reason(skipped)}",
            file=sys.stderr,
        )
    for warning in plan.warnings:
        print(f"composer: warning: {problem_text(warning)}", file=sys.stderr)


def _report_result(result: ExportResult) -> None:
    for fix in result.moved:
        print(
            f"composer: moved post {fix.post_id} from {fix.before:%Y-%m-%d %H:%M} "
            f"to {fix.after:%Y-%m-%d %H:%M}",
            file=sys.stderr,
        )
    posts = len(result.post_ids)
    noun = "post" if posts == 1 else "posts"
    rows = f" ({result.rows} rows)" if result.rows != posts else ""
    print(f"Exported {posts} {noun}{rows} as {result.format} to {result.path}")
    print(f"SHA-256 {result.sha256}  ({result.size:,} bytes), recorded in the audit log")


def _id_list(text: str) -> tuple[int, ...]:
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise argparse.ArgumentTypeError(f"no post ids in {text!r}")
    return tuple(post_id(part) for part in parts)
