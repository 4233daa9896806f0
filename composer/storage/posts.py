"""Posts and their revisions, inside one session owned by a service's transaction.

A post's time is stored as UTC with the name of the zone it was set in (`scheduled_tz`,
from 0007) and handed out as wall time in the library's zone (the computer's): the
repositories convert both ways, so nothing above storage sees UTC.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any, cast

from sqlalchemy import (
    Integer,
    Select,
    column,
    delete,
    exists,
    func,
    insert,
    select,
    table,
    text,
    update,
)
from sqlalchemy.orm import Session

from composer.domain.attachments import Attachment
from composer.domain.conversations import Comment, rating_of
from composer.domain.planning import utc_to_wall, wall_to_utc, zone_name
from composer.domain.posts import Post, PostDraft, PostQuery, PostStatus, Revision, RevisionKind
from composer.storage.models import (
    FTS_BULK_INSERT_KEY,
    FTS_TABLE,
    PostAttachmentRow,
    PostCommentRow,
    PostPlatformRow,
    PostRow,
    PostTagRow,
    RevisionRow,
    SettingRow,
)

_FTS_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class PostState:
    """A post as the workflow rule reads it (see composer.services.workflow)."""

    id: int
    status: str
    retired_at: datetime | None


def fts_query(search: str) -> str | None:
    """The agent's words as a safe FTS5 query: every word must appear; the last one may be
    the start of a word (search-as-you-type). None when there is nothing to search for."""
    words = _FTS_WORD.findall(search)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if not search[-1:].isspace():
        quoted[-1] += "*"
    return " ".join(quoted)


class PostRepository:
    def __init__(self, session: Session, zone: tzinfo) -> None:
        self._session = session
        self._zone = zone

    def create(self, draft: PostDraft, now: datetime) -> Post:
        row = PostRow(status="draft", created_at=now, updated_at=now)
        _apply(row, draft, self._zone)
        self._session.add(row)
        self._session.flush()
        return to_post(row, self._zone)

    def insert_many(self, drafts: Sequence[PostDraft], now: datetime) -> list[int]:
        """Bulk insert for imports: a handful of multi-row statements instead of ORM units."""
        if not drafts:
            return []
        post_values = [
            {
                "title": d.title,
                "body": d.body,
                "variants": dict(d.variants),
                "link": d.link,
                **_time_values(d.scheduled_at, self._zone),
                "account_id": d.account_id,
                "status": "draft",
                "created_at": now,
                "updated_at": now,
            }
            for d in drafts
        ]
        # Ids are assigned here rather than read back with RETURNING: the write transaction
        # (BEGIN IMMEDIATE) excludes other writers, and plain executemany is much faster.
        first = (self._session.scalar(select(func.max(PostRow.id))) or 0) + 1
        ids = list(range(first, first + len(drafts)))
        for post_id, values in zip(ids, post_values, strict=True):
            values["id"] = post_id
        platforms = [
            {"post_id": i, "platform": p, "position": n}
            for i, d in zip(ids, drafts, strict=True)
            for n, p in enumerate(d.platforms)
        ]
        tags = [{"post_id": i, "tag": t} for i, d in zip(ids, drafts, strict=True) for t in d.tags]
        attachments = [
            {"post_id": i, "position": n, **_attachment_values(a)}
            for i, d in zip(ids, drafts, strict=True)
            for n, a in enumerate(d.attachments)
        ]
        comments = [
            {"post_id": i, **_comment_values(d.in_reply_to)}
            for i, d in zip(ids, drafts, strict=True)
            if d.in_reply_to is not None
        ]
        # No revision yet: the post row is the one version; the first edit records it.
        connection = self._session.connection()
        flag = insert(SettingRow.__table__).values(key=FTS_BULK_INSERT_KEY, value=True)
        connection.execute(flag)
        for model, rows in (
            (PostRow, post_values),
            (PostPlatformRow, platforms),
            (PostTagRow, tags),
            (PostAttachmentRow, attachments),
            (PostCommentRow, comments),
        ):
            if rows:
                connection.execute(insert(model.__table__), rows)
        connection.execute(
            delete(SettingRow.__table__).where(SettingRow.key == FTS_BULK_INSERT_KEY)
        )
        connection.execute(
            text(
                f"INSERT INTO {FTS_TABLE}(rowid, title, body, variants) "
                "SELECT id, title, body, (SELECT group_concat(value, ' ') "
                "FROM json_each(posts.variants)) FROM posts WHERE id >= :first"
            ),
            {"first": first},
        )
        return ids

    def get(self, post_id: int) -> Post | None:
        row = self._session.get(PostRow, post_id)
        return None if row is None else to_post(row, self._zone)

    def update(
        self, post_id: int, draft: PostDraft, now: datetime, status: PostStatus | None = None
    ) -> Post:
        """Write the draft's fields (only changed columns reach SQL) and bump updated_at."""
        row = self._row(post_id)
        _apply(row, draft, self._zone)
        if status is not None:
            row.status = status
        row.updated_at = now
        self._session.flush()
        return to_post(row, self._zone)

    def set_status(self, post_id: int, status: PostStatus, now: datetime) -> Post:
        row = self._row(post_id)
        row.status = status
        row.updated_at = now
        self._session.flush()
        return to_post(row, self._zone)

    def get_many(self, post_ids: Sequence[int]) -> dict[int, Post]:
        """The existing posts among `post_ids`, by id, in a few queries."""
        found: dict[int, Post] = {}
        ids = list(post_ids)
        for start in range(0, len(ids), 500):
            statement = select(PostRow).where(PostRow.id.in_(ids[start : start + 500]))
            rows = self._session.scalars(statement)
            found.update((row.id, to_post(row, self._zone)) for row in rows)
        return found

    def statuses(self, post_ids: Sequence[int]) -> dict[int, str]:
        """Status of each existing post among `post_ids`, in a few queries."""
        found: dict[int, str] = {}
        ids = list(post_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            statement = select(PostRow.id, PostRow.status).where(PostRow.id.in_(chunk))
            found.update((row.id, row.status) for row in self._session.execute(statement))
        return found

    def ids_with_status(self, statuses: Sequence[str]) -> list[int]:
        """Every post with one of `statuses`, in the bin or not (for audit checks)."""
        statement = select(PostRow.id).where(PostRow.status.in_(statuses)).order_by(PostRow.id)
        return list(self._session.scalars(statement))

    def set_status_many(self, post_ids: Sequence[int], status: str, now: datetime) -> None:
        ids = list(post_ids)
        for start in range(0, len(ids), 500):
            self._session.execute(
                update(PostRow)
                .where(PostRow.id.in_(ids[start : start + 500]))
                .values(status=status, updated_at=now)
                .execution_options(synchronize_session=False)
            )

    def set_retired(self, post_id: int, when: datetime, last_used: datetime) -> Post:
        """Mark the post as no longer in use; its last use (retention counts from it)
        moves on to `last_used` when that is later. `updated_at` is left alone: retiring is
        a fact about use, not an edit."""
        row = self._row(post_id)
        row.retired_at = when
        if row.last_used_at is None or row.last_used_at < last_used:
            row.last_used_at = last_used
        self._session.flush()
        return to_post(row, self._zone)

    def set_deleted(self, post_id: int, when: datetime | None, now: datetime) -> Post:
        row = self._row(post_id)
        row.deleted_at = when
        row.updated_at = now
        self._session.flush()
        return to_post(row, self._zone)

    def page(self, query: PostQuery) -> list[Post]:
        statement = self._filtered(select(PostRow), query)
        statement = statement.order_by(PostRow.updated_at.desc(), PostRow.id.desc())
        statement = statement.limit(query.limit).offset(query.offset)
        return [to_post(row, self._zone) for row in self._session.scalars(statement)]

    def states(self, query: PostQuery) -> list[PostState]:
        """Every post matching `query` (limit and offset aside), newest change first, as
        its id, stored status and retirement only: what the workflow rule needs."""
        columns = cast("Select[Any]", select(PostRow.id, PostRow.status, PostRow.retired_at))
        statement = self._filtered(columns, query)
        statement = statement.order_by(PostRow.updated_at.desc(), PostRow.id.desc())
        return [PostState(*row) for row in self._session.execute(statement)]

    def count(self, query: PostQuery) -> int:
        statement = self._filtered(select(func.count(PostRow.id)), query)
        return int(self._session.scalar(statement) or 0)

    def _filtered(self, statement: Select[Any], query: PostQuery) -> Select[Any]:
        if query.deleted:
            statement = statement.where(PostRow.deleted_at.is_not(None))
        else:
            statement = statement.where(PostRow.deleted_at.is_(None))
        match = fts_query(query.search) if query.search else None
        if match is not None:
            fts = table(FTS_TABLE, column("rowid", Integer))
            matching = select(fts.c.rowid).where(
                text(f"{FTS_TABLE} MATCH :fts").bindparams(fts=match)
            )
            statement = statement.where(PostRow.id.in_(matching))
        if query.statuses:
            statement = statement.where(PostRow.status.in_(query.statuses))
        if query.retired is True:
            statement = statement.where(PostRow.retired_at.is_not(None))
        elif query.retired is False:
            statement = statement.where(PostRow.retired_at.is_(None))
        if query.platform:
            statement = statement.where(
                exists().where(
                    PostPlatformRow.post_id == PostRow.id,
                    PostPlatformRow.platform == query.platform,
                )
            )
        if query.tag:
            statement = statement.where(
                exists().where(PostTagRow.post_id == PostRow.id, PostTagRow.tag == query.tag)
            )
        if query.account_id is not None:
            statement = statement.where(PostRow.account_id == query.account_id)
        if query.since is not None:
            statement = statement.where(PostRow.updated_at >= query.since)
        if query.until is not None:
            statement = statement.where(PostRow.updated_at < query.until)
        return statement

    def _row(self, post_id: int) -> PostRow:
        row = self._session.get(PostRow, post_id)
        if row is None:
            raise LookupError(f"post {post_id} does not exist")
        return row


class RevisionRepository:
    def __init__(self, session: Session, zone: tzinfo) -> None:
        self._session = session
        self._zone = zone

    def add(self, post_id: int, draft: PostDraft, kind: RevisionKind, now: datetime) -> Revision:
        row = RevisionRow(**_revision_values(post_id, draft, kind, now, self._zone))
        self._session.add(row)
        self._session.flush()
        return to_revision(row, self._zone)

    def latest(self, post_id: int) -> Revision | None:
        statement = (
            select(RevisionRow)
            .where(RevisionRow.post_id == post_id)
            .order_by(RevisionRow.id.desc())
            .limit(1)
        )
        row = self._session.scalar(statement)
        return None if row is None else to_revision(row, self._zone)

    def overwrite(self, revision_id: int, draft: PostDraft, now: datetime) -> Revision:
        """Fold a quick follow-up edit into the revision it continues (autosave coalescing)."""
        row = self._session.get(RevisionRow, revision_id)
        if row is None:
            raise LookupError(f"revision {revision_id} does not exist")
        values = _revision_values(row.post_id, draft, row.kind, row.created_at, self._zone)
        values["saved_at"] = now
        for key, value in values.items():
            setattr(row, key, value)
        self._session.flush()
        return to_revision(row, self._zone)

    def get(self, revision_id: int) -> Revision | None:
        row = self._session.get(RevisionRow, revision_id)
        return None if row is None else to_revision(row, self._zone)

    def for_post(self, post_id: int) -> list[Revision]:
        statement = (
            select(RevisionRow)
            .where(RevisionRow.post_id == post_id)
            .order_by(RevisionRow.id.desc())
        )
        return [to_revision(row, self._zone) for row in self._session.scalars(statement)]

    def last_saved(self, post_ids: Sequence[int]) -> dict[int, datetime]:
        """When each post's content was last saved (its newest revision), in a few queries."""
        found: dict[int, datetime] = {}
        ids = list(post_ids)
        for start in range(0, len(ids), 500):
            statement = (
                select(RevisionRow.post_id, func.max(RevisionRow.saved_at))
                .where(RevisionRow.post_id.in_(ids[start : start + 500]))
                .group_by(RevisionRow.post_id)
            )
            for post_id, saved in self._session.execute(statement):
                found[post_id] = _aware(saved)
        return found

    def delete_for_post(self, post_id: int) -> None:
        self._session.execute(delete(RevisionRow).where(RevisionRow.post_id == post_id))


def _apply(row: PostRow, draft: PostDraft, zone: tzinfo) -> None:
    """Copy a draft onto a row, touching only what differs (so FTS triggers stay quiet).
    A time keeps the zone it was set in until the time itself changes."""
    for name in ("title", "body", "link", "account_id"):
        value = getattr(draft, name)
        if getattr(row, name, None) != value:
            setattr(row, name, value)
    times = _time_values(draft.scheduled_at, zone)
    if getattr(row, "scheduled_at", None) != times["scheduled_at"]:
        row.scheduled_at, row.scheduled_tz = times["scheduled_at"], times["scheduled_tz"]
    variants = dict(draft.variants)
    if row.variants != variants:
        row.variants = variants
    if [p.platform for p in row.platforms] != list(draft.platforms):
        existing = {p.platform: p for p in row.platforms}
        platforms = []
        for position, name in enumerate(draft.platforms):
            item = existing.get(name) or PostPlatformRow(platform=name)
            item.position = position
            platforms.append(item)
        row.platforms = platforms
    if sorted(t.tag for t in row.tags) != sorted(draft.tags):
        existing_tags = {t.tag: t for t in row.tags}
        row.tags = [existing_tags.get(tag) or PostTagRow(tag=tag) for tag in draft.tags]
    if tuple(to_attachment(a) for a in row.attachments) != draft.attachments:
        _apply_attachments(row, draft.attachments)
    current = to_comment(row.comment) if row.comment is not None else None
    if current != draft.in_reply_to:
        if draft.in_reply_to is None:
            row.comment = None
        elif row.comment is None:
            row.comment = PostCommentRow(**_comment_values(draft.in_reply_to))
        else:
            for name, value in _comment_values(draft.in_reply_to).items():
                setattr(row.comment, name, value)


def _time_values(wall: datetime | None, zone: tzinfo) -> dict[str, Any]:
    """A wall time in `zone` as the stored columns: UTC and the zone's name."""
    if wall is None:
        return {"scheduled_at": None, "scheduled_tz": None}
    return {"scheduled_at": wall_to_utc(wall, zone), "scheduled_tz": zone_name(zone)}


def _wall(stored: datetime | None, zone: tzinfo) -> datetime | None:
    return None if stored is None else utc_to_wall(stored, zone)


def _comment_values(comment: Comment) -> dict[str, Any]:
    return {
        "author": comment.author,
        "platform": comment.platform,
        "url": comment.url,
        "at": comment.at,
        "text": comment.text,
        "on_post_id": comment.on_post_id,
        "rating": comment.rating,
    }


def to_comment(row: PostCommentRow) -> Comment:
    return Comment(
        text=row.text,
        author=row.author,
        platform=row.platform,
        url=row.url,
        at=row.at,
        on_post_id=row.on_post_id,
        rating=rating_of(row.rating),
    )


def _apply_attachments(row: PostRow, attachments: tuple[Attachment, ...]) -> None:
    """Reuse rows for images still there (a reorder or new alt text is an UPDATE)."""
    spare: dict[str, list[PostAttachmentRow]] = {}
    for item in row.attachments:
        spare.setdefault(item.sha256, []).append(item)
    rows = []
    for position, attachment in enumerate(attachments):
        reused = spare.get(attachment.sha256)
        item = reused.pop(0) if reused else PostAttachmentRow()
        for name, value in _attachment_values(attachment).items():
            if getattr(item, name, None) != value:
                setattr(item, name, value)
        if item.position != position:
            item.position = position
        rows.append(item)
    row.attachments = rows


def _attachment_values(attachment: Attachment) -> dict[str, Any]:
    return {
        "sha256": attachment.sha256,
        "format": attachment.format,
        "width": attachment.width,
        "height": attachment.height,
        "size_bytes": attachment.size_bytes,
        "has_location": attachment.has_location,
        "alt_text": attachment.alt_text,
        "original_name": attachment.original_name,
    }


def to_attachment(row: PostAttachmentRow) -> Attachment:
    return Attachment(
        sha256=row.sha256,
        format=row.format,
        width=row.width,
        height=row.height,
        size_bytes=row.size_bytes,
        alt_text=row.alt_text,
        has_location=bool(row.has_location),
        original_name=row.original_name,
    )


def _revision_values(
    post_id: int, draft: PostDraft, kind: RevisionKind, now: datetime, zone: tzinfo
) -> dict[str, Any]:
    return {
        "post_id": post_id,
        "kind": kind,
        "title": draft.title,
        "body": draft.body,
        "variants": dict(draft.variants),
        "platforms": list(draft.platforms),
        "link": draft.link,
        **_time_values(draft.scheduled_at, zone),
        "tags": list(draft.tags),
        "account_id": draft.account_id,
        "attachments": [a.to_dict() for a in draft.attachments],
        "in_reply_to": draft.in_reply_to.to_dict() if draft.in_reply_to else None,
        "created_at": now,
        "saved_at": now,
    }


def to_post(row: PostRow, zone: tzinfo) -> Post:
    return Post(
        id=row.id,
        title=row.title,
        body=row.body,
        platforms=tuple(p.platform for p in row.platforms),
        variants=dict(row.variants or {}),
        link=row.link,
        scheduled_at=_wall(row.scheduled_at, zone),
        scheduled_tz=row.scheduled_tz or "",
        tags=tuple(sorted(t.tag for t in row.tags)),
        account_id=row.account_id,
        attachments=tuple(to_attachment(a) for a in row.attachments),
        in_reply_to=to_comment(row.comment) if row.comment is not None else None,
        status=row.status,
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
        retired_at=row.retired_at,
    )


def _aware(value: datetime | str) -> datetime:
    """Aggregates come back as the stored naive UTC text; make them aware like the rest."""
    from datetime import UTC

    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def to_revision(row: RevisionRow, zone: tzinfo) -> Revision:
    return Revision(
        id=row.id,
        post_id=row.post_id,
        kind=row.kind,
        content=PostDraft(
            body=row.body,
            title=row.title,
            platforms=tuple(row.platforms or ()),
            variants=dict(row.variants or {}),
            link=row.link,
            scheduled_at=_wall(row.scheduled_at, zone),
            tags=tuple(row.tags or ()),
            account_id=row.account_id,
            attachments=tuple(Attachment.from_dict(a) for a in row.attachments or ()),
            in_reply_to=Comment.from_dict(row.in_reply_to) if row.in_reply_to else None,
        ),
        created_at=row.created_at,
        saved_at=row.saved_at,
    )
