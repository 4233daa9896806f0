"""An image opened larger: scaled to fit the screen, with its description and facts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from composer.domain.attachments import Attachment
from composer.services.images import ImageError, ImageStore
from composer.ui.images.attachments_strip import LOCATION_TIP


class ImageViewer(QDialog):
    """Deletes itself when closed; reads the stored image scaled to the screen."""

    def __init__(
        self, store: ImageStore, attachment: Attachment, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        name = attachment.original_name or "Image"
        self.setWindowTitle(f"{name} — Composer")
        layout = QVBoxLayout(self)
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        box = max(200, min(screen.width(), screen.height()) - 160)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(attachment.alt_text or f"{name} (no description yet)")
        try:
            image = store.load(attachment.sha256, attachment.format, box)
            self.picture.setPixmap(QPixmap.fromImage(image))
        except ImageError as exc:
            self.picture.setText(str(exc))
        scroll = QScrollArea(self)
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 1)
        facts = (
            f"{attachment.width}×{attachment.height} {attachment.format.upper()}, "
            f"{attachment.size_bytes / 1024:,.0f} KB"
        )
        alt = attachment.alt_text or "No description yet: add one under the image."
        self.caption = QLabel(f"{alt}\n{facts}", self)
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.caption)
        if attachment.has_location:
            note = QLabel(LOCATION_TIP, self)
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(min(box + 60, screen.width()), min(box + 140, screen.height()))
