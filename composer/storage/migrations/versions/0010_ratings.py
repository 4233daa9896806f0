"""Ratings: a review's stars on the comment a reply answers.

`post_comments.rating` and `complaints.rating` hold the stars (1 to 5) a review gave, so the
checks can read a low rating that the words do not spell out, and the register keeps it
with the comment it copies. NULL for a comment without a rating and for every comment
before. Revisions keep it in their `in_reply_to` JSON (as `rating`, only when set), which
needs no change.

Plain ADD COLUMNs: no table is copied, so any triggers stay.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("post_comments", sa.Column("rating", sa.Integer(), nullable=True))
    op.add_column("complaints", sa.Column("rating", sa.Integer(), nullable=True))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy would drop the tables' triggers.
    op.execute("ALTER TABLE complaints DROP COLUMN rating")
    op.execute("ALTER TABLE post_comments DROP COLUMN rating")
