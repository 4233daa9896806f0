"""What a scheduler would reject, found before a file is written.

A problem that would make the scheduler refuse the whole file (a post without a time, more
rows than it takes, several accounts in one file, posts less than 10 minutes apart or
less than 10 minutes ahead, Hootsuite minutes off its 5-minute steps) blocks the export;
one that concerns a single post (a repeated text, a text over the platform's limit) is a
warning the agent sees before deciding.

A `Problem` is a code and the facts behind it (posts, platform, counts, limits), never a
sentence: the window and the command line each word it for their own reader
(`composer/ui/dialogs/export_words.py`, `composer/cli/export_words.py`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from composer.domain.accounts import Account
from composer.export.csv_safety import needs_neutralising
from composer.export.model import ExportItem, local_naive
from composer.services.scheduler_rules import TimeFix, fix_times, timing_issues

MAX_ROWS = 350
TOOL_NAMES = {"hootsuite": "Hootsuite", "sprout": "Sprout Social"}


class ProblemCode(StrEnum):
    """What kind of problem; each front end words every code."""

    # A post named for export that is left out (`Skipped`), or refused when named.
    IN_BIN = "in-bin"
    EDITED = "edited-after-approval"
    NOT_APPROVED = "not-approved"
    OTHER_ACCOUNT = "other-account"  # accounts: the account chosen
    OTHER_PLATFORM = "other-platform"  # platform: the platform chosen
    OUTSIDE_DATES = "outside-dates"
    # The selection as a whole.
    NAMED_POSTS_LEFT = "named-posts-not-exportable"  # follows the refused named posts
    NO_POSTS = "no-posts"
    # A scheduler's bulk file (tool: hootsuite or sprout).
    NOT_SCHEDULED = "not-scheduled"
    TOO_MANY_POSTS = "too-many-posts"  # count, limit
    SEVERAL_ACCOUNTS = "several-accounts"  # accounts
    SEVERAL_PLATFORMS = "several-platforms"  # platforms
    DUPLICATE_TEXT = "duplicate-text"
    # Timing (blocking; `ExportRequest.fix_times` fixes them): see scheduler_rules.
    TOO_CLOSE = "too-close"  # a pair of posts; limit: the minutes needed between posts
    IN_THE_PAST = "in-the-past"  # limit: the minutes ahead a post needs
    OFF_STEP = "off-step"  # limit: the step in minutes (Hootsuite: 5)
    TOO_LONG = "too-long"  # platform, count (the length), limit
    # What goes into the file.
    DROPPED_LINK = "dropped-link"
    NEUTRALISED = "neutralised"
    MISSING_GLYPHS = "missing-glyphs"  # characters: a PDF would show them as empty boxes
    MISSING_IMAGE = "missing-image"  # count: the image's number, value: its short hash
    UNREADABLE_IMAGE = "unreadable-image"  # detail: the image reader's own words
    # The request itself (value: what was given).
    UNKNOWN_FORMAT = "unknown-format"
    UNKNOWN_PLATFORM = "unknown-platform"
    UNKNOWN_SCHEDULER = "unknown-scheduler"
    UNKNOWN_DATE_ORDER = "unknown-date-order"
    UNKNOWN_STATUS = "unknown-status"
    IDS_AND_STATUS = "ids-and-status"
    NO_SUCH_ACCOUNT = "no-such-account"  # account_id
    ACCOUNT_PLATFORM = "account-platform"  # accounts: the account, platform: the one asked
    # Writing.
    DATA_FOLDER = "data-folder"  # value: the file chosen, detail: the plain reason
    APPROVAL_CHANGED = "approval-changed"  # during the write; the file was removed
    # The approval no longer covers use (value: its expiry date, detail: "outside"/"self").
    APPROVAL_EXPIRED = "approval-expired"
    RETIRED = "retired"  # post_ids: retired (no longer in use), so not exported for use


MISSING_GLYPHS = ProblemCode.MISSING_GLYPHS
TIMING_CODES = frozenset((ProblemCode.TOO_CLOSE, ProblemCode.IN_THE_PAST, ProblemCode.OFF_STEP))


@dataclass(frozen=True, slots=True)
class Problem:
    """Something about the export the agent must know; `blocking` ones stop it.

    Only the fields its code names are set; the rest keep their empty defaults.
    """

    code: ProblemCode
    blocking: bool = False
    post_ids: tuple[int, ...] = ()
    tool: str = ""  # the scheduler whose rule this is: a key of TOOL_NAMES
    platform: str = ""  # a platform id ("linkedin"); front ends show its display name
    platforms: tuple[str, ...] = ()
    accounts: tuple[Account, ...] = ()
    account_id: int | None = None
    count: int = 0
    limit: int = 0
    characters: tuple[str, ...] = ()  # MISSING_GLYPHS: the characters, in order met
    value: str = ""  # a value refused or named: an unknown format, an image's short hash
    detail: str = ""  # a lower layer's own one-line reason (an unreadable image...)

    def __str__(self) -> str:
        """For logs and tracebacks only; front ends word problems themselves."""
        facts = [f"posts {', '.join(map(str, self.post_ids))}"] if self.post_ids else []
        facts += [text for text in (self.platform, self.value, self.detail) if text]
        return f"{self.code.value} ({'; '.join(facts)})" if facts else self.code.value


@dataclass(frozen=True, slots=True)
class Skipped:
    """A post left out of the export, and why (one of the first six codes)."""

    post_id: int
    code: ProblemCode
    platform: str = ""  # OTHER_PLATFORM: the platform chosen
    account: Account | None = None  # OTHER_ACCOUNT: the account chosen

    def as_problem(self) -> Problem:
        """The same, as a refusal (a named post that may not be left out)."""
        return Problem(
            self.code,
            blocking=True,
            post_ids=(self.post_id,),
            platform=self.platform,
            accounts=(self.account,) if self.account is not None else (),
        )


def scheduler_problems(
    format: str, items: Sequence[ExportItem], platform: str, now: datetime | None = None
) -> list[Problem]:
    """The checks for a Hootsuite or Sprout bulk file of `platform` texts."""
    problems: list[Problem] = []
    unscheduled = tuple(i.post_id for i in items if i.scheduled_at is None)
    if unscheduled:
        problems.append(
            Problem(ProblemCode.NOT_SCHEDULED, blocking=True, post_ids=unscheduled, tool=format)
        )
    if len(items) > MAX_ROWS:
        problems.append(
            Problem(
                ProblemCode.TOO_MANY_POSTS,
                blocking=True,
                tool=format,
                count=len(items),
                limit=MAX_ROWS,
            )
        )
    accounts = {i.account.id: i.account for i in items if i.account is not None}
    if len(accounts) > 1:
        problems.append(
            Problem(
                ProblemCode.SEVERAL_ACCOUNTS,
                blocking=True,
                tool=format,
                accounts=tuple(accounts[key] for key in sorted(accounts)),
            )
        )
    problems += _duplicates(items, platform)
    problems += _timing(format, items, now)
    return problems


def _duplicates(items: Sequence[ExportItem], platform: str) -> list[Problem]:
    by_text: dict[str, list[int]] = defaultdict(list)
    for item in items:
        by_text[" ".join(item.text(platform).split()).casefold()].append(item.post_id)
    return [
        Problem(ProblemCode.DUPLICATE_TEXT, post_ids=tuple(ids))
        for ids in by_text.values()
        if len(ids) > 1
    ]


def _timing(format: str, items: Sequence[ExportItem], now: datetime | None) -> list[Problem]:
    """The scheduler's timing rules (services/scheduler_rules.py): each one blocks, and
    each can be fixed (`ExportRequest.fix_times`)."""
    if now is None:
        return []
    timed = [(i.post_id, local_naive(i.scheduled_at)) for i in items if i.scheduled_at]
    return [
        Problem(
            ProblemCode(issue.code.value),
            blocking=True,
            post_ids=issue.post_ids,
            tool=format,
            limit=issue.limit,
        )
        for issue in timing_issues(format, timed, local_naive(now))
    ]


def length_problems(items: Sequence[ExportItem], platforms: Sequence[str]) -> list[Problem]:
    """Texts longer than the platform allows (X weighted, others as the platform counts)."""
    from composer.guidelines.counting import measure
    from composer.guidelines.platforms import load_platforms

    known = load_platforms()
    problems: list[Problem] = []
    for item in items:
        for platform in platforms:
            if platform not in item.platforms or platform not in known:
                continue
            data = known[platform]
            length = measure(data, item.text(platform)).length
            if length > data.limit:
                problems.append(
                    Problem(
                        ProblemCode.TOO_LONG,
                        post_ids=(item.post_id,),
                        platform=platform,
                        count=length,
                        limit=data.limit,
                    )
                )
    return problems


def dropped_link_problems(items: Sequence[ExportItem]) -> list[Problem]:
    """Say which posts' links were left out because they are not http(s) addresses."""
    ids = tuple(item.post_id for item in items if item.dropped_link)
    return [Problem(ProblemCode.DROPPED_LINK, post_ids=ids)] if ids else []


