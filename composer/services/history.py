"""Finding posts again (search and filters), and recent history for the guideline engine."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from composer.domain.history import RECENT_DAYS, RECENT_POSTS, HistoryItem, recent_history
from composer.domain.posts import Post, PostQuery
from composer.services.library import Clock, utc_now

if TYPE_CHECKING:
    from composer.storage.database import Database

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

        See `composer.domain.history.recent_history`. Approvals voided by a later edit
        count only if they were exported (they went out; the draft did not).
        """
        now = self._clock()
        with self._db.read() as tx:
            return recent_history(
                tx.approvals.published(),
                now,
                exclude_post_id=exclude_post_id,
                last=last,
                days=days,
            )


def parse_when(value: str) -> datetime:
    """An ISO 8601 date or date-time; naive values are local time."""
    moment = datetime.fromisoformat(value.strip())
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment
