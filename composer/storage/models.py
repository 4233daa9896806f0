"""The ORM schema. Changing it means writing an Alembic migration in `migrations/versions/`.

The naming convention gives every constraint a name, which Alembic's batch mode needs to
alter SQLite tables. The FTS5 index and the append-only triggers live only in migrations
(see `FTS_TABLE` and `migrations/versions/0001_initial.py`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from composer.domain.conversations import COMPLAINT_STATUSES, ComplaintStatus
from composer.domain.posts import STATUSES, PostStatus, RevisionKind

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Tables SQLite creates for the FTS5 index; they are not in the models on purpose.
FTS_TABLE = "posts_fts"
# While a settings row with this key exists, the insert trigger leaves indexing to the
# bulk importer (set and cleared inside the import's own transaction).
FTS_BULK_INSERT_KEY = "fts.bulk-insert"


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC as naive text (so it sorts) and hands back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("UTCDateTime needs an aware datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    if TYPE_CHECKING:
        # Every model names a __tablename__, so its __table__ is a Table (not any FromClause).
        __table__: ClassVar[Table]


class AccountRow(Base):
    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("platform", "handle"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    handle: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200), default="")
    has_secret: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PostRow(Base):
    __tablename__ = "posts"
    __table_args__ = (
        CheckConstraint("status IN (" + ", ".join(f"'{s}'" for s in STATUSES) + ")", name="status"),
        Index("ix_posts_updated", "deleted_at", "updated_at"),
        Index("ix_posts_status_updated", "status", "updated_at"),
        Index("ix_posts_scheduled", "deleted_at", "scheduled_at"),  # the calendar (0004)
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    variants: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    link: Mapped[str] = mapped_column(Text, default="")
    scheduled_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC, naive (0007)
    scheduled_tz: Mapped[str | None] = mapped_column(String(64))  # the zone it was set in
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[PostStatus] = mapped_column(String(16), default="draft")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # From 0004: a legal hold blocks deletion; the last use starts the retention period.
    legal_hold: Mapped[bool] = mapped_column(default=False, server_default=false())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # From 0009: when the agent said the post is no longer in use (Post > Retire…).
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    platforms: Mapped[list[PostPlatformRow]] = relationship(
        order_by="PostPlatformRow.position",
        cascade="all, delete-orphan",
        lazy="selectin",
        passive_deletes=True,
    )
    tags: Mapped[list[PostTagRow]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", passive_deletes=True
    )
    attachments: Mapped[list[PostAttachmentRow]] = relationship(
        order_by="PostAttachmentRow.position",
        cascade="all, delete-orphan",
        lazy="selectin",
        passive_deletes=True,
    )
    comment: Mapped[PostCommentRow | None] = relationship(
        cascade="all, delete-orphan",
        lazy="selectin",
        passive_deletes=True,
        foreign_keys="PostCommentRow.post_id",
    )


class PostPlatformRow(Base):
    """One target platform of a post (a table, so the platform filter can use an index)."""

    __tablename__ = "post_platforms"
    __table_args__ = (
        Index("ix_post_platforms_platform", "platform", "post_id"),
        {"sqlite_with_rowid": False},
    )

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    platform: Mapped[str] = mapped_column(String(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class PostTagRow(Base):
    __tablename__ = "post_tags"
    __table_args__ = (Index("ix_post_tags_tag", "tag", "post_id"), {"sqlite_with_rowid": False})

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(100), primary_key=True)


class PostAttachmentRow(Base):
    """One image on a post, in order. The file lives once in the data folder under its
    SHA-256 (see composer.services.images); the facts about it are kept here so a post
    opens without reading any image."""

    __tablename__ = "post_attachments"
    __table_args__ = (
        Index("ix_post_attachments_post", "post_id", "position"),
        Index("ix_post_attachments_sha256", "sha256"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(16))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    has_location: Mapped[bool] = mapped_column(default=False)
    alt_text: Mapped[str] = mapped_column(Text, default="")
    original_name: Mapped[str] = mapped_column(Text, default="")


class PostCommentRow(Base):
    """The comment a reply answers, word for word (one per reply; posts have none)."""

    __tablename__ = "post_comments"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    author: Mapped[str] = mapped_column(Text, default="")
    platform: Mapped[str] = mapped_column(String(32), default="")
    url: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text)
    # From 0008: the agent's own post the comment was left on (its thread); NULL for a
    # review or page, and set NULL if that post is ever purged.
    on_post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="SET NULL"), index=True
    )
    # From 0010: a review's stars (1 to 5); NULL for a comment without (and all before).
    rating: Mapped[int | None] = mapped_column(Integer)


class ComplaintRow(Base):
    """One complaint register entry: the comment as written, the reply, and its status.

    The comment is copied here (not referenced) so the register keeps it word for word
    even when the reply is edited or deleted.
    """

    __tablename__ = "complaints"
    __table_args__ = (
        CheckConstraint(
            "status IN (" + ", ".join(f"'{s}'" for s in COMPLAINT_STATUSES) + ")", name="status"
        ),
        Index("ix_complaints_status", "status", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int | None] = mapped_column(
        ForeignKey("posts.id", ondelete="SET NULL"), index=True
    )
    author: Mapped[str] = mapped_column(Text, default="")
    platform: Mapped[str] = mapped_column(String(32), default="")
    url: Mapped[str] = mapped_column(Text, default="")
    commented_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rating: Mapped[int | None] = mapped_column(Integer)  # from 0010, as on post_comments
    text: Mapped[str] = mapped_column(Text)
    reply: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ComplaintStatus] = mapped_column(String(16), default="open")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RevisionRow(Base):
    __tablename__ = "revisions"
    __table_args__ = (Index("ix_revisions_post", "post_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id", ondelete="CASCADE"))
    kind: Mapped[RevisionKind] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    variants: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    platforms: Mapped[list[str]] = mapped_column(JSON, default=list)
    link: Mapped[str] = mapped_column(Text, default="")
    scheduled_at: Mapped[datetime | None] = mapped_column(DateTime)  # UTC, naive (0007)
    scheduled_tz: Mapped[str | None] = mapped_column(String(64))
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    account_id: Mapped[int | None] = mapped_column(Integer)
    attachments: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    in_reply_to: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ApprovalRow(Base):
    __tablename__ = "approvals"
    __table_args__ = (Index("ix_approvals_post", "post_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
    link: Mapped[str] = mapped_column(Text, default="")
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    overrides: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    approver: Mapped[str] = mapped_column(String(200), default="")
    approved_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    exported_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # From 0004 (NULL before): the rule packs in force, and who signed off.
    rules_version: Mapped[str | None] = mapped_column(String(40))
    rules_sha256: Mapped[str | None] = mapped_column(String(64))
    rules_packs: Mapped[list[dict[str, str]] | None] = mapped_column(JSON)
    review_kind: Mapped[str | None] = mapped_column(String(16))  # "self" or "outside"
    reviewer: Mapped[str | None] = mapped_column(String(200))
    organisation: Mapped[str | None] = mapped_column(String(200))
    approval_code: Mapped[str | None] = mapped_column(String(100))
    expires_on: Mapped[date | None] = mapped_column(Date)

    texts: Mapped[list[ApprovalTextRow]] = relationship(
        order_by="ApprovalTextRow.position", lazy="selectin"
    )
    images: Mapped[list[ApprovalImageRow]] = relationship(
        order_by="ApprovalImageRow.position", lazy="selectin"
    )


class ApprovalTextRow(Base):
    """The exact approved text for one platform; triggers forbid changing it."""

    __tablename__ = "approval_texts"

    approval_id: Mapped[int] = mapped_column(ForeignKey("approvals.id"), primary_key=True)
    platform: Mapped[str] = mapped_column(String(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))


class ApprovalImageRow(Base):
    """One approved image (its hash and alt text, in order); triggers forbid changing it."""

    __tablename__ = "approval_images"

    approval_id: Mapped[int] = mapped_column(ForeignKey("approvals.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    alt_text: Mapped[str] = mapped_column(Text, default="")


class ExportRow(Base):
    __tablename__ = "exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    format: Mapped[str] = mapped_column(String(32))
    path: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64))
    # The head anchor at the export: its own audit entry (NULL for exports before 0003).
    audit_seq: Mapped[int | None] = mapped_column(Integer)
    audit_hash: Mapped[str | None] = mapped_column(String(64))

    items: Mapped[list[ExportItemRow]] = relationship(
        order_by="ExportItemRow.position", lazy="selectin"
    )


class ExportItemRow(Base):
    __tablename__ = "export_items"

    export_id: Mapped[int] = mapped_column(ForeignKey("exports.id"), primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"), primary_key=True)
    approval_id: Mapped[int] = mapped_column(ForeignKey("approvals.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)


class PublicationRow(Base):
    """Where and when a post ran: one row per publication (each also in the audit log)."""

    __tablename__ = "publications"
    __table_args__ = (Index("ix_publications_post", "post_id", "published_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    platform: Mapped[str] = mapped_column(String(32))
    account: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    audience: Mapped[str] = mapped_column(String(16))
    spend: Mapped[str] = mapped_column(String(32))  # a decimal amount as typed, or ""
    # The text as it reads on the network, when it was compared with the approved text.
    live_text: Mapped[str | None] = mapped_column(Text)
    live_matches: Mapped[bool | None] = mapped_column()
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SubmissionRow(Base):
    """A post's approved texts sent to an outside reviewer, and the decision back."""

    __tablename__ = "submissions"
    __table_args__ = (Index("ix_submissions_post", "post_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
    approval_id: Mapped[int] = mapped_column(ForeignKey("approvals.id"))
    submitted_to: Mapped[str] = mapped_column(String(200))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    text_sha256: Mapped[str] = mapped_column(String(64))  # see domain.record.texts_sha256
    state: Mapped[str] = mapped_column(String(16))  # in-review, approved, rejected, changes
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class AuditRow(Base):
    """Append-only (triggers forbid UPDATE and DELETE); each row hashes the one before,
    and from the first entry written with a key, also carries an HMAC."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    action: Mapped[str] = mapped_column(String(32))
    post_id: Mapped[int | None] = mapped_column(Integer, index=True)
    data: Mapped[str] = mapped_column(Text)  # canonical JSON, hashed as stored
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # HMAC-SHA256 with the library's key (see composer.services.audit_keys); NULL for
    # entries written before 0003 or where no secure keyring exists.
    mac: Mapped[str | None] = mapped_column(String(64))


class SettingRow(Base):
    """Key/value settings (JSON values); the agent profile lives under `profile`."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class PostingSlotRow(Base):
    """One weekly posting time (0004): weekday 0 (Monday) to 6 and the minute of the day,
    as local wall time, for one platform or for all (`platform` empty)."""

    __tablename__ = "posting_slots"
    __table_args__ = (
        UniqueConstraint("platform", "weekday", "minute"),
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("minute BETWEEN 0 AND 1439", name="minute"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32), default="")
    weekday: Mapped[int] = mapped_column(Integer)
    minute: Mapped[int] = mapped_column(Integer)


class EvergreenRow(Base):
    """A post that comes back every `every_days` days (0004): at most `times` copies
    (NULL: without end); `made` copies so far, the newest `last_copy_id`."""

    __tablename__ = "evergreen"
    __table_args__ = (CheckConstraint("every_days >= 1", name="every"),)

    post_id: Mapped[int] = mapped_column(
        ForeignKey("posts.id", ondelete="CASCADE"), primary_key=True
    )
    every_days: Mapped[int] = mapped_column(Integer)
    times: Mapped[int | None] = mapped_column(Integer)
    made: Mapped[int] = mapped_column(Integer, default=0)
    last_copy_id: Mapped[int | None] = mapped_column(Integer)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Leave SQLite's FTS5 shadow tables out of Alembic's comparisons with the models."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))