def neutralised_problems(items: Sequence[ExportItem], platforms: Sequence[str]) -> list[Problem]:
    """Say which texts gained a leading apostrophe, which a scheduler would post as is."""
    ids = tuple(
        item.post_id
        for item in items
        if any(needs_neutralising(item.text(p)) for p in platforms if p in item.platforms)
    )
    return [Problem(ProblemCode.NEUTRALISED, post_ids=ids)] if ids else []


def glyph_problems(items: Sequence[ExportItem], *, allowed: bool) -> list[Problem]:
    """Posts whose page holds characters no font can draw (they would print as empty
    boxes; the text layer and the attached texts still hold them). Blocking unless
    `allowed`: the agent is asked first."""
    from composer.export.model import account_label
    from composer.export.pdf_fonts import missing_characters
    from composer.media.typeset import ensure_gui_app

    ensure_gui_app()
    problems = []
    for item in items:
        texts = [item.title, account_label(item.account), *item.tags]
        texts += [item.text(platform) for platform in item.platforms]
        texts += [image.alt_text for image in item.images]
        texts += [str(f.get("reason", "")) for f in item.findings()]
        missing = missing_characters(texts)
        if missing:
            problems.append(
                Problem(
                    ProblemCode.MISSING_GLYPHS,
                    blocking=not allowed,
                    post_ids=(item.post_id,),
                    characters=missing,
                )
            )
    return problems


