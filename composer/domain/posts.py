"""Posts, their revisions, approvals, exports and audit entries, as plain frozen values.

These are what services hand to the window and the command line; no ORM object ever
leaves `composer.storage`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from composer.domain.attachments import ApprovedImage, Attachment, approved_images
from composer.domain.conversations import Comment
from composer.domain.record import OutsideReview, RulesVersion
from composer.domain.workflow import WorkflowStatus

PostStatus = Literal["draft", "approved", "exported", "archived"]
STATUSES: tuple[PostStatus, ...] = ("draft", "approved", "exported", "archived")

RevisionKind = Literal["create", "autosave", "restore", "import", "duplicate", "approve"]

AuditAction = Literal[
    "approve",
    "export",
    "approval-voided",
    "publish",
    "hold",
    "delete",
    "profile",
    "retire",
    "review-revised",
    "archive",
    "unarchive",
]


def canonical_json(data: Mapping[str, Any]) -> str:
    """One spelling per value, so the same data always hashes the same."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


GENESIS_HASH = "0" * 64  # what the first audit entry follows


def entry_hash(
    prev_hash: str, seq: int, at: datetime, action: str, post_id: int | None, data_json: str
) -> str:
    """The audit chain link: covers the entry (its stored JSON text) and the hash before."""
    payload = _entry_payload(prev_hash, seq, at, action, post_id, data_json)
    return hashlib.sha256(payload).hexdigest()


def entry_mac(
    key: bytes,
    prev_hash: str,
    seq: int,
    at: datetime,
    action: str,
    post_id: int | None,
    data_json: str,
) -> str:
    """The keyed link: HMAC-SHA256 over what `entry_hash` covers, so re-computing the
    plain hashes after an edit is not enough without the library's key."""
    payload = _entry_payload(prev_hash, seq, at, action, post_id, data_json)
    return hmac.new(key, b"composer-audit-entry\0" + payload, hashlib.sha256).hexdigest()


def head_mac(key: bytes, seq: int, hash: str) -> str:
    """Signs a head anchor (the last entry's number and hash) with the library's key."""
    payload = canonical_json({"seq": seq, "hash": hash}).encode("utf-8")
    return hmac.new(key, b"composer-audit-head\0" + payload, hashlib.sha256).hexdigest()


def _entry_payload(
    prev_hash: str, seq: int, at: datetime, action: str, post_id: int | None, data_json: str
) -> bytes:
    return canonical_json(
        {
            "prev": prev_hash,
            "seq": seq,
            "at": at.isoformat(),
            "action": action,
            "post_id": post_id,
            "data": data_json,
        }
    ).encode("utf-8")


def content_hash(text: str) -> str:
    """SHA-256 of the exact text (UTF-8): what an approval promises was signed off."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class PostDraft:
    """The editable content of a post: what create, import and autosave take."""

    body: str
    title: str = ""
    platforms: tuple[str, ...] = ()
    variants: Mapping[str, str] = field(default_factory=dict)
    link: str = ""
    scheduled_at: datetime | None = None  # naive wall time in this computer's zone
    tags: tuple[str, ...] = ()
    account_id: int | None = None
    attachments: tuple[Attachment, ...] = ()  # images, in the order they are shown
    in_reply_to: Comment | None = None  # set when the post is a reply to this comment

    def text_for(self, platform: str) -> str:
        """What goes out on `platform`: its variant when set, else the body."""
        variant = self.variants.get(platform, "")
        return variant if variant.strip() else self.body

    def published_texts(self) -> dict[str, str]:
        """Each target platform's text; this (and the link) is what an approval covers."""
        return {platform: self.text_for(platform) for platform in self.platforms}

    def approved_images(self) -> tuple[ApprovedImage, ...]:
        """The images as an approval covers them: hashes and descriptions, in order."""
        return approved_images(self.attachments)


