"""Recent posts handed to the engine for history-based rules (promotional mix, duplicates).

`recent_history` is the one definition of "what went out lately": the library service (over
SQLAlchemy) and the quick read `composer check` uses (plain sqlite3) both feed it the same
approvals, so both hand the engine exactly the same history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

RECENT_POSTS = 10
RECENT_DAYS = 30
MAX_HISTORY_ITEMS = 500  # a bound for the engine, however busy the last month was


@dataclass(frozen=True, slots=True)
class HistoryItem:
    text: str
    when: datetime | None = None
    platforms: tuple[str, ...] = ()
    post_id: int | None = None
    status: str = "approved"


class PublishedApproval(Protocol):
    """What history needs of an approval that went (or may go) out."""

    @property
    def post_id(self) -> int: ...
    @property
    def approved_at(self) -> datetime: ...
    @property
    def exported_at(self) -> datetime | None: ...
    @property
    def texts(self) -> Mapping[str, str]: ...


def recent_history(
    published: Iterable[PublishedApproval],
    now: datetime,
    *,
    exclude_post_id: int | None = None,
    last: int = RECENT_POSTS,
    days: int = RECENT_DAYS,
) -> tuple[HistoryItem, ...]:
    """What went out lately, newest first, from `published` (newest approval first).

    Covers the last `last` posts approved or exported, and everything approved or
    exported in the last `days` days. Each item is an approved snapshot: one per
    distinct text of a post (a variant is its own item), all sharing the post's id,
    so a rule counting posts can group by `post_id`. Stops reading `published` as soon
    as it has enough, so a caller can stream it from the library.
    """
    since = now - timedelta(days=days)
    items: list[HistoryItem] = []
    posts_seen: set[int] = set()
    for approval in published:
        if approval.post_id == exclude_post_id:
            continue
        when = max(filter(None, (approval.approved_at, approval.exported_at)))
        if len(posts_seen) >= last and approval.approved_at < since:
            break
        if len(items) >= MAX_HISTORY_ITEMS:
            break
        posts_seen.add(approval.post_id)
        status = "exported" if approval.exported_at else "approved"
        by_text: dict[str, list[str]] = {}
        for platform, text in approval.texts.items():
            by_text.setdefault(text, []).append(platform)
        items.extend(
            HistoryItem(
                text=text,
                when=when,
                platforms=tuple(platforms),
                post_id=approval.post_id,
                status=status,
            )
            for text, platforms in by_text.items()
        )
    return tuple(items)
