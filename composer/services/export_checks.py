"""What a scheduler would reject, found before a file is written.

A problem that would make the scheduler refuse the whole file (a post without a time, more
rows than it takes, several accounts in one file) blocks the export; one that concerns a
single post (a repeated text, two posts in the same minute, a text over the platform's
limit, a time already past) is a warning the agent sees before deciding.

A `Problem` is a code and the facts behind it (posts, platform, counts, limits), never a
sentence: the window and the command line each word it for their own reader
(`composer/ui/dialogs/export_words.py`, `composer/cli/export_words.py`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from itertools import pairwise

from composer.domain.accounts import Account
from composer.export.csv_safety import needs_neutralising
from composer.export.model import ExportItem, local_naive

MAX_ROWS = 350
SPROUT_MIN_GAP = timedelta(minutes=10)
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
    SAME_MINUTE = "same-minute"  # when
    TOO_CLOSE = "too-close"  # limit: the minutes needed between posts
    IN_THE_PAST = "in-the-past"
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


MISSING_GLYPHS = ProblemCode.MISSING_GLYPHS


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
    when: datetime | None = None
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
    timed = sorted(
        (local_naive(i.scheduled_at), i.post_id) for i in items if i.scheduled_at is not None
    )
    problems: list[Problem] = []
    for (before, first), (after, second) in pairwise(timed):
        if before.replace(second=0, microsecond=0) == after.replace(second=0, microsecond=0):
            problems.append(
                Problem(
                    ProblemCode.SAME_MINUTE,
                    post_ids=(first, second),
                    when=after.replace(second=0, microsecond=0),
                )
            )
        elif format == "sprout" and after - before < SPROUT_MIN_GAP:
            problems.append(
                Problem(
                    ProblemCode.TOO_CLOSE,
                    post_ids=(first, second),
                    tool=format,
                    limit=int(SPROUT_MIN_GAP.total_seconds() // 60),
                )
            )
    if now is not None:
        wall = local_naive(now)
        past = tuple(post_id for when, post_id in timed if when <= wall)
        if past:
            problems.append(Problem(ProblemCode.IN_THE_PAST, post_ids=past, tool=format))
    return problems


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
