"""The strip of images under the editor: thumbnails in order, each with its alt text.

Each tile shows the thumbnail (click to open it larger), a short field for the description
screen readers read out, a badge when the photo records where it was taken, and buttons to
move it left or right or remove it. The strip holds plain `Attachment` values; it never
touches files or the library. Images can also be dropped on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.attachments import Attachment
from composer.ui.images.image_drop import ImageOffer, offer_from_mime
from composer.ui.shell import theme

TILE_PX = 96
LOCATION_TIP = (
    "This photo records where it was taken (GPS). Composer removes the location and other "
    "camera data from every exported image."
)


class AttachmentTile(QFrame):
    """One image: thumbnail, alt text, location badge, move and remove."""

    altEdited = Signal(str)

    def __init__(self, attachment: Attachment, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        name = attachment.original_name or f"image {number}"
        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.setSpacing(3)
        self.thumb = QToolButton(self)
        self.thumb.setObjectName("attachmentThumb")
        self.thumb.setIconSize(QSize(TILE_PX, TILE_PX))
        self.thumb.setFixedSize(TILE_PX + 8, TILE_PX + 8)
        self.thumb.setAutoRaise(True)
        self.thumb.setText("…")
        self.thumb.setAccessibleName(f"Image {number}: {name}. Open it larger")
        self.thumb.setToolTip(
            f"{name}\n{attachment.width}×{attachment.height} {attachment.format.upper()}, "
            f"{attachment.size_bytes / 1024:,.0f} KB\nClick to open it larger."
        )
        column.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignHCenter)
        self.alt = AltTextEdit(attachment.alt_text, self)
        self.alt.setObjectName("altText")
        self.alt.setPlaceholderText("Describe the image")
        self.alt.setAccessibleName(f"Alt text for image {number}")
        self.alt.setToolTip("What the image shows, for people using screen readers (alt text).")
        self.alt.setFixedWidth(TILE_PX + 96)
        self.alt.textEdited.connect(self.altEdited)
        column.addWidget(self.alt)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.location = QLabel("Location", self)
        self.location.setObjectName("locationBadge")
        self.location.setToolTip(LOCATION_TIP)
        self.location.setAccessibleName(f"Image {number} records where it was taken")
        self.location.setVisible(attachment.has_location)
        row.addWidget(self.location)
        row.addStretch(1)
        self.left = self._button("◀", f"Move image {number} left")
        self.right = self._button("▶", f"Move image {number} right")
        self.remove = self._button("✕", f"Remove image {number}")
        for button in (self.left, self.right, self.remove):
            row.addWidget(button)
        column.addLayout(row)
        self.restyle()

    def _button(self, text: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(True)
        button.setAccessibleName(name)
        button.setToolTip(name)
        return button

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        if pixmap is None or pixmap.isNull():
            return
        self.thumb.setText("")
        self.thumb.setIcon(pixmap)

    def restyle(self) -> None:
        c = theme.colours()
        self.location.setStyleSheet(
            f"QLabel#locationBadge {{ color: {c.warning}; border: 1px solid {c.warning};"
            " border-radius: 7px; padding: 0 5px; font-size: 11px; }"
        )


class AltTextEdit(QPlainTextEdit):
    """A few lines for describing an image: room to write a real sentence or two.

    Alt text is one paragraph, so Enter moves on instead of starting a new line, and Tab
    leaves the box. `textEdited` fires for the agent's own edits only, as QLineEdit's does.
    """

    textEdited = Signal(str)
    LINES = 3

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lines = self.fontMetrics().lineSpacing() * self.LINES
        self.setFixedHeight(lines + 2 * self.frameWidth() + 8)
        self.setText(text)
        self.textChanged.connect(self._changed)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self._quiet = True
        try:
            self.setPlainText(text)
        finally:
            self._quiet = False

    def _changed(self) -> None:
        if not self._quiet:
            self.textEdited.emit(self.toPlainText())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasted text joins the one paragraph: line breaks become spaces."""
        self.insertPlainText(" ".join(source.text().split()))


class AttachmentsStrip(QWidget):
    changed = Signal()  # the agent added, removed, moved or described an image
    addRequested = Signal()  # the "Add image…" button: open a file picker
    openRequested = Signal(int)  # open image n (0-based) larger
    imagesOffered = Signal(object)  # ImageOffer: files or a picture dropped on the strip

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsStrip")
        self.setAcceptDrops(True)
        self._items: list[Attachment] = []
        self._tiles: list[AttachmentTile] = []
        self._pixmap: Callable[[str], QPixmap | None] = lambda sha: None
        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 2, 4, 2)
        outer.setSpacing(6)
        self.add_button = QPushButton("Add image…", self)
        self.add_button.setObjectName("addImage")
        self.add_button.setAccessibleName("Add an image to this post")
        self.add_button.setToolTip("Attach a JPEG, PNG, GIF or WebP (or drop or paste one)")
        self.add_button.clicked.connect(self.addRequested)
        outer.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hint = QLabel("Drop or paste images onto the text to attach them.", self)
        self.hint.setObjectName("attachmentsHint")
        self.hint.setWordWrap(True)  # a narrow window wraps it instead of growing
        outer.addWidget(self.hint, 1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._row_host = QWidget()
        self._row = QHBoxLayout(self._row_host)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.setSpacing(6)
        self._row.addStretch(1)
        self.scroll_area.setWidget(self._row_host)
        outer.addWidget(self.scroll_area, 1)
        self._rebuild()

    # -- values -----------------------------------------------------------------------

    def attachments(self) -> tuple[Attachment, ...]:
        return tuple(self._items)

    def tiles(self) -> list[AttachmentTile]:
        return list(self._tiles)

    def set_pixmap_source(self, source: Callable[[str], QPixmap | None]) -> None:
        self._pixmap = source

    def set_attachments(self, attachments: tuple[Attachment, ...]) -> None:
        """Show a post's images (no `changed`: this is loading, not editing)."""
        if tuple(attachments) == tuple(self._items) and len(self._tiles) == len(attachments):
            return
        self._items = list(attachments)
        self._rebuild()

    def add(self, attachment: Attachment) -> bool:
        """Append an image; an image already on the post is not added twice."""
        if any(a.sha256 == attachment.sha256 for a in self._items):
            return False
        self._items.append(attachment)
        self._rebuild()
        self.changed.emit()
        return True

    def remove(self, index: int) -> None:
        del self._items[index]
        self._rebuild()
        self.changed.emit()

    def move_image(self, index: int, step: int) -> None:
        target = index + step
        if not 0 <= target < len(self._items):
            return
        items = self._items
        items[index], items[target] = items[target], items[index]
        self._rebuild()
        self.changed.emit()

    def set_alt_text(self, index: int, text: str) -> None:
        self._items[index] = replace(self._items[index], alt_text=text)
        tile = self._tiles[index]
        if tile.alt.text() != text:
            tile.alt.setText(text)
        self.changed.emit()

    def refresh_thumbnail(self, sha256: str) -> None:
        for attachment, tile in zip(self._items, self._tiles, strict=True):
            if attachment.sha256 == sha256:
                tile.set_pixmap(self._pixmap(sha256))

    # -- building ---------------------------------------------------------------------

    def _rebuild(self) -> None:
        for tile in self._tiles:
            self._row.removeWidget(tile)
            tile.deleteLater()
        self._tiles = []
        count = len(self._items)
        for index, attachment in enumerate(self._items):
            tile = AttachmentTile(attachment, index + 1, self._row_host)
            tile.set_pixmap(self._pixmap(attachment.sha256))
            tile.thumb.clicked.connect(lambda _=False, i=index: self.openRequested.emit(i))
            tile.altEdited.connect(lambda text, i=index: self._alt_typed(i, text))
            tile.left.clicked.connect(lambda _=False, i=index: self.move_image(i, -1))
            tile.right.clicked.connect(lambda _=False, i=index: self.move_image(i, 1))
            tile.remove.clicked.connect(lambda _=False, i=index: self.remove(i))
            tile.left.setEnabled(index > 0)
            tile.right.setEnabled(index < count - 1)
            self._row.insertWidget(index, tile)
            self._tiles.append(tile)
        self.hint.setVisible(not count)
        self.scroll_area.setVisible(bool(count))
        self.hint.setStyleSheet(f"color: {theme.colours().muted};")
        self.add_button.setText("Add image…")

    def _alt_typed(self, index: int, text: str) -> None:
        if 0 <= index < len(self._items):
            self._items[index] = replace(self._items[index], alt_text=text)
            self.changed.emit()

    def restyle(self) -> None:
        self.hint.setStyleSheet(f"color: {theme.colours().muted};")
        for tile in self._tiles:
            tile.restyle()

    def sizeHint(self) -> QSize:
        base = super().sizeHint()
        if self._items:
            return QSize(base.width(), TILE_PX + 80)
        return base

    # -- dropping on the strip ----------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if offer_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        offer = offer_from_mime(event.mimeData())
        if offer is not None:
            event.acceptProposedAction()
            self.imagesOffered.emit(offer)


__all__ = ["AttachmentTile", "AttachmentsStrip", "ImageOffer"]
