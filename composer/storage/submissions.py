"""Submissions: a post's approved texts sent to an outside reviewer, and the decision."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from composer.domain.record import Submission
from composer.storage.models import SubmissionRow

_STATES = {"in-review", "approved", "rejected", "changes"}


class SubmissionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self, post_id: int, approval_id: int, to: str, text_sha256: str, now: datetime
    ) -> Submission:
        row = SubmissionRow(
            post_id=post_id,
            approval_id=approval_id,
            submitted_to=to,
            submitted_at=now,
            text_sha256=text_sha256,
            state="in-review",
            note="",
        )
        self._session.add(row)
        self._session.flush()
        return to_submission(row)

    def open_for(self, post_id: int) -> Submission | None:
        """The post's latest submission still waiting for a decision."""
        statement = (
            select(SubmissionRow)
            .where(SubmissionRow.post_id == post_id, SubmissionRow.state == "in-review")
            .order_by(SubmissionRow.id.desc())
            .limit(1)
        )
        row = self._session.scalar(statement)
        return None if row is None else to_submission(row)

    def for_post(self, post_id: int) -> list[Submission]:
        statement = (
            select(SubmissionRow)
            .where(SubmissionRow.post_id == post_id)
            .order_by(SubmissionRow.id.desc())
        )
        return [to_submission(row) for row in self._session.scalars(statement)]

    def latest_for(self, post_ids: Sequence[int]) -> dict[int, Submission]:
        """Each post's newest submission (whatever its state), in a few queries."""
        found: dict[int, Submission] = {}
        ids = list(post_ids)
        for start in range(0, len(ids), 500):
            newest = (
                select(func.max(SubmissionRow.id))
                .where(SubmissionRow.post_id.in_(ids[start : start + 500]))
                .group_by(SubmissionRow.post_id)
            )
            statement = select(SubmissionRow).where(SubmissionRow.id.in_(newest))
            for row in self._session.scalars(statement):
                found[row.post_id] = to_submission(row)
        return found

    def reviewers(self, limit: int = 20) -> list[str]:
        """The reviewers posts were sent to, the most recent first, each once."""
        statement = (
            select(SubmissionRow.submitted_to, func.max(SubmissionRow.id).label("last"))
            .group_by(SubmissionRow.submitted_to)
            .order_by(func.max(SubmissionRow.id).desc())
            .limit(limit)
        )
        return [row[0] for row in self._session.execute(statement)]

    def decide(self, submission_id: int, state: str, note: str, now: datetime) -> None:
        row = self._session.get(SubmissionRow, submission_id)
        if row is None or state not in _STATES:
            raise LookupError(f"submission {submission_id} cannot be set to {state!r}")
        row.state = state
        row.note = note
        row.decided_at = now
        self._session.flush()


def to_submission(row: SubmissionRow) -> Submission:
    state = row.state if row.state in _STATES else "in-review"
    return Submission(
        id=row.id,
        post_id=row.post_id,
        approval_id=row.approval_id,
        submitted_to=row.submitted_to,
        submitted_at=row.submitted_at,
        text_sha256=row.text_sha256,
        state=state,  # type: ignore[arg-type]  # checked against _STATES
        decided_at=row.decided_at,
        note=row.note or "",
    )
