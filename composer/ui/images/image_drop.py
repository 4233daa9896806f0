"""What a drop or a paste offers as images: local files, the bytes of an image, or a picture.

Shared by the editor (drop and paste land there) and the strip. Local files are offered
whatever their extension, so a dropped BMP or PDF gets a clear refusal rather than its
path typed into the post; image bytes are kept as they came (their EXIF included, so a
location is noticed); a bare picture (a screenshot) is stored as PNG. A paste that holds
text is text, even when a picture of it comes along (office programs add one).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QImage

# Raw image formats a clipboard or a browser drag may carry, best first.
RAW_TYPES = (
    ("image/jpeg", "pasted image.jpg"),
    ("image/png", "pasted image.png"),
    ("image/webp", "pasted image.webp"),
    ("image/gif", "pasted image.gif"),
)


@dataclass(frozen=True, slots=True)
class ImageOffer:
    paths: tuple[str, ...] = ()
    data: bytes = b""
    name: str = ""
    image: QImage | None = None


def offer_from_mime(mime: QMimeData | None) -> ImageOffer | None:
    """The images in a drop or paste, or None when it holds none (plain text, web links)."""
    if mime is None:
        return None
    if mime.hasUrls():
        paths = tuple(url.toLocalFile() for url in mime.urls() if url.isLocalFile())
        if paths:
            return ImageOffer(paths=paths)
    if mime.hasText() and mime.text().strip():
        return None  # text copied from Word or Excel also carries a picture of itself
    for kind, name in RAW_TYPES:
        if mime.hasFormat(kind):
            data = bytes(mime.data(kind).data())
            if data:
                return ImageOffer(data=data, name=name)
    if mime.hasImage():
        image = mime.imageData()
        if isinstance(image, QImage) and not image.isNull():
            return ImageOffer(image=image, name="pasted image.png")
    return None
