"""Images on the open post: from a drop, a paste or the file picker to the strip.

Attaching runs on `ImageJobs` (off the GUI thread); a refused image is said in the banner
in one line and nothing is attached. The strip's changes go to the draft like any edit
(the posts controller listens to `changed`), and the chips and previews learn the images.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow, QStatusBar

from composer.domain.attachments import Attachment
from composer.ui.images.image_drop import ImageOffer
from composer.ui.images.image_jobs import ImageJobs
from composer.ui.images.image_viewer import ImageViewer

if TYPE_CHECKING:
    from composer.services.images import ImageStore
    from composer.ui.compose.centre import CentrePane
    from composer.ui.shell.banner import Banner

FILE_FILTER = "Images (*.jpg *.jpeg *.png *.gif *.webp);;All files (*)"
NOTICE = "image-refused"


class AttachmentsController(QObject):
    changed = Signal()  # the post's images changed (added, removed, moved, described)

    def __init__(
        self,
        store: ImageStore,
        centre: CentrePane,
        banner: Banner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.centre = centre
        self.banner = banner
        self.jobs = ImageJobs(store, self)
        self.viewer: ImageViewer | None = None
        self._last_folder = ""  # where the agent last picked images, this session
        strip = centre.attachments
        strip.set_pixmap_source(self.jobs.pixmap)
        strip.changed.connect(self._strip_changed)
        strip.addRequested.connect(self.pick_files)
        strip.openRequested.connect(self.open_larger)
        strip.imagesOffered.connect(self.take)
        centre.editor.imagesOffered.connect(self.take)
        self.jobs.attached.connect(self._attached)
        self.jobs.failed.connect(self._failed)
        self.jobs.thumbnailReady.connect(self._thumbnail_ready)

    # -- showing a post ---------------------------------------------------------------

    def show_post(self, attachments: tuple[Attachment, ...]) -> None:
        """Put a post's images in the strip; thumbnails not yet loaded come in the background."""
        self.banner.remove(NOTICE)
        self.centre.attachments.set_attachments(attachments)
        for attachment in attachments:
            self.jobs.want_thumbnail(attachment)
        self._publish()

    def attachments(self) -> tuple[Attachment, ...]:
        return self.centre.attachments.attachments()

    # -- attaching --------------------------------------------------------------------

    def take(self, offer: ImageOffer) -> None:
        """Attach what a drop or paste offers (in the background)."""
        if offer.paths:
            self.jobs.attach_paths(offer.paths)
        elif offer.data:
            self.jobs.attach_bytes(offer.data, offer.name)
        elif offer.image is not None:
            self.jobs.attach_image(offer.image, offer.name or "pasted image.png")
        self._status_bar().showMessage("Attaching…", 2000)

    def _status_bar(self) -> QStatusBar:
        return cast(QMainWindow, self.centre.window()).statusBar()  # the pane's main window

    def pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.centre, "Attach images", self.start_folder(), FILE_FILTER
        )
        if paths:
            self._last_folder = str(Path(paths[0]).parent)
            self.jobs.attach_paths(paths)

    def start_folder(self) -> str:
        """The folder images came from last time, else Pictures, else home: always a folder
        that exists (a missing one would be typed into the file-name box instead)."""
        pictures = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        for folder in (self._last_folder, pictures):
            if folder and Path(folder).is_dir():
                return folder
        return str(Path.home())

    def _attached(self, attachment: Attachment) -> None:
        self.banner.remove(NOTICE)
        if not self.centre.attachments.add(attachment):
            self._status_bar().showMessage("That image is already attached.", 4000)
            return
        if attachment.has_location:
            self._status_bar().showMessage(
                "This photo records where it was taken; exports remove it.", 6000
            )

    def _failed(self, message: str) -> None:
        self.banner.show_notice(NOTICE, f"Not attached: {message}.", "warning")

    def _thumbnail_ready(self, sha256: str) -> None:
        self.centre.attachments.refresh_thumbnail(sha256)
        self._publish()

    def _strip_changed(self) -> None:
        for attachment in self.attachments():
            self.jobs.want_thumbnail(attachment)
        self._publish()
        self.changed.emit()

    def _publish(self) -> None:
        """The chips and the previews show the images too."""
        attachments = self.attachments()
        self.centre.chips.set_images(len(attachments))
        self.centre.preview.set_images(
            [(a.sha256, self.jobs.pixmap(a.sha256), a.alt_text) for a in attachments]
        )

    # -- looking ----------------------------------------------------------------------

    def open_larger(self, index: int) -> None:
        attachments = self.attachments()
        if not 0 <= index < len(attachments):
            return
        viewer = ImageViewer(self.store, attachments[index], self.centre.window())
        self.viewer = viewer
        viewer.destroyed.connect(lambda *_: setattr(self, "viewer", None))
        viewer.open()

    def shutdown(self) -> None:
        self.jobs.shutdown()
