"""Which posts an export takes: every live post of a status, and the one platform of a
scheduler file (the filters by account, platform and dates are in export_checks).

Split from composer.services.export, which plans and writes; these only select.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from composer.domain.accounts import PLATFORMS
from composer.domain.posts import Post, PostQuery, PostStatus
from composer.export.model import ExportItem
from composer.services.export_checks import Problem, ProblemCode
from composer.services.export_errors import ExportRefusedError

if TYPE_CHECKING:
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
