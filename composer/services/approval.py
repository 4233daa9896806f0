"""Approval: the agent's deliberate sign-off on a post's exact text, per platform.

The guideline engine checks each target platform's text (its variant, else the body)
with the stored profile and recent history. Error findings need a written reason; the
approval keeps the texts with their hashes, the findings, the reasons, who and when, and
an entry goes into the hash-chained audit log.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from composer.domain.attachments import infos
from composer.domain.findings import CheckResult, Finding
from composer.domain.posts import Approval, Post, canonical_json, finding_key
from composer.guidelines.inputs import CheckInput
from composer.services.history import HistoryService
from composer.services.library import (
    Clock,
    LibraryError,
    PostNotFoundError,
    utc_now,
    void_approvals,
)

if TYPE_CHECKING:
    from composer.domain.record import RulesVersion
    from composer.storage.database import Database


class Checker(Protocol):
    """What approval needs from the guideline engine."""

    def check(self, request: CheckInput) -> CheckResult: ...


class NotApprovableError(LibraryError):
    """The post cannot be approved as it is; `code` says why (`in-bin`, `archived`,
    `no-platform`, `no-text`) for the front ends to word."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class NotApprovedError(LibraryError):
    """The post has no approval that still applies."""


class PostChangedError(LibraryError):
    """The post was edited while it was being checked; check again."""


@dataclass(frozen=True, slots=True)
class PlatformFinding:
    platform: str
    finding: Finding

    @property
    def key(self) -> str:
        return finding_key(self.platform, self.finding.to_dict())


class ReasonRequiredError(LibraryError):
    """Error findings were kept without a written reason; nothing was approved."""

    def __init__(self, post_id: int, errors: list[PlatformFinding]) -> None:
        self.post_id = post_id
        self.errors = errors
        super().__init__(
            f"post {post_id} has {len(errors)} error finding(s); give a reason to approve it anyway"
        )


def findings_hash(findings: list[dict[str, Any]] | tuple[Mapping[str, Any], ...]) -> str:
    return hashlib.sha256(canonical_json({"findings": list(findings)}).encode()).hexdigest()


