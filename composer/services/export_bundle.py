"""Images in exports: the approved images with their files, and writing a bundle.

Kept apart from `composer.services.export` so that module stays about planning and
recording; this one knows where image files are and how a bundle reaches the disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from composer.domain.attachments import ApprovedImage, Attachment
from composer.domain.errors import ImageError
from composer.domain.files import Staged
from composer.domain.posts import Approval, Post
from composer.export import bundle, render
from composer.export.model import ExportImage, ExportItem, RenderOptions
from composer.services.export_checks import Problem, ProblemCode
from composer.services.export_errors import (
    ExportRefusedError,
    ExportTargetExistsError,
    ExportWriteError,
)

if TYPE_CHECKING:
    from composer.services.images import ImageStore

BUNDLE = "bundle"  # the scheduler CSV, the images without metadata, a README


def export_images(
    store: ImageStore | None, post: Post, approval: Approval
) -> tuple[ExportImage, ...]:
    """The approved images (hash and alt text) with the facts and files behind them.

    An approval that still applies has exactly the post's images, so the post's
    attachments supply format and size (the hash fixes the bytes, so they cannot differ).
    """
    facts = {a.sha256: a for a in post.attachments}
    return tuple(_export_image(store, image, facts.get(image.sha256)) for image in approval.images)


def _export_image(
    store: ImageStore | None, image: ApprovedImage, known: Attachment | None
) -> ExportImage:
    format = known.format if known is not None else ""
    path = store.path_for(image.sha256, format) if store is not None and format else None
    clean = partial(store.export_bytes, image.sha256, format) if store and path else None
    return ExportImage(
        sha256=image.sha256,
        alt_text=image.alt_text,
        format=format,
        width=known.width if known is not None else 0,
        height=known.height if known is not None else 0,
        path=path,
        clean=clean,
    )


def missing_images(items: Sequence[ExportItem]) -> list[Problem]:
    """A bundle needs every image's file; each missing one blocks the export."""
    return [
        Problem(
            ProblemCode.MISSING_IMAGE,
            blocking=True,
            post_ids=(item.post_id,),
            count=number,
            value=image.sha256[:12],
        )
        for item in items
        for number, image in enumerate(item.images, start=1)
        if image.path is None or not image.path.is_file()
    ]


def render_checked(format: str, items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    """`render`, with an unreadable image turned into a refusal (nothing written)."""
    try:
        return render(format, items, options)
    except (bundle.BundleError, ImageError) as exc:
        raise ExportRefusedError([_unreadable(exc)]) from None


def stage_bundle_folder(
    items: Sequence[ExportItem], options: RenderOptions, path: Path, force: bool
) -> tuple[Staged, str, int]:
    """Write a bundle folder beside `path` (placed later by the caller); returns it with
    the SHA-256 of its SHA256SUMS and its size."""
    try:
        files = bundle.files(items, options)
    except (bundle.BundleError, ImageError) as exc:
        raise ExportRefusedError([_unreadable(exc)], path=path) from None
    try:
        staged = bundle.stage_folder(path, files, overwrite=force)
    except FileExistsError:  # with `force`, a folder that is not an earlier bundle
        raise ExportTargetExistsError(path=path, replaceable=not force) from None
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise ExportWriteError(
            path=path, detail=f"cannot write {path}: {why}; nothing was written"
        ) from None
    return staged, bundle.checksum(files), sum(len(f.data) for f in files)


def _unreadable(exc: Exception) -> Problem:
    return Problem(ProblemCode.UNREADABLE_IMAGE, blocking=True, detail=str(exc))
