"""Images on posts: check, store once by content hash, thumbnail, and strip for export.

Files live in the data folder, named by the SHA-256 of their bytes
(`images/ab/abcdef….jpg`), written atomically, so attaching the same photo twice stores
it once. Thumbnails are made once, when the image is attached (or first asked for), and
kept under `thumbnails/`. The pixel work (decoding, scaling, encoding) goes through an
`ImageCodec` (by default `composer.media.qt_images.QtImageCodec`, plain QtGui, safe on a
worker thread); the header and metadata parsing is `composer.media.meta`.

Refused, with one plain line and nothing stored: files that are not images, formats other
than JPEG, PNG, GIF and WebP, files that end early, and images so large that decoding them
would exhaust memory (see the codec).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Protocol

from composer.domain.attachments import EXTENSIONS, Attachment
from composer.domain.errors import ImageError
from composer.domain.files import write_atomic
from composer.media import meta

__all__ = ["ImageCodec", "ImageError", "ImageStore", "clean_bytes", "inspect"]

IMAGES_FOLDER = "images"
THUMBNAILS_FOLDER = "thumbnails"
THUMBNAIL_PX = 192  # the longer side; shown at 96 px on high-density screens
MAX_FILE_BYTES = 60 * 1024 * 1024

Picture = Any  # a decoded image as the codec makes it (a QImage for the Qt codec)


class ImageCodec(Protocol):
    """The pixel work the store needs; raises ImageError with a plain line."""

    def decode_sized(
        self, data: bytes, format: str, max_px: int | None, label: str
    ) -> tuple[Picture, int, int]:
        """Decode (orientation applied, scaled to fit `max_px`); also the full size."""
        ...

    def encode(self, image: Picture, format: str) -> bytes: ...

    def other_format(self, data: bytes) -> str:
        """An image format recognised in `data` that Composer does not take, or ""."""
        ...

    def read_file(self, path: Path) -> Picture | None: ...


def default_codec() -> ImageCodec:
    from composer.media.qt_images import QtImageCodec

    return QtImageCodec()


class ImageStore:
    def __init__(self, data_dir: Path, codec: ImageCodec | None = None) -> None:
        self.root = data_dir / IMAGES_FOLDER
        self.thumbnails = data_dir / THUMBNAILS_FOLDER
        self.codec = codec if codec is not None else default_codec()

    # -- attaching ------------------------------------------------------------------

    def attach_file(self, path: Path | str) -> Attachment:
        """Check and store the image at `path`; the attachment keeps the file's name."""
        path = Path(path)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise ImageError(_too_big_file(path.name, size))
            data = path.read_bytes()
        except FileNotFoundError:
            raise ImageError(f"{path.name}: there is no such file") from None
        except IsADirectoryError:
            raise ImageError(f"{path.name}: that is a folder, not an image") from None
        except OSError as exc:
            raise ImageError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
        return self.attach_bytes(data, path.name)

    def attach_bytes(self, data: bytes, name: str = "") -> Attachment:
        """Check and store image bytes (a paste, a drop); stored once per content."""
        attachment, thumbnail = inspect(data, name, self.codec)
        target = self.path_for(attachment.sha256, attachment.format)
        if not target.exists():
            _save(target, data)
        thumb = self.thumbnail_path(attachment.sha256)
        if not thumb.exists():
            _save(thumb, self.codec.encode(thumbnail, "png"))
        return attachment

    # -- where things are -----------------------------------------------------------

    def path_for(self, sha256: str, format: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{EXTENSIONS.get(format, '.bin')}"

    def has(self, sha256: str, format: str) -> bool:
        return self.path_for(sha256, format).is_file()

    def thumbnail_path(self, sha256: str) -> Path:
        return self.thumbnails / str(THUMBNAIL_PX) / sha256[:2] / f"{sha256}.png"

    # -- reading --------------------------------------------------------------------

    def thumbnail(self, sha256: str, format: str) -> Picture:
        """The cached thumbnail, made (once) from the stored image if it is missing."""
        path = self.thumbnail_path(sha256)
        image = self.codec.read_file(path)
        if image is not None:
            return image
        image = self.load(sha256, format, THUMBNAIL_PX)
        _save(path, self.codec.encode(image, "png"))
        return image

    def load(self, sha256: str, format: str, max_px: int | None = None) -> Picture:
        """The stored image as shown (orientation applied), scaled to fit `max_px`."""
        path = self.path_for(sha256, format)
        data = self._read(sha256, path)
        return self.codec.decode_sized(data, format, max_px, path.name)[0]

    def export_bytes(self, sha256: str, format: str) -> bytes:
        """The image as it may leave the computer: no EXIF, GPS, XMP, IPTC or comments.

        Orientation is applied to the pixels when the file asked for one (re-encoded at
        high quality); otherwise the metadata blocks are removed and the pixels kept.
        """
        path = self.path_for(sha256, format)
        return clean_bytes(self._read(sha256, path), format, path.name, self.codec)

    @staticmethod
    def _read(sha256: str, path: Path) -> bytes:
        try:
            return path.read_bytes()
        except OSError:
            raise ImageError(f"image {sha256[:12]} is missing from the library folder") from None


def inspect(
    data: bytes, name: str = "", codec: ImageCodec | None = None
) -> tuple[Attachment, Picture]:
    """Check image bytes and describe them; returns the attachment and a thumbnail."""
    codec = codec if codec is not None else default_codec()
    label = name or "the image"
    if not data:
        raise ImageError(f"{label}: the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(_too_big_file(label, len(data)))
    format = meta.sniff(data)
    if format is None:
        other = codec.other_format(data)
        if other:
            raise ImageError(
                f"{label}: {other.upper()} images are not supported; use JPEG, PNG, GIF or WebP"
            )
        raise ImageError(f"{label}: this is not an image Composer can read")
    try:
        facts = meta.read_facts(data, format)
    except meta.MetadataError as exc:
        raise ImageError(f"{label}: {exc} (it may be truncated); nothing was attached") from None
    thumbnail, width, height = codec.decode_sized(data, format, THUMBNAIL_PX, label)
    attachment = Attachment(
        sha256=hashlib.sha256(data).hexdigest(),
        format=format,
        width=width,
        height=height,
        size_bytes=len(data),
        has_location=facts.has_location,
        original_name=Path(name).name if name else "",
    )
    return attachment, thumbnail


def clean_bytes(data: bytes, format: str, name: str = "", codec: ImageCodec | None = None) -> bytes:
    """`data` without metadata, orientation applied (see ImageStore.export_bytes)."""
    try:
        facts = meta.read_facts(data, format)
        if facts.orientation != 1 and format != "gif":
            codec = codec if codec is not None else default_codec()
            image = codec.decode_sized(data, format, None, name or "the image")[0]
            data = codec.encode(image, format)
        return meta.strip(data, format)
    except meta.MetadataError as exc:
        raise ImageError(f"{name or 'the image'}: {exc}") from None


def _too_big_file(label: str, size: int) -> str:
    return (
        f"{label}: the file is {size / 1_048_576:,.0f} MB; Composer takes images up to "
        f"{MAX_FILE_BYTES // 1_048_576} MB"
    )


def _save(path: Path, data: bytes) -> None:
    """Written whole or not at all: never a half-written image."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, overwrite=True)
    except OSError as exc:
        raise ImageError(f"the image could not be saved ({exc.strerror or exc})") from None
