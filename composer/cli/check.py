"""`composer check`: run the guideline checks over one post, or many as JSON lines."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.cli.errors import UsageError
from composer.cli.inputs import read_text_input
from composer.domain.platforms import PLATFORMS

if TYPE_CHECKING:
    from composer.domain.conversations import Comment, CommentReading
    from composer.services.guidelines import GuidelineService


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="check a post against the guideline packs",
        description="Check one post (a file, or - for standard input) or many (--jsonl). "
        "Exit status: 0 no errors, 1 at least one error finding, 2 bad usage or input.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="UTF-8 text file, or - (default)")
    parser.add_argument(
        "--platform",
        action="append",
        dest="platforms",
        metavar="P",
        help=f"target platform ({', '.join(PLATFORMS)}); may repeat",
    )
    parser.add_argument("--profile", metavar="FILE", help="agent profile (TOML)")
    parser.add_argument(
        "--rules", action="append", default=[], metavar="DIR", help="extra rule-pack folder"
    )
    parser.add_argument("--format", choices=("text", "json"), default=None)
    parser.add_argument(
        "--jsonl", metavar="FILE", help='check many posts: one {"id", "text", "platforms"} a line'
    )
    parser.add_argument(
        "--reply-to",
        metavar="COMMENT_FILE",
        help="check the post as a reply to this comment (its text, or a JSON object with "
        '"text" and optionally "author", "platform", "url", "at", "rating"); the comment is '
        "read, never flagged",
    )
    parser.add_argument(
        "--rating",
        type=_rating,
        metavar="N",
        help="the review's stars (1 to 5) on the --reply-to comment; 1 or 2 reads as a complaint",
    )
    parser.set_defaults(handler=run_check)


def _rating(value: str) -> int:
    """--rating's value: a whole number of stars from 1 to 5 (argparse words a refusal)."""
    if value.strip() in ("1", "2", "3", "4", "5"):
        return int(value)
    raise argparse.ArgumentTypeError(f"a rating is 1 to 5 stars, not {value[:20]!r}")


def run_check(args: argparse.Namespace) -> int:
    from composer.app import paths
    from composer.guidelines.platforms import validate_platforms
    from composer.services.guidelines import GuidelineService, ProfileFileError

    platforms = tuple(args.platforms or ("facebook",))
    try:
        validate_platforms(platforms)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    if args.jsonl and args.file:
        raise UsageError("give either FILE or --jsonl, not both")
    if args.reply_to == "-" and (args.file in (None, "-") or args.jsonl == "-"):
        raise UsageError("the reply and the comment cannot both come from standard input")
    if args.rating is not None and not args.reply_to:
        raise UsageError("--rating is the stars of the --reply-to comment: give --reply-to too")
    comment = _read_comment(args.reply_to) if args.reply_to else None
    if comment is not None and args.rating is not None:
        from dataclasses import replace

        comment = replace(comment, rating=args.rating)
    extra_dirs = [_rules_dir(d) for d in args.rules]

    with contextlib.ExitStack() as stack:
        profile, history = None, None
        if args.profile is None:
            profile, history = _library_context(args.data_dir, stack)
        try:
            service = GuidelineService.open(
                data_dir=paths.data_dir(args.data_dir),
                extra_rule_dirs=extra_dirs,
                profile_file=args.profile,
                profile=profile,
                history=history,
            )
        except ProfileFileError as exc:
            raise UsageError(str(exc)) from exc
        with _engine_frozen(service):
            return _check_and_report(args, service, platforms, comment)


@contextlib.contextmanager
def _engine_frozen(service: GuidelineService) -> Iterator[None]:
    """The engine, built now, kept out of the garbage collector's passes while posts are
    checked: its first passes over a freshly loaded engine (tens of thousands of objects,
    none of them garbage) cost ~30 ms of a 1,000-post `--jsonl` run.

    `gc.freeze()` acts on the whole process, which is why only this command does it: it
    loads one engine and exits. The window must not (an engine replaced on reload would
    never be freed). Thawed at the end, so that a caller in the same process (the tests)
    can still free the engine.
    """
    _ = service.engine  # built here, so that its objects are frozen with the rest
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _library_context(data_dir: str | None, stack: contextlib.ExitStack) -> tuple[Any, Any]:
    """Without --profile, check with the library's stored profile and recent history.

    A library at the current schema is read directly (plain sqlite3, read-only); anything
    else (migration, recovery, a newer library) goes through the full open, as before.
    """
    from composer.app import paths
    from composer.domain.layout import LIBRARY_FILE
    from composer.services.check_context import quick_context

    base = paths.data_dir(data_dir)
    if not (base / LIBRARY_FILE).exists():  # as library_exists, without the container
        return None, None
    quick = quick_context(base / LIBRARY_FILE)
    if quick is not None:
        return quick.profile, lambda: quick.history
    from composer.app.container import Services  # the full open: migration, recovery...
    from composer.domain.errors import LibraryOpenError

    try:
        services = stack.enter_context(Services.open(base))
    except LibraryOpenError as exc:  # a damaged or newer library must not stop a check
        print(f"composer: warning: library not used: {exc}", file=sys.stderr)
        return None, None
    for notice in services.maintenance.notices:
        print(f"composer: {notice}", file=sys.stderr)
    recent = services.history.recent_for_checks()
    return services.library.profile(), lambda: recent


