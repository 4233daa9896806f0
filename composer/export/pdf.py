"""The compliance record as PDF, with Qt's writer: a cover, one post per page (longer posts
run on), and a page for the reviewer's signature; "Page N of M" at the foot of each.

What each page says is `composer.export.pdf_pages`. Approved images are shown scaled down
(decoded afresh, so no camera metadata reaches the PDF). The page is set in the fonts
Composer ships (composer.export.pdf_fonts) and finished by composer.export.pdf_finish: a
text layer holding the exact characters, and the approved texts attached as JSON. The
typesetting itself (QTextDocument and QPdfWriter, QtGui) is `composer.media.typeset`.
"""

from __future__ import annotations

from collections.abc import Sequence

from composer.export.model import ExportItem, RenderOptions
from composer.export.pdf_pages import (
    IMAGE_BOX,
    STYLE,
    cover_html,
    footer_text,
    image_url,
    post_html,
    shown_size,
    signature_html,
)

__all__ = ["IMAGE_BOX", "page_html", "render", "shown_size"]


def page_html(item: ExportItem, options: RenderOptions) -> str:
    """The HTML of one post's page (Qt's rich-text subset)."""
    return post_html(item, options)


def render(items: Sequence[ExportItem], options: RenderOptions) -> bytes:
    """The record: Qt lays out and draws each page, then `finish` adds the exact-text layer
    and the approved texts as an attachment."""
    from composer.export.pdf_finish import approved_texts, finish
    from composer.export.pdf_fonts import record_font
    from composer.export.pdf_textlayer import Line, document_lines
    from composer.media.typeset import PageImage, Source, Typeset, typeset

    sources = [Source(cover_html(items, options))]
    sources += [
        Source(
            post_html(item, options),
            tuple(
                PageImage(image_url(image), image.path, shown_size(image))
                for image in item.images
                if image.path is not None
            ),
        )
        for item in items
    ]
    sources.append(Source(signature_html(items)))
    empty: list[Line] = []
    done: Typeset[list[Line]] = typeset(
        sources,
        title=options.title,
        font=record_font(),
        style=STYLE,
        lines=document_lines,
        empty=empty,
        footer_room=True,
    )
    return finish(
        done.data,
        done.pages,
        done.matrix,
        approved_texts(items),
        footer=lambda page, pages: footer_text(options.cover, page, pages),
    )
