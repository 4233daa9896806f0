"""Replies and complaints: the comment a reply answers, and the register of complaints.

Social media is call and response, and the reply is where agents slip. A reply is a post
that carries the comment it answers, word for word, so the checks can read it as context
and the complaint register can keep it exactly as the commenter wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

ComplaintStatus = Literal["open", "answered", "resolved"]
COMPLAINT_STATUSES: tuple[ComplaintStatus, ...] = ("open", "answered", "resolved")


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment or review a reply answers: its exact text and where it was seen.

    `at` is when it was posted (aware, UTC once stored) when the agent knows it.
    """

    text: str
    author: str = ""
    platform: str = ""
    url: str = ""
    at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "author": self.author,
            "text": self.text,
            "platform": self.platform,
            "url": self.url,
            "at": self.at.isoformat(timespec="seconds") if self.at else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comment:
        at = data.get("at")
        return cls(
            text=str(data.get("text", "")),
            author=str(data.get("author", "") or ""),
            platform=str(data.get("platform", "") or ""),
            url=str(data.get("url", "") or ""),
            at=datetime.fromisoformat(at) if isinstance(at, str) and at else None,
        )

    def opening(self, words: int = 8) -> str:
        """The comment's first words, for a history row."""
        parts = self.text.split()
        shown = " ".join(parts[:words])
        return shown + ("…" if len(parts) > words else "")


@dataclass(frozen=True, slots=True)
class CommentReading:
    """What the checks read in a comment: is it a complaint, does it hold personal details.

    `reason` is a code (`grievance`, `low-rating`, `unanswered`) and `evidence` the words
    that made it so; the window and the command line word them.
    """

    complaint: bool
    reason: str = ""
    evidence: str = ""
    personal: bool = False


@dataclass(frozen=True, slots=True)
class Complaint:
    """One entry of the complaint register: the comment word for word, and what was done."""

    id: int
    comment: Comment
    reply: str
    post_id: int | None
    status: ComplaintStatus
    note: str
    recorded_at: datetime
    updated_at: datetime
