"""What the examiner's record adds to an approval and a post, as plain frozen values.

An approval names the rule packs it was checked against (`RulesVersion`) and, when someone
other than the agent signed off, who did (`OutsideReview`). A post's `Publication`s say
where and when it ran; the last of them starts its retention period.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

Audience = Literal["public", "group", "boosted"]
AUDIENCES: tuple[Audience, ...] = ("public", "group", "boosted")

PackSource = Literal["shipped", "custom"]


@dataclass(frozen=True, slots=True)
class PackHash:
    """One rule pack file in force: where it came from, its name and its SHA-256."""

    source: PackSource
    file: str
    sha256: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "file": self.file, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class RulesVersion:
    """The rules an approval was checked against.

    `version` is the Composer version the shipped packs came with; `sha256` covers every
    pack in force (shipped and custom: each file's source, name and SHA-256, in order), so
    two approvals with the same value were checked against exactly the same rules.
    """

    version: str
    sha256: str
    packs: tuple[PackHash, ...] = ()

    @property
    def custom(self) -> tuple[PackHash, ...]:
        return tuple(p for p in self.packs if p.source == "custom")

    def to_dict(self) -> dict[str, object]:
        return {
            "version": self.version,
            "sha256": self.sha256,
            "packs": [p.to_dict() for p in self.packs],
        }


@dataclass(frozen=True, slots=True)
class OutsideReview:
    """An approval given by someone other than the agent (a principal, carrier or IMO)."""

    reviewer: str
    organisation: str = ""
    code: str = ""
    expires_on: date | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "reviewer": self.reviewer,
            "organisation": self.organisation or None,
            "code": self.code or None,
            "expires_on": self.expires_on.isoformat() if self.expires_on else None,
        }


@dataclass(frozen=True, slots=True)
class Publication:
    """One time a post ran: on which platform and account, where, when, to whom, at what
    cost. `published_at` is aware UTC; `spend` is the amount as a decimal string ("" when
    nothing was paid)."""

    id: int
    post_id: int
    approval_id: int | None
    platform: str
    account: str
    url: str
    published_at: datetime
    audience: Audience
    spend: str
    recorded_at: datetime
    live_text: str | None = None  # as pasted from the network (None: not compared)
    live_matches: bool | None = None  # whether it is the approved text

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "approval_id": self.approval_id,
            "platform": self.platform,
            "account": self.account or None,
            "url": self.url or None,
            "published_at": self.published_at.isoformat(timespec="seconds"),
            "audience": self.audience,
            "spend": self.spend or None,
            "live_text": self.live_text,
            "live_text_matches": self.live_matches,
        }


def same_text(approved: str, live: str) -> bool:
    """Whether text copied back from a network is the approved text: exactly, apart from
    line-ending style and whitespace around the whole (which copying adds or drops)."""

    def plain(text: str) -> str:
        return text.replace("\r\n", "\n").replace("\r", "\n").strip()

    return plain(approved) == plain(live)


@dataclass(frozen=True, slots=True)
class RetentionRow:
    """One post in the retention report."""

    post_id: int
    title: str
    status: str
    deleted: bool
    legal_hold: bool
    first_used: datetime | None
    last_used: datetime | None
    keep_until: date | None  # None: never used, so no period runs

    def may_delete(self, today: date) -> bool:
        return not self.legal_hold and (self.keep_until is None or today >= self.keep_until)


ReviewState = Literal["in-review", "approved", "rejected", "changes"]
DECISIONS: tuple[ReviewState, ...] = ("approved", "rejected", "changes")


@dataclass(frozen=True, slots=True)
class Submission:
    """A post's approved texts sent to an outside reviewer; `state` is "in-review" until
    the decision comes back. `text_sha256` is `texts_sha256` of what was sent."""

    id: int
    post_id: int
    approval_id: int
    submitted_to: str
    submitted_at: datetime
    text_sha256: str
    state: ReviewState
    decided_at: datetime | None = None
    note: str = ""


def texts_sha256(hashes: Mapping[str, str]) -> str:
    """One hash for what a reviewer signs off: the text's own SHA-256 when every platform
    carries the same text (the usual case), else the SHA-256 of each platform's hash, so
    any change to any platform's text changes it."""
    distinct = set(hashes.values())
    if len(distinct) == 1:
        return distinct.pop()
    joined = "\n".join(f"{platform}:{digest}" for platform, digest in sorted(hashes.items()))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()
