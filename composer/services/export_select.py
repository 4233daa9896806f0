"""Which posts an export takes: every live post of a status, the one platform of a
scheduler file, and the filters (account, platform, dates) with why a named post was left.

Split from composer.services.export, which plans and writes; these only select.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from composer.domain.accounts import PLATFORMS, Account
from composer.domain.posts import Post, PostQuery, PostStatus
from composer.export.model import ExportItem, local_naive
from composer.services.export_checks import Problem, ProblemCode, Skipped
from composer.services.export_errors import ExportRefusedError

if TYPE_CHECKING:
    from composer.services.export import ExportRequest
    from composer.storage.repositories import Repositories

_PAGE = 1000


def all_with_status(tx: Repositories, statuses: tuple[PostStatus, ...]) -> list[Post]:
    """Every live post with one of `statuses`, soonest scheduled first (unscheduled last)."""
    posts: list[Post] = []
    offset = 0
    while True:
        page = tx.posts.page(PostQuery(statuses=statuses, limit=_PAGE, offset=offset))
        posts += page
        if len(page) < _PAGE:
            break
        offset += _PAGE
    posts.sort(key=lambda p: (p.scheduled_at is None, p.scheduled_at or datetime.min, p.id))
    return posts


def single_platform(format: str, items: Sequence[ExportItem]) -> str:
    found = {p for item in items for p in item.platforms}
    if len(found) == 1:
        return found.pop()
    platforms = tuple(p for p in PLATFORMS if p in found) + tuple(sorted(found - set(PLATFORMS)))
    several = Problem(
        ProblemCode.SEVERAL_PLATFORMS, blocking=True, tool=format, platforms=platforms
    )
    raise ExportRefusedError([several])


def filter_items(
    items: Sequence[ExportItem],
    platform: str | None,
    account: Account | None,
    request: ExportRequest,
) -> tuple[list[ExportItem], list[Skipped]]:
    kept: list[ExportItem] = []
    skipped: list[Skipped] = []  # only for posts named by id: a status selection just filters
    since = local_naive(request.since) if request.since else None
    until = local_naive(request.until) if request.until else None
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
        elif request.post_ids:
            skipped.append(reason)
    return kept, skipped
