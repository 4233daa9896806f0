"""The agent's preferences: how the window looks and what a new post starts with.

One typed value with one name per preference (they used to be loose settings under
string keys, each spelt twice in the code); `composer.services.preferences` stores it
and still reads the old keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from composer.domain.platforms import PLATFORMS

Theme = Literal["system", "light", "dark"]
THEMES: tuple[Theme, ...] = ("system", "light", "dark")


@dataclass(frozen=True, slots=True)
class Preferences:
    theme: Theme = "system"  # the window's colours; "system" follows the computer
    approver: str = ""  # who signs approvals; empty means the profile's name
    default_platforms: tuple[str, ...] = field(default_factory=tuple)  # a new post's targets

    @classmethod
    def from_stored(cls, data: Mapping[str, object]) -> Preferences:
        """Preferences from stored values, each unusable one replaced by its default."""
        theme = data.get("theme")
        approver = data.get("approver")
        platforms = data.get("default_platforms")
        return cls(
            theme=theme if theme in THEMES else "system",
            approver=approver.strip() if isinstance(approver, str) else "",
            default_platforms=tuple(
                dict.fromkeys(p for p in platforms if isinstance(p, str) and p in PLATFORMS)
            )
            if isinstance(platforms, list | tuple)
            else (),
        )

    def to_stored(self) -> dict[str, object]:
        return {
            "theme": self.theme,
            "approver": self.approver,
            "default_platforms": list(self.default_platforms),
        }
