"""Images on posts: ordered attachments per post, approved images, images in revisions.

Each post's images are rows of `post_attachments` (the file itself lives once in the data
folder under its SHA-256); each approval pins its images (hash and alt text) in
`approval_images`, append-only like `approval_texts`; revisions keep their images as JSON.
Libraries from 0001 keep all their data: posts, revisions and approvals simply have none.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

EXTRA_DDL = (
    """CREATE TRIGGER approval_images_no_update BEFORE UPDATE ON approval_images BEGIN
        SELECT RAISE(ABORT, 'approved images cannot be changed');
    END""",
    """CREATE TRIGGER approval_images_no_delete BEFORE DELETE ON approval_images BEGIN
        SELECT RAISE(ABORT, 'approved images cannot be changed');
    END""",
)

EXTRA_DROPS = (
    "DROP TRIGGER IF EXISTS approval_images_no_delete",
    "DROP TRIGGER IF EXISTS approval_images_no_update",
)


def upgrade() -> None:
    op.create_table(
        "post_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("has_location", sa.Boolean(), nullable=False),
        sa.Column("alt_text", sa.Text(), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["posts.id"],
            name=op.f("fk_post_attachments_post_id_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_attachments")),
    )
    with op.batch_alter_table("post_attachments", schema=None) as batch_op:
        batch_op.create_index("ix_post_attachments_post", ["post_id", "position"], unique=False)
        batch_op.create_index("ix_post_attachments_sha256", ["sha256"], unique=False)

    op.create_table(
        "approval_images",
        sa.Column("approval_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("alt_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_id"],
            ["approvals.id"],
            name=op.f("fk_approval_images_approval_id_approvals"),
        ),
        sa.PrimaryKeyConstraint("approval_id", "position", name=op.f("pk_approval_images")),
    )
    # A plain ADD COLUMN (no table copy): existing revisions get an empty list.
    op.add_column(
        "revisions",
        sa.Column("attachments", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
    )
    for statement in EXTRA_DDL:
        op.execute(statement)


def downgrade() -> None:
    for statement in EXTRA_DROPS:
        op.execute(statement)
    with op.batch_alter_table("revisions", schema=None) as batch_op:
        batch_op.drop_column("attachments")
    op.drop_table("approval_images")
    with op.batch_alter_table("post_attachments", schema=None) as batch_op:
        batch_op.drop_index("ix_post_attachments_sha256")
        batch_op.drop_index("ix_post_attachments_post")
    op.drop_table("post_attachments")
