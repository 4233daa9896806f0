"""Threads: the post a reply's comment was left on.

`post_comments.on_post_id` names the agent's own post the comment was left on, so a post's
replies can be seen together as a thread. NULL for comments on no post of the library
(reviews, pages) and for every reply made before; set NULL if that post is ever purged.
Revisions keep it in their `in_reply_to` JSON (as `post_id`), which needs no change.

`post_comments` is copied (batch mode) to add the foreign key; it carries no triggers.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("post_comments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("on_post_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_post_comments_on_post_id"), ["on_post_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_post_comments_on_post_id_posts"),
            "posts",
            ["on_post_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("post_comments", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_post_comments_on_post_id_posts"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_post_comments_on_post_id"))
        batch_op.drop_column("on_post_id")
