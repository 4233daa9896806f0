"""Planning: the agent's weekly posting slots, evergreen posts, and an index for the calendar.

`posting_slots` holds each weekly time as weekday and minute of the day in local wall time
(so 09:30 stays 09:30 across daylight-saving changes), for one platform or for all
(`platform` empty). `evergreen` marks a post to come back every `every_days` days (at most
`times` copies, or without end), remembering how many copies were made and the last one.
`ix_posts_scheduled` lets the calendar read a date range of live posts
without scanning the library. Libraries from 0003 keep all their data and have no slots.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "posting_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("minute", sa.Integer(), nullable=False),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name=op.f("ck_posting_slots_weekday")),
        sa.CheckConstraint("minute BETWEEN 0 AND 1439", name=op.f("ck_posting_slots_minute")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_slots")),
        sa.UniqueConstraint(
            "platform", "weekday", "minute", name=op.f("uq_posting_slots_platform")
        ),
    )
    op.create_table(
        "evergreen",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("every_days", sa.Integer(), nullable=False),
        sa.Column("times", sa.Integer(), nullable=True),
        sa.Column("made", sa.Integer(), nullable=False),
        sa.Column("last_copy_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("every_days >= 1", name=op.f("ck_evergreen_every")),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_evergreen_post_id_posts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("post_id", name=op.f("pk_evergreen")),
    )
    op.create_index("ix_posts_scheduled", "posts", ["deleted_at", "scheduled_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_posts_scheduled", table_name="posts")
    op.drop_table("evergreen")
    op.drop_table("posting_slots")
