"""A keyed audit chain and anchored exports.

`audit_log.mac` holds each new entry's HMAC-SHA256 with the library's key (kept in the
OS keyring). Entries already in the log keep their plain hashes and no HMAC: the chain
becomes keyed from the first entry written after this update on a computer with a secure
keyring. `exports.audit_seq/audit_hash` name the export's own audit entry (the head of the
log once it was recorded); earlier exports have none. Plain ADD COLUMNs: no table is
copied, so the append-only triggers stay as they are.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-09
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("audit_log", sa.Column("mac", sa.String(length=64), nullable=True))
    op.add_column("exports", sa.Column("audit_seq", sa.Integer(), nullable=True))
    op.add_column("exports", sa.Column("audit_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # SQLite's own DROP COLUMN (3.35+): a batch copy would drop the audit log's triggers.
    op.execute("ALTER TABLE exports DROP COLUMN audit_hash")
    op.execute("ALTER TABLE exports DROP COLUMN audit_seq")
    op.execute("ALTER TABLE audit_log DROP COLUMN mac")
