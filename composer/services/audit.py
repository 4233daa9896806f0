"""The record a reviewer sees: export events, the audit log, and verifying its hash chain.

Verification re-computes every entry's hash from its stored content and the previous
hash, and re-checks what each entry pins down (approved texts against their hashes,
findings, reasons, export files) against the approval and export tables. The first
mismatch is named; nothing is repaired.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from composer.domain.posts import (
    GENESIS_HASH,
    AuditEntry,
    AuditReport,
    ExportRecord,
    content_hash,
    entry_hash,
)
from composer.services.approval import NotApprovedError, approval_audit_data, findings_hash
from composer.services.library import Clock, PostNotFoundError, utc_now

if TYPE_CHECKING:
    from composer.storage.database import Database
    from composer.storage.repositories import Repositories


class AuditService:
    def __init__(self, database: Database, clock: Clock = utc_now) -> None:
        self._db = database
        self._clock = clock

    def record_export(
        self, format: str, path: str, file_sha256: str, post_ids: Sequence[int]
    ) -> ExportRecord:
        """Record that these posts' approved snapshots were written to `path`.

        Every post must have an approval that still applies; they become `exported`.
        """
        now = self._clock()
        with self._db.write() as tx:
            statuses = tx.posts.statuses(post_ids)
            active = tx.approvals.active_ids_for(post_ids)
            items: list[tuple[int, int]] = []
            for post_id in post_ids:
                if post_id not in statuses:
                    raise PostNotFoundError(f"there is no post {post_id}")
                approval_id = active.get(post_id)
                if approval_id is None:
                    raise NotApprovedError(f"post {post_id} is not approved (or was edited since)")
                items.append((post_id, approval_id))
            record = tx.exports.add(format, path, file_sha256, items, now)
            tx.approvals.mark_exported_many([a for _, a in items], now)
            moving = [p for p, _ in items if statuses[p] != "archived"]
            tx.posts.set_status_many(moving, "exported", now)
            tx.audit.append("export", None, export_audit_data(record, items), now)
            return record

    def entries(self, post_id: int | None = None) -> list[AuditEntry]:
        with self._db.read() as tx:
            return list(tx.audit.entries(post_id))

    def verify(self) -> AuditReport:
        with self._db.read() as tx:
            return verify_chain(tx)


def export_audit_data(record: ExportRecord, items: Sequence[tuple[int, int]]) -> dict[str, Any]:
    """What the audit entry of an export says: the file, and each (post, approval) pair."""
    return {
        "export_id": record.id,
        "format": record.format,
        "path": record.path,
        "file_sha256": record.file_sha256,
        "items": [[post_id, approval_id] for post_id, approval_id in items],
    }


def verify_chain(tx: Repositories) -> AuditReport:
    prev = GENESIS_HASH
    count = 0
    approvals_logged: set[int] = set()
    for entry, stored_json in tx.audit.raw_entries():
        count += 1
        problem = _check_entry(tx, entry, stored_json, count, prev, approvals_logged)
        if problem:
            where = f"audit entry {entry.seq} ({entry.action}"
            where += f", post {entry.post_id})" if entry.post_id is not None else ")"
            return AuditReport(count, False, entry.seq, f"{where}: {problem}")
        prev = entry.hash

    for approval in tx.approvals.all_by_id():
        if approval.id not in approvals_logged:
            return AuditReport(
                count,
                False,
                None,
                f"approval {approval.id} (post {approval.post_id}) has no audit entry",
            )
    return AuditReport(count, True)


def _check_entry(
    tx: Repositories, entry: AuditEntry, stored_json: str, seq: int, prev: str, seen: set[int]
) -> str:
    if entry.seq != seq:
        return f"entry {seq} is missing"
    if entry.prev_hash != prev:
        return "it does not follow the entry before it (an entry was removed or changed)"
    expected = entry_hash(prev, entry.seq, entry.at, entry.action, entry.post_id, stored_json)
    if expected != entry.hash:
        return "its content was changed after it was written"
    if entry.action == "approve":
        return _check_approval(tx, entry, seen)
    if entry.action == "export":
        return _check_export(tx, entry)
    return ""


def _check_approval(tx: Repositories, entry: AuditEntry, seen: set[int]) -> str:
    approval_id = entry.data.get("approval_id")
    approval = tx.approvals.get(approval_id) if isinstance(approval_id, int) else None
    if approval is None:
        return f"approval {approval_id} is missing"
    seen.add(approval.id)
    if approval.post_id != entry.post_id:
        return f"approval {approval.id} now belongs to another post"
    if approval.approved_at != entry.at:
        return f"approval {approval.id} has a different approval time"
    logged_texts = entry.data.get("texts", {})
    if not isinstance(logged_texts, dict) or set(logged_texts) != set(approval.texts):
        return f"approval {approval.id} covers different platforms than were approved"
    for platform, text in approval.texts.items():
        if content_hash(text) != logged_texts.get(platform):
            return f"the approved text for {platform} (approval {approval.id}) was changed"
        if approval.hashes.get(platform) != logged_texts.get(platform):
            return f"the stored hash for {platform} (approval {approval.id}) was changed"
    logged_images = entry.data.get("images", [])
    if [[i.sha256, i.alt_text] for i in approval.images] != logged_images:
        return f"the images approved with approval {approval.id} were changed"
    if findings_hash(approval.findings) != entry.data.get("findings"):
        return f"the findings recorded with approval {approval.id} were changed"
    if approval_audit_data(approval) != dict(entry.data):
        return f"approval {approval.id} (approver, link or reasons) was changed"
    return ""


def _check_export(tx: Repositories, entry: AuditEntry) -> str:
    export_id = entry.data.get("export_id")
    record = tx.exports.get(export_id) if isinstance(export_id, int) else None
    if record is None:
        return f"export {export_id} is missing"
    logged_items = entry.data.get("items", [])
    logged_posts = tuple(item[0] for item in logged_items)  # type: ignore[index,union-attr]
    if (
        record.format != entry.data.get("format")
        or record.path != entry.data.get("path")
        or record.file_sha256 != entry.data.get("file_sha256")
        or record.post_ids != logged_posts
        or record.exported_at != entry.at
    ):
        return f"export {record.id} was changed after it was recorded"
    return ""


def describe(entry: AuditEntry) -> str:
    """One line for people: when, what, which post."""
    when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
    post = f" post {entry.post_id}" if entry.post_id is not None else ""
    return f"{entry.seq:>5}  {when}  {entry.action}{post}"
