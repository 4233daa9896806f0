"""Read back the PDF records the tests write, with pypdf's text extraction."""

from __future__ import annotations

import io

from pypdf import PdfReader


def page_texts(data: bytes) -> list[str]:
    """The text of each page, in order (pypdf reads Qt's word gaps as tabs: made spaces)."""
    pages = PdfReader(io.BytesIO(data)).pages
    return [(page.extract_text() or "").replace("\t", " ") for page in pages]


def page_count(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def squash(text: str) -> str:
    """Whitespace-insensitive form, since a line may wrap anywhere on the page."""
    return "".join(text.split())
