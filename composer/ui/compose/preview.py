"""How each platform would cut the post in the feed, at its "see more" fold, with the images
each one would show (small thumbnails, up to the platform's limit)."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QPixmap, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from composer.domain.findings import PlatformCount
from composer.guidelines.platforms import Platform, load_platforms
from composer.ui.shell import theme

_WORD_BACK = 30  # how far a cut may step back to end on a whole word
THUMB_PX = 48


def cut_at_fold(text: str, fold: int | None) -> tuple[str, bool]:
    """The part shown before "see more", and whether anything was cut."""
    if fold is None or len(text) <= fold:
        return text, False
    head = text[:fold]
    space = head.rfind(" ", max(0, fold - _WORD_BACK))
    if space > 0:
        head = head[:space]
    return head.rstrip(), True


class PreviewView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setAccessibleName("Preview at each platform's fold")
        self.setOpenLinks(False)
        self._shown: tuple[object, ...] = ()
        self._texts: Mapping[str, str] = {}
        self._counts: Mapping[str, PlatformCount] = {}
        self._images: tuple[tuple[str, bool, str], ...] = ()  # (sha256, has pixmap, alt)

    def set_images(self, images: list[tuple[str, QPixmap | None, str]]) -> None:
        """The post's images in order: (sha256, thumbnail or None, alt text)."""
        document = self.document()
        for sha, pixmap, _ in images:
            if pixmap is not None and not pixmap.isNull():
                url = QUrl(f"thumb:{sha}")
                document.addResource(QTextDocument.ResourceType.ImageResource, url, pixmap)
        self._images = tuple((sha, pixmap is not None, alt) for sha, pixmap, alt in images)
        self.show_texts(self._texts, self._counts)

    def show_texts(self, texts: Mapping[str, str], counts: Mapping[str, PlatformCount]) -> None:
        self._texts, self._counts = dict(texts), dict(counts)
        key = (tuple(texts.items()), tuple(counts.items()), theme.is_dark(), self._images)
        if key == self._shown:
            return
        self._shown = key
        if not texts:
            self.setHtml(
                f"<p style='color:{theme.colours().muted}'>Choose one or more platforms to "
                "preview how each one shows the post.</p>"
            )
            return
        platforms = load_platforms()
        colours = theme.colours()
        parts = []
        for name, text in texts.items():
            platform = platforms.get(name)
            title = platform.display_name if platform else name
            shown, cut = cut_at_fold(text, platform.fold if platform else None)
            body = escape(shown).replace("\n", "<br>")
            if cut:
                body += f" <span style='color:{colours.muted}'>… see more</span>"
            note = ""
            count = counts.get(name)
            if count is not None and count.length > count.limit:
                note = (
                    f"Over the limit by {count.length - count.limit:,}: "
                    f"{escape(title)} will not accept it."
                )
                note = f"<p style='color:{colours.error}; margin:0'>{note}</p>"
            elif platform and platform.fold is None:
                note = (
                    f"<p style='color:{colours.muted}; margin:0'>"
                    f"{escape(title)} shows the whole post.</p>"
                )
            elif cut and platform is not None:  # only a platform with a fold cuts
                note = (
                    f"<p style='color:{colours.muted}; margin:0'>"
                    f"Readers see about {platform.fold} characters before “see more”.</p>"
                )
            parts.append(
                f"<p style='margin:12px 0 2px 0'><b>{escape(title)}</b></p>"
                f"<p style='margin:0 0 4px 0'>{body}</p>{self._images_html(platform)}{note}"
            )
        self.setHtml("".join(parts))

    def _images_html(self, platform: Platform | None) -> str:
        """A row of thumbnails, as many as the platform shows; the rest are counted."""
        if not self._images:
            return ""
        high = platform.images.max_images if platform else None
        shown = self._images if high is None else self._images[:high]
        cells = []
        for sha, has_pixmap, alt in shown:
            label = escape(alt or "no description yet", quote=True)
            if has_pixmap:
                cells.append(
                    f"<img src='thumb:{sha}' height='{THUMB_PX}' alt='{label}' title='{label}'/> "
                )
            else:
                cells.append("▣ ")
        extra = len(self._images) - len(shown)
        muted = theme.colours().muted
        more = f" <span style='color:{muted}'>+{extra} not shown here</span>" if extra else ""
        return f"<p style='margin:0 0 4px 0'>{''.join(cells)}{more}</p>"
