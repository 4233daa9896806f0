"""Image rules: platform media limits, alt text and photo locations, as findings."""

from __future__ import annotations

from composer.domain.attachments import AttachmentInfo
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput

ENGINE = Engine.load(style_checks=False)


def _image(n: int = 0, width: int = 1080, height: int = 1080, **kwargs) -> AttachmentInfo:
    base = {"sha256": f"{n:064x}", "width": width, "height": height, "size_bytes": 200_000}
    return AttachmentInfo(**{**base, "alt_text": f"Photo {n}", **kwargs})


def _rules(text: str, platforms: tuple[str, ...], images) -> list[str]:
    result = ENGINE.check(CheckInput(text=text, platforms=platforms, attachments=images))
    return [f.rule for f in result.findings]


def test_no_attachment_information_means_no_media_findings() -> None:
    assert not [r for r in _rules("Hello", ("instagram",), None) if "media" in r]


def test_instagram_needs_an_image_and_at_most_ten() -> None:
    assert "platform.media.too-few.instagram" in _rules("Hi", ("instagram",), ())
    many = tuple(_image(i) for i in range(11))
    assert "platform.media.too-many.instagram" in _rules("Hi", ("instagram",), many)
    assert not [r for r in _rules("Hi", ("instagram",), (_image(),)) if "media" in r]


def test_x_takes_four_images() -> None:
    five = tuple(_image(i) for i in range(5))
    assert "platform.media.too-many.x" in _rules("Hi", ("x",), five)
    assert "platform.media.too-many.x" not in _rules("Hi", ("x",), five[:4])


def test_instagram_aspect_ratio_and_x_file_size() -> None:
    tall = (_image(width=1000, height=2000),)
    assert "platform.media.aspect.instagram" in _rules("Hi", ("instagram",), tall)
    portrait = (_image(width=1080, height=1350),)  # exactly 4:5
    assert "platform.media.aspect.instagram" not in _rules("Hi", ("instagram",), portrait)
    big = (_image(size_bytes=6_000_000),)
    assert "platform.media.too-large.x" in _rules("Hi", ("x",), big)


def test_each_image_without_alt_text_is_a_warning() -> None:
    images = (_image(1, alt_text=""), _image(2), _image(3, alt_text="  "))
    result = ENGINE.check(CheckInput(text="Hi", platforms=("facebook",), attachments=images))
    missing = [f for f in result.findings if f.rule == "accessibility.alt-text.missing"]
    assert [f.message for f in missing] == [
        "Image 1 has no description (alt text).",
        "Image 3 has no description (alt text).",
    ]
    assert all(f.severity == "warning" and f.start is None for f in missing)


def test_photo_location_is_pointed_out() -> None:
    rules = _rules("Hi", ("facebook",), (_image(has_location=True),))
    assert "compliance.privacy.photo-location" in rules
