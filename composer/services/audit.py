"""The record a reviewer sees: export events, the audit log, and verifying it.

Verification lives in `audit_verify`; this module records exports (in the same
transaction that places the file), keeps the head anchor file in step, answers whether a
post's approval can be trusted (for show and history), and passes on the audit key's
notice codes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.domain.errors import StorageError
from composer.domain.posts import AuditEntry, AuditReport, ExportRecord, Post
from composer.services.approval import NotApprovedError
from composer.services.audit_keys import UNKEYED
from composer.services.audit_verify import (
    LIVE_STATUSES,
    Anchors,
    approval_problem,
    verify_library,
)
from composer.services.library import Clock, PostNotFoundError, utc_now
from composer.storage import anchor

if TYPE_CHECKING:
    from composer.services.audit_keys import AuditKeys
    from composer.storage.database import Database
    from composer.storage.repositories import Repositories


@dataclass(frozen=True, slots=True)
class ApprovalStanding:
    """Whether a post's approval vouches for it as it stands; `problem` is a code from
    `composer.services.audit_verify` ("" when it does, or the post is not approved)."""

    post_id: int
    approval_id: int | None
    problem: str = ""

    @property
    def valid(self) -> bool:
        return not self.problem


log = logging.getLogger(__name__)

NOTICES_TOLD_SETTING = "audit.notices-told"


class AuditService:
    def __init__(
        self, database: Database, clock: Clock = utc_now, keys: AuditKeys | None = None
    ) -> None:
        self._db = database
        self._clock = clock
        self._keys = keys

    @property
    def notices(self) -> tuple[str, ...]:
        """Notice codes about the audit key not yet told, e.g. `audit.unkeyed`.

        Each comes once per run; "no secure keyring" only once per library (see
        `told`), since nothing the agent can do here changes it. The others are told
        every run they happen in."""
        codes = self._keys.notices if self._keys is not None else ()
        if UNKEYED not in codes:
            return codes
        with self._db.read() as tx:
            given = tx.settings.get(NOTICES_TOLD_SETTING, [])
        return tuple(c for c in codes if not (c == UNKEYED and c in given))

    def told(self, codes: Sequence[str]) -> None:
        """The window or command line has said these; a once-per-library one is kept."""
        if UNKEYED not in codes:
            return
        try:
            with self._db.write() as tx:
                given = tx.settings.get(NOTICES_TOLD_SETTING, [])
                if UNKEYED not in given:
                    tx.settings.set(NOTICES_TOLD_SETTING, [*given, UNKEYED])
        except StorageError as exc:
            log.warning("could not note that the audit notice was given: %s", exc)

    @property
    def key_problem(self) -> str:
        """The keyring's own plain words behind the last notice, if any."""
        return self._keys.reason if self._keys is not None else ""

    def record_export(
        self,
        format: str,
        path: str,
        file_sha256: str,
        post_ids: Sequence[int],
        place: Callable[[], None] | None = None,
    ) -> ExportRecord:
        """Record that these posts' approved snapshots were written to `path`.

        Every post must have an approval that still applies; they become `exported`.
        `place` (moving the finished file to `path`) runs inside the transaction, after
        the record is written and before it commits: the file and its record appear
        together, or (when `place` or the commit fails) neither is kept by the library.
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
            entry = tx.audit.append("export", None, export_audit_data(record, items), now)
            tx.exports.set_audit_entry(record.id, entry.seq, entry.hash)
            if place is not None:
                place()
            return replace(record, audit_seq=entry.seq, audit_hash=entry.hash)

    def entries(self, post_id: int | None = None) -> list[AuditEntry]:
        with self._db.read() as tx:
            return list(tx.audit.entries(post_id))

    def verify(self) -> AuditReport:
        """Re-compute and cross-check everything (see `audit_verify`); reads only."""
        key = self._keys.key_for_check() if self._keys is not None else None
        no_store = self._keys is not None and UNKEYED in self._keys.notices
        state = "keyed" if key is not None else "no-keyring" if no_store else "unkeyed"
        anchors = self._anchors()
        with self._db.read() as tx:
            report = verify_library(tx, key, state, anchors)
        if key is None and report.signed_from is not None:
            report = replace(report, key="missing")
        return report

    def _anchors(self) -> Anchors:
        path: Path = self._db.anchor_path
        problem = ""
        try:
            head = anchor.read_anchor(path)
        except anchor.AnchorError as exc:
            head, problem = None, str(exc)
        with self._db.read() as tx:
            expected = bool(tx.settings.get(anchor.ANCHORED_SETTING, False))
        backups = []
        folder = self._db.backups_folder
        if folder.is_dir():
            for candidate in sorted(folder.glob("library-*.sqlite3")):
                recorded = anchor.backup_head(candidate)
                if recorded is not None:
                    backups.append((candidate.name, recorded))
        return Anchors(head, path.name, expected, problem, tuple(backups))

    def settle_anchor(self, restored: bool = False) -> None:
        """Give a library its head record the first time this version opens it, and a
        fresh one when it was restored from a backup (by Composer, or by copying a backup
        into place: a backup carries its own head), keeping the old record beside it.

        Otherwise a missing file is reported by `verify`, never quietly made again. A
        library that cannot be written to is left as it is (logged).
        """
        path = self._db.anchor_path
        try:
            with self._db.read() as tx:
                restored = restored or tx.settings.get(anchor.BACKUP_SETTING) is not None
                anchored = bool(tx.settings.get(anchor.ANCHORED_SETTING, False))
            if not restored and (path.exists() or anchored):
                return
            if path.exists():
                stamp = self._clock().strftime("%Y%m%dT%H%M%S")
                path.replace(path.with_name(f"{path.name}.before-restore-{stamp}"))
            with self._db.write() as tx:
                head = tx.audit.last_head()
                tx.settings.delete(anchor.BACKUP_SETTING)
                tx.settings.set(anchor.ANCHORED_SETTING, True)
        except (OSError, StorageError) as exc:
            log.warning("could not set up the audit head record %s: %s", path, exc)
            return
        key = self._keys.key_for_check() if self._keys is not None and head.seq else None
        self._db.write_anchor(anchor.signed(head, key))

    def standing(self, posts: Sequence[Post]) -> dict[int, ApprovalStanding]:
        """For each approved or exported post: does its approval vouch for it as it is?"""
        live = [p for p in posts if p.status in LIVE_STATUSES]
        if not live:
            return {}
        with self._db.read() as tx:
            active = tx.approvals.active_for([p.id for p in live])
            logged = _logged_hashes(tx, {p.id for p in live})
        result = {}
        for post in live:
            approval = active.get(post.id)
            problem = approval_problem(post, approval, logged)
            approval_id = approval.id if approval is not None else None
            result[post.id] = ApprovalStanding(post.id, approval_id, problem)
        return result


def _logged_hashes(tx: Repositories, post_ids: set[int]) -> dict[int, tuple[tuple[str, str], ...]]:
    """Approval id -> the text hashes its approve entry logged, for these posts' entries."""
    logged: dict[int, tuple[tuple[str, str], ...]] = {}
    for post_id in post_ids:
        for entry in tx.audit.entries(post_id):
            texts = entry.data.get("texts")
            approval_id = entry.data.get("approval_id")
            if (
                entry.action == "approve"
                and isinstance(texts, dict)
                and isinstance(approval_id, int)
            ):
                logged[approval_id] = tuple(sorted(texts.items()))
    return logged


def export_audit_data(record: ExportRecord, items: Sequence[tuple[int, int]]) -> dict[str, Any]:
    """What the audit entry of an export says: the file, and each (post, approval) pair."""
    return {
        "export_id": record.id,
        "format": record.format,
        "path": record.path,
        "file_sha256": record.file_sha256,
        "items": [[post_id, approval_id] for post_id, approval_id in items],
    }


def describe(entry: AuditEntry) -> str:
    """One line for people: when, what, which post."""
    when = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
    post = f" post {entry.post_id}" if entry.post_id is not None else ""
    return f"{entry.seq:>5}  {when}  {entry.action}{post}"
