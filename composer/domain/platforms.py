"""The platforms a post can target: the one list, in the order the window shows them.

Each platform's limits (characters, hashtags, images...) are data in
`resources/platforms.toml`, read by `composer.guidelines.platforms`; a test keeps that
file's platforms and display names the same as these.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

PLATFORM_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "x": "X",
        "linkedin": "LinkedIn",
        "facebook": "Facebook",
        "instagram": "Instagram",
        "threads": "Threads",
    }
)
PLATFORMS: tuple[str, ...] = tuple(PLATFORM_NAMES)
# Short marks where a name does not fit (the calendar's post chips).
PLATFORM_MARKS: Mapping[str, str] = MappingProxyType(
    {"x": "X", "linkedin": "in", "facebook": "f", "instagram": "IG", "threads": "@"}
)


def display_name(platform: str) -> str:
    """How people write the platform's name ("LinkedIn"); unknown keys as given."""
    return PLATFORM_NAMES.get(platform, platform)
