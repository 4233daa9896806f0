"""Replies and complaints: the comment a reply answers, and the register of complaints.

Social media is call and response, and the reply is where agents slip. A reply is a post
that carries the comment it answers, word for word, so the checks can read it as context
and the complaint register can keep it exactly as the commenter wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

ComplaintStatus = Literal["open", "answered", "resolved"]
COMPLAINT_STATUSES: tuple[ComplaintStatus, ...] = ("open", "answered", "resolved")
RATINGS: tuple[int, ...] = (1, 2, 3, 4, 5)  # a review's stars; None for a comment without


def rating_of(value: Any) -> int | None:
    """`value` as a rating (an integer 1 to 5), or None when it is not one.

    Booleans and floats are not ratings: JSON's `true` or `4.5` is a mistake to report
    (the importer and the command line do), never a rating to round.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value in RATINGS:
        return value
    return None


def stars(rating: int) -> str:
    """A rating drawn as five stars, filled up to it: 2 is "★★☆☆☆"."""
    return "★" * rating + "☆" * (len(RATINGS) - rating)


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment or review a reply answers: its exact text and where it was seen.

    `at` is when it was posted (aware, UTC once stored) when the agent knows it.
    `on_post_id` is the agent's own post the comment was left on (None for a review page
    or a comment whose post is not in the library); it is how a post's thread is found,
    and is written `post_id` in JSON.
    """

    text: str
    author: str = ""
    platform: str = ""
    url: str = ""
    at: datetime | None = None
    on_post_id: int | None = None
    rating: int | None = None

    def __post_init__(self) -> None:
        if self.rating is not None and rating_of(self.rating) is None:
            raise ValueError(f"a rating is 1 to 5 stars, not {self.rating!r}")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "author": self.author,
            "text": self.text,
            "platform": self.platform,
            "url": self.url,
            "at": self.at.isoformat(timespec="seconds") if self.at else None,
            "post_id": self.on_post_id,
        }
        if self.rating is not None:  # only when set: older records stay byte-identical
            data["rating"] = self.rating
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comment:
        at = data.get("at")
        on_post = data.get("post_id")
        return cls(
            text=str(data.get("text", "")),
            author=str(data.get("author", "") or ""),
            platform=str(data.get("platform", "") or ""),
            url=str(data.get("url", "") or ""),
            at=datetime.fromisoformat(at) if isinstance(at, str) and at else None,
            on_post_id=on_post
            if isinstance(on_post, int) and not isinstance(on_post, bool)
            else None,
            rating=rating_of(data.get("rating")),
        )

    def same_words(self, other: Comment) -> bool:
        """The same comment, whichever post it is linked to (the register keeps no link)."""
        return replace(self, on_post_id=None) == replace(other, on_post_id=None)

    def opening(self, words: int = 8) -> str:
        """The comment's first words, for a history row."""
        parts = self.text.split()
        shown = " ".join(parts[:words])
        return shown + ("…" if len(parts) > words else "")

    def stars(self) -> str:
        """The rating as stars ("★★☆☆☆"), or "" for a comment without one."""
        return "" if self.rating is None else stars(self.rating)

    def rating_words(self) -> str:
        """The rating in words for plain-text output ("2 of 5 stars"), or ""."""
        return "" if self.rating is None else f"{self.rating} of 5 stars"


@dataclass(frozen=True, slots=True)
class CommentReading:
    """What the checks read in a comment: is it a complaint, does it hold personal details.

    `reason` is a code (`grievance`, `low-rating`, `unanswered`, or `reads-like` when only
    the learned reader took it for a complaint) and `evidence` the words that made it so;
    the window and the command line word them.
    """

    complaint: bool
    reason: str = ""
    evidence: str = ""
    personal: bool = False

    def quotes(self, text: str) -> bool:
        """Whether the evidence is words of the comment `text` (to quote), rather than the
        review's rating chosen beside it ("1-star rating")."""
        return bool(self.evidence) and self.evidence in text


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


@dataclass(frozen=True, slots=True)
class ThreadReply:
    """One comment of a thread and the agent's reply under it.

    `reply_id`, `status` and `body` are the reply post's; `complaint_id` is its entry in
    the complaint register when the comment was flagged (else None).
    """

    reply_id: int
    comment: Comment
    body: str
    status: str
    complaint_id: int | None = None

    @property
    def flagged(self) -> bool:
        return self.complaint_id is not None


@dataclass(frozen=True, slots=True)
class Thread:
    """A post and the replies to comments left on it, in the order the comments were made
    (comments without a date last, then by reply id).

    For the reviews thread (`post_id` None) the replies answer comments on no post of the
    library (reviews, pages), ordered by platform, then author, then date.
    """

    post_id: int | None
    title: str
    body: str
    status: str
    replies: tuple[ThreadReply, ...]
