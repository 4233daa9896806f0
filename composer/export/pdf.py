"""The compliance record as PDF: one post per page (longer posts run on), with Qt's writer.

Each page holds the text for every platform, the account, the scheduled time, who approved
it and when, every finding with its severity and the reason it was kept, and the SHA-256 of
each approved text, so a reviewer can match the page to the audit log. Approved images are
shown scaled down (decoded afresh, so no camera metadata reaches the PDF) with their alt
text and hash. The page is set in the fonts Composer ships (composer.export.pdf_fonts)
and finished by composer.export.pdf_finish: a text layer holding the exact characters, and
the approved texts attached as JSON. QPdfWriter and QTextDocument need only QtGui, but
they do need a QGuiApplication: one is made if none exists, on the offscreen platform when
there is no display.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from html import escape
from typing import Any

from composer.export.model import (
    ExportImage,
    ExportItem,
    RenderOptions,
    account_label,
    iso,
    local_naive,
)

_APP: Any = None  # the QGuiApplication made here, kept alive for the process
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


def ensure_gui_app() -> None:
    """Make sure a QGuiApplication exists (Qt's text layout and PDF writer need one)."""
    global _APP
    from PySide6.QtCore import QCoreApplication

    existing = QCoreApplication.instance()
    if existing is not None:
        from PySide6.QtGui import QGuiApplication

        if not isinstance(existing, QGuiApplication):
            raise RuntimeError("the PDF export needs a QGuiApplication, not a QCoreApplication")
        return
    headless = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _APP = QGuiApplication(["composer"])


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


def _add_images(document: Any, item: ExportItem) -> None:
    """Give the page's <img> tags their pixels: each image read at twice its shown size."""
    from PySide6.QtCore import QSize, QUrl
    from PySide6.QtGui import QImageIOHandler, QImageReader, QTextDocument

    on_side = QImageIOHandler.Transformation.TransformationRotate90
    for image in item.images:
        if image.path is None:
            continue
        reader = QImageReader(str(image.path))
        reader.setAutoTransform(True)
        width, height = shown_size(image)
        size = reader.size()
        if size.isValid() and size.width() * size.height() > 4 * width * height:
            stored = QSize(width * 2, height * 2)
            if reader.transformation() & on_side:  # stored on its side: scale before turning
                stored.transpose()
            reader.setScaledSize(stored)
        pixels = reader.read()
        if not pixels.isNull():
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(image_url(image)), pixels
            )


def render(items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    """The record: Qt lays out and draws each page, then `finish` adds the exact-text layer
    and the approved texts as an attachment."""
    ensure_gui_app()
    from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

    from composer.export.pdf_finish import approved_texts, finish
    from composer.export.pdf_fonts import record_font
    from composer.export.pdf_textlayer import Line, document_lines

    font = record_font()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setResolution(96)
    writer.setTitle(options.title)
    writer.setCreator("Composer")
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = float(area.width()), float(area.height())
    pages: list[list[Line]] = []
    painter = QPainter(writer)
    try:
        for item in items:
            document = QTextDocument()
            document.setDefaultFont(font)
            document.setDefaultStyleSheet(STYLE)
            document.setPageSize(QSizeF(width, height))
            _add_images(document, item)
            document.setHtml(page_html(item, options))
            lines = document_lines(document, height)
            for page in range(document.pageCount()):
                if pages:
                    writer.newPage()
                pages.append(lines.get(page, []))
                painter.save()
                painter.translate(0, -page * height)
                document.drawContents(painter, QRectF(0, page * height, width, height))
                painter.restore()
    finally:
        painter.end()
    buffer.close()
    data = bytes(buffer.data().data())
    if not pages:
        return data
    return finish(data, pages, _page_matrix(writer), approved_texts(items))


def _page_matrix(writer: Any) -> str:
    """The PDF matrix taking the painter's page pixels (y down) to PDF points (y up)."""
    from PySide6.QtGui import QPageLayout

    layout = writer.pageLayout()
    paint = layout.paintRect(QPageLayout.Unit.Point)
    full = layout.fullRect(QPageLayout.Unit.Point)
    scale = 72 / writer.resolution()
    return f"{scale:.6f} 0 0 {-scale:.6f} {paint.left():.4f} {full.height() - paint.top():.4f}"


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
