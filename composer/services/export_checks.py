"""What a scheduler would reject, found before a file is written.

A problem that would make the scheduler refuse the whole file (a post without a time, more
rows than it takes, several accounts in one file) blocks the export; one that concerns a
single post (a repeated text, two posts in the same minute, a text over the platform's
limit, a time already past) is a warning the agent sees before deciding.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

from composer.export.csv_safety import needs_neutralising
from composer.export.model import ExportItem, local_naive

MAX_ROWS = 350
MISSING_GLYPHS = "missing-glyphs"  # a PDF would show characters as empty boxes
SPROUT_MIN_GAP = timedelta(minutes=10)
TOOL_NAMES = {"hootsuite": "Hootsuite", "sprout": "Sprout Social"}


@dataclass(frozen=True, slots=True)
class Problem:
    """Something about the export the agent must know; `blocking` ones stop it."""

    message: str
    blocking: bool = False
    post_ids: tuple[int, ...] = ()
    code: str = ""  # what kind of problem, for the window and the command line to word
    characters: tuple[str, ...] = ()  # MISSING_GLYPHS: the characters, in order met


def _ids(ids: Sequence[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:10])
    more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
    return f"{shown}{more}"


def scheduler_problems(
    format: str, items: Sequence[ExportItem], platform: str, now: datetime | None = None
) -> list[Problem]:
    """The checks for a Hootsuite or Sprout bulk file of `platform` texts."""
    tool = TOOL_NAMES[format]
    problems: list[Problem] = []
    unscheduled = [i.post_id for i in items if i.scheduled_at is None]
    if unscheduled:
        problems.append(
            Problem(
                f"post(s) {_ids(unscheduled)} have no scheduled time; {tool} needs a date "
                "and time on every row (set one, or leave them out)",
                blocking=True,
                post_ids=tuple(unscheduled),
            )
        )
    if len(items) > MAX_ROWS:
        problems.append(
            Problem(
                f"{len(items)} posts: {tool} takes at most {MAX_ROWS} per file; "
                "export them in smaller batches (--since/--until or fewer ids)",
                blocking=True,
            )
        )
    accounts = sorted({i.account.id for i in items if i.account is not None})
    if len(accounts) > 1:
        problems.append(
            Problem(
                f"the posts are for {len(accounts)} accounts ({_ids(accounts)}); {tool} "
                "takes one account per file: choose one with --account",
                blocking=True,
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
        Problem(
            f"posts {_ids(ids)} have the same text; schedulers and networks reject or hide repeats",
            post_ids=tuple(ids),
        )
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
                    f"posts {first} and {second} are scheduled in the same minute "
                    f"({after:%Y-%m-%d %H:%M})",
                    post_ids=(first, second),
                )
            )
        elif format == "sprout" and after - before < SPROUT_MIN_GAP:
            problems.append(
                Problem(
                    f"posts {first} and {second} are less than 10 minutes apart; Sprout "
                    "Social needs at least 10 minutes between posts",
                    post_ids=(first, second),
                )
            )
    if now is not None:
        wall = local_naive(now)
        past = [post_id for when, post_id in timed if when <= wall]
        if past:
            problems.append(
                Problem(
                    f"post(s) {_ids(past)} are scheduled in the past; the scheduler will "
                    "refuse them",
                    post_ids=tuple(past),
                )
            )
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
                        f"post {item.post_id} is {length:,} characters for "
                        f"{data.display_name} (limit {data.limit:,}); it will be refused",
                        post_ids=(item.post_id,),
                    )
                )
    return problems


def dropped_link_problems(items: Sequence[ExportItem]) -> list[Problem]:
    """Say which posts' links were left out because they are not http(s) addresses."""
    ids = [item.post_id for item in items if item.dropped_link]
    if not ids:
        return []
    return [
        Problem(
            f"post(s) {_ids(ids)} have a link that is not an http:// or https:// web address "
            "(such as javascript:); it was left out of the file",
            post_ids=tuple(ids),
        )
    ]


def neutralised_problems(items: Sequence[ExportItem], platforms: Sequence[str]) -> list[Problem]:
    """Say which texts gained a leading apostrophe, which a scheduler would post as is."""
    ids = [
        item.post_id
        for item in items
        if any(needs_neutralising(item.text(p)) for p in platforms if p in item.platforms)
    ]
    if not ids:
        return []
    return [
        Problem(
            f"post(s) {_ids(ids)} begin with =, +, -, @ (perhaps after spaces, or full-width), "
            "a tab or a carriage return; a "
            "leading ' was added so spreadsheets do not run them as formulas (use "
            "--no-neutralise for a file that goes straight to the scheduler)",
            post_ids=tuple(ids),
        )
    ]


def glyph_problems(items: Sequence[ExportItem], *, allowed: bool) -> list[Problem]:
    """Posts whose page holds characters no font can draw (they would print as empty
    boxes; the text layer and the attached texts still hold them). Blocking unless
    `allowed`: the agent is asked first."""
    from composer.export.model import account_label
    from composer.export.pdf_fonts import describe, missing_characters
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
                    f"post {item.post_id} has characters no font here can show, which the "
                    f"PDF would print as empty boxes: {describe(missing)}",
                    blocking=not allowed,
                    post_ids=(item.post_id,),
                    code=MISSING_GLYPHS,
                    characters=missing,
                )
            )
    return problems
