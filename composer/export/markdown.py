"""Markdown for copy and paste: one section per post and platform.

The text sits in a fenced block so that neither a renderer nor the reader's eye changes it
(no `#` turning into a heading, no `*` into emphasis); the fence is longer than any run of
backticks in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from composer.export.model import ExportItem, RenderOptions, account_label, local_naive

_BACKTICKS = re.compile(r"`+")


def render(items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    parts = [f"# {options.title}\n"]
    for item in items:
        for platform in item.platforms:
            parts.append(_section(item, platform))
    return "\n".join(parts).encode("utf-8")


def _section(item: ExportItem, platform: str) -> str:
    title = f" — {_inline(item.title)}" if item.title else ""
    lines = [f"## Post {item.post_id} · {platform}{title}", ""]
    facts = [
        (
            "Scheduled",
            local_naive(item.scheduled_at).strftime("%Y-%m-%d %H:%M") if item.scheduled_at else "",
        ),
        ("Account", account_label(item.account)),
        ("Link", item.link),
        ("Approved", _approved(item)),
    ]
    lines += [f"- {label}: {_inline(value)}" for label, value in facts if value]
    text = item.text(platform)
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    lines += ["", f"{fence}text", text, fence, ""]
    if item.images:
        lines += ["Images, in this order:", ""]
        for number, (name, image) in enumerate(item.image_files(), start=1):
            alt = _inline(image.alt_text) if image.alt_text else "*(no alt text)*"
            lines.append(f"{number}. `{name}` (SHA-256 `{image.sha256}`): {alt}")
        lines.append("")
    return "\n".join(lines)


def _approved(item: ExportItem) -> str:
    when = item.approval.approved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    who = f" by {item.approval.approver}" if item.approval.approver else ""
    return f"{when}{who}"


def _inline(value: str) -> str:
    """One line, with Markdown's special characters escaped."""
    flat = " ".join(value.split())
    return re.sub(r"([\\`*_{}\[\]<>#|!])", r"\\\1", flat)
