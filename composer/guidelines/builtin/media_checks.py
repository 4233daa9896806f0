"""Checks on a post's images: each platform's media rules, alt text and photo locations.

The engine sees only what it needs of each image (count, size, pixels, alt text, whether it
holds a location), never the pixels, so these checks stay as fast as the text ones.
"""

from __future__ import annotations

from typing import Any

from composer.domain.attachments import AttachmentInfo
from composer.domain.findings import Finding
from composer.guidelines.builtin.texts import builtin_text
from composer.guidelines.facts import TextFacts
from composer.guidelines.inputs import CheckInput
from composer.guidelines.platforms import Platform, load_platforms, validate_platforms

_ALT = "accessibility.alt-text"


def check_media(inp: CheckInput, facts: TextFacts) -> list[Finding]:
    """Findings about the attached images; none when the caller did not say (None)."""
    del facts  # images only
    images = inp.attachments
    if images is None:
        return []
    findings: list[Finding] = []
    known = load_platforms()
    for name in dict.fromkeys(validate_platforms(inp.platforms)):
        findings += _platform_rules(known[name], images)
    findings += _alt_text(images, [known[n] for n in dict.fromkeys(inp.platforms)])
    findings += _locations(images)
    return findings


def _media(key: str, platform: Platform, **fields: Any) -> Finding:
    return builtin_text(f"platform.media.{key}").finding(
        f"platform.media.{key}.{platform.name}",
        "platform.media",
        shown=platform.display_name,
        **fields,
    )


def _platform_rules(platform: Platform, images: tuple[AttachmentInfo, ...]) -> list[Finding]:
    rules = platform.images
    out: list[Finding] = []
    count = len(images)
    if count < rules.min_images:
        out.append(_media("too-few", platform, minimum=rules.min_images))
    if rules.max_images is not None and count > rules.max_images:
        out.append(_media("too-many", platform, maximum=rules.max_images, count=count))
    for number, image in enumerate(images, start=1):
        if rules.max_bytes is not None and image.size_bytes > rules.max_bytes:
            megabytes = rules.max_bytes / 1_048_576
            out.append(_media("too-large", platform, number=number, megabytes=megabytes))
        if _outside_aspect(image, rules.aspect_min, rules.aspect_max):
            low, high = rules.aspect_min or 0.0, rules.aspect_max or 0.0
            out.append(
                _media(
                    "aspect",
                    platform,
                    number=number,
                    width=image.width,
                    height=image.height,
                    low=_ratio(low),
                    high=_ratio(high),
                )
            )
    return out


def _outside_aspect(image: AttachmentInfo, low: float | None, high: float | None) -> bool:
    if low is None or high is None or not image.width or not image.height:
        return False
    aspect = image.width / image.height
    return not low - 0.005 <= aspect <= high + 0.005


def _ratio(value: float) -> str:
    return "4:5" if abs(value - 0.8) < 1e-6 else f"{value:g}:1"


def _alt_text(images: tuple[AttachmentInfo, ...], platforms: list[Platform]) -> list[Finding]:
    out: list[Finding] = []
    longest = min(
        (p.images.alt_text_max for p in platforms if p.images.alt_text_max is not None),
        default=None,
    )
    for number, image in enumerate(images, start=1):
        if not image.alt_text.strip():
            missing = builtin_text("accessibility.alt-text.missing")
            out.append(missing.finding(_ALT + ".missing", _ALT, number=number))
        elif longest is not None and len(image.alt_text) > longest:
            too_long = builtin_text("accessibility.alt-text.too-long")
            out.append(too_long.finding(_ALT + ".too-long", _ALT, number=number, longest=longest))
    return out


def _locations(images: tuple[AttachmentInfo, ...]) -> list[Finding]:
    located = builtin_text("compliance.privacy.photo-location")
    return [
        located.finding("compliance.privacy.photo-location", "compliance.privacy", number=number)
        for number, image in enumerate(images, start=1)
        if image.has_location
    ]
