"""Finding posts again (search, filters, the workflow status and approval expiry each row
shows), and recent history for the guideline engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from composer.domain.history import RECENT_DAYS, RECENT_POSTS, HistoryItem, recent_history
from composer.domain.posts import STATUSES, Post, PostQuery
from composer.domain.workflow import STORED_FOR, WorkflowStatus, workflow_status
from composer.services.expiry import SELF_APPROVAL_SETTING, expires_on, expiry_note, valid_days
from composer.services.library import Clock, PostNotFoundError, utc_now
from composer.services.workflow import workflow_facts, workflow_statuses

if TYPE_CHECKING:
    from composer.storage.database import Database
    from composer.storage.repositories import Repositories

MAX_PAGE = 1000
_SCAN = 500  # posts read per batch when a workflow status filters the list


# The statuses in which an approval covers use, so its expiry matters.
_IN_USE: frozenset[WorkflowStatus] = frozenset({"in_review", "approved", "exported", "published"})


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One post's status as the history list shows it. `expires_on` is the last day its
    approval covers (None: no approval in use, or an outside one without an expiry);
    `expiry` is "soon" within `SOON_DAYS`, "expired" after that day, else ""."""

    status: WorkflowStatus
    expires_on: date | None = None
    expiry: str = ""


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
            if query.workflow:
                found = _with_workflow(tx, query, query.offset + query.limit)
                return found[query.offset :]
            return tx.posts.page(query)

    def count(self, query: PostQuery) -> int:
        with self._db.read() as tx:
            if query.workflow:
                return _count_workflow(tx, query)
            return tx.posts.count(query)

    def statuses(self, posts: Sequence[Post]) -> dict[int, WorkflowStatus]:
        """Each post's workflow status (draft, in review, approved, published...)."""
        with self._db.read() as tx:
            return workflow_statuses(tx, posts)

    def rows(self, posts: Sequence[Post]) -> dict[int, HistoryRow]:
        """What the history list shows of each post beyond its content: its workflow
        status and, while its approval is in use, when that approval lapses."""
        today = self._clock().astimezone().date()
        with self._db.read() as tx:
            approvals = tx.approvals.active_for([post.id for post in posts])
            active = {post_id: approval.id for post_id, approval in approvals.items()}
            facts = workflow_facts(tx, posts, active)
            days = valid_days(tx.settings.get(SELF_APPROVAL_SETTING))
        found: dict[int, HistoryRow] = {}
        for post_id, known in facts.items():
            status = workflow_status(known)
            approval = approvals.get(post_id)
            if approval is None or status not in _IN_USE:
                found[post_id] = HistoryRow(status)
                continue
            last = expires_on(approval, days)
            found[post_id] = HistoryRow(status, last, expiry_note(last, today))
        return found

    def status(self, post_id: int) -> WorkflowStatus:
        with self._db.read() as tx:
            post = tx.posts.get(post_id)
            if post is None:
                raise PostNotFoundError(f"there is no post {post_id}")
            return workflow_statuses(tx, [post])[post_id]

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


def _with_workflow(tx: Repositories, query: PostQuery, wanted: int | None) -> list[Post]:
    """The first `wanted` posts (all: None) whose workflow status is one asked for.

    The stored statuses narrow the query in SQL (`STORED_FOR`); the workflow rule decides
    each candidate from its id and a few columns, read a batch at a time; only the posts
    returned are loaded."""
    return [p for p in _matching(tx, query, wanted, load=True) if p is not None]


def _count_workflow(tx: Repositories, query: PostQuery) -> int:
    return len(_matching(tx, query, None, load=False))


def _matching(
    tx: Repositories, query: PostQuery, wanted: int | None, *, load: bool
) -> list[Post | None]:
    stored: set[str] = set()
    for status in query.workflow:
        narrowing = STORED_FOR[status]
        if not narrowing:  # "retired" can be any stored status
            stored = set()
            break
        stored.update(narrowing)
    retired = query.retired
    if "retired" not in query.workflow:
        retired = False  # retirement comes first: no other status has it
    elif len(query.workflow) == 1:
        retired = True
    narrowed = replace(
        query,
        workflow=(),
        statuses=tuple(s for s in STATUSES if s in stored) if stored else query.statuses,
        retired=retired,
    )
    states = tx.posts.states(narrowed)
    matched: list[int] = []
    for start in range(0, len(states), _SCAN):
        batch = states[start : start + _SCAN]
        statuses = workflow_statuses(tx, batch)
        matched += [s.id for s in batch if statuses[s.id] in query.workflow]
        if wanted is not None and len(matched) >= wanted:
            matched = matched[:wanted]
            break
    if not load:
        return [None] * len(matched)
    posts = tx.posts.get_many(matched)
    return [posts[post_id] for post_id in matched if post_id in posts]


def parse_when(value: str) -> datetime:
    """An ISO 8601 date or date-time; naive values are local time."""
    moment = datetime.fromisoformat(value.strip())
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment
