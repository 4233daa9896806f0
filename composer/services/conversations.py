"""Replies and the complaint register: reading a comment, flagging it, keeping the record.

A complaint that arrives by social media belongs in the complaint register word for word
(FINRA has treated comments and replies as records since 2013; state complaint-record rules
ask for the same). Every entry and every change of status is written to the audit chain,
the entry with a hash of the comment's exact text, so an edit to the register shows when
the chain is verified. Errors carry a code; the window and the command line word them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.domain.conversations import (
    COMPLAINT_STATUSES,
    Comment,
    CommentReading,
    Complaint,
    ComplaintStatus,
)
from composer.domain.posts import content_hash
from composer.services.library import Clock, LibraryError, normalise_comment, utc_now

if TYPE_CHECKING:
    from composer.storage.database import Database
    from composer.storage.repositories import Repositories

COMPLAINT_ACTION = "complaint"  # audit action: an entry was recorded
STATUS_ACTION = "complaint-status"  # audit action: its status or note changed
EXPORT_ACTION = "complaints-export"  # audit action: the register was exported
REGISTER_FORMATS = ("csv", "pdf")


@dataclass(frozen=True, slots=True)
class RegisterExport:
    path: Path
    format: str
    count: int
    sha256: str


class ComplaintError(LibraryError):
    """A register operation that cannot go ahead; `code` says why, `complaint_id` which."""

    def __init__(self, code: str, complaint_id: int | None = None, detail: str = "") -> None:
        super().__init__(code if not detail else f"{code}: {detail}")
        self.code = code
        self.complaint_id = complaint_id
        self.detail = detail


class ComplaintNotFoundError(ComplaintError, LookupError):
    """No complaint (code `no-complaint`) or no reply post (code `no-post`) has that id."""


def audit_data(complaint: Complaint) -> dict[str, Any]:
    """What the audit entry of a new complaint records: the facts and the text's hash.

    The rating is recorded only when the comment has one, so entries written before
    ratings existed (and those without one) hash exactly as they always did."""
    data: dict[str, Any] = {
        "complaint_id": complaint.id,
        "author": complaint.comment.author,
        "platform": complaint.comment.platform,
        "url": complaint.comment.url,
        "at": complaint.comment.at.isoformat() if complaint.comment.at else None,
        "text_sha256": content_hash(complaint.comment.text),
    }
    if complaint.comment.rating is not None:
        data["rating"] = complaint.comment.rating
    return data


class ConversationService:
    """Reads comments (with the guideline engine) and keeps the complaint register."""

    def __init__(
        self,
        database: Database,
        reader: Callable[[str, int | None], CommentReading] | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._db = database
        self._reader = reader
        self._clock = clock

    # -- reading a comment -----------------------------------------------------------------

    def detect_complaint(self, text: str, rating: int | None = None) -> CommentReading:
        """Is the comment a complaint, and why (`reason` a code, `evidence` its words);
        `rating` is a review's stars, when it has them (1 or 2 reads as a complaint)."""
        if self._reader is None:
            return CommentReading(False)
        return self._reader(text, rating)

    # -- the register ----------------------------------------------------------------------

    def record(self, comment: Comment, reply: str = "", post_id: int | None = None) -> Complaint:
        """Add a complaint to the register, word for word, and log it."""
        comment = self._checked(comment)
        now = self._clock()
        with self._db.write() as tx:
            if post_id is not None and tx.posts.get(post_id) is None:
                raise ComplaintNotFoundError("no-post", detail=str(post_id))
            return _record(tx, comment, reply, post_id, now)

    def flag_reply(self, post_id: int) -> Complaint:
        """Record the comment a reply answers as a complaint (once: a second flag returns
        the entry already there, with the reply brought up to date)."""
        now = self._clock()
        with self._db.write() as tx:
            post = tx.posts.get(post_id)
            if post is None:
                raise ComplaintNotFoundError("no-post", detail=str(post_id))
            if post.in_reply_to is None:
                raise ComplaintError("not-a-reply", detail=str(post_id))
            if not post.in_reply_to.text.strip():
                raise ComplaintError("empty-comment", detail=str(post_id))
            for existing in tx.complaints.for_post(post_id):
                if existing.comment.same_words(post.in_reply_to):
                    if existing.reply != post.body:
                        return tx.complaints.update(existing.id, now, reply=post.body)
                    return existing
            return _record(tx, post.in_reply_to, post.body, post_id, now)

    def complaints(self, status: ComplaintStatus | None = None) -> list[Complaint]:
        with self._db.read() as tx:
            return tx.complaints.entries(status)

    def for_post(self, post_id: int) -> list[Complaint]:
        with self._db.read() as tx:
            return tx.complaints.for_post(post_id)

    def get(self, complaint_id: int) -> Complaint:
        with self._db.read() as tx:
            found = tx.complaints.get(complaint_id)
        if found is None:
            raise ComplaintNotFoundError("no-complaint", complaint_id)
        return found

    def set_status(
        self, complaint_id: int, status: ComplaintStatus, note: str | None = None
    ) -> Complaint:
        """Move a complaint to `status` (open, answered, resolved), with an optional note;
        each change is logged with the status before and after."""
        if status not in COMPLAINT_STATUSES:
            raise ComplaintError("bad-status", complaint_id, str(status))
        now = self._clock()
        with self._db.write() as tx:
            before = tx.complaints.get(complaint_id)
            if before is None:
                raise ComplaintNotFoundError("no-complaint", complaint_id)
            new_note = note.strip() if note is not None else None
            if before.status == status and (new_note is None or new_note == before.note):
                return before
            after = tx.complaints.update(complaint_id, now, status=status, note=new_note)
            tx.audit.append(
                STATUS_ACTION,
                before.post_id,
                {
                    "complaint_id": complaint_id,
                    "from": before.status,
                    "to": status,
                    "note": after.note,
                },
                now,
            )
            return after

    def resolve(self, complaint_id: int, note: str) -> Complaint:
        """Close a complaint; the note (what was done) is required."""
        if not note.strip():
            raise ComplaintError("note-required", complaint_id)
        return self.set_status(complaint_id, "resolved", note)

    def export_register(
        self,
        fmt: str,
        path: Path,
        status: ComplaintStatus | None = None,
        *,
        overwrite: bool = False,
    ) -> RegisterExport:
        """Write the register (or the entries with `status`) as CSV or PDF, atomically, and
        log the export with the file's hash."""
        import hashlib

        from composer.domain.files import AtomicWriteError, write_atomic
        from composer.export import complaints as register

        if fmt not in REGISTER_FORMATS:
            raise ComplaintError("bad-format", detail=fmt)
        entries = self.complaints(status)
        data = register.render_csv(entries) if fmt == "csv" else register.render_pdf(entries)
        try:
            write_atomic(path, data, overwrite=overwrite)
        except FileExistsError:
            raise ComplaintError("file-exists", detail=str(path)) from None
        except (AtomicWriteError, OSError) as exc:
            raise ComplaintError("cannot-write", detail=str(exc)) from None
        digest = hashlib.sha256(data).hexdigest()
        now = self._clock()
        with self._db.write() as tx:
            tx.audit.append(
                EXPORT_ACTION,
                None,
                {
                    "format": fmt,
                    "path": str(path),
                    "sha256": digest,
                    "complaint_ids": [c.id for c in entries],
                },
                now,
            )
        return RegisterExport(path, fmt, len(entries), digest)

    @staticmethod
    def _checked(comment: Comment) -> Comment:
        if not comment.text.strip():
            raise ComplaintError("empty-comment")
        return normalise_comment(comment)


def _record(
    tx: Repositories, comment: Comment, reply: str, post_id: int | None, now: datetime
) -> Complaint:
    complaint = tx.complaints.add(comment, reply, post_id, now)
    tx.audit.append(COMPLAINT_ACTION, post_id, audit_data(complaint), now)
    return complaint
