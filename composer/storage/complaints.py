"""The complaint register's rows, inside one session owned by a service's transaction.

Entries are never deleted: a complaint is a record an examiner may ask for. Only the
status and its note change, and the service logs every change in the audit chain.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from composer.domain.conversations import Comment, Complaint, ComplaintStatus, rating_of
from composer.storage.models import ComplaintRow


class ComplaintRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, comment: Comment, reply: str, post_id: int | None, now: datetime) -> Complaint:
        row = ComplaintRow(
            post_id=post_id,
            author=comment.author,
            platform=comment.platform,
            url=comment.url,
            commented_at=comment.at,
            rating=comment.rating,
            text=comment.text,
            reply=reply,
            status="open",
            note="",
            recorded_at=now,
            updated_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return to_complaint(row)

    def get(self, complaint_id: int) -> Complaint | None:
        row = self._session.get(ComplaintRow, complaint_id)
        return None if row is None else to_complaint(row)

    def for_post(self, post_id: int) -> list[Complaint]:
        statement = select(ComplaintRow).where(ComplaintRow.post_id == post_id)
        return [to_complaint(row) for row in self._session.scalars(statement.order_by("id"))]

    def entries(self, status: ComplaintStatus | None = None) -> list[Complaint]:
        """Oldest first: the order they arrived in, as a register reads."""
        statement = select(ComplaintRow).order_by(ComplaintRow.id)
        if status is not None:
            statement = statement.where(ComplaintRow.status == status)
        return [to_complaint(row) for row in self._session.scalars(statement)]

    def update(
        self,
        complaint_id: int,
        now: datetime,
        *,
        status: ComplaintStatus | None = None,
        note: str | None = None,
        reply: str | None = None,
    ) -> Complaint:
        row = self._session.get(ComplaintRow, complaint_id)
        if row is None:
            raise LookupError(f"complaint {complaint_id} does not exist")
        if status is not None:
            row.status = status
        if note is not None:
            row.note = note
        if reply is not None:
            row.reply = reply
        row.updated_at = now
        self._session.flush()
        return to_complaint(row)


def to_complaint(row: ComplaintRow) -> Complaint:
    return Complaint(
        id=row.id,
        comment=Comment(
            text=row.text,
            author=row.author,
            platform=row.platform,
            url=row.url,
            at=row.commented_at,
            rating=rating_of(row.rating),
        ),
        reply=row.reply,
        post_id=row.post_id,
        status=row.status,
        note=row.note,
        recorded_at=row.recorded_at,
        updated_at=row.updated_at,
    )
