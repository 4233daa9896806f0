"""Pixels through QtGui: decode (orientation applied, scaled), encode, and recognise.

The one place outside the window that touches QtGui for images; `QtImageCodec` is what
`composer.services.images.ImageStore` uses. Images so large that decoding them would
exhaust memory are refused from the header, before any decoding, and Qt's own allocation
limit is set deliberately as a second guard.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader, QImageWriter

from composer.domain.attachments import IMAGE_FORMATS
from composer.domain.errors import ImageError

MAX_PIXELS = 100_000_000  # 100 megapixels: more than any phone or camera a team uses
# Qt refuses to allocate more than this for one decoded image (its default is 256 MB). A
# 100-megapixel image at 4 bytes a pixel fits; a 200-megapixel "bomb" does not.
ALLOCATION_LIMIT_MB = 512
JPEG_QUALITY = 92
WEBP_QUALITY = 92
_SWAPPING = (
    QImageIOHandler.Transformation.TransformationRotate90
    | QImageIOHandler.Transformation.TransformationRotate270
)


def set_allocation_limit(megabytes: int = ALLOCATION_LIMIT_MB) -> None:
    """Qt's per-image decode budget, process-wide; set once when a codec is made."""
    QImageReader.setAllocationLimit(megabytes)


class QtImageCodec:
    """`composer.services.images.ImageCodec` over QImageReader and QImageWriter."""

    def __init__(self) -> None:
        set_allocation_limit()

    def decode_sized(
        self, data: bytes, format: str, max_px: int | None, label: str
    ) -> tuple[QImage, int, int]:
        return decode_sized(data, format, max_px, label)

    def encode(self, image: QImage, format: str) -> bytes:
        return encode(image, format)

    def other_format(self, data: bytes) -> str:
        return other_format(data)

    def read_file(self, path: Path) -> QImage | None:
        """The image in a file, or None when it is missing or unreadable."""
        image = QImage(str(path)) if path.is_file() else QImage()
        return None if image.isNull() else image


def _reader(data: bytes, format: str) -> tuple[QImageReader, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, format.encode())
    reader.setAutoTransform(True)
    return reader, buffer


def decode_sized(
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


def encode(image: QImage, format: str) -> bytes:
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


def other_format(data: bytes) -> str:
    """A format Qt recognises in `data` that Composer does not take (BMP, TIFF...), or ""."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data[:4096]))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    try:
        found = bytes(QImageReader.imageFormat(buffer).data()).decode("ascii", "replace")
    finally:
        buffer.close()
    return "" if found in IMAGE_FORMATS else found


def readable_formats() -> frozenset[str]:
    """The image formats this Qt can read (its plugins; a bundle could leave some out)."""
    return frozenset(name.toStdString() for name in QImageReader.supportedImageFormats())


def image_size(path: Path) -> tuple[int, int] | None:
    """The decoded size of an image file, or None when it cannot be read."""
    image = QImage(str(path))
    return None if image.isNull() else (image.width(), image.height())


def _why(reader: QImageReader) -> str:
    text = reader.errorString().strip().rstrip(".")
    return text[:1].lower() + text[1:] if text else "unknown reason"
