"""Publications (where and when a post ran) and the retention facts kept on each post.

A publication row is written once and never changed; the post's `last_used_at` moves on to
the latest publication, so the retention period can be counted without reading them all.
Exports count as use too: a post handed to a scheduler went out (see `usage`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from composer.domain.record import AUDIENCES, Audience, Publication
from composer.storage.models import (
    ExportItemRow,
    ExportRow,
    PostRow,
    PublicationRow,
)


@dataclass(frozen=True, slots=True)
class PostUsage:
    """What retention needs to know about one post (from its row, exports, publications)."""

    post_id: int
    title: str
    status: str
    deleted: bool
    legal_hold: bool
    first_used: datetime | None
    last_used: datetime | None


class PublicationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        post_id: int,
        approval_id: int | None,
        platform: str,
        account: str,
        url: str,
        published_at: datetime,
        audience: Audience,
        spend: str,
        now: datetime,
        live_text: str | None = None,
        live_matches: bool | None = None,
    ) -> Publication:
        row = PublicationRow(
            post_id=post_id,
            approval_id=approval_id,
            platform=platform,
            account=account,
            url=url,
            published_at=published_at,
            audience=audience,
            spend=spend,
            live_text=live_text,
            live_matches=live_matches,
            recorded_at=now,
        )
        self._session.add(row)
        post = self._session.get(PostRow, post_id)
        if post is not None and (post.last_used_at is None or post.last_used_at < published_at):
            post.last_used_at = published_at
        self._session.flush()
        return to_publication(row)

    def for_posts(self, post_ids: Sequence[int]) -> dict[int, list[Publication]]:
        """Each post's publications, oldest first."""
        found: dict[int, list[Publication]] = {}
        ids = list(post_ids)
        for start in range(0, len(ids), 500):
            statement = (
                select(PublicationRow)
                .where(PublicationRow.post_id.in_(ids[start : start + 500]))
                .order_by(PublicationRow.published_at, PublicationRow.id)
            )
            for row in self._session.scalars(statement):
                found.setdefault(row.post_id, []).append(to_publication(row))
        return found

    def approval_ids(self, post_ids: Sequence[int]) -> dict[int, set[int | None]]:
        """The approvals each post's publications ran under (None: not recorded)."""
        found: dict[int, set[int | None]] = {}
        ids = list(post_ids)
        for start in range(0, len(ids), 500):
            statement = (
                select(PublicationRow.post_id, PublicationRow.approval_id)
                .where(PublicationRow.post_id.in_(ids[start : start + 500]))
                .distinct()
            )
            for post_id, approval_id in self._session.execute(statement):
                found.setdefault(post_id, set()).add(approval_id)
        return found

    def legal_hold(self, post_id: int) -> bool:
        return bool(self._session.scalar(select(PostRow.legal_hold).where(PostRow.id == post_id)))

    def set_legal_hold(self, post_id: int, on: bool) -> None:
        row = self._session.get(PostRow, post_id)
        if row is None:
            raise LookupError(f"post {post_id} does not exist")
        row.legal_hold = on
        self._session.flush()

    def usage(self, post_ids: Sequence[int] | None = None) -> Iterator[PostUsage]:
        """First and last use of each post (all posts, in the bin or not, when no ids):
        the earliest and latest of its publications and exports."""
        exported = (
            select(
                ExportItemRow.post_id.label("post_id"),
                func.min(ExportRow.exported_at).label("first"),
                func.max(ExportRow.exported_at).label("last"),
            )
            .join(ExportRow, ExportRow.id == ExportItemRow.export_id)
            .group_by(ExportItemRow.post_id)
            .subquery()
        )
        published = (
            select(
                PublicationRow.post_id.label("post_id"),
                func.min(PublicationRow.published_at).label("first"),
            )
            .group_by(PublicationRow.post_id)
            .subquery()
        )
        statement = (
            select(
                PostRow.id,
                PostRow.title,
                PostRow.status,
                PostRow.deleted_at,
                PostRow.legal_hold,
                PostRow.last_used_at,
                exported.c.first,
                exported.c.last,
                published.c.first,
            )
            .outerjoin(exported, exported.c.post_id == PostRow.id)
            .outerjoin(published, published.c.post_id == PostRow.id)
            .order_by(PostRow.id)
        )
        if post_ids is not None:
            statement = statement.where(PostRow.id.in_(list(post_ids)))
        for row in self._session.execute(statement):
            (post_id, title, status, deleted_at, hold, last_used, e_first, e_last, p_first) = row
            firsts = [_utc(v) for v in (e_first, p_first) if v is not None]
            lasts = [_utc(v) for v in (e_last, last_used) if v is not None]
            yield PostUsage(
                post_id=post_id,
                title=title or "",
                status=status,
                deleted=deleted_at is not None,
                legal_hold=bool(hold),
                first_used=min(firsts) if firsts else None,
                last_used=max(lasts) if lasts else None,
            )


def _utc(value: datetime) -> datetime:
    """Aggregates come back as the stored naive UTC text; make them aware like the rest."""
    from datetime import UTC

    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def to_publication(row: PublicationRow) -> Publication:
    audience: Audience = next((a for a in AUDIENCES if a == row.audience), "public")
    return Publication(
        id=row.id,
        post_id=row.post_id,
        approval_id=row.approval_id,
        platform=row.platform,
        account=row.account,
        url=row.url,
        published_at=row.published_at,
        audience=audience,
        spend=row.spend,
        recorded_at=row.recorded_at,
        live_text=row.live_text,
        live_matches=row.live_matches,
    )
