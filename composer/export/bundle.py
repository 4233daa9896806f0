"""A bundle for posting by hand: the scheduler CSV, the images, a README and checksums.

Laid out as

    posts.csv            Hootsuite or Sprout Social bulk file (as chosen), one platform
    images/post-12-1.jpg every approved image, metadata removed, named by post and order
    README.txt           what to post when: text, images in order, alt text to paste
    SHA256SUMS           the SHA-256 of every file above (`sha256sum -c SHA256SUMS`)

as a zip (`render`) or a folder (`write_folder`, a whole folder or nothing). The images'
bytes come from each ExportImage's `clean` reader, which strips EXIF, GPS and the rest.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import secrets
import shutil
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from composer.domain.files import Staged, write_synced
from composer.export.model import (
    ExportItem,
    RenderOptions,
    account_label,
    local_naive,
)

CSV_NAME = "posts.csv"
README_NAME = "README.txt"
SUMS_NAME = "SHA256SUMS"
IMAGES_FOLDER = "images"
SCHEDULERS = {"hootsuite": "Hootsuite", "sprout": "Sprout Social"}
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)  # fixed, so the same bundle zips to the same bytes


class BundleError(Exception):
    """The bundle cannot be made (an image is missing); the message is one line."""


@dataclass(frozen=True, slots=True)
class BundleFile:
    name: str  # relative, with forward slashes
    data: bytes


def files(items: Sequence[ExportItem], options: RenderOptions) -> list[BundleFile]:
    """Every file of the bundle, in order, ending with SHA256SUMS."""
    if options.scheduler not in SCHEDULERS:
        raise ValueError(f"a bundle's CSV is for hootsuite or sprout, not {options.scheduler!r}")
    scheduler = importlib.import_module(f"composer.export.{options.scheduler}")
    out = [BundleFile(CSV_NAME, scheduler.render(items, options))]
    for item in items:
        for name, image in item.image_files():
            if image.clean is None:
                raise BundleError(f"post {item.post_id}: image {name} is not available")
            out.append(BundleFile(f"{IMAGES_FOLDER}/{name}", image.clean()))
    out.append(BundleFile(README_NAME, readme(items, options).encode("utf-8")))
    sums = "".join(f"{hashlib.sha256(f.data).hexdigest()}  {f.name}\n" for f in out)
    out.append(BundleFile(SUMS_NAME, sums.encode("ascii")))
    return out


def render(items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    """The bundle as a zip file's bytes (images are stored, not compressed again)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for file in files(items, options):
            info = zipfile.ZipInfo(file.name, _ZIP_TIME)
            info.external_attr = 0o644 << 16
            packed = file.name.startswith(f"{IMAGES_FOLDER}/")
            info.compress_type = zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED
            archive.writestr(info, file.data)
    return buffer.getvalue()


def checksum(bundle_files: Sequence[BundleFile]) -> str:
    """What the audit log records for a folder: the SHA-256 of its SHA256SUMS file."""
    sums = next(f for f in bundle_files if f.name == SUMS_NAME)
    return hashlib.sha256(sums.data).hexdigest()


def is_bundle_folder(path: Path) -> bool:
    return path.is_dir() and (path / SUMS_NAME).is_file() and (path / README_NAME).is_file()


def write_folder(path: Path, bundle_files: Sequence[BundleFile], *, overwrite: bool) -> None:
    """Write the bundle as a folder: built beside `path`, then renamed into place.

    An existing folder is replaced only with `overwrite` and only when it is an earlier
    bundle; raises FileExistsError or OSError, leaving no partial folder behind.
    """
    stage_folder(path, bundle_files, overwrite=overwrite).commit()


def stage_folder(path: Path, bundle_files: Sequence[BundleFile], *, overwrite: bool) -> Staged:
    """The bundle folder written in full beside `path`, to be placed by the caller."""
    if path.exists() and not (overwrite and is_bundle_folder(path)):
        if overwrite:
            raise FileExistsError(
                f"{path} exists and is not an earlier bundle; choose another name"
            )
        raise FileExistsError(f"{path} already exists")
    if not path.parent.is_dir():
        raise OSError(f"there is no folder {path.parent}")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        for file in bundle_files:
            target = tmp / file.name
            target.parent.mkdir(parents=True, exist_ok=True)
            write_synced(target, file.data)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return Staged(tmp, path, overwrite)


def readme(items: Sequence[ExportItem], options: RenderOptions) -> str:
    tool = SCHEDULERS[options.scheduler]
    platform = options.platform or ""
    lines = [
        f"{options.title}: a bundle for posting by hand ({platform})",
        "",
        f"{CSV_NAME}: upload it in {tool}'s bulk scheduler; it holds each post's approved",
        "text, link and time. Then open each scheduled post and add its images, in the",
        "order below, pasting the alt text (description) for each one.",
        f"{IMAGES_FOLDER}/: every image, named post-<post>-<order>. Camera data (EXIF,",
        "GPS location, comments) was removed from each one.",
        f"{SUMS_NAME}: checksums of every file; the export is recorded in Composer's audit log.",
        "",
    ]
    for item in items:
        title = f": {item.title}" if item.title else ""
        lines.append("=" * 72)
        lines.append(f"Post {item.post_id}{title}")
        when = item.scheduled_at
        if when is not None:
            lines.append(f"When:    {local_naive(when).strftime('%Y-%m-%d %H:%M')}")
        if item.account is not None:
            lines.append(f"Account: {account_label(item.account)}")
        if item.link:
            lines.append(f"Link:    {item.link}")
        lines += ["", "Text:"]
        for shown in item.platforms:
            lines += [item.text(shown), ""]
        if item.images:
            lines.append("Images, in this order:")
            for number, (name, image) in enumerate(item.image_files(), start=1):
                lines.append(f"  {number}. {IMAGES_FOLDER}/{name}")
                lines.append(f"     Alt text: {image.alt_text or '(none written)'}")
        else:
            lines.append("Images: none")
        lines.append("")
    return "\n".join(lines)
