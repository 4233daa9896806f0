"""Approvals (per-platform snapshots of the exact text signed off) and export records."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session, selectinload

from composer.domain.attachments import ApprovedImage
from composer.domain.posts import Approval, ExportRecord, content_hash
from composer.domain.record import OutsideReview, PackHash, PackSource, RulesVersion
from composer.storage.models import (
    ApprovalImageRow,
    ApprovalRow,
    ApprovalTextRow,
    ExportItemRow,
    ExportRow,
)


class ApprovalRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        post_id: int,
        texts: Mapping[str, str],
        link: str,
        findings: Sequence[Mapping[str, Any]],
        overrides: Mapping[str, str],
        approver: str,
        now: datetime,
        images: Sequence[ApprovedImage] = (),
        rules: RulesVersion | None = None,
        review: OutsideReview | None = None,
    ) -> Approval:
        row = ApprovalRow(
            post_id=post_id,
            link=link,
            findings=[dict(f) for f in findings],
            overrides=dict(overrides),
            approver=approver,
            approved_at=now,
            review_kind="outside" if review is not None else "self",
        )
        if rules is not None:
            row.rules_version = rules.version
            row.rules_sha256 = rules.sha256
            row.rules_packs = [p.to_dict() for p in rules.packs]
        if review is not None:
            row.reviewer = review.reviewer
            row.organisation = review.organisation
            row.approval_code = review.code
            row.expires_on = review.expires_on
        row.texts = [
            ApprovalTextRow(platform=platform, position=n, text=text, sha256=content_hash(text))
            for n, (platform, text) in enumerate(texts.items())
        ]
        row.images = [
            ApprovalImageRow(position=n, sha256=image.sha256, alt_text=image.alt_text)
            for n, image in enumerate(images)
        ]
        self._session.add(row)
        self._session.flush()
        return to_approval(row)

    def get(self, approval_id: int) -> Approval | None:
        row = self._session.get(ApprovalRow, approval_id)
        return None if row is None else to_approval(row)

    def active(self, post_id: int) -> Approval | None:
        """The approval that still applies to the post (none once it was edited)."""
        statement = (
            select(ApprovalRow)
            .where(ApprovalRow.post_id == post_id, ApprovalRow.voided_at.is_(None))
            .order_by(ApprovalRow.id.desc())
            .limit(1)
        )
        row = self._session.scalar(statement)
        return None if row is None else to_approval(row)

    def recent_reasons(self, limit: int = 20, scan: int = 200) -> list[str]:
        """The reasons written for kept errors in the latest approvals, newest first, each
        once (for the approve dialog to offer again)."""
        statement = select(ApprovalRow.overrides).order_by(ApprovalRow.id.desc()).limit(scan)
        reasons: dict[str, None] = {}
        for overrides in self._session.scalars(statement):
            for reason in (overrides or {}).values():
                text = str(reason).strip()
                if text:
                    reasons.setdefault(text)
                if len(reasons) >= limit:
                    return list(reasons)
        return list(reasons)

    def for_post(self, post_id: int) -> list[Approval]:
        statement = (
            select(ApprovalRow)
            .where(ApprovalRow.post_id == post_id)
            .order_by(ApprovalRow.id.desc())
        )
        return [to_approval(row) for row in self._session.scalars(statement)]

    def void_active(self, post_id: int, now: datetime) -> list[Approval]:
        statement = select(ApprovalRow).where(
            ApprovalRow.post_id == post_id, ApprovalRow.voided_at.is_(None)
        )
        voided = []
        for row in self._session.scalars(statement):
            row.voided_at = now
            voided.append(row)
        self._session.flush()
        return [to_approval(row) for row in voided]

    def active_for(self, post_ids: Sequence[int]) -> dict[int, Approval]:
        """`active` for many posts in a few queries (an export of thousands of posts)."""
        found: dict[int, Approval] = {}
        for chunk in _chunks(post_ids):
            statement = (
                select(ApprovalRow)
                .where(ApprovalRow.post_id.in_(chunk), ApprovalRow.voided_at.is_(None))
                .order_by(ApprovalRow.id.desc())
                .options(selectinload(ApprovalRow.texts), selectinload(ApprovalRow.images))
            )
            for row in self._session.scalars(statement):
                found.setdefault(row.post_id, to_approval(row))
        return found

    def active_ids_for(self, post_ids: Sequence[int]) -> dict[int, int]:
        """The id of each post's live approval, without loading the approvals themselves."""
        found: dict[int, int] = {}
        for chunk in _chunks(post_ids):
            statement = (
                select(ApprovalRow.post_id, ApprovalRow.id)
                .where(ApprovalRow.post_id.in_(chunk), ApprovalRow.voided_at.is_(None))
                .order_by(ApprovalRow.id.desc())
            )
            for post_id, approval_id in self._session.execute(statement):
                found.setdefault(post_id, approval_id)
        return found

    def mark_exported_many(self, approval_ids: Sequence[int], now: datetime) -> None:
        for chunk in _chunks(approval_ids):
            self._session.execute(
                update(ApprovalRow)
                .where(ApprovalRow.id.in_(chunk), ApprovalRow.exported_at.is_(None))
                .values(exported_at=now)
                .execution_options(synchronize_session=False)
            )

    def mark_exported(self, approval_id: int, now: datetime) -> None:
        row = self._session.get(ApprovalRow, approval_id)
        if row is not None and row.exported_at is None:
            row.exported_at = now
            self._session.flush()

    def published(self) -> Iterator[Approval]:
        """Approvals that went (or may go) out, newest first: still active, or exported.

        A caller stops iterating once it has enough; the approved_at index keeps that cheap.
        """
        statement = (
            select(ApprovalRow)
            .where(or_(ApprovalRow.voided_at.is_(None), ApprovalRow.exported_at.is_not(None)))
            .order_by(ApprovalRow.approved_at.desc(), ApprovalRow.id.desc())
            .execution_options(yield_per=100)
        )
        for row in self._session.scalars(statement):
            yield to_approval(row)

    def all_by_id(self) -> Iterator[Approval]:
        statement = select(ApprovalRow).order_by(ApprovalRow.id).execution_options(yield_per=500)
        for row in self._session.scalars(statement):
            yield to_approval(row)


class ExportRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        format: str,
        path: str,
        file_sha256: str,
        items: Sequence[tuple[int, int]],
        now: datetime,
    ) -> ExportRecord:
        """Record one export file; `items` are (post id, approval id) in file order."""
        row = ExportRow(exported_at=now, format=format, path=path, file_sha256=file_sha256)
        self._session.add(row)
        self._session.flush()
        if items:  # one executemany, not an ORM object per post (exports run to thousands)
            self._session.execute(
                insert(ExportItemRow),
                [
                    {"export_id": row.id, "post_id": p, "approval_id": a, "position": n}
                    for n, (p, a) in enumerate(items)
                ],
            )
        return ExportRecord(
            id=row.id,
            exported_at=now,
            format=format,
            path=path,
            file_sha256=file_sha256,
            post_ids=tuple(post_id for post_id, _ in items),
        )

    def get(self, export_id: int) -> ExportRecord | None:
        row = self._session.get(ExportRow, export_id)
        return None if row is None else to_export(row)

    def set_audit_entry(self, export_id: int, seq: int, digest: str) -> None:
        """Name the export's own audit entry in its row (the head anchor at the export)."""
        self._session.execute(
            update(ExportRow)
            .where(ExportRow.id == export_id)
            .values(audit_seq=seq, audit_hash=digest)
            .execution_options(synchronize_session=False)
        )

    def all_by_id(self) -> Iterator[ExportRecord]:
        statement = select(ExportRow).order_by(ExportRow.id).execution_options(yield_per=500)
        for row in self._session.scalars(statement):
            yield to_export(row)

    def recent(self, limit: int = 50) -> list[ExportRecord]:
        statement = select(ExportRow).order_by(ExportRow.id.desc()).limit(limit)
        return [to_export(row) for row in self._session.scalars(statement)]


def to_approval(row: ApprovalRow) -> Approval:
    return Approval(
        id=row.id,
        post_id=row.post_id,
        texts={t.platform: t.text for t in row.texts},
        hashes={t.platform: t.sha256 for t in row.texts},
        link=row.link,
        findings=tuple(row.findings or ()),
        overrides=dict(row.overrides or {}),
        approver=row.approver,
        approved_at=row.approved_at,
        voided_at=row.voided_at,
        exported_at=row.exported_at,
        images=tuple(ApprovedImage(i.sha256, i.alt_text) for i in row.images),
        rules=_rules(row),
        review=_review(row),
    )


def _rules(row: ApprovalRow) -> RulesVersion | None:
    if row.rules_sha256 is None:
        return None
    packs = tuple(
        PackHash(_source(p.get("source")), str(p.get("file", "")), str(p.get("sha256", "")))
        for p in row.rules_packs or ()
    )
    return RulesVersion(row.rules_version or "", row.rules_sha256, packs)


def _source(value: object) -> PackSource:
    return "custom" if value == "custom" else "shipped"


def _review(row: ApprovalRow) -> OutsideReview | None:
    if row.review_kind != "outside":
        return None
    return OutsideReview(
        row.reviewer or "", row.organisation or "", row.approval_code or "", row.expires_on
    )


def to_export(row: ExportRow) -> ExportRecord:
    return ExportRecord(
        id=row.id,
        exported_at=row.exported_at,
        format=row.format,
        path=row.path,
        file_sha256=row.file_sha256,
        post_ids=tuple(item.post_id for item in row.items),
        audit_seq=row.audit_seq,
        audit_hash=row.audit_hash,
    )


def _chunks(values: Sequence[int], size: int = 500) -> Iterator[list[int]]:
    """SQLite caps the parameters of one statement; stay well below it."""
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]
