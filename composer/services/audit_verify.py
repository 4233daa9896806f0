"""`audit verify`: re-compute the chain and check everything it vouches for.

In order, and stopping at the first problem (named in plain words; nothing is repaired):
each entry's number, link to the one before, hash and (from the first signed entry on)
HMAC with the library's key, and what approve and export entries pin down against the
approval and export tables; that the log reaches as far as the head anchor file and the
backups say it once did; that no approval or export lacks its entry and no voided
approval is live again; and that every post marked approved or exported has an approval
whose texts are the post's current texts.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from composer.domain.posts import (
    GENESIS_HASH,
    Approval,
    AuditEntry,
    AuditHead,
    AuditReport,
    ExportRecord,
    Post,
    content_hash,
    entry_hash,
    entry_mac,
    head_mac,
)
from composer.services.approval import approval_audit_data, findings_hash

if TYPE_CHECKING:
    from composer.storage.repositories import Repositories

LIVE_STATUSES = ("approved", "exported")

# Why an approval shown for a post cannot be trusted (codes for show and history).
NO_APPROVAL = "no-approval"  # marked approved/exported, but no approval applies
NOT_LOGGED = "not-logged"  # the approval has no audit entry
APPROVAL_CHANGED = "approval-changed"  # its stored text no longer matches the logged hash
POST_CHANGED = "post-changed"  # the post's text (link, images) is not what was approved


@dataclass(frozen=True, slots=True)
class Anchors:
    """What outside the log says about its head: the anchor file and each backup."""

    file: AuditHead | None
    file_name: str
    file_expected: bool  # the library has had an anchor file (so a missing one matters)
    file_problem: str = ""  # why the file could not be read
    backups: tuple[tuple[str, AuditHead], ...] = ()


@dataclass
class _Walk:
    """What the walk through the log has seen so far."""

    count: int = 0
    prev: str = GENESIS_HASH
    signed_from: int | None = None
    # approval id -> the text hashes its entry logged, as sorted (platform, hash) pairs
    approvals: dict[int, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    voided: set[int] = field(default_factory=set)
    exports: dict[int, int] = field(default_factory=dict)  # export id -> its entry's seq
    hashes: dict[int, str] = field(default_factory=dict)  # seqs something names -> hash


def verify_library(
    tx: Repositories, key: bytes | None, key_state: str, anchors: Anchors
) -> AuditReport:
    """Everything above; `key_state` is "keyed", "unkeyed" or "missing" for the report."""
    wanted = {h.seq for _, h in anchors.backups}
    if anchors.file is not None:
        wanted.add(anchors.file.seq)
    exports = list(tx.exports.all_by_id())
    wanted.update(e.audit_seq for e in exports if e.audit_seq is not None)
    walk = _Walk()

    def report(problem: str, seq: int | None = None) -> AuditReport:
        return AuditReport(walk.count, False, seq, problem, key_state, walk.signed_from)

    for entry, stored_json in tx.audit.raw_entries():
        walk.count += 1
        problem = _check_link(entry, stored_json, walk, key) or _check_content(tx, entry, walk)
        if problem:
            where = f"audit entry {entry.seq} ({entry.action}"
            where += f", post {entry.post_id})" if entry.post_id is not None else ")"
            return report(f"{where}: {problem}", entry.seq)
        if entry.seq in wanted:
            walk.hashes[entry.seq] = entry.hash
        walk.prev = entry.hash

    problem = (
        _check_key_used(key, walk)
        or _check_anchors(anchors, walk, key)
        or _check_records(tx, walk, exports)
        or _check_posts(tx, walk)
    )
    if problem:
        return report(problem)
    return AuditReport(walk.count, True, key=key_state, signed_from=walk.signed_from)


def _check_link(entry: AuditEntry, stored_json: str, walk: _Walk, key: bytes | None) -> str:
    if entry.seq != walk.count:
        return f"entry {walk.count} is missing"
    if entry.prev_hash != walk.prev:
        return "it does not follow the entry before it (an entry was removed or changed)"
    parts = (walk.prev, entry.seq, entry.at, entry.action, entry.post_id, stored_json)
    if entry_hash(*parts) != entry.hash:
        return "its content was changed after it was written"
    if entry.mac is None:
        if walk.signed_from is not None:
            return (
                "it is not signed, though the entries before it are: it was added or "
                "re-written without the library's key"
            )
        return ""
    if walk.signed_from is None:
        walk.signed_from = entry.seq
    if key is None:
        return (
            "it is signed with this library's key, which is not in this computer's "
            "keyring, so it cannot be checked"
        )
    if not hmac.compare_digest(entry.mac, entry_mac(key, *parts)):
        return (
            "its signature does not match: it was changed, or its hashes re-computed, "
            "without the library's key"
        )
    return ""


def _check_content(tx: Repositories, entry: AuditEntry, walk: _Walk) -> str:
    if entry.action == "approve":
        return _check_approval(tx, entry, walk)
    if entry.action == "export":
        return _check_export(tx, entry, walk)
    if entry.action == "complaint":
        return _check_complaint(tx, entry)
    if entry.action == "approval-voided":
        approval_id = entry.data.get("approval_id")
        if isinstance(approval_id, int):
            walk.voided.add(approval_id)
    return ""


def _check_complaint(tx: Repositories, entry: AuditEntry) -> str:
    """The register keeps the comment word for word: its text still hashes as logged, and
    its rating is the one logged (none when the entry logged none, as all older ones)."""
    complaint_id = entry.data.get("complaint_id")
    complaint = tx.complaints.get(complaint_id) if isinstance(complaint_id, int) else None
    if complaint is None:
        return f"complaint {complaint_id} is missing from the register"
    if content_hash(complaint.comment.text) != entry.data.get("text_sha256"):
        return f"the comment of complaint {complaint.id} was changed"
    if complaint.comment.rating != entry.data.get("rating"):
        return f"the rating of complaint {complaint.id} was changed"
    return ""


def _check_approval(tx: Repositories, entry: AuditEntry, walk: _Walk) -> str:
    approval_id = entry.data.get("approval_id")
    approval = tx.approvals.get(approval_id) if isinstance(approval_id, int) else None
    if approval is None:
        return f"approval {approval_id} is missing"
    logged_texts = entry.data.get("texts", {})
    if isinstance(logged_texts, dict):
        walk.approvals[approval.id] = tuple(sorted(logged_texts.items()))
    if approval.post_id != entry.post_id:
        return f"approval {approval.id} now belongs to another post"
    if approval.approved_at != entry.at:
        return f"approval {approval.id} has a different approval time"
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


def _check_export(tx: Repositories, entry: AuditEntry, walk: _Walk) -> str:
    export_id = entry.data.get("export_id")
    record = tx.exports.get(export_id) if isinstance(export_id, int) else None
    if record is None:
        return f"export {export_id} is missing"
    walk.exports[record.id] = entry.seq
    # As export_audit_data wrote it: [[post_id, approval_id], ...] (its hash checked above).
    logged_items = cast("list[list[int]]", entry.data.get("items", []))
    logged_posts = tuple(item[0] for item in logged_items)
    if (
        record.format != entry.data.get("format")
        or record.path != entry.data.get("path")
        or record.file_sha256 != entry.data.get("file_sha256")
        or record.post_ids != logged_posts
        or record.exported_at != entry.at
    ):
        return f"export {record.id} was changed after it was recorded"
    return ""


def _check_key_used(key: bytes | None, walk: _Walk) -> str:
    if key is not None and walk.signed_from is None:
        return (
            "this library has an audit key in the keyring, but no entry is signed with it: "
            "the signed entries at the end of the log were removed"
        )
    return ""


def _check_records(tx: Repositories, walk: _Walk, exports: Iterable[ExportRecord]) -> str:
    for approval in tx.approvals.all_by_id():
        if approval.id not in walk.approvals:
            return f"approval {approval.id} (post {approval.post_id}) has no audit entry"
        if approval.id in walk.voided and approval.voided_at is None:
            return (
                f"approval {approval.id} (post {approval.post_id}) was withdrawn in the log "
                "but is marked as still valid"
            )
    for record in exports:
        seq = walk.exports.get(record.id)
        if seq is None:
            return f"export {record.id} ({record.path}) has no audit entry"
        if record.audit_seq is not None and (
            record.audit_seq != seq or record.audit_hash != walk.hashes.get(seq)
        ):
            return f"export {record.id} names audit entry {record.audit_seq}, which does not match"
    return ""


def _check_posts(tx: Repositories, walk: _Walk) -> str:
    ids = tx.posts.ids_with_status(LIVE_STATUSES)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        posts = tx.posts.get_many(chunk)
        active = tx.approvals.active_for(chunk)
        for post_id in chunk:
            post = posts[post_id]
            code = approval_problem(post, active.get(post_id), walk.approvals)
            if code:
                return f"post {post_id} is marked {post.status}, but {_POST_WORDS[code]}"
    return ""


_POST_WORDS = {
    NO_APPROVAL: "no approval applies to it",
    NOT_LOGGED: "its approval has no audit entry",
    APPROVAL_CHANGED: "its approved text no longer matches the hash in the audit log",
    POST_CHANGED: "its text (or link, or images) is not what was approved",
}


def approval_problem(
    post: Post, approval: Approval | None, logged: Mapping[int, tuple[tuple[str, str], ...]]
) -> str:
    """Why `approval` does not vouch for `post` as it stands (a code), or "" when it does.

    `logged` maps approval ids to the text hashes their audit entries recorded."""
    if approval is None:
        return NO_APPROVAL
    hashes = logged.get(approval.id)
    if hashes is None:
        return NOT_LOGGED
    stored = {p: content_hash(t) for p, t in approval.texts.items()}
    if tuple(sorted(stored.items())) != hashes or dict(approval.hashes) != stored:
        return APPROVAL_CHANGED
    current = {p: content_hash(t) for p, t in post.draft.published_texts().items()}
    if (
        current != stored
        or post.link != approval.link
        or post.draft.approved_images() != approval.images
    ):
        return POST_CHANGED
    return ""


def _check_anchors(anchors: Anchors, walk: _Walk, key: bytes | None) -> str:
    name = anchors.file_name
    if anchors.file_problem:
        return f"the head record {name} cannot be used: {anchors.file_problem}"
    if anchors.file is None:
        if anchors.file_expected:
            return (
                f"the head record {name} is missing, so entries removed from the end of "
                "the log could go unnoticed"
            )
    else:
        problem = _check_head(anchors.file, f"the head record {name}", walk)
        if problem:
            return problem
        head = anchors.file
        signed = walk.signed_from is not None and head.seq >= walk.signed_from
        if signed and key is not None:
            expected = head_mac(key, head.seq, head.hash)
            if head.mac is None or not hmac.compare_digest(head.mac, expected):
                return (
                    f"the head record {name} is not signed with the library's key "
                    "(it was written by something other than Composer)"
                )
    for backup_name, head in anchors.backups:
        problem = _check_head(head, f"the backup {backup_name}", walk)
        if problem:
            return problem
    return ""


def _check_head(head: AuditHead, what: str, walk: _Walk) -> str:
    if head.seq > walk.count:
        return (
            f"the log ends at entry {walk.count}, but {what} says it reached entry "
            f"{head.seq}: entries were removed from the end"
        )
    expected = GENESIS_HASH if head.seq == 0 else walk.hashes.get(head.seq)
    if head.hash != expected:
        return f"{what} does not match entry {head.seq}: the log was re-written"
    return ""