@dataclass(frozen=True, slots=True)
class Post:
    id: int
    body: str
    title: str = ""
    platforms: tuple[str, ...] = ()
    variants: Mapping[str, str] = field(default_factory=dict)
    link: str = ""
    scheduled_at: datetime | None = None
    tags: tuple[str, ...] = ()
    account_id: int | None = None
    attachments: tuple[Attachment, ...] = ()
    in_reply_to: Comment | None = None
    status: PostStatus = "draft"
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = None
    scheduled_tz: str = ""  # the zone its time was set in ("America/New_York"), if any
    retired_at: datetime | None = None  # no longer in use (see composer.domain.workflow)

    @property
    def draft(self) -> PostDraft:
        return PostDraft(
            body=self.body,
            title=self.title,
            platforms=self.platforms,
            variants=dict(self.variants),
            link=self.link,
            scheduled_at=self.scheduled_at,
            tags=self.tags,
            account_id=self.account_id,
            attachments=self.attachments,
            in_reply_to=self.in_reply_to,
        )

    @property
    def is_reply(self) -> bool:
        return self.in_reply_to is not None

    def text_for(self, platform: str) -> str:
        return self.draft.text_for(platform)


@dataclass(frozen=True, slots=True)
class Revision:
    """One saved version of a post; edits less than a minute apart share one revision."""

    id: int
    post_id: int
    kind: RevisionKind
    content: PostDraft
    created_at: datetime
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class Approval:
    """The agent's sign-off on the exact text per platform, and why errors were kept.

    `findings` are the engine's findings at approval time as dicts (each with its
    `platform`); `overrides` maps a finding key (see `finding_key`) to the written reason.
    `images` are the approved images by hash with their alt text. `voided_at` is set once
    the post was edited: the approval stays on record but no
    longer applies.
    """

    id: int
    post_id: int
    texts: Mapping[str, str]
    hashes: Mapping[str, str]
    link: str
    findings: tuple[Mapping[str, object], ...]
    overrides: Mapping[str, str]
    approver: str
    approved_at: datetime
    voided_at: datetime | None = None
    exported_at: datetime | None = None
    images: tuple[ApprovedImage, ...] = ()  # the approved images (hash, alt text), in order
    rules: RulesVersion | None = None  # the rule packs in force (None before schema 0004)
    review: OutsideReview | None = None  # who signed off when it was not the agent

    @property
    def active(self) -> bool:
        return self.voided_at is None

    @property
    def outside(self) -> bool:
        return self.review is not None


@dataclass(frozen=True, slots=True)
class ExportRecord:
    id: int
    exported_at: datetime
    format: str
    path: str
    file_sha256: str
    post_ids: tuple[int, ...]
    audit_seq: int | None = None  # its own audit entry (None for exports before 0003)
    audit_hash: str | None = None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One link of the hash chain: `hash` covers this entry and the previous `hash`."""

    seq: int
    at: datetime
    action: str
    post_id: int | None
    data: Mapping[str, object]
    prev_hash: str
    hash: str
    mac: str | None = None  # HMAC with the library's key; None before keying or without one


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The head anchor: the last entry's number and hash, kept outside the library (and in
    backups and export records) so removing entries from the end shows. `mac` signs it
    with the library's key when there is one."""

    seq: int
    hash: str
    mac: str | None = None


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The result of re-computing the chain; `problem` names the first broken entry.

    `key` says how the chain was checked: "keyed" (with the library's key; entries are
    signed from `signed_from` on), "no-keyring" (no secure keyring here: plain hashes
    only), "unkeyed" (no key made yet), "missing" (signed, but the key is not here).
    """

    entries: int
    ok: bool
    broken_seq: int | None = None
    problem: str = ""
    key: str = "unkeyed"
    signed_from: int | None = None


def finding_key(platform: str, finding: Mapping[str, object]) -> str:
    """A stable name for one finding on one platform, used to attach an override reason."""
    start = finding.get("start")
    end = finding.get("end")
    where = "" if start is None else f"@{start}-{end}"
    return f"{platform}:{finding.get('rule', '')}{where}"


@dataclass(frozen=True, slots=True)
class PostQuery:
    """A history page: full-text search plus filters, newest change first.

    `since`/`until` bound the last change (updated time); `deleted=True` lists the bin
    of soft-deleted posts instead of the live ones. `statuses` are stored statuses (one
    SQL condition); `workflow` the derived ones the agent sees.
    """

    search: str = ""
    statuses: tuple[PostStatus, ...] = ()
    platform: str | None = None
    account_id: int | None = None
    tag: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    deleted: bool = False
    limit: int = 50
    offset: int = 0
    # Workflow statuses (composer.domain.workflow); the history service applies them.
    workflow: tuple[WorkflowStatus, ...] = ()
    retired: bool | None = None  # only retired posts (True), none of them (False), or any
