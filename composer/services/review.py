"""Outside review: send approved posts to a reviewer, hand them a packet, apply decisions.

The agent approves a post (self-approval), then `submit`s it to a named reviewer (the
agency principal, a carrier or IMO, a broker-dealer). `packet` writes one ZIP for the
reviewer: the PDF record and `packet.json`. The reviewer's decisions come back as JSON or
CSV rows; `import_decisions` applies a row only when its `text_sha256` is exactly that of
the texts submitted and still approved (`composer.domain.record.texts_sha256`), and refuses
the others by row and code while the rest still apply:

- "approved": a new approval of the same texts, recording the reviewer, organisation,
  approval code and expiry (an outside approval), replacing the agent's own;
- "rejected": the approval is voided and the post goes back to draft;
- "changes": likewise, and a `text` given becomes the post's new text (a new version for
  the agent to look at and approve again).

Every step is in the audit log.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.domain.files import read_text, write_atomic
from composer.domain.posts import Approval
from composer.domain.record import DECISIONS, OutsideReview, Submission, texts_sha256
from composer.services.approval import approval_audit_data
from composer.services.library import (
    Clock,
    LibraryError,
    PostNotFoundError,
    utc_now,
    void_approvals,
)

if TYPE_CHECKING:
    from composer.export.model import ExportItem
    from composer.storage.database import Database

PACKET_FORMAT = "composer-review-packet"
# Refusal codes (worded by cli/review_words.py).
NOT_APPROVED = "not-approved"
NOT_SUBMITTED = "not-submitted"
IN_BIN = "in-bin"
HASH_MISMATCH = "hash-mismatch"
NO_POST = "no-post"
BAD_DECISION = "bad-decision"
BAD_EXPIRES = "bad-expires"
NO_REVIEWER = "no-reviewer"


class ReviewRefusedError(LibraryError):
    """Nothing was changed; `code` says why for `post_id`."""

    def __init__(self, code: str, post_id: int) -> None:
        super().__init__(f"{code}: post {post_id}")
        self.code = code
        self.post_id = post_id


class DecisionFileError(ValueError):
    """The decisions file cannot be read at all; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class Refused:
    row: int  # from 1, in file order
    post_id: int | None
    code: str


@dataclass(frozen=True, slots=True)
class DecisionResult:
    applied: tuple[tuple[int, str], ...]  # (post id, decision)
    refused: tuple[Refused, ...]


class ReviewService:
    def __init__(
        self,
        database: Database,
        items: Callable[[Sequence[int]], Sequence[ExportItem]],
        render_pdf: Callable[[Sequence[ExportItem]], bytes],
        clock: Clock = utc_now,
    ) -> None:
        """`items` gives the approved snapshots of posts as the PDF record shows them and
        `render_pdf` typesets them (both from the export service)."""
        self._db = database
        self._items = items
        self._render_pdf = render_pdf
        self._clock = clock

    def submit(self, post_ids: Sequence[int], to: str) -> list[Submission]:
        """Send each post's approved texts to `to`; all or nothing."""
        reviewer = " ".join(to.split())
        now = self._clock()
        with self._db.write() as tx:
            done = []
            for post_id in dict.fromkeys(post_ids):
                post = tx.posts.get(post_id)
                if post is None:
                    raise PostNotFoundError(f"there is no post {post_id}")
                if not reviewer:
                    raise ReviewRefusedError(NO_REVIEWER, post_id)
                if post.deleted_at is not None:
                    raise ReviewRefusedError(IN_BIN, post_id)
                approval = tx.approvals.active(post_id)
                if approval is None:
                    raise ReviewRefusedError(NOT_APPROVED, post_id)
                digest = texts_sha256(approval.hashes)
                submission = tx.submissions.add(post_id, approval.id, reviewer, digest, now)
                data = {"to": reviewer, "approval_id": approval.id, "text_sha256": digest}
                tx.audit.append("submit", post_id, data, now)
                done.append(submission)
            return done

    def submissions(self, post_id: int) -> list[Submission]:
        with self._db.read() as tx:
            return tx.submissions.for_post(post_id)

    def reviewers(self) -> list[str]:
        """Whom posts were sent to before, the most recent first (for the window to offer)."""
        with self._db.read() as tx:
            return tx.submissions.reviewers()

    # -- the packet --------------------------------------------------------------------------

    def packet(self, post_ids: Sequence[int], path: Path, agent: str = "") -> str:
        """Write the ZIP for the reviewer atomically (replacing `path`); its SHA-256."""
        post_ids = list(dict.fromkeys(post_ids))
        with self._db.read() as tx:
            open_ones = {}
            for post_id in post_ids:
                if tx.posts.get(post_id) is None:
                    raise PostNotFoundError(f"there is no post {post_id}")
                submission = tx.submissions.open_for(post_id)
                if submission is None:
                    raise ReviewRefusedError(NOT_SUBMITTED, post_id)
                open_ones[post_id] = submission
        items = self._items(post_ids)
        missing = set(post_ids) - {item.post_id for item in items}
        if missing:  # its approval was voided since it was submitted
            raise ReviewRefusedError(HASH_MISMATCH, min(missing))
        for item in items:
            if texts_sha256(item.approval.hashes) != open_ones[item.post_id].text_sha256:
                raise ReviewRefusedError(HASH_MISMATCH, item.post_id)  # edited since
        first = open_ones[post_ids[0]]
        document = {
            "format": PACKET_FORMAT,
            "version": 1,
            "posts": [packet_post(item) for item in items],
            "submitted_to": first.submitted_to,
            "submitted_at": first.submitted_at.isoformat(timespec="seconds"),
            "agent": agent,
        }
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("record.pdf", self._render_pdf(items))
            archive.writestr(
                "packet.json", json.dumps(document, ensure_ascii=False, indent=1) + "\n"
            )
        data = buffer.getvalue()
        write_atomic(path, data, overwrite=True)
        digest = hashlib.sha256(data).hexdigest()
        with self._db.write() as tx:
            for post_id in post_ids:
                tx.audit.append("review-packet", post_id, {"file_sha256": digest}, self._clock())
        return digest

    # -- decisions ---------------------------------------------------------------------------

    def import_decisions(self, path: Path) -> DecisionResult:
        """Apply each decision whose hash matches; refuse (and name) the others."""
        rows = read_decisions(path)
        applied: list[tuple[int, str]] = []
        refused: list[Refused] = []
        for number, row in enumerate(rows, start=1):
            post_id = _int(row.get("post_id"))
            try:
                decision = self._apply(post_id, row)
            except ReviewRefusedError as exc:
                refused.append(Refused(number, post_id, exc.code))
                continue
            assert post_id is not None
            applied.append((post_id, decision))
        return DecisionResult(tuple(applied), tuple(refused))

    def _apply(self, post_id: int | None, row: dict[str, Any]) -> str:
        if post_id is None:
            raise ReviewRefusedError(NO_POST, 0)
        decision = str(row.get("decision", "")).strip().casefold()
        if decision not in DECISIONS:
            raise ReviewRefusedError(BAD_DECISION, post_id)
        expires = _date(row.get("expires"), post_id)
        now = self._clock()
        with self._db.write() as tx:
            post = tx.posts.get(post_id)
            if post is None:
                raise ReviewRefusedError(NO_POST, post_id)
            submission = tx.submissions.open_for(post_id)
            if submission is None:
                raise ReviewRefusedError(NOT_SUBMITTED, post_id)
            approval = tx.approvals.active(post_id)
            given = str(row.get("text_sha256", "")).strip().casefold()
            if (
                approval is None
                or approval.id != submission.approval_id
                or given != submission.text_sha256
                or texts_sha256(approval.hashes) != given
            ):
                raise ReviewRefusedError(HASH_MISMATCH, post_id)
            note = str(row.get("note") or "").strip()
            facts = {
                "decision": decision,
                "reviewer": str(row.get("reviewer") or "").strip(),
                "organisation": str(row.get("organisation") or "").strip(),
                "code": str(row.get("code") or "").strip(),
                "expires": expires.isoformat() if expires else None,
                "note": note,
                "text_sha256": given,
            }
            tx.audit.append("review-decision", post_id, facts, now)
            tx.submissions.decide(submission.id, decision, note, now)
            if decision == "approved":
                review = OutsideReview(
                    str(facts["reviewer"] or submission.submitted_to),
                    str(facts["organisation"]),
                    str(facts["code"]),
                    expires,
                )
                _outside_approval(tx, approval, review, now)
                return decision
            void_approvals(tx, post_id, now, f"{decision} by outside review")
            text = str(row.get("text") or "")
            if decision == "changes" and text.strip() and text != post.body:
                draft = replace(post.draft, body=text, variants={})
                tx.posts.update(post_id, draft, now, status="draft")
                tx.revisions.add(post_id, draft, "restore", now)
            else:
                tx.posts.set_status(post_id, "draft", now)
            return decision


