"""The image store and the metadata reader: formats, GPS, orientation, stripping, refusals."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtGui import QColor, QImageReader

from composer.media import meta as image_meta
from composer.services.images import ImageError, ImageStore, clean_bytes, inspect
from tests.helpers.images import (
    bomb_png,
    camera_jpeg,
    encode,
    gif_with_comment,
    picture,
    png_with_text,
    tiff_exif,
    webp_with_exif,
)


@pytest.fixture
def store(tmp_path):
    return ImageStore(tmp_path)


# -- metadata -------------------------------------------------------------------------------


def test_exif_facts_read_orientation_and_gps():
    assert image_meta.exif_facts(tiff_exif(orientation=6, gps=True)) == (6, True)
    assert image_meta.exif_facts(b"Exif\x00\x00" + tiff_exif(orientation=3)) == (3, False)
    assert image_meta.exif_facts(b"garbage") == (None, False)
    assert image_meta.exif_facts(tiff_exif(gps=True)[:30]) == (None, False)  # cut short


def test_a_gps_directory_without_a_position_is_no_location():
    exif = bytearray(tiff_exif(gps=True))
    # Rename the position tags (1-4) to the GPS version tag's neighbours (5+).
    gps_at = 8 + 2 + 12 + 4
    for n in range(4):
        exif[gps_at + 2 + 12 * n] = 10 + n
    assert image_meta.exif_facts(bytes(exif)) == (None, False)


@pytest.mark.parametrize(
    ("data", "format"),
    [
        (camera_jpeg(gps=True), "jpeg"),
        (png_with_text(gps=True), "png"),
        (webp_with_exif(gps=True), "webp"),
    ],
    ids=["jpeg", "png", "webp"],
)
def test_location_is_found_and_stripped(data, format):
    assert image_meta.read_facts(data, format).has_location
    clean = image_meta.strip(data, format)
    facts = image_meta.read_facts(clean, format)
    assert not facts.has_location and not facts.has_metadata
    assert not inspect(clean)[1].isNull()  # still a good image


def test_gif_comments_and_xmp_are_removed_but_the_image_stays():
    gif = gif_with_comment()
    assert image_meta.read_facts(gif, "gif").has_metadata
    clean = image_meta.strip(gif, "gif")
    assert b"hello" not in clean and b"XMP" not in clean
    assert inspect(clean)[0].width == 1


def test_jpeg_keeps_colour_segments_and_drops_trailers():
    jpeg = encode(picture(), "jpeg")
    icc = b"ICC_PROFILE\x00\x01\x01" + b"\x00" * 20
    with_icc = jpeg[:2] + b"\xff\xe2" + len(icc + b"12").to_bytes(2, "big") + icc + jpeg[2:]
    stripped = image_meta.strip(with_icc + b"trailing maker data", "jpeg")
    assert b"ICC_PROFILE" in stripped and stripped.endswith(b"\xff\xd9")


@pytest.mark.parametrize("format", ["jpeg", "png", "gif", "webp"])
def test_truncated_files_are_incomplete(format):
    data = {
        "jpeg": camera_jpeg(),
        "png": png_with_text(),
        "gif": gif_with_comment(),
        "webp": webp_with_exif(),
    }[format]
    with pytest.raises(image_meta.MetadataError):
        image_meta.read_facts(data[: len(data) - 6], format)


# -- attaching ------------------------------------------------------------------------------


def test_attach_stores_once_by_content_hash(store, tmp_path):
    data = camera_jpeg(80, 60, gps=True)
    first = store.attach_bytes(data, "IMG_0001.JPG")
    second = store.attach_bytes(data, "copy.jpg")
    digest = hashlib.sha256(data).hexdigest()
    assert first.sha256 == second.sha256 == digest
    assert (first.format, first.width, first.height, first.size_bytes) == (
        "jpeg",
        80,
        60,
        len(data),
    )
    assert first.has_location and first.original_name == "IMG_0001.JPG"
    files = [p for p in (tmp_path / "images").rglob("*") if p.is_file()]
    assert files == [tmp_path / "images" / digest[:2] / f"{digest}.jpg"]
    assert files[0].read_bytes() == data  # the original is kept as it came
    assert store.thumbnail_path(digest).is_file()
    assert not list(tmp_path.rglob("*.tmp"))


def test_attach_file_keeps_its_name(store, tmp_path):
    path = tmp_path / "team.png"
    path.write_bytes(encode(picture(300, 200), "png"))
    attachment = store.attach_file(path)
    assert (attachment.original_name, attachment.width, attachment.height) == ("team.png", 300, 200)


def test_orientation_is_applied_to_the_size(store):
    attachment = store.attach_bytes(camera_jpeg(64, 48, orientation=6))
    assert (attachment.width, attachment.height) == (48, 64)


def test_thumbnail_is_small_and_cached(store):
    attachment = store.attach_bytes(encode(picture(1200, 600), "png"))
    path = store.thumbnail_path(attachment.sha256)
    thumb = store.thumbnail(attachment.sha256, "png")
    assert (thumb.width(), thumb.height()) == (192, 96)
    path.unlink()
    assert store.thumbnail(attachment.sha256, "png").width() == 192  # made again, once
    assert path.is_file()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"%PDF-1.7 not a picture at all", "not an image"),
        (encode(picture(), "bmp"), "BMP images are not supported"),
        (camera_jpeg()[:-40], "truncated"),
        (encode(picture(), "png")[:-30], "truncated"),
        (bomb_png(), "200 megapixels"),
    ],
    ids=["empty", "not-image", "bmp", "truncated-jpeg", "truncated-png", "bomb"],
)
def test_bad_images_are_refused_with_one_line(store, tmp_path, data, words):
    with pytest.raises(ImageError) as caught:
        store.attach_bytes(data, "upload.bin")
    message = str(caught.value)
    assert words in message and "\n" not in message and message.startswith("upload.bin: ")
    assert not (tmp_path / "images").exists()


def test_qt_allocation_limit_is_set_and_guards_decoding(store, tmp_path):
    assert QImageReader.allocationLimit() == 512
    QImageReader.setAllocationLimit(1)  # 1 MB: a 1000×1000 image needs 4
    try:
        with pytest.raises(ImageError, match="too large to open safely"):
            store.attach_bytes(encode(picture(1000, 1000), "png"), "big.png")
    finally:
        QImageReader.setAllocationLimit(512)


def test_missing_file_is_a_plain_error(store, tmp_path):
    with pytest.raises(ImageError, match="no such file"):
        store.attach_file(tmp_path / "gone.jpg")


# -- export copies ---------------------------------------------------------------------------


def test_exported_jpeg_holds_no_gps_and_orientation_is_applied(store):
    attachment = store.attach_bytes(camera_jpeg(64, 48, orientation=6, gps=True))
    out = store.export_bytes(attachment.sha256, "jpeg")
    facts = image_meta.read_facts(out, "jpeg")
    assert not facts.has_location and facts.orientation == 1 and not facts.has_metadata
    assert b"Exif" not in out and b"xmpmeta" not in out and b"shot at" not in out
    assert b"\x25\x88" not in out.split(b"\xff\xda")[0]  # no GPS IFD tag before the scan
    image, _ = inspect(out)
    assert (image.width, image.height) == (48, 64)
    # Orientation 6 turns the picture a quarter clockwise: the red corner is now top-right.
    decoded = inspect(out)[1]
    red = QColor(decoded.pixel(decoded.width() - 2, 2))
    assert red.red() > 150 and red.green() < 100


def test_upright_jpeg_is_stripped_without_re_encoding():
    original = camera_jpeg(64, 48, gps=True)
    clean = clean_bytes(original, "jpeg")
    plain = encode(picture(64, 48), "jpeg")
    assert clean == plain  # exactly the camera's pixels, only the metadata is gone
