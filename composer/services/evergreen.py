"""Evergreen posts: a post that is worth saying again comes back after a cooldown.

Marking a post evergreen (every N days, optionally at most M times) makes `renew()` put a
new scheduled copy in the queue once the cooldown since the last one has nearly passed
(`AHEAD_DAYS` before it is due, so the agent can look at it). The copy keeps an approval
only when the original's is less than a year old and the rules find nothing new in it: it
is approved again with the original's own reasons, and any error those reasons do not
cover leaves it a draft that needs a fresh approval. The cooldown may not be shorter than
the duplicate rule's window, so a copy never repeats a post that rule would flag.

Errors are codes (`PlanningError`), worded by each front end.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from composer.domain.planning import Evergreen
from composer.guidelines.builtin.history import DUPLICATE_DAYS
from composer.services.library import (
    Clock,
    LibraryError,
    LibraryService,
    PostNotFoundError,
    utc_now,
)
from composer.services.planning import PlanningCode, PlanningError, PlanningService

if TYPE_CHECKING:
    from composer.services.approval import ApprovalService
    from composer.storage.database import Database

AHEAD_DAYS = 14  # a copy is made this long before it is due
APPROVAL_KEPT_DAYS = 365  # an older approval is not carried to a copy
MIN_EVERY_DAYS = DUPLICATE_DAYS


@dataclass(frozen=True, slots=True)
class Renewed:
    """A copy `renew()` made: of which post, which one, for when, and whether approved."""

    source_id: int
    copy_id: int
    at: datetime  # naive local wall time
    approved: bool


class EvergreenService:
    def __init__(
        self,
        database: Database,
        library: LibraryService,
        approval: ApprovalService,
        planning: PlanningService,
        clock: Clock = utc_now,
    ) -> None:
        self._db = database
        self._library = library
        self._approval = approval
        self._planning = planning
        self._clock = clock

    def mark(self, post_id: int, every_days: int, times: int | None = None) -> Evergreen:
        """Make the post evergreen (or change its cooldown and count; copies made so far
        still count). It needs a time, from which the cooldown runs."""
        if every_days < MIN_EVERY_DAYS:
            raise PlanningError(PlanningCode.COOLDOWN_TOO_SHORT, str(MIN_EVERY_DAYS))
        if times is not None and times < 1:
            raise PlanningError(PlanningCode.BAD_TIMES, str(times))
        post = self._library.get(post_id)
        if post.scheduled_at is None:
            raise PlanningError(PlanningCode.NOT_SCHEDULED, str(post_id))
        with self._db.write() as tx:
            old = tx.planning.evergreen_of(post_id)
            value = Evergreen(post_id, every_days, times)
            if old is not None:
                value = replace(value, made=old.made, last_copy_id=old.last_copy_id)
            tx.planning.set_evergreen(value)
            return value

    def unmark(self, post_id: int) -> None:
        self._library.get(post_id)  # PostNotFoundError for an unknown post
        with self._db.write() as tx:
            tx.planning.clear_evergreen(post_id)

    def of(self, post_id: int) -> Evergreen | None:
        with self._db.read() as tx:
            return tx.planning.evergreen_of(post_id)

    def renew(self) -> list[Renewed]:
        """Make the copies that are due (or nearly), each scheduled and, when it may be,
        approved; the posts that are done, gone or unscheduled are left alone."""
        with self._db.read() as tx:
            marked = [e for e in tx.planning.evergreen() if not e.finished]
        now = self._planning.now_wall()
        made: list[Renewed] = []
        for mark in marked:
            renewed = self._renew_one(mark, now)
            if renewed is not None:
                made.append(renewed)
        return made

    def _renew_one(self, mark: Evergreen, now: datetime) -> Renewed | None:
        try:
            source = self._library.get(mark.post_id)
        except PostNotFoundError:
            return None
        last = source
        if mark.last_copy_id:
            try:  # the cooldown runs from the newest copy (a copy in the bin counts too)
                last = self._library.get(mark.last_copy_id)
            except PostNotFoundError:
                last = source
        if source.deleted_at is not None or last.scheduled_at is None:
            return None
        due = last.scheduled_at + timedelta(days=mark.every_days)
        if due - timedelta(days=AHEAD_DAYS) > now:
            return None
        when = due if due > now + timedelta(hours=1) else self._next_time(source.platforms, due)
        copy = self._library.duplicate(source.id)
        copy = self._library.autosave(copy.id, replace(copy.draft, title=source.title))
        self._planning.schedule(copy.id, when)
        approved = self._carry_approval(source.id, copy.id)
        with self._db.write() as tx:
            tx.planning.set_evergreen(replace(mark, made=mark.made + 1, last_copy_id=copy.id))
        return Renewed(source.id, copy.id, when, approved)

    def _next_time(self, platforms: tuple[str, ...], due: datetime) -> datetime:
        """A copy whose day has passed: the next free slot, or tomorrow at the same time."""
        try:
            return self._planning.next_free_slot(platforms)
        except PlanningError:
            now = self._planning.now_wall()
            return datetime.combine(now.date() + timedelta(days=1), due.time())

    def _carry_approval(self, source_id: int, copy_id: int) -> bool:
        """Approve the copy with the original's reasons if its approval is recent enough;
        any new error (the rules changed) leaves the copy a draft."""
        approval = self._approval.active_approval(source_id)
        if approval is None:
            return False
        if self._clock() - approval.approved_at > timedelta(days=APPROVAL_KEPT_DAYS):
            return False
        try:
            self._approval.approve(copy_id, reasons=dict(approval.overrides))
        except LibraryError:  # an error the original's reasons do not cover, or a change
            return False
        return True
