"""The complaint register as an examiner asks for it: CSV for a spreadsheet, PDF for the file.

Each entry shows the comment word for word (with who wrote it, where, when, its link and a
review's rating), the reply, the status and its note, and when it was recorded. The PDF is
typeset like the compliance record (composer.media.typeset, the shipped fonts) and carries
the same exact-text layer, plus the register as JSON attached, so the wording can be copied
out exactly.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from html import escape

from composer.domain.conversations import Complaint
from composer.domain.posts import content_hash
from composer.export.csv_safety import csv_bytes

HEADER = (
    "id",
    "recorded_at",
    "status",
    "note",
    "author",
    "platform",
    "commented_at",
    "rating",
    "url",
    "comment",
    "comment_sha256",
    "reply",
    "post_id",
    "updated_at",
)
ATTACHMENT = "complaint-register.json"
ATTACHMENT_FORMAT = "composer-complaint-register"

STYLE = """
body { font-size: 10pt; }
h1 { font-size: 15pt; margin: 0; }
h2 { font-size: 11pt; margin-top: 10px; margin-bottom: 2px; }
table.facts td { padding: 1px 8px 1px 0; }
td.label { color: #444; }
p.text { white-space: pre-wrap; margin: 2px 0 4px 0; }
p.hash { font-family: monospace; font-size: 8pt; color: #333; }
"""


def _iso(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def _local(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip() if moment else "-"


def row(complaint: Complaint) -> list[str]:
    comment = complaint.comment
    return [
        str(complaint.id),
        _iso(complaint.recorded_at),
        complaint.status,
        complaint.note,
        comment.author,
        comment.platform,
        _iso(comment.at),
        "" if comment.rating is None else str(comment.rating),
        comment.url,
        comment.text,
        content_hash(comment.text),
        complaint.reply,
        "" if complaint.post_id is None else str(complaint.post_id),
        _iso(complaint.updated_at),
    ]


def render_csv(complaints: Sequence[Complaint]) -> bytes:
    """One row per complaint, every text exactly (formula starts neutralised), with a BOM
    so spreadsheets read UTF-8."""
    return csv_bytes((row(c) for c in complaints), header=HEADER, bom=True)


def register_json(complaints: Sequence[Complaint]) -> bytes:
    """The register as JSON: what the PDF carries attached."""
    document = {
        "format": ATTACHMENT_FORMAT,
        "version": 1,
        "hash": "SHA-256 of each comment encoded as UTF-8",
        "complaints": [dict(zip(HEADER, row(c), strict=True)) for c in complaints],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def page_html(complaint: Complaint, title: str) -> str:
    """The HTML of one complaint's page (Qt's rich-text subset)."""
    comment = complaint.comment
    facts = [
        ("Recorded", _local(complaint.recorded_at)),
        ("Status", complaint.status + (f": {complaint.note}" if complaint.note else "")),
        ("Changed", _local(complaint.updated_at)),
        ("From", comment.author or "-"),
        ("Where", comment.platform or "-"),
        ("Posted", _local(comment.at)),
        ("Link", comment.url or "-"),
        ("Reply post", "-" if complaint.post_id is None else f"#{complaint.post_id}"),
    ]
    if comment.rating is not None:  # a review's stars, after when it was posted
        facts.insert(6, ("Rating", comment.rating_words()))
    rows = "".join(
        f"<tr><td class='label'>{label}</td><td>{escape(value)}</td></tr>" for label, value in facts
    )
    reply = _text(complaint.reply) if complaint.reply else "<i>No reply recorded.</i>"
    return (
        f"<h1>{escape(title)}: complaint #{complaint.id}</h1>"
        f"<table class='facts'>{rows}</table>"
        f"<h2>The comment, word for word</h2><p class='text'>{_text(comment.text)}</p>"
        f"<p class='hash'>SHA-256 {content_hash(comment.text)}</p>"
        f"<h2>The reply</h2><p class='text'>{reply}</p>"
    )


def render_pdf(complaints: Sequence[Complaint], title: str = "Complaint register") -> bytes:
    """One complaint per page (long ones run on), with the exact-text layer and the
    register attached as JSON."""
    from composer.export.pdf_finish import finish
    from composer.export.pdf_fonts import record_font
    from composer.export.pdf_textlayer import Line, document_lines
    from composer.media.typeset import Source, Typeset, typeset

    sources = [Source(page_html(c, title)) for c in complaints]
    if not sources:
        sources = [Source(f"<h1>{escape(title)}</h1><p>No complaints recorded.</p>")]
    empty: list[Line] = []
    done: Typeset[list[Line]] = typeset(
        sources, title=title, font=record_font(), style=STYLE, lines=document_lines, empty=empty
    )
    return finish(done.data, done.pages, done.matrix, register_json(complaints), ATTACHMENT)


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br/>")
