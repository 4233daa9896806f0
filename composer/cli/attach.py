"""`composer attach ID FILE... [--alt TEXT]`: add images to a post from a terminal.

Every file is checked before the post changes: one bad file (not an image, cut short, too
large, an unsupported format) attaches nothing and exits with status 2. Images are stored
once in the data folder by content hash; attaching changes the post like any edit, so an
approved post goes back to draft.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from composer.cli.common import open_services, post_id
from composer.cli.errors import UsageError


def register(subparsers: Any) -> None:
    sub = subparsers.add_parser(
        "attach",
        help="attach images (JPEG, PNG, GIF, WebP) to a post, with alt text",
        description="Attach image files to a post, after its own images. Give --alt once "
        "for every file, or once per file in the same order. Photos that record where they "
        "were taken are flagged; exports always remove that data.",
    )
    sub.add_argument("id", type=post_id, metavar="ID", help="the post")
    sub.add_argument("files", nargs="+", metavar="FILE", help="image files to attach")
    sub.add_argument(
        "--alt",
        action="append",
        default=[],
        metavar="TEXT",
        help="the description screen readers read out (once, or once per file)",
    )
    sub.add_argument(
        "--format", choices=("text", "json"), default="text", help="output (default: text)"
    )
    sub.set_defaults(handler=run_attach)


def run_attach(args: argparse.Namespace) -> int:
    from composer.services.images import ImageError

    files = [Path(f).expanduser() for f in args.files]
    alts = _alt_texts(args.alt, len(files))
    with open_services(args, daily_backup=True) as services:
        before = services.library.get(args.id)
        attachments = []
        for path, alt in zip(files, alts, strict=True):
            try:
                attachment = services.images.attach_file(path)
            except ImageError as exc:
                raise UsageError(f"{exc}; nothing was attached to post {args.id}") from None
            attachments.append(replace(attachment, alt_text=alt))
        post = services.library.attach(args.id, attachments)
    if args.format == "json":
        print(json.dumps({"post_id": post.id, "status": post.status,
                          "attachments": [a.to_dict() for a in post.attachments]},
                         ensure_ascii=False, indent=2))  # fmt: skip
    else:
        _report(before, post, attachments)
    return 0


def _alt_texts(given: list[str], files: int) -> list[str]:
    texts = [text.strip() for text in given]
    if not texts:
        return [""] * files
    if len(texts) == 1:
        return texts * files
    if len(texts) != files:
        raise UsageError(f"give --alt once, or once for each of the {files} files")
    return texts


def _report(before: Any, post: Any, added: list[Any]) -> None:
    noun = "image" if len(added) == 1 else "images"
    print(f"Attached {len(added)} {noun} to post {post.id} ({len(post.attachments)} in all).")
    for number, attachment in enumerate(post.attachments, start=1):
        name = attachment.original_name or attachment.sha256[:12]
        size = f"{attachment.width}×{attachment.height} {attachment.format.upper()}"
        print(f"  {number}. {name}  {size}  {attachment.sha256[:12]}")
        if not attachment.alt_text:
            print(f"composer: warning: image {number} has no alt text (--alt)", file=sys.stderr)
        if attachment.has_location:
            print(
                f"composer: note: image {number} records where it was taken (GPS); "
                "exports remove it",
                file=sys.stderr,
            )
    if before.status in ("approved", "exported") and post.status == "draft":
        print(f"Post {post.id} was {before.status}; it is a draft again: approve it again.")
