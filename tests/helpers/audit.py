"""Helpers for the tamper tests: a small library, raw SQL with the triggers dropped, and
re-hashing the log with the project's own functions (as someone who read the code would)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from composer.domain.posts import GENESIS_HASH, AuditHead, PostDraft, entry_hash, entry_mac
from composer.storage.anchor import anchor_path, write_anchor

TRIGGERS = (
    "audit_log_no_update",
    "audit_log_no_delete",
    "approval_texts_no_update",
    "approval_texts_no_delete",
    "approval_images_no_update",
    "approval_images_no_delete",
)


def build(services, clock) -> dict[str, int]:
    """Approved (and exported), approved, approved-then-edited and draft posts."""

    def post(body: str) -> int:
        clock.advance(10)
        return services.library.create(PostDraft(body=body, platforms=("facebook",))).id

    exported = post("Storm kit tips: what's in yours?")
    services.approval.approve(exported)
    clock.advance(10)
    services.audit.record_export("csv", "/tmp/storm.csv", "ab" * 32, [exported])
    approved = post("Flood season: check your cover today.")
    services.approval.approve(approved)
    edited = post("Home insurance basics, part one.")
    services.approval.approve(edited)
    clock.advance(10)
    services.library.autosave(
        edited, PostDraft(body="Home insurance basics, part two.", platforms=("facebook",))
    )
    draft = post("A draft nobody approved.")
    return {"exported": exported, "approved": approved, "edited": edited, "draft": draft}


@contextlib.contextmanager
def raw(library: Path) -> Iterator[sqlite3.Connection]:
    """The library file opened directly, its append-only triggers dropped."""
    conn = sqlite3.connect(library, isolation_level=None)
    try:
        for name in TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute("BEGIN")
        yield conn
        conn.execute("COMMIT")
    finally:
        conn.close()


def rehash(conn: sqlite3.Connection, key: bytes | None = None) -> AuditHead:
    """Re-compute every entry's hash with Composer's own functions, renumbering gaps away;
    signatures are left as they were, or (given some other key) re-computed with it.
    Returns the new head."""
    rows = conn.execute(
        "SELECT seq, at, action, post_id, data, mac FROM audit_log ORDER BY seq"
    ).fetchall()
    conn.execute("UPDATE audit_log SET hash = 'old-' || seq")  # keep UNIQUE(hash) happy
    prev, seq = GENESIS_HASH, 0
    for old_seq, at, action, post_id, data, mac in rows:
        seq += 1
        when = datetime.fromisoformat(at).replace(tzinfo=UTC)
        digest = entry_hash(prev, seq, when, action, post_id, data)
        new_mac = mac
        if mac is not None and key is not None:
            new_mac = entry_mac(key, prev, seq, when, action, post_id, data)
        conn.execute(
            "UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ?, mac = ? WHERE seq = ?",
            (seq, prev, digest, new_mac, old_seq),
        )
        prev = digest
    return AuditHead(seq, prev)


def forge_anchor(library: Path, head: AuditHead) -> None:
    """Write the head record to match a rewritten log (without the key: no signature)."""
    write_anchor(anchor_path(library), head)
