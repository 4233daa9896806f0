"""Export problems and errors in the command line's words: post ids, platform ids and the
flags that fix them (--platform, --account, --skip-unapproved...).

The export service hands back codes and facts (`Problem`, `Skipped`, `ExportError`); the
window words the same codes in `composer/ui/dialogs/export_words.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from composer.services.export_checks import TOOL_NAMES, Problem, ProblemCode, Skipped
from composer.services.export_errors import (
    ExportError,
    ExportNotRecordedError,
    ExportRefusedError,
    ExportTargetExistsError,
    ExportWriteError,
)


def ids(post_ids: Sequence[int]) -> str:
    """`1, 2, 3` and, past ten, `and 5 more`."""
    shown = ", ".join(str(i) for i in post_ids[:10])
    more = f" and {len(post_ids) - 10} more" if len(post_ids) > 10 else ""
    return f"{shown}{more}"


def skipped_reason(skipped: Skipped | Problem) -> str:
    """Why a post is left out, to follow "post 4" or "it": `is not approved`."""
    code = skipped.code
    if code is ProblemCode.OTHER_ACCOUNT:
        if isinstance(skipped, Skipped):
            account = skipped.account
        else:
            account = skipped.accounts[0] if skipped.accounts else None
        return f"is not for account {account.id}" if account else "is not for that account"
    if code is ProblemCode.OTHER_PLATFORM:
        return f"is not approved for {skipped.platform}"
    return _SKIP_REASONS.get(code, str(code))


_SKIP_REASONS = {
    ProblemCode.IN_BIN: "is in the bin",
    ProblemCode.EDITED: "was edited after it was approved; approve it again",
    ProblemCode.NOT_APPROVED: "is not approved",
    ProblemCode.OUTSIDE_DATES: "is not scheduled within the chosen dates",
}


def problem_text(p: Problem) -> str:
    """One problem as a line for stderr (lower case, after "composer: ")."""
    if p.code in _SKIP_REASONS or p.code in (ProblemCode.OTHER_ACCOUNT, ProblemCode.OTHER_PLATFORM):
        return f"post {ids(p.post_ids)} {skipped_reason(p)}"
    word = _WORDS.get(p.code)
    return word(p) if word is not None else str(p)


def _tool(p: Problem) -> str:
    return TOOL_NAMES.get(p.tool, p.tool)


_WORDS: dict[ProblemCode, Callable[[Problem], str]] = {
    ProblemCode.NAMED_POSTS_LEFT: lambda p: (
        "nothing was exported; leave these posts out, or export the rest with --skip-unapproved"
    ),
    ProblemCode.NO_POSTS: lambda p: "there are no approved posts to export",
    ProblemCode.NOT_SCHEDULED: lambda p: (
        f"post(s) {ids(p.post_ids)} have no scheduled time; {_tool(p)} needs a date and time "
        "on every row (set one, or leave them out)"
    ),
    ProblemCode.TOO_MANY_POSTS: lambda p: (
        f"{p.count} posts: {_tool(p)} takes at most {p.limit} per file; export them in "
        "smaller batches (--since/--until or fewer ids)"
    ),
    ProblemCode.SEVERAL_ACCOUNTS: lambda p: (
        f"the posts are for {len(p.accounts)} accounts ({ids([a.id for a in p.accounts])}); "
        f"{_tool(p)} takes one account per file: choose one with --account"
    ),
    ProblemCode.SEVERAL_PLATFORMS: lambda p: (
        f"a {_tool(p)} file is for one platform and these posts go to "
        f"{', '.join(p.platforms) or 'none'}: choose one with --platform"
    ),
    ProblemCode.DUPLICATE_TEXT: lambda p: (
        f"posts {ids(p.post_ids)} have the same text; schedulers and networks reject or "
        "hide repeats"
    ),
    ProblemCode.TOO_CLOSE: lambda p: (
        f"posts {' and '.join(map(str, p.post_ids))} are less than {p.limit} minutes apart; "
        f"{_tool(p)} needs at least {p.limit} minutes between posts"
    ),
    ProblemCode.IN_THE_PAST: lambda p: (
        f"post(s) {ids(p.post_ids)} are in the past or less than {p.limit} minutes ahead; "
        f"{_tool(p)} will refuse them"
    ),
    ProblemCode.OFF_STEP: lambda p: (
        f"post(s) {ids(p.post_ids)} are not on a {p.limit}-minute step; {_tool(p)} takes "
        "minutes in steps of 5 (09:00, 09:05...)"
    ),
    ProblemCode.TOO_LONG: lambda p: (
        f"post {ids(p.post_ids)} is {p.count:,} characters for {p.platform} "
        f"(limit {p.limit:,}); it will be refused"
    ),
    ProblemCode.DROPPED_LINK: lambda p: (
        f"post(s) {ids(p.post_ids)} have a link that is not an http:// or https:// web "
        "address (such as javascript:); it was left out of the file"
    ),
    ProblemCode.NEUTRALISED: lambda p: (
        f"post(s) {ids(p.post_ids)} begin with =, +, -, @ (perhaps after spaces, or "
        "full-width), a tab or a carriage return; a leading ' was added so spreadsheets do "
        "not run them as formulas (use --no-neutralise for a file that goes straight to "
        "the scheduler)"
    ),
    ProblemCode.MISSING_GLYPHS: lambda p: (
        f"post {ids(p.post_ids)} has characters no font here can show, which the PDF would "
        f"print as empty boxes: {_describe(p.characters)}"
    ),
    ProblemCode.MISSING_IMAGE: lambda p: (
        f"post {ids(p.post_ids)}: image {p.count} ({p.value}) is missing from the library "
        "folder; attach it again and approve the post again"
    ),
    ProblemCode.UNREADABLE_IMAGE: lambda p: f"{p.detail}; nothing was exported",
    ProblemCode.UNKNOWN_FORMAT: lambda p: f"unknown format {p.value!r} (see --format)",
    ProblemCode.UNKNOWN_PLATFORM: lambda p: f"unknown platform {p.value!r}",
    ProblemCode.UNKNOWN_SCHEDULER: lambda p: (
        f"a bundle's CSV is for hootsuite or sprout, not {p.value!r} (--scheduler)"
    ),
    ProblemCode.UNKNOWN_DATE_ORDER: lambda p: (
        f"unknown date order {p.value!r}; choose --date-order mdy or dmy"
    ),
    ProblemCode.UNKNOWN_STATUS: lambda p: "only approved or exported posts can be exported",
    ProblemCode.IDS_AND_STATUS: lambda p: "choose posts by id or with --status, not both",
    ProblemCode.NO_SUCH_ACCOUNT: lambda p: f"there is no account {p.account_id}",
    ProblemCode.ACCOUNT_PLATFORM: lambda p: (
        f"account {p.accounts[0].id} is a {p.accounts[0].platform} account, not {p.platform}"
        if p.accounts
        else f"the account is not a {p.platform} account"
    ),
    ProblemCode.DATA_FOLDER: lambda p: p.detail,
    ProblemCode.APPROVAL_EXPIRED: lambda p: (
        f"the {'outside ' if p.detail == 'outside' else 'self-'}approval of post(s) "
        f"{ids(p.post_ids)} expired on {p.value}; have it approved again"
    ),
    ProblemCode.RETIRED: lambda p: (
        f"post(s) {ids(p.post_ids)} are retired (no longer in use); only the PDF record "
        "exports them"
    ),
    ProblemCode.APPROVAL_CHANGED: lambda p: (
        f"{p.detail}; the file was removed, nothing was exported"
    ),
}


def _describe(characters: Sequence[str]) -> str:
    from composer.export.pdf_fonts import describe

    return describe(tuple(characters))


def refusal_text(problems: Sequence[Problem]) -> str:
    """`nothing was exported: …`, one reason on the line or one per indented line."""
    reasons = [problem_text(p) for p in problems]
    if len(reasons) == 1:
        return f"nothing was exported: {reasons[0]}"
    return "nothing was exported:\n" + "\n".join(f"  {reason}" for reason in reasons)


def error_text(exc: ExportError) -> str:
    """An export error as one line (or an indented list) for stderr."""
    if isinstance(exc, ExportRefusedError):
        return refusal_text(exc.problems)
    if isinstance(exc, ExportTargetExistsError):
        if not exc.replaceable:
            return f"{exc.path} exists and is not an earlier bundle; choose another --out"
        return f"{exc.path} already exists; use --force to overwrite it"
    if isinstance(exc, ExportNotRecordedError):
        return (
            "nothing was exported: the export could not be recorded in the library "
            f"({exc.detail}); the file was removed"
        )
    if isinstance(exc, ExportWriteError):
        return exc.detail or f"cannot write {exc.path}; nothing was written"
    return str(exc)


def timing_refusal(problems: Sequence[Problem]) -> str:
    """The scheduler's timing rules that refuse the export, as one line naming each rule
    and its posts, and the flag that fixes them: `nothing was exported: Hootsuite wants
    posts at least 10 minutes apart (posts 1 and 2 are closer), at least 10 minutes ahead
    (post 3 is not) and on 5-minute steps (post 2 is not); use --fix-times to move them`."""
    tool = _tool(problems[0]) if problems else "the scheduler"
    close = [p for p in problems if p.code is ProblemCode.TOO_CLOSE]
    parts: list[str] = []
    if close:
        pairs = ", ".join(" and ".join(map(str, sorted(p.post_ids))) for p in close)
        parts.append(f"at least {close[0].limit} minutes apart (posts {pairs} are closer)")
    for p in problems:
        if p.code is ProblemCode.IN_THE_PAST:
            parts.append(f"at least {p.limit} minutes ahead ({_these(p.post_ids)} not)")
        elif p.code is ProblemCode.OFF_STEP:
            parts.append(f"on {p.limit}-minute steps ({_these(p.post_ids)} not)")
    rules = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"nothing was exported: {tool} wants posts {rules}; use --fix-times to move them"


def _these(post_ids: Sequence[int]) -> str:
    """`post 3 is` or `posts 1, 2 are`."""
    ordered = sorted(post_ids)
    return f"post {ordered[0]} is" if len(ordered) == 1 else f"posts {ids(ordered)} are"
