"""Retirement: `posts.retired_at`, when the agent said a post is no longer in use.

Set by `composer retire` and Post > Retire…; the post's workflow status is then
"retired" (see composer.domain.workflow), and its last use (`last_used_at`, from which
the retention period counts) moves on to the last day of use the agent gave. NULL for
every post before.

A plain ADD COLUMN: no table is copied, so the search and audit triggers stay.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("posts", sa.Column("retired_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy would drop the table's triggers.
    op.execute("ALTER TABLE posts DROP COLUMN retired_at")
