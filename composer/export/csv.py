"""A full CSV for spreadsheets and records: every field, one row per post and platform."""

from __future__ import annotations

from collections.abc import Sequence

from composer.export.csv_safety import csv_bytes
from composer.export.model import ExportItem, RenderOptions, account_label, iso

HEADER: tuple[str, ...] = (
    "post_id",
    "platform",
    "title",
    "text",
    "link",
    "scheduled_at",
    "account",
    "tags",
    "approval_id",
    "approved_by",
    "approved_at",
    "text_sha256",
    "findings",
)


def rows(items: Sequence[ExportItem], options: RenderOptions) -> list[list[str]]:
    out: list[list[str]] = []
    for item in items:
        for platform in item.platforms:
            out.append(
                [
                    str(item.post_id),
                    platform,
                    item.title,
                    item.text(platform),
                    item.link,
                    iso(item.scheduled_at),
                    account_label(item.account),
                    ", ".join(item.tags),
                    str(item.approval.id),
                    item.approval.approver,
                    iso(item.approval.approved_at),
                    item.text_hash(platform),
                    _findings(item, platform),
                ]
            )
    return out


def render(items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    return csv_bytes(
        rows(items, options), header=HEADER, bom=options.bom, neutralise_cells=options.neutralise
    )


def _findings(item: ExportItem, platform: str) -> str:
    """One line per finding: severity, category, message and any reason it was kept."""
    lines = []
    for f in item.findings(platform):
        kept = f" (kept: {f['reason']})" if f["reason"] else ""
        lines.append(
            f"{f.get('severity', '')} {f.get('category', '')}: {f.get('message', '')}{kept}"
        )
    return "\n".join(lines)
