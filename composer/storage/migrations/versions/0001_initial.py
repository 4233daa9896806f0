"""The first schema: posts, revisions, accounts, approvals, exports, audit log, settings.

Also the FTS5 index over posts (title, body, variant texts), kept in sync by triggers, and
triggers that make the audit log and approved texts append-only.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Contentless FTS5 (the text lives in posts); variant texts are joined from the JSON map.
_VARIANT_TEXT = "(SELECT group_concat(value, ' ') FROM json_each({row}.variants))"

EXTRA_DDL = (
    "CREATE VIRTUAL TABLE posts_fts USING fts5("
    "title, body, variants, content='', tokenize='unicode61 remove_diacritics 2')",
    # Bulk imports set the BULK_INSERT_KEY setting inside their transaction and index the
    # new rows in one statement afterwards (per-row trigger inserts are ~8x slower).
    f"""CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts
    WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'fts.bulk-insert') BEGIN
        INSERT INTO posts_fts(rowid, title, body, variants)
        VALUES (new.id, new.title, new.body, {_VARIANT_TEXT.format(row="new")});
    END""",
    f"""CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
        INSERT INTO posts_fts(posts_fts, rowid, title, body, variants)
        VALUES ('delete', old.id, old.title, old.body, {_VARIANT_TEXT.format(row="old")});
    END""",
    f"""CREATE TRIGGER posts_fts_update AFTER UPDATE OF title, body, variants ON posts BEGIN
        INSERT INTO posts_fts(posts_fts, rowid, title, body, variants)
        VALUES ('delete', old.id, old.title, old.body, {_VARIANT_TEXT.format(row="old")});
        INSERT INTO posts_fts(rowid, title, body, variants)
        VALUES (new.id, new.title, new.body, {_VARIANT_TEXT.format(row="new")});
    END""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
    END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'the audit log is append-only');
    END""",
    """CREATE TRIGGER approval_texts_no_update BEFORE UPDATE ON approval_texts BEGIN
        SELECT RAISE(ABORT, 'approved texts cannot be changed');
    END""",
    """CREATE TRIGGER approval_texts_no_delete BEFORE DELETE ON approval_texts BEGIN
        SELECT RAISE(ABORT, 'approved texts cannot be changed');
    END""",
)

EXTRA_DROPS = (
    "DROP TRIGGER IF EXISTS approval_texts_no_delete",
    "DROP TRIGGER IF EXISTS approval_texts_no_update",
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "DROP TRIGGER IF EXISTS posts_fts_update",
    "DROP TRIGGER IF EXISTS posts_fts_delete",
    "DROP TRIGGER IF EXISTS posts_fts_insert",
    "DROP TABLE IF EXISTS posts_fts",
)


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("handle", sa.String(length=200), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("has_secret", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("platform", "handle", name=op.f("uq_accounts_platform")),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_log_hash")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_post_id"), ["post_id"], unique=False)

    op.create_table(
        "exports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("format", sa.String(length=32), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exports")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("variants", sa.JSON(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=True),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('draft', 'approved', 'exported', 'archived')", name=op.f("ck_posts_status")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_posts_account_id_accounts"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
    )
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posts_account_id"), ["account_id"], unique=False)
        batch_op.create_index("ix_posts_status_updated", ["status", "updated_at"], unique=False)
        batch_op.create_index("ix_posts_updated", ["deleted_at", "updated_at"], unique=False)

    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("overrides", sa.JSON(), nullable=False),
        sa.Column("approver", sa.String(length=200), nullable=False),
        sa.Column("approved_at", sa.DateTime(), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=True),
        sa.Column("exported_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], name=op.f("fk_approvals_post_id_posts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approvals")),
    )
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_approvals_approved_at"), ["approved_at"], unique=False)
        batch_op.create_index("ix_approvals_post", ["post_id", "id"], unique=False)

    op.create_table(
        "post_platforms",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"],
            ["posts.id"],
            name=op.f("fk_post_platforms_post_id_posts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("post_id", "platform", name=op.f("pk_post_platforms")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("post_platforms", schema=None) as batch_op:
        batch_op.create_index("ix_post_platforms_platform", ["platform", "post_id"], unique=False)

    op.create_table(
        "post_tags",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_post_tags_post_id_posts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("post_id", "tag", name=op.f("pk_post_tags")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("post_tags", schema=None) as batch_op:
        batch_op.create_index("ix_post_tags_tag", ["tag", "post_id"], unique=False)

    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("variants", sa.JSON(), nullable=False),
        sa.Column("platforms", sa.JSON(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_revisions_post_id_posts"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revisions")),
    )
    with op.batch_alter_table("revisions", schema=None) as batch_op:
        batch_op.create_index("ix_revisions_post", ["post_id", "id"], unique=False)

    op.create_table(
        "approval_texts",
        sa.Column("approval_id", sa.Integer(), nullable=False),
        sa.Column("platform", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_id"], ["approvals.id"], name=op.f("fk_approval_texts_approval_id_approvals")
        ),
        sa.PrimaryKeyConstraint("approval_id", "platform", name=op.f("pk_approval_texts")),
    )
    op.create_table(
        "export_items",
        sa.Column("export_id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("approval_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approval_id"], ["approvals.id"], name=op.f("fk_export_items_approval_id_approvals")
        ),
        sa.ForeignKeyConstraint(
            ["export_id"], ["exports.id"], name=op.f("fk_export_items_export_id_exports")
        ),
        sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name=op.f("fk_export_items_post_id_posts")
        ),
        sa.PrimaryKeyConstraint("export_id", "post_id", name=op.f("pk_export_items")),
    )

    for statement in EXTRA_DDL:
        op.execute(statement)


def downgrade() -> None:
    for name in EXTRA_DROPS:
        op.execute(name)
    op.drop_table("export_items")
    op.drop_table("approval_texts")
    with op.batch_alter_table("revisions", schema=None) as batch_op:
        batch_op.drop_index("ix_revisions_post")

    op.drop_table("revisions")
    with op.batch_alter_table("post_tags", schema=None) as batch_op:
        batch_op.drop_index("ix_post_tags_tag")

    op.drop_table("post_tags")
    with op.batch_alter_table("post_platforms", schema=None) as batch_op:
        batch_op.drop_index("ix_post_platforms_platform")

    op.drop_table("post_platforms")
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.drop_index("ix_approvals_post")
        batch_op.drop_index(batch_op.f("ix_approvals_approved_at"))

    op.drop_table("approvals")
    with op.batch_alter_table("posts", schema=None) as batch_op:
        batch_op.drop_index("ix_posts_updated")
        batch_op.drop_index("ix_posts_status_updated")
        batch_op.drop_index(batch_op.f("ix_posts_account_id"))

    op.drop_table("posts")
    op.drop_table("settings")
    op.drop_table("exports")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_post_id"))

    op.drop_table("audit_log")
    op.drop_table("accounts")
