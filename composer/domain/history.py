"""Recent posts handed to the engine for history-based rules (promotional mix, duplicates)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class HistoryItem:
    text: str
    when: datetime | None = None
    platforms: tuple[str, ...] = ()
    post_id: int | None = None
    status: str = "approved"