def fix_item_times(
    scheduler: str, items: Sequence[ExportItem], now: datetime
) -> tuple[list[ExportItem], list[TimeFix]]:
    """The items with times that keep the scheduler's rules, and which posts moved."""
    timed = [(i.post_id, local_naive(i.scheduled_at)) for i in items if i.scheduled_at]
    fixes = fix_times(scheduler, timed, local_naive(now))
    after = {fix.post_id: fix.after for fix in fixes}
    fixed = [replace(i, scheduled_at=after.get(i.post_id, i.scheduled_at)) for i in items]
    fixed.sort(key=lambda i: (i.scheduled_at is None, i.scheduled_at or datetime.min, i.post_id))
    return fixed, fixes


def filter_items(
    items: Sequence[ExportItem],
    platform: str | None,
    account: Account | None,
    dates: tuple[datetime | None, datetime | None],
    named: bool,
) -> tuple[list[ExportItem], list[Skipped]]:
    """The items for `platform`, `account` and scheduled within `dates` (from, before);
    with `named` (posts chosen by id), each one left out is said, with why."""
    kept: list[ExportItem] = []
    skipped: list[Skipped] = []  # only for posts named by id: a status selection just filters
    since = local_naive(dates[0]) if dates[0] else None
    until = local_naive(dates[1]) if dates[1] else None
    for item in items:
        when = local_naive(item.scheduled_at) if item.scheduled_at else None
        reason: Skipped | None = None
        if account is not None and (item.account is None or item.account.id != account.id):
            reason = Skipped(item.post_id, ProblemCode.OTHER_ACCOUNT, account=account)
        elif platform is not None and platform not in item.platforms:
            reason = Skipped(item.post_id, ProblemCode.OTHER_PLATFORM, platform=platform)
        elif (since or until) and (
            when is None or (since and when < since) or (until and when >= until)
        ):
            reason = Skipped(item.post_id, ProblemCode.OUTSIDE_DATES)
        if reason is None:
            platforms = (platform,) if platform else item.platforms
            kept.append(replace(item, platforms=platforms))
        elif named:
            skipped.append(reason)
    return kept, skipped
