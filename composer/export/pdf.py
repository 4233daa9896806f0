"""The compliance record as PDF: one post per page (longer posts run on), with Qt's writer.

Each page holds the text for every platform, the account, the scheduled time, who approved
it and when, every finding with its severity and the reason it was kept, and the SHA-256 of
each approved text, so a reviewer can match the page to the audit log. Approved images are
shown scaled down (decoded afresh, so no camera metadata reaches the PDF) with their alt
text and hash. The page is set in the fonts Composer ships (composer.export.pdf_fonts)
and finished by composer.export.pdf_finish: a text layer holding the exact characters, and
the approved texts attached as JSON. The typesetting itself (QTextDocument and
QPdfWriter, QtGui) is `composer.media.typeset`; this module decides what each page says.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from composer.export.model import (
    ExportImage,
    ExportItem,
    RenderOptions,
    account_label,
    iso,
    local_naive,
)

IMAGE_BOX = (260, 200)  # the most room one image takes on the page, in 96-dpi pixels

STYLE = """
body { font-size: 10pt; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 11pt; margin-top: 10px; margin-bottom: 2px; }
table.facts td { padding: 1px 8px 1px 0; }
td.label { color: #444; }
p.text { white-space: pre-wrap; margin: 2px 0 4px 0; }
p.hash { font-family: monospace; font-size: 8pt; color: #333; }
p.none { color: #444; }
p.image { margin: 4px 0 8px 0; }
"""


def page_html(item: ExportItem, options: RenderOptions) -> str:
    """The HTML of one post's page (Qt's rich-text subset)."""
    approval = item.approval
    scheduled = (
        local_naive(item.scheduled_at).strftime("%Y-%m-%d %H:%M") if item.scheduled_at else "-"
    )
    approved = approval.approved_at.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()
    facts = [
        ("Title", item.title),
        ("Account", account_label(item.account) or "-"),
        ("Scheduled", scheduled),
        ("Link", item.link or "-"),
        ("Approved", f"{approved} by {approval.approver or 'unknown'}"),
        ("Approval", f"#{approval.id}"),
        ("Tags", ", ".join(item.tags)),
    ]
    rows = "".join(
        f"<tr><td class='label'>{label}</td><td>{escape(value)}</td></tr>"
        for label, value in facts
        if value
    )
    parts = [
        f"<h1>Post {item.post_id}</h1>",
        f"<table class='facts'>{rows}</table>",
    ]
    comment = item.in_reply_to
    if comment is not None:  # a reply: the comment it answers, as context
        when = comment.at.astimezone().strftime("%Y-%m-%d %H:%M") if comment.at else ""
        facts_line = " · ".join(escape(f) for f in (comment.author, comment.platform, when) if f)
        parts.append(f"<h2>In reply to</h2><p class='none'>{facts_line or 'a comment'}</p>")
        if comment.url:
            parts.append(f"<p class='none'>{escape(comment.url)}</p>")
        parts.append(f"<p class='text'>{_text(comment.text)}</p>")
    if item.images:
        parts.append("<h2>Images</h2>")
        for number, (name, image) in enumerate(item.image_files(), start=1):
            width, height = shown_size(image)
            alt = escape(image.alt_text) if image.alt_text else "<i>none</i>"
            parts.append(
                f"<p class='image'><img src='{image_url(image)}' width='{width}' "
                f"height='{height}'/><br/>{number}. {escape(name)}. Alt text: {alt}</p>"
                f"<p class='hash'>SHA-256 {escape(image.sha256)}</p>"
            )
    for platform in item.platforms:
        parts.append(f"<h2>{escape(platform)}</h2>")
        parts.append(f"<p class='text'>{_text(item.text(platform))}</p>")
        parts.append(f"<p class='hash'>SHA-256 {escape(item.text_hash(platform))}</p>")
        parts.append(_findings(item, platform))
    stamp = iso(options.generated_at)
    if stamp:
        parts.append(f"<p class='none'>Record generated {escape(stamp)} by Composer.</p>")
    return "".join(parts)


def image_url(image: ExportImage) -> str:
    return f"composer-image:{image.sha256}"


def shown_size(image: ExportImage) -> tuple[int, int]:
    """The image's size on the page: scaled down to fit IMAGE_BOX, never up."""
    if not image.width or not image.height:
        return IMAGE_BOX
    scale = min(1.0, IMAGE_BOX[0] / image.width, IMAGE_BOX[1] / image.height)
    return max(1, round(image.width * scale)), max(1, round(image.height * scale))


def render(items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    """The record: Qt lays out and draws each page, then `finish` adds the exact-text layer
    and the approved texts as an attachment."""
    from composer.export.pdf_finish import approved_texts, finish
    from composer.export.pdf_fonts import record_font
    from composer.export.pdf_textlayer import Line, document_lines
    from composer.media.typeset import PageImage, Source, Typeset, typeset

    sources = [
        Source(
            page_html(item, options),
            tuple(
                PageImage(image_url(image), image.path, shown_size(image))
                for image in item.images
                if image.path is not None
            ),
        )
        for item in items
    ]
    empty: list[Line] = []
    done: Typeset[list[Line]] = typeset(
        sources,
        title=options.title,
        font=record_font(),
        style=STYLE,
        lines=document_lines,
        empty=empty,
    )
    if not done.pages:
        return done.data
    return finish(done.data, done.pages, done.matrix, approved_texts(items))


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def _findings(item: ExportItem, platform: str) -> str:
    findings = item.findings(platform)
    if not findings:
        return "<p class='none'>Findings: none.</p>"
    rows = []
    for f in findings:
        quoted = f" “{escape(str(f.get('text', '')))}”" if f.get("text") else ""
        reason = f"<br/><i>Kept because: {escape(str(f['reason']))}</i>" if f.get("reason") else ""
        rows.append(
            f"<li><b>{escape(str(f.get('severity', '')))}</b> "
            f"{escape(str(f.get('category', '')))}: {escape(str(f.get('message', '')))}"
            f"{quoted}{reason}</li>"
        )
    return f"<p>Findings:</p><ul>{''.join(rows)}</ul>"
