"""Images on posts: check, store once by content hash, thumbnail, and strip for export.

Files live in the data folder, named by the SHA-256 of their bytes
(`images/ab/abcdef….jpg`), written atomically, so attaching the same photo twice stores
it once. Thumbnails are made once, when the image is attached (or first asked for), and
kept under `thumbnails/`. Everything here is plain QtGui (QImageReader/QImageWriter) and
safe to call from a worker thread; no widget is involved.

Refused, with one plain line and nothing stored: files that are not images, formats other
than JPEG, PNG, GIF and WebP, files that end early, and images so large that decoding them
would exhaust memory. The pixel count is checked from the header before any decoding, and
Qt's own allocation limit is set deliberately as a second guard.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QImageWriter

from composer.domain.attachments import EXTENSIONS, IMAGE_FORMATS, Attachment
from composer.services import image_meta

IMAGES_FOLDER = "images"
THUMBNAILS_FOLDER = "thumbnails"
THUMBNAIL_PX = 192  # the longer side; shown at 96 px on high-density screens
MAX_PIXELS = 100_000_000  # 100 megapixels: more than any phone or camera a team uses
MAX_FILE_BYTES = 60 * 1024 * 1024
# Qt refuses to allocate more than this for one decoded image (its default is 256 MB). A
# 100-megapixel image at 4 bytes a pixel fits; a 200-megapixel "bomb" does not.
ALLOCATION_LIMIT_MB = 512
JPEG_QUALITY = 92
WEBP_QUALITY = 92
_SWAPPING = (
    QImageIOHandler.Transformation.TransformationRotate90
    | QImageIOHandler.Transformation.TransformationRotate270
)


class ImageError(ValueError):
    """An image that cannot be attached or read; the message is one plain line."""


def set_allocation_limit(megabytes: int = ALLOCATION_LIMIT_MB) -> None:
    """Qt's per-image decode budget, process-wide; set once when the store is made."""
    QImageReader.setAllocationLimit(megabytes)


