"""Finding posts again (search and filters), and recent history for the guideline engine."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from composer.domain.history import HistoryItem
from composer.domain.posts import Post, PostQuery
from composer.services.library import Clock, utc_now

if TYPE_CHECKING:
    from composer.storage.database import Database

RECENT_POSTS = 10
RECENT_DAYS = 30
MAX_HISTORY_ITEMS = 500  # a bound for the engine, however busy the last month was
MAX_PAGE = 1000


class HistoryService:
    def __init__(self, database: Database, clock: Clock = utc_now) -> None:
        self._db = database
        self._clock = clock

    def page(self, query: PostQuery) -> list[Post]:
        """One page of posts, newest change first."""
        query = replace(
            query, limit=max(1, min(query.limit, MAX_PAGE)), offset=max(0, query.offset)
        )
        with self._db.read() as tx:
            return tx.posts.page(query)

    def count(self, query: PostQuery) -> int:
        with self._db.read() as tx:
            return tx.posts.count(query)

    def recent_for_checks(
        self,
        exclude_post_id: int | None = None,
        last: int = RECENT_POSTS,
        days: int = RECENT_DAYS,
    ) -> tuple[HistoryItem, ...]:
        """What went out lately, newest first, for the promo-mix and duplicate rules.

        Covers the last `last` posts approved or exported, and everything approved or
        exported in the last `days` days. Each item is an approved snapshot: one per
        distinct text of a post (a variant is its own item), all sharing the post's id,
        so a rule counting posts can group by `post_id`. Approvals voided by a later edit
        count only if they were exported (they went out; the draft did not).
        """
        since = self._clock() - timedelta(days=days)
        items: list[HistoryItem] = []
        posts_seen: set[int] = set()
        with self._db.read() as tx:
            for approval in tx.approvals.published():
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


def parse_when(value: str) -> datetime:
    """An ISO 8601 date or date-time; naive values are local time."""
    moment = datetime.fromisoformat(value.strip())
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment
