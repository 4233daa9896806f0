"""One network's post as its feed would draw it: the agent's picture and name, the text cut
at the network's "more", the first image in the network's crop, or a card for the first
link.

Composer is offline, so a link card shows the site's domain over an empty box where the
network would put the page's picture and title. What to cut and crop is decided by
`composer.services.feed_preview`; this module only draws it.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from composer.guidelines.platforms import Platform
from composer.services.feed_preview import (
    Folded,
    centre_crop,
    initials,
    link_domain,
    nearest_ratio,
)
from composer.ui.shell import theme

AVATAR_PX = 40
CARD_MAX_WIDTH = 500  # about a feed column: text wraps there as it would in the feed
LINK_CARD_RATIO = 1.91  # every network's link card picture
_AVATAR_COLOURS = ("#1d4ed8", "#0f766e", "#7c3aed", "#b45309", "#be123c", "#4d7c0f")


def avatar_pixmap(
    name: str, picture: QPixmap | None, size: int = AVATAR_PX, scale: float = 1.0
) -> QPixmap:
    """A round avatar `size` logical pixels wide (drawn at `scale` device pixels each, sharp
    on high-density screens): the picture cut to a circle, else the initials on a colour."""
    pixmap = QPixmap(round(size * scale), round(size * scale))
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(QRectF(0, 0, size, size))
    if picture is not None and not picture.isNull():
        x, y, w, h = centre_crop(picture.width(), picture.height(), 1.0)
        square = picture.copy(x, y, w, h).scaled(
            round(size * scale),
            round(size * scale),
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        square.setDevicePixelRatio(scale)
        painter.setClipPath(path)
        painter.drawPixmap(0, 0, square)
    else:
        colour = _AVATAR_COLOURS[sum(map(ord, name)) % len(_AVATAR_COLOURS)]
        painter.fillPath(path, QColor(colour))
        font = QFont()
        font.setPixelSize(max(8, size * 2 // 5))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap


class RatioBox(QWidget):
    """A box of a fixed shape (width / height) as wide as its column: a cropped image, or
    an empty placeholder with a line of text."""

    def __init__(self, ratio: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ratio = ratio
        self.cropped: QPixmap | None = None
        self.placeholder = ""
        self._scaled_key: tuple[int, int, int] = (0, 0, 0)
        self._scaled_pixmap = QPixmap()
        self._source: tuple[int, tuple[float, ...]] = (-1, ())
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def show_image(self, pixmap: QPixmap | None, ratios: tuple[float, ...]) -> None:
        """The image cut to the crop of `ratios` nearest its shape (None: a grey box)."""
        key = (0 if pixmap is None else pixmap.cacheKey(), ratios)
        if key == self._source:  # the same picture: keep the crop (and its scaled copy)
            self.update()
            return
        self._source = key
        if pixmap is None or pixmap.isNull():
            self.cropped = None
            self.ratio = ratios[0]
        else:
            self.ratio = nearest_ratio(pixmap.width(), pixmap.height(), ratios)
            x, y, w, h = centre_crop(pixmap.width(), pixmap.height(), self.ratio)
            self.cropped = pixmap.copy(x, y, w, h)
        self.updateGeometry()
        self.update()

    def _scaled(self, size: QSize) -> QPixmap:
        """The crop scaled smoothly to `size`, once per size and picture (paints are many)."""
        assert self.cropped is not None
        scale = self.devicePixelRatioF()
        device = QSize(round(size.width() * scale), round(size.height() * scale))
        key = (self.cropped.cacheKey(), device.width(), device.height())
        if self._scaled_key != key:
            self._scaled_key = key
            self._scaled_pixmap = self.cropped.scaled(
                device,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self._scaled_pixmap.setDevicePixelRatio(scale)
        return self._scaled_pixmap

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(1, round(width / self.ratio))

    def sizeHint(self) -> QSize:
        return QSize(320, self.heightForWidth(320))

    def resizeEvent(self, event: object) -> None:
        wanted = self.heightForWidth(self.width())
        if self.height() != wanted:
            self.setFixedHeight(wanted)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.rect()
        if self.cropped is not None:
            painter.drawPixmap(rect, self._scaled(rect.size()))
        else:
            c = theme.colours()
            painter.fillRect(rect, QColor(c.card_border))
            painter.setPen(QColor(c.muted))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.placeholder)
        painter.end()


class FeedCard(QFrame):
    """A post on one network. `show` takes what the services decided and the images."""

    def __init__(self, platform: Platform, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.platform = platform
        self.setObjectName("feedCard")
        self.setMaximumWidth(CARD_MAX_WIDTH)
        self.setAccessibleName(f"{platform.display_name} preview")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)

        head = QHBoxLayout()
        head.setSpacing(8)
        self.avatar = QLabel(self)
        self.avatar.setFixedSize(AVATAR_PX, AVATAR_PX)
        head.addWidget(self.avatar)
        who = QVBoxLayout()
        who.setSpacing(0)
        self.name = QLabel(self)
        self.name.setObjectName("feedName")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.name.font()
        bold.setBold(True)
        self.name.setFont(bold)
        who.addWidget(self.name)
        self.network = QLabel(f"{platform.display_name} · now", self)
        self.network.setObjectName("feedNetwork")
        who.addWidget(self.network)
        head.addLayout(who, 1)
        layout.addLayout(head)

        self.body = QLabel(self)
        self.body.setObjectName("feedText")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAccessibleName(f"Text as {platform.display_name} shows it")
        self.image = RatioBox(platform.preview.image_ratios[0], self)
        self.image.setObjectName("feedImage")
        self.image_note = QLabel(self)
        self.image_note.setObjectName("feedImageNote")
        below = platform.preview.caption_below
        for widget in (
            (self.image, self.image_note, self.body)
            if below
            else (
                self.body,
                self.image,
                self.image_note,
            )
        ):
            layout.addWidget(widget)

        self.link_card = QFrame(self)
        self.link_card.setObjectName("feedLinkCard")
        card_layout = QVBoxLayout(self.link_card)
        card_layout.setContentsMargins(0, 0, 0, 6)
        card_layout.setSpacing(2)
        self.link_box = RatioBox(LINK_CARD_RATIO, self.link_card)
        self.link_box.placeholder = (
            "The page's picture and title (not fetched: Composer is offline)"
        )
        card_layout.addWidget(self.link_box)
        self.link_domain = QLabel(self.link_card)
        self.link_domain.setObjectName("feedLinkDomain")
        self.link_domain.setTextFormat(Qt.TextFormat.PlainText)
        self.link_domain.setContentsMargins(8, 0, 8, 0)
        card_layout.addWidget(self.link_domain)
        layout.addWidget(self.link_card)

        self.note = QLabel(self)
        self.note.setObjectName("feedNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self._author: tuple[str, int] = ("", 0)
        self.restyle()

    def set_author(self, name: str, picture: QPixmap | None) -> None:
        key = (name, 0 if picture is None else picture.cacheKey())
        if key == self._author:
            return
        self._author = key
        self.name.setText(name)
        self.avatar.setPixmap(avatar_pixmap(name, picture, scale=self.devicePixelRatioF()))
        self.avatar.setAccessibleName(f"Picture of {name}")

    def show_post(
        self,
        folded: Folded,
        link: str | None,
        images: list[tuple[QPixmap | None, str]],
        note: tuple[str, str] | None,
    ) -> None:
        """The text above the fold, the first link (drawn as a card when the network makes
        one and no image is attached), the images and a note (text, colour) under it."""
        c = theme.colours()
        look = self.platform.preview
        body = escape(folded.shown).replace("\n", "<br>")
        if look.caption_below and body:
            body = f"<b>{escape(self.name.text())}</b> {body}"
        if folded.cut:
            body += f"<span style='color:{c.muted}'> {escape(look.more)}</span>"
        self.body.setText(body)
        self.body.setVisible(bool(folded.shown) or folded.cut)

        high = self.platform.images.max_images
        shown = images if high is None else images[:high]
        needed = self.platform.images.min_images > 0
        self.image.setVisible(bool(shown) or needed)
        if not shown and needed:  # Instagram: a caption alone is not a post
            self.image.placeholder = f"{self.platform.display_name} needs a picture"
            self.image.show_image(None, look.image_ratios)
            self.image.setToolTip("")
        if shown:
            pixmap, alt = shown[0]
            self.image.placeholder = "Image loading…"
            self.image.show_image(pixmap, look.image_ratios)
            self.image.setToolTip(alt or "No description yet")
            self.image.setAccessibleName(alt or "Image without a description")
        extra = len(images) - len(shown)
        words = []
        if len(shown) > 1:
            words.append(f"1 of {len(shown)} images (swipe)")
        if extra:
            words.append(f"{extra} more not shown here ({self.platform.display_name} takes {high})")
        self.image_note.setText("; ".join(words))
        self.image_note.setVisible(bool(words))

        card = link is not None and look.link_card and not shown
        self.link_card.setVisible(card)
        if card and link is not None:
            self.link_domain.setText(link_domain(link).upper())
            self.link_card.setToolTip(link)

        self.note.setVisible(note is not None)
        if note is not None:
            text, colour = note
            self.note.setText(text)
            self.note.setStyleSheet(f"color: {colour};")

    def restyle(self) -> None:
        c = theme.colours()
        self.setStyleSheet(
            f"QFrame#feedCard {{ background: {c.card}; border: 1px solid {c.card_border};"
            f" border-radius: 8px; }}"
            f" QFrame#feedLinkCard {{ border: 1px solid {c.card_border}; border-radius: 4px; }}"
            f" QLabel#feedNetwork, QLabel#feedLinkDomain, QLabel#feedImageNote"
            f" {{ color: {c.muted}; }}"
        )
        self.image.update()
        self.link_box.update()