class ImageStore:
    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / IMAGES_FOLDER
        self.thumbnails = data_dir / THUMBNAILS_FOLDER
        set_allocation_limit()

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
        attachment, thumbnail = inspect(data, name)
        target = self.path_for(attachment.sha256, attachment.format)
        if not target.exists():
            _write_atomic(target, data)
        thumb = self.thumbnail_path(attachment.sha256)
        if not thumb.exists():
            _write_atomic(thumb, _encode(thumbnail, "png"))
        return attachment

    # -- where things are -----------------------------------------------------------

    def path_for(self, sha256: str, format: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{EXTENSIONS.get(format, '.bin')}"

    def has(self, sha256: str, format: str) -> bool:
        return self.path_for(sha256, format).is_file()

    def thumbnail_path(self, sha256: str) -> Path:
        return self.thumbnails / str(THUMBNAIL_PX) / sha256[:2] / f"{sha256}.png"

    # -- reading --------------------------------------------------------------------

    def thumbnail(self, sha256: str, format: str) -> QImage:
        """The cached thumbnail, made (once) from the stored image if it is missing."""
        path = self.thumbnail_path(sha256)
        image = QImage(str(path)) if path.is_file() else QImage()
        if not image.isNull():
            return image
        image = self.load(sha256, format, THUMBNAIL_PX)
        _write_atomic(path, _encode(image, "png"))
        return image

    def load(self, sha256: str, format: str, max_px: int | None = None) -> QImage:
        """The stored image as shown (orientation applied), scaled to fit `max_px`."""
        path = self.path_for(sha256, format)
        try:
            data = path.read_bytes()
        except OSError:
            raise ImageError(f"image {sha256[:12]} is missing from the library folder") from None
        return _decode(data, format, max_px, path.name)

    def export_bytes(self, sha256: str, format: str) -> bytes:
        """The image as it may leave the computer: no EXIF, GPS, XMP, IPTC or comments.

        Orientation is applied to the pixels when the file asked for one (re-encoded at
        high quality); otherwise the metadata blocks are removed and the pixels kept.
        """
        path = self.path_for(sha256, format)
        try:
            data = path.read_bytes()
        except OSError:
            raise ImageError(f"image {sha256[:12]} is missing from the library folder") from None
        return clean_bytes(data, format, path.name)


def inspect(data: bytes, name: str = "") -> tuple[Attachment, QImage]:
    """Check image bytes and describe them; returns the attachment and a thumbnail."""
    label = name or "the image"
    if not data:
        raise ImageError(f"{label}: the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(_too_big_file(label, len(data)))
    format = image_meta.sniff(data)
    if format is None:
        other = _qt_format(data)
        if other:
            raise ImageError(
                f"{label}: {other.upper()} images are not supported; use JPEG, PNG, GIF or WebP"
            )
        raise ImageError(f"{label}: this is not an image Composer can read")
    try:
        facts = image_meta.read_facts(data, format)
    except image_meta.MetadataError as exc:
        raise ImageError(f"{label}: {exc} (it may be truncated); nothing was attached") from None
    thumbnail, width, height = _decode_sized(data, format, THUMBNAIL_PX, label)
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


def clean_bytes(data: bytes, format: str, name: str = "") -> bytes:
    """`data` without metadata, orientation applied (see ImageStore.export_bytes)."""
    try:
        facts = image_meta.read_facts(data, format)
        if facts.orientation != 1 and format != "gif":
            image = _decode(data, format, None, name)
            data = _encode(image, format)
        return image_meta.strip(data, format)
    except image_meta.MetadataError as exc:
        raise ImageError(f"{name or 'the image'}: {exc}") from None


# -- Qt's readers and writers ---------------------------------------------------------------


def _reader(data: bytes, format: str) -> tuple[QImageReader, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, format.encode())
    reader.setAutoTransform(True)
    return reader, buffer


def _decode_sized(
    data: bytes, format: str, max_px: int | None, label: str
) -> tuple[QImage, int, int]:
    """Decode (scaled down to `max_px` if given); also the full size as shown."""
    reader, buffer = _reader(data, format)
    try:
        size = reader.size()
        if not size.isValid() or size.isEmpty():
            raise ImageError(f"{label}: the image cannot be read ({_why(reader)})")
        pixels = size.width() * size.height()
        if pixels > MAX_PIXELS:
            raise ImageError(
                f"{label}: the image is {pixels / 1e6:,.0f} megapixels "
                f"({size.width():,}×{size.height():,}); Composer takes up to "
                f"{MAX_PIXELS // 1_000_000} megapixels"
            )
        if max_px is not None and max(size.width(), size.height()) > max_px:
            reader.setScaledSize(
                size.scaled(QSize(max_px, max_px), Qt.AspectRatioMode.KeepAspectRatio)
            )
        image = reader.read()
        if image.isNull():
            limit = QImageReader.allocationLimit() * 1_048_576
            if limit and pixels * 4 > limit:
                raise ImageError(f"{label}: the image is too large to open safely")
            raise ImageError(f"{label}: the image cannot be read ({_why(reader)})")
        width, height = size.width(), size.height()
        if reader.transformation() & _SWAPPING:
            width, height = height, width
        return image, width, height
    finally:
        buffer.close()


def _decode(data: bytes, format: str, max_px: int | None, label: str) -> QImage:
    return _decode_sized(data, format, max_px, label or "the image")[0]


def _encode(image: QImage, format: str) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, format.encode())
    if format == "jpeg":
        writer.setQuality(JPEG_QUALITY)
        writer.setOptimizedWrite(True)
        if image.hasAlphaChannel():
            image = image.convertToFormat(QImage.Format.Format_RGB32)
    elif format == "webp":
        writer.setQuality(WEBP_QUALITY)
    if not writer.write(image):
        raise ImageError(f"the image could not be written as {format} ({writer.errorString()})")
    buffer.close()
    return bytes(buffer.data().data())


def _qt_format(data: bytes) -> str:
    """The format Qt recognises in `data` (BMP, TIFF...), or "" for none."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data[:4096]))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        found = bytes(QImageReader.imageFormat(buffer).data()).decode("ascii", "replace")
    finally:
        buffer.close()
    return "" if found in IMAGE_FORMATS else found


def _why(reader: QImageReader) -> str:
    text = reader.errorString().strip().rstrip(".")
    return text[:1].lower() + text[1:] if text else "unknown reason"


def _too_big_file(label: str, size: int) -> str:
    return (
        f"{label}: the file is {size / 1_048_576:,.0f} MB; Composer takes images up to "
        f"{MAX_FILE_BYTES // 1_048_576} MB"
    )


def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written image."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise ImageError(f"the image could not be saved ({exc.strerror or exc})") from None
    finally:
        if tmp.exists():
            tmp.unlink()