def _check_and_report(
    args: argparse.Namespace,
    service: GuidelineService,
    platforms: tuple[str, ...],
    comment: Comment | None = None,
) -> int:
    from composer.guidelines.inputs import CheckInput

    for error in service.load_errors:
        print(f"composer: warning: {error}", file=sys.stderr)
    for notice in service.load_notices:
        print(f"composer: note: {notice}", file=sys.stderr)

    if args.jsonl:
        posts = _read_jsonl(args.jsonl, platforms)
        any_error = False
        out = sys.stdout
        for post_id, text, post_platforms, own_comment in posts:
            answered = own_comment or comment
            inp = CheckInput(text=text, platforms=post_platforms, comment=answered)
            result = service.check(inp)
            any_error |= result.summary["error"] > 0
            record = {"id": post_id, **result.to_dict()}
            if answered is not None:
                read = service.read_comment(answered.text, answered.rating)
                record["comment"] = _reading_json(read)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 1 if any_error else 0

    if args.file is None and sys.stdin.isatty():
        raise UsageError("give the post as a FILE, or pipe it in: composer check FILE")
    text = read_text_input(args.file or "-")
    result = service.check(CheckInput(text=text, platforms=platforms, comment=comment))
    reading = service.read_comment(comment.text, comment.rating) if comment else None
    if args.format == "json":
        data = result.to_dict()
        if reading is not None:
            data["comment"] = _reading_json(reading)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from composer.cli.report import format_text_report

        if reading is not None and comment is not None:
            sys.stdout.write(_reading_words(reading, comment))
        sys.stdout.write(format_text_report(text, result))
    return 1 if result.summary["error"] else 0


def _rules_dir(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise UsageError(f"rules folder not found: {value}")
    return path


# Why the comment reads as a complaint (codes from composer.guidelines.comments).
_REASONS = {
    "unanswered": "says nobody answers",
    "grievance": "a grievance",
    "low-rating": "a low rating",
    "reads-like": "it reads like a complaint",
}


def _reading_words(reading: CommentReading, comment: Comment) -> str:
    lines = []
    if reading.complaint:
        why = _REASONS.get(reading.reason, reading.reason)
        if reading.quotes(comment.text):  # the comment's own words, quoted
            why = f'{why}: "{reading.evidence}"'
        else:  # the review's stars: "a 1-star rating"
            why = f"a {reading.evidence}"
        lines.append(
            f"The comment reads as a complaint ({why}): record it in "
            'the register (import the reply with "complaint": true, or '
            "'composer complaints flag POST_ID')."
        )
    if reading.personal:
        lines.append("The comment mentions personal details: keep them out of the reply.")
    return "".join(line + "\n" for line in lines) + ("\n" if lines else "")


def _reading_json(reading: CommentReading) -> dict[str, object]:
    return {
        "complaint": reading.complaint,
        "reason": reading.reason or None,
        "evidence": reading.evidence or None,
        "personal": reading.personal,
    }


def _read_comment(source: str) -> Comment:
    """The comment file: its text as is, or a JSON object with "text" and its facts."""
    from composer.services.importer import ImportFileError, comment_from

    text = read_text_input(source)
    if text.lstrip().startswith("{"):
        from composer.services.json_input import JsonInputError, parse_json

        try:
            data = parse_json(text)
            return comment_from(data, "--reply-to")
        except (JsonInputError, ImportFileError) as exc:
            raise UsageError(f"--reply-to {source}: {exc}") from None
    if not text.strip():
        raise UsageError(f"--reply-to {source}: the comment is empty")
    from composer.domain.conversations import Comment

    return Comment(text=text)


def _read_jsonl(
    source: str, default_platforms: Sequence[str]
) -> list[tuple[Any, str, tuple[str, ...], Comment | None]]:
    """Read and validate every line first, so a bad line stops the run before any output."""
    from composer.guidelines.platforms import validate_platforms
    from composer.services.json_input import JsonInputError, parse_json, text_problem

    posts: list[tuple[Any, str, tuple[str, ...], Comment | None]] = []
    content = read_text_input(source, strip_final_newline=False)
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = parse_json(line)
        except JsonInputError as exc:
            raise UsageError(f"line {number}: {str(exc).replace(' at line 1:', ':')}") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise UsageError(f'line {number}: needs an object with "text" as a string')
        problem = text_problem(record["text"])
        if problem:
            raise UsageError(f'line {number}: "text" {problem}')
        post_id = record.get("id")
        if post_id is not None and (
            isinstance(post_id, bool) or not isinstance(post_id, str | int | float)
        ):
            raise UsageError(f'line {number}: "id" must be text or a number')
        if isinstance(post_id, str) and text_problem(post_id):
            raise UsageError(f'line {number}: "id" {text_problem(post_id)}')
        platforms = record.get("platforms") or list(default_platforms)
        if not isinstance(platforms, list) or not all(isinstance(p, str) for p in platforms):
            raise UsageError(f'line {number}: "platforms" must be a list of names')
        try:
            validate_platforms(platforms)
        except ValueError as exc:
            raise UsageError(f"line {number}: {exc}") from exc
        comment = None
        if record.get("in_reply_to") is not None:
            # imported here: the importer and the library code it brings are only needed
            # for replies, and most runs check posts alone
            from composer.services.importer import ImportFileError, comment_from

            try:
                comment = comment_from(record["in_reply_to"], "in_reply_to")
            except ImportFileError as exc:
                raise UsageError(f"line {number}: {exc}") from None
        posts.append((post_id, record["text"], tuple(platforms), comment))
    return posts