def _outside_approval(tx: Any, approval: Approval, review: OutsideReview, now: datetime) -> None:
    """The same texts approved again, by the outside reviewer (the agent's own voided)."""
    void_approvals(tx, approval.post_id, now, "approved by outside review")
    outside = tx.approvals.add(
        approval.post_id,
        dict(approval.texts),
        approval.link,
        list(approval.findings),
        dict(approval.overrides),
        approval.approver,
        now,
        images=approval.images,
        rules=approval.rules,
        review=review,
    )
    tx.posts.set_status(approval.post_id, "approved", now)
    tx.audit.append("approve", approval.post_id, approval_audit_data(outside), now)


def packet_post(item: ExportItem) -> dict[str, Any]:
    """One post as packet.json lists it: what the reviewer signs off, and its hash."""
    texts = {platform: item.text(platform) for platform in item.platforms}
    distinct = list(dict.fromkeys(texts.values()))
    rules = item.approval.rules
    return {
        "post_id": item.post_id,
        "text_sha256": texts_sha256(item.approval.hashes),
        "text": distinct[0] if len(distinct) == 1 else None,
        "texts": texts if len(distinct) > 1 else None,
        "platforms": list(item.platforms),
        "images": [{"sha256": i.sha256, "alt": i.alt_text} for i in item.images],
        "findings": [
            {
                "platform": f.get("platform"),
                "severity": f.get("severity"),
                "category": f.get("category"),
                "message": f.get("message"),
                "text": f.get("text") or None,
                "reason": f.get("reason") or None,
                "dismissed": item.is_dismissed(f),
            }
            for f in item.findings()
        ],
        "rules_version": None if rules is None else rules.to_dict(),
    }


def read_decisions(path: Path) -> list[dict[str, Any]]:
    """The rows of a JSON (an array, or {"decisions": [...]}) or CSV decisions file."""
    try:
        text = read_text(path)
    except FileNotFoundError:
        raise DecisionFileError(f"decisions file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionFileError(f"cannot read {path}: {exc}") from None
    if path.suffix.lower() == ".csv":
        return [dict(row) for row in csv.DictReader(io.StringIO(text, newline=""))]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DecisionFileError(
            f"{path} is not valid JSON ({exc.msg}, line {exc.lineno})"
        ) from None
    if isinstance(data, dict):
        data = data.get("decisions")
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise DecisionFileError(f"{path}: expected a list of decisions (JSON objects)")
    return data


def _int(value: object) -> int | None:
    try:
        number = int(str(value).strip())
    except ValueError:
        return None
    return number if number >= 1 else None


def _date(value: object, post_id: int) -> date | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ReviewRefusedError(BAD_EXPIRES, post_id) from None