class ApprovalService:
    def __init__(
        self,
        database: Database,
        engine: Callable[[], Checker],
        history: HistoryService,
        clock: Clock = utc_now,
        approver: Callable[[], str] | None = None,
        rules: Callable[[], RulesVersion] | None = None,
    ) -> None:
        """`engine` hands over the current engine at each check: it belongs to the
        guideline service, which builds it on first use and reloads it (approval keeps
        none of its own); `approver` names who signs off (default: profile name, else
        login name); `rules` names the rule packs that engine was built from, recorded
        with each approval."""
        self._db = database
        self._current_engine = engine
        self._history = history
        self._clock = clock
        self._approver = approver
        self._rules = rules

    @property
    def engine(self) -> Checker:
        """The engine approval checks with now (the guideline service's)."""
        return self._current_engine()

    def check(self, post_id: int) -> dict[str, CheckResult]:
        """The findings for each target platform's text, as approval would see them."""
        post, profile = self._post_and_profile(post_id)
        return self._check(post, profile)

    def approve(
        self,
        post_id: int,
        reason: str | None = None,
        reasons: Mapping[str, str] | None = None,
    ) -> Approval:
        """Approve the post's current text. `reasons` maps finding keys to a reason; `reason`
        applies to every other error. Raises ReasonRequiredError when an error has none."""
        post, profile = self._post_and_profile(post_id)
        self._refuse_unapprovable(post)
        results = self._check(post, profile)
        reasons = dict(reasons or {})
        general = (reason or "").strip()
        findings: list[dict[str, Any]] = []
        overrides: dict[str, str] = {}
        missing: list[PlatformFinding] = []
        for platform, result in results.items():
            for finding in result.findings:
                item = PlatformFinding(platform, finding)
                findings.append({"platform": platform, **finding.to_dict()})
                if finding.severity != "error":
                    continue
                written = (reasons.get(item.key) or general).strip()
                if written:
                    overrides[item.key] = written
                else:
                    missing.append(item)
        if missing:
            raise ReasonRequiredError(post_id, missing)

        now = self._clock()
        chosen = self._approver().strip() if self._approver else ""
        approver = chosen or _default_approver(profile)
        rules = self._rules() if self._rules is not None else None
        with self._db.write() as tx:
            current = tx.posts.get(post_id)
            if current is None or current.draft != post.draft or current.status != post.status:
                raise PostChangedError(f"post {post_id} changed while it was checked; try again")
            void_approvals(tx, post_id, now, "approved again")
            texts = post.draft.published_texts()
            approval = tx.approvals.add(
                post_id,
                texts,
                post.link,
                findings,
                overrides,
                approver,
                now,
                images=post.draft.approved_images(),
                rules=rules,
            )
            tx.posts.set_status(post_id, "approved", now)
            tx.revisions.add(post_id, post.draft, "approve", now)  # the version approved, kept
            tx.audit.append("approve", post_id, approval_audit_data(approval), now)
            return approval

    def active_approval(self, post_id: int) -> Approval | None:
        with self._db.read() as tx:
            return tx.approvals.active(post_id)

    def active_approvals(self, post_ids: list[int]) -> dict[int, Approval]:
        """The approval that applies to each of these posts (those that have one)."""
        with self._db.read() as tx:
            return tx.approvals.active_for(post_ids)

    def recent_reasons(self, limit: int = 20) -> list[str]:
        """Reasons the agent wrote before, newest first: offered again when approving."""
        with self._db.read() as tx:
            return tx.approvals.recent_reasons(limit)

    def approvals(self, post_id: int) -> list[Approval]:
        """Every approval of the post, newest first, including voided ones."""
        with self._db.read() as tx:
            return tx.approvals.for_post(post_id)

    def approved_snapshot(self, post_id: int) -> Approval:
        """What an export must use: the approved texts, never a later edit."""
        approval = self.active_approval(post_id)
        if approval is None:
            raise NotApprovedError(f"post {post_id} is not approved (or was edited since)")
        return approval

    def _post_and_profile(self, post_id: int) -> tuple[Post, Any]:
        with self._db.read() as tx:
            post = tx.posts.get(post_id)
            if post is None:
                raise PostNotFoundError(f"there is no post {post_id}")
            return post, tx.settings.profile()

    def _check(self, post: Post, profile: Any) -> dict[str, CheckResult]:
        history = self._history.recent_for_checks(exclude_post_id=post.id)
        engine = self.engine
        images = infos(post.attachments)
        return {
            platform: engine.check(
                CheckInput(
                    text=text,
                    platforms=(platform,),
                    profile=profile,
                    history=history,
                    attachments=images,
                    comment=post.in_reply_to,
                )
            )
            for platform, text in post.draft.published_texts().items()
        }

    @staticmethod
    def _refuse_unapprovable(post: Post) -> None:
        if post.deleted_at is not None:
            raise NotApprovableError(f"post {post.id} is in the bin; restore it first", "in-bin")
        if post.status == "archived":
            raise NotApprovableError(f"post {post.id} is archived; unarchive it first", "archived")
        if not post.platforms:
            raise NotApprovableError(
                f"post {post.id} has no platform; choose at least one", "no-platform"
            )
        if not all(text.strip() for text in post.draft.published_texts().values()):
            raise NotApprovableError(f"post {post.id} has no text to approve", "no-text")


def approval_audit_data(approval: Approval) -> dict[str, Any]:
    """What the audit entry pins down about an approval (verify re-computes all of it).

    Images (hash and alt text, in order) are listed only when there are some, and the
    rules version and an outside reviewer only when recorded, so entries written before
    still verify exactly as they were written.
    """
    data: dict[str, Any] = {
        "approval_id": approval.id,
        "approver": approval.approver,
        "texts": dict(approval.hashes),
        "link": approval.link,
        "findings": findings_hash(approval.findings),
        "overrides": dict(approval.overrides),
    }
    if approval.images:
        data["images"] = [[image.sha256, image.alt_text] for image in approval.images]
    if approval.rules is not None:
        data["rules"] = {"version": approval.rules.version, "sha256": approval.rules.sha256}
    if approval.review is not None:
        data["review"] = approval.review.to_dict()
    return data


def _default_approver(profile: Any) -> str:
    name = getattr(profile, "name", "") if profile is not None else ""
    if name:
        return str(name)
    try:
        return getpass.getuser()
    except Exception:  # no login name in some sandboxes
        return ""
