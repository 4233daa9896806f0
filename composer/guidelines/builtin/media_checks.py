"""Checks on a post's images: each platform's media rules, alt text and photo locations.

The engine sees only what it needs of each image (count, size, pixels, alt text, whether it
holds a location), never the pixels, so these checks stay as fast as the text ones.
"""

from __future__ import annotations

from composer.domain.attachments import AttachmentInfo
from composer.domain.findings import Finding, Severity
from composer.guidelines.facts import TextFacts
from composer.guidelines.inputs import CheckInput
from composer.guidelines.platforms import Platform, load_platforms, validate_platforms

_MEDIA_REFERENCE = "Each platform's published media requirements (kept in resources/platforms.toml)"
_ALT_REFERENCE = "WCAG 2.2 success criterion 1.1.1 (non-text content); platform alt-text features"


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


def _media(rule: str, severity: Severity, message: str, explanation: str) -> Finding:
    return Finding(
        rule=f"platform.media.{rule}",
        category="platform.media",
        severity=severity,
        message=message,
        explanation=explanation,
        reference=_MEDIA_REFERENCE,
    )


def _platform_rules(platform: Platform, images: tuple[AttachmentInfo, ...]) -> list[Finding]:
    rules = platform.images
    shown = platform.display_name
    out: list[Finding] = []
    count = len(images)
    if count < rules.min_images:
        out.append(
            _media(
                f"too-few.{platform.name}",
                "error",
                f"{shown} needs at least {rules.min_images} image; this post has none.",
                f"{shown} does not publish a caption on its own. Attach a photo or graphic, "
                "or leave this platform out.",
            )
        )
    if rules.max_images is not None and count > rules.max_images:
        out.append(
            _media(
                f"too-many.{platform.name}",
                "error",
                f"{shown} takes at most {rules.max_images} images; this post has {count}.",
                f"{shown} will refuse the post or drop the extra images. Choose the "
                f"{rules.max_images} that tell the story best.",
            )
        )
    for number, image in enumerate(images, start=1):
        if rules.max_bytes is not None and image.size_bytes > rules.max_bytes:
            megabytes = rules.max_bytes / 1_048_576
            out.append(
                _media(
                    f"too-large.{platform.name}",
                    "warning",
                    f"Image {number} is larger than the {megabytes:.0f} MB {shown} accepts.",
                    "The upload will fail or the network will squeeze the photo hard. "
                    "Export a smaller copy of the image.",
                )
            )
        if _outside_aspect(image, rules.aspect_min, rules.aspect_max):
            low, high = rules.aspect_min or 0.0, rules.aspect_max or 0.0
            out.append(
                _media(
                    f"aspect.{platform.name}",
                    "warning",
                    f"Image {number} is {image.width}×{image.height}: {shown} crops images "
                    f"outside {_ratio(low)} to {_ratio(high)}.",
                    f"{shown} will cut off the edges of this image, perhaps a face or "
                    "your logo. Crop it yourself so you choose what stays.",
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
            out.append(
                Finding(
                    rule="accessibility.alt-text.missing",
                    category="accessibility.alt-text",
                    severity="warning",
                    message=f"Image {number} has no description (alt text).",
                    explanation="Screen-reader users are part of every audience: a short "
                    "description of what the image shows lets them share the post too. "
                    "LinkedIn, X, Facebook and Instagram all accept alt text.",
                    reference=_ALT_REFERENCE,
                )
            )
        elif longest is not None and len(image.alt_text) > longest:
            out.append(
                Finding(
                    rule="accessibility.alt-text.too-long",
                    category="accessibility.alt-text",
                    severity="warning",
                    message=f"Image {number}'s description is longer than {longest} characters.",
                    explanation="The network will cut the description short. Say what the "
                    "image shows in a sentence or two.",
                    reference=_ALT_REFERENCE,
                )
            )
    return out


def _locations(images: tuple[AttachmentInfo, ...]) -> list[Finding]:
    return [
        Finding(
            rule="compliance.privacy.photo-location",
            category="compliance.privacy",
            severity="suggestion",
            message=f"Image {number} records where it was taken (GPS).",
            explanation="Phone photos carry the coordinates of where they were taken, often a "
            "client's home or yours. Composer removes this and other camera data from every "
            "exported image; check the photo shows nothing private either.",
            reference="Gramm-Leach-Bliley Act (client privacy); EXIF metadata",
        )
        for number, image in enumerate(images, start=1)
        if image.has_location
    ]
