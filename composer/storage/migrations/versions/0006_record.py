"""The examiner's record: rules version and outside review on approvals, publications,
retention facts on posts.

- `approvals.rules_version/rules_sha256/rules_packs`: the Composer version, one SHA-256
  over every rule pack in force (shipped and custom) and each pack's own hash, so an
  approval says which rules it was checked against. NULL for approvals made before.
- `approvals.review_kind/reviewer/organisation/approval_code/expires_on`: who signed off
  (`self` or `outside`) and, for an outside approval, the reviewer, their organisation,
  the approval code and the date it lapses. NULL before (read as a self-approval).
- `posts.legal_hold` (blocks deletion) and `posts.last_used_at` (the last date the post
  ran, from which the retention period counts).
- `publications`: where and when a post ran (platform, account, link, audience, spend,
  and the text as it reads on the network when it was compared with the approved one),
  one row per publication, each also in the audit log.
- `submissions`: a post's approved texts sent to an outside reviewer (the agency
  principal, a carrier or IMO, a broker-dealer) and the decision that came back.

Plain ADD COLUMNs and a new table: no table is copied, so the approval, audit and search
triggers stay as they are.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _approval_columns() -> tuple[sa.Column[object], ...]:
    return (
        sa.Column("rules_version", sa.String(length=40), nullable=True),
        sa.Column("rules_sha256", sa.String(length=64), nullable=True),
        sa.Column("rules_packs", sa.JSON(), nullable=True),
        sa.Column("review_kind", sa.String(length=16), nullable=True),
        sa.Column("reviewer", sa.String(length=200), nullable=True),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("approval_code", sa.String(length=100), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
    )


def upgrade() -> None:
    for column in _approval_columns():
        op.add_column("approvals", column)
    op.add_column(
        "posts",
        sa.Column("legal_hold", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("posts", sa.Column("last_used_at", sa.DateTime(), nullable=True))
    op.create_table(
        "publications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("approval_id", sa.Integer(), nullable=True),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("account", sa.String(length=200), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("audience", sa.String(length=16), nullable=False),
        sa.Column("spend", sa.String(length=32), nullable=False),
        sa.Column("live_text", sa.Text(), nullable=True),
        sa.Column("live_matches", sa.Boolean(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_id"],
            ["approvals.id"],
            name=op.f("fk_publications_approval_id_approvals"),
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_publications_post_id_posts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_publications")),
    )
    op.create_index("ix_publications_post", "publications", ["post_id", "published_at"])
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("approval_id", sa.Integer(), nullable=False),
        sa.Column("submitted_to", sa.String(length=200), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=False),
        sa.Column("text_sha256", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_id"],
            ["approvals.id"],
            name=op.f("fk_submissions_approval_id_approvals"),
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_submissions_post_id_posts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_submissions")),
    )
    op.create_index("ix_submissions_post", "submissions", ["post_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_submissions_post", table_name="submissions")
    op.drop_table("submissions")
    op.drop_index("ix_publications_post", table_name="publications")
    op.drop_table("publications")
    # SQLite's own DROP COLUMN (3.35+): a batch copy would drop the tables' triggers.
    op.execute("ALTER TABLE posts DROP COLUMN last_used_at")
    op.execute("ALTER TABLE posts DROP COLUMN legal_hold")
    for column in reversed(_approval_columns()):
        op.execute(f"ALTER TABLE approvals DROP COLUMN {column.name}")
