"""The agent's picture in the profile: shown round, as the previews show it above each post.

The picture is stored like an attached image (checked, cleaned of location, kept once by
its hash in the library's image store); the profile keeps only its "sha256.format" key.
Without one the previews draw the name's initials in a circle.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from composer.domain.errors import ImageError
from composer.services.images import ImageStore
from composer.ui.compose.preview_card import avatar_pixmap

FILE_FILTER = "Images (*.jpg *.jpeg *.png *.gif *.webp)"
SHOWN_PX = 48


def load_picture(images: ImageStore | None, key: tuple[str, str] | None) -> QPixmap | None:
    """The stored picture (its thumbnail) or None when there is none or it cannot be read."""
    if images is None or key is None:
        return None
    try:
        image = images.thumbnail(*key)
    except (ImageError, OSError):
        return None
    pixmap = QPixmap.fromImage(image)
    return None if pixmap.isNull() else pixmap


class PictureField(QWidget):
    """The round picture with Choose… and Remove; `picture` is what the profile stores."""

    changed = Signal()

    def __init__(self, images: ImageStore | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = images
        self.picture = ""
        self.name = ""
        self.message = ""
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.shown = QLabel(self)
        self.shown.setFixedSize(SHOWN_PX, SHOWN_PX)
        self.shown.setAccessibleName("Your picture")
        row.addWidget(self.shown)
        self.choose = QPushButton("Choose picture…", self)
        self.choose.setAccessibleName("Choose your picture")
        self.choose.setToolTip("The picture the previews show beside your name")
        self.choose.clicked.connect(self.pick)
        self.choose.setEnabled(images is not None)
        row.addWidget(self.choose)
        self.remove = QPushButton("Use initials", self)
        self.remove.setAccessibleName("Remove your picture and show your initials")
        self.remove.clicked.connect(lambda: self.set_picture(""))
        row.addWidget(self.remove)
        row.addStretch(1)
        self.set_picture("")

    def set_picture(self, picture: str) -> None:
        self.picture = picture
        self.remove.setEnabled(bool(picture))
        self.refresh()
        self.changed.emit()

    def set_name(self, name: str) -> None:
        self.name = name
        self.refresh()

    def refresh(self) -> None:
        sha, _, format = self.picture.partition(".")
        pixmap = load_picture(self._images, (sha, format) if sha and format else None)
        self.shown.setPixmap(avatar_pixmap(self.name, pixmap, SHOWN_PX, self.devicePixelRatioF()))

    def pick(self) -> None:
        pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        start = pictures if pictures and Path(pictures).is_dir() else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Choose your picture", start, FILE_FILTER)
        if path:
            self.take(Path(path))

    def take(self, path: Path) -> bool:
        """Store the image at `path` as the picture; False (and `message` says why) if not."""
        if self._images is None:
            return False
        try:
            attachment = self._images.attach_file(path)
        except ImageError as exc:
            self.message = f"That picture could not be used: {exc}."
            self.changed.emit()
            return False
        self.message = ""
        self.set_picture(f"{attachment.sha256}.{attachment.format}")
        return True
