"""What the guideline engine needs to know about a post's images (not the pixels)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    sha256: str
    width: int
    height: int
    size_bytes: int
    alt_text: str = ""
    has_location: bool = False
