"""What one check looks at: the text, its targets, the profile, history and images, and
for a reply the comment it answers (read as context; only `text` is ever flagged)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from composer.domain.attachments import AttachmentInfo
from composer.domain.conversations import Comment
from composer.domain.history import HistoryItem
from composer.domain.profile import Profile


@dataclass(frozen=True, slots=True)
class CheckInput:
    text: str
    platforms: tuple[str, ...] = ("facebook",)
    profile: Profile | None = None
    history: tuple[HistoryItem, ...] = field(default_factory=tuple)
    attachments: tuple[AttachmentInfo, ...] | None = None
    post_id: int | None = None
    today: dt.date | None = None  # for rules in force for a time; None: today
    comment: Comment | None = None  # set when `text` is a reply to this comment
