"""What one check looks at: the text, its targets, the profile, history and images."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from composer.domain.attachments import AttachmentInfo
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
