"""Images on posts: what the engine needs to know (not the pixels), and what a post holds.

An image is stored once, named by the SHA-256 of its bytes; a post refers to it by hash,
in order, with the agent's description (alt text). An approval signs off on the hashes and
the descriptions, so swapping an image or rewording its alt text is an edit like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

IMAGE_FORMATS = ("jpeg", "png", "gif", "webp")
EXTENSIONS = {"jpeg": ".jpg", "png": ".png", "gif": ".gif", "webp": ".webp"}


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    sha256: str
    width: int
    height: int
    size_bytes: int
    alt_text: str = ""
    has_location: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    """One image on a post; width and height are as shown (EXIF orientation applied)."""

    sha256: str
    format: str
    width: int
    height: int
    size_bytes: int
    alt_text: str = ""
    has_location: bool = False
    original_name: str = ""

    @property
    def info(self) -> AttachmentInfo:
        return AttachmentInfo(
            self.sha256, self.width, self.height, self.size_bytes, self.alt_text, self.has_location
        )

    @property
    def extension(self) -> str:
        return EXTENSIONS.get(self.format, ".bin")

    def to_dict(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "size_bytes": self.size_bytes,
            "alt_text": self.alt_text,
            "has_location": self.has_location,
            "original_name": self.original_name,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attachment:
        return cls(
            sha256=str(data["sha256"]),
            format=str(data.get("format", "")),
            width=int(data.get("width", 0)),
            height=int(data.get("height", 0)),
            size_bytes=int(data.get("size_bytes", 0)),
            alt_text=str(data.get("alt_text", "")),
            has_location=bool(data.get("has_location", False)),
            original_name=str(data.get("original_name", "")),
        )


@dataclass(frozen=True, slots=True)
class ApprovedImage:
    """What an approval pins down about one image: its bytes (by hash) and description."""

    sha256: str
    alt_text: str = ""


def approved_images(attachments: tuple[Attachment, ...]) -> tuple[ApprovedImage, ...]:
    return tuple(ApprovedImage(a.sha256, a.alt_text) for a in attachments)


def infos(attachments: tuple[Attachment, ...]) -> tuple[AttachmentInfo, ...]:
    return tuple(a.info for a in attachments)
