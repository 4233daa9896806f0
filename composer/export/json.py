"""JSON records: everything a reviewer or another tool needs about each approved post."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from composer.export.model import ExportItem, RenderOptions, iso

SCHEMA = "composer-export"
VERSION = 1


def record(item: ExportItem) -> dict[str, Any]:
    approval = item.approval
    account = item.account
    return {
        "post_id": item.post_id,
        "title": item.title,
        "tags": list(item.tags),
        "platforms": list(item.platforms),
        "texts": {p: item.text(p) for p in item.platforms},
        "link": item.link or None,
        "images": [
            {
                "file": name,
                "sha256": image.sha256,
                "alt_text": image.alt_text,
                "format": image.format or None,
                "width": image.width or None,
                "height": image.height or None,
            }
            for name, image in item.image_files()
        ],
        "scheduled_at": iso(item.scheduled_at) or None,
        "account": None
        if account is None
        else {
            "id": account.id,
            "platform": account.platform,
            "handle": account.handle,
            "display_name": account.display_name,
        },
        "approval": {
            "id": approval.id,
            "approver": approval.approver,
            "approved_at": iso(approval.approved_at),
            "hashes": {p: item.text_hash(p) for p in item.platforms},
            "findings": [f for p in item.platforms for f in item.findings(p)],
            "overrides": dict(approval.overrides),
        },
    }


def render(items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    document = {
        "schema": SCHEMA,
        "version": VERSION,
        "generated_at": iso(options.generated_at) or None,
        "platform": options.platform,
        "posts": [record(item) for item in items],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
