"""Image work off the GUI thread: checking and storing new images, loading thumbnails.

A 12-megapixel photo takes a noticeable moment to hash, check and shrink; done here, on a
small private thread pool, the window keeps drawing and the agent keeps typing. Results
come back through a relay object living on the GUI thread (a queued connection), where
thumbnails become pixmaps and are kept for the session, so reopening a post is instant.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QObject, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap

from composer.domain.attachments import Attachment
from composer.services.images import ImageError, ImageStore

log = logging.getLogger(__name__)


class _Relay(QObject):
    attached = Signal(int, object, object)  # (ticket, Attachment, QImage thumbnail)
    failed = Signal(int, str)  # (ticket, message)
    thumbnail = Signal(str, object)  # (sha256, QImage)


class ImageJobs(QObject):
    """Queue attach and thumbnail work; `attached`, `failed` and `thumbnailReady` say how
    it went (always on the GUI thread)."""

    attached = Signal(object)  # Attachment, checked and stored
    failed = Signal(str)  # one plain line: why nothing was attached
    thumbnailReady = Signal(str)  # sha256: `pixmap(sha256)` now has it

    def __init__(self, store: ImageStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.attached.connect(self._attached)
        self._relay.failed.connect(self._failed)
        self._relay.thumbnail.connect(self._thumbnail)
        self._pixmaps: dict[str, QPixmap] = {}
        self._asked: set[str] = set()
        # Results are handed out in the order they were asked for (three dropped files
        # keep their order), whichever worker finishes first.
        self._tickets = 0
        self._next = 0
        self._done: dict[int, tuple[Attachment | None, QImage | None, str]] = {}

    # -- asking -----------------------------------------------------------------------

    def attach_paths(self, paths: Sequence[Path | str]) -> None:
        for path in paths:
            self._run(functools.partial(self.store.attach_file, Path(path)))

    def attach_bytes(self, data: bytes, name: str = "") -> None:
        self._run(lambda: self.store.attach_bytes(data, name))

    def attach_image(self, image: QImage, name: str = "pasted image.png") -> None:
        """A picture without a file (a screenshot on the clipboard): stored as PNG."""
        copy = QImage(image)  # implicitly shared; safe to hand to the worker

        def work() -> Attachment:
            return self.store.attach_bytes(_png(copy), name)

        self._run(work)

    def pixmap(self, sha256: str) -> QPixmap | None:
        return self._pixmaps.get(sha256)

    def want_thumbnail(self, attachment: Attachment) -> None:
        """Load the thumbnail in the background unless it is already here or on its way."""
        sha = attachment.sha256
        if sha in self._pixmaps or sha in self._asked:
            return
        self._asked.add(sha)
        store, relay, format = self.store, self._relay, attachment.format

        def work() -> None:
            try:
                relay.thumbnail.emit(sha, store.thumbnail(sha, format))
            except ImageError as exc:
                log.warning("thumbnail unavailable: %s", exc)
                relay.thumbnail.emit(sha, QImage())

        self._pool.start(work)

    @property
    def pending(self) -> int:
        return self._tickets - self._next

    def busy(self) -> bool:
        return self.pending > 0 or self._pool.activeThreadCount() > 0

    def shutdown(self, wait_ms: int = 5000) -> None:
        self._pool.clear()
        self._pool.waitForDone(wait_ms)

    # -- doing ------------------------------------------------------------------------

    def _run(self, job: Callable[[], Attachment]) -> None:
        relay, store = self._relay, self.store
        ticket = self._tickets
        self._tickets += 1

        def work() -> None:
            try:
                attachment = job()
                thumb = store.thumbnail(attachment.sha256, attachment.format)
            except ImageError as exc:
                relay.failed.emit(ticket, str(exc))
                return
            except Exception as exc:  # never let a worker take the window down
                log.exception("attaching an image failed")
                relay.failed.emit(ticket, f"the image could not be attached ({exc})")
                return
            relay.attached.emit(ticket, attachment, thumb)

        self._pool.start(work)

    def _attached(self, ticket: int, attachment: Attachment, thumb: QImage) -> None:
        self._done[ticket] = (attachment, thumb, "")
        self._hand_out()

    def _failed(self, ticket: int, message: str) -> None:
        self._done[ticket] = (None, None, message)
        self._hand_out()

    def _hand_out(self) -> None:
        while self._next in self._done:
            attachment, thumb, message = self._done.pop(self._next)
            self._next += 1
            if attachment is None:
                self.failed.emit(message)
                continue
            if thumb is not None and not thumb.isNull():
                self._pixmaps[attachment.sha256] = QPixmap.fromImage(thumb)
            self.attached.emit(attachment)

    def _thumbnail(self, sha: str, thumb: QImage) -> None:
        self._asked.discard(sha)
        if not thumb.isNull():
            self._pixmaps[sha] = QPixmap.fromImage(thumb)
        self.thumbnailReady.emit(sha)


def _png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str (bytes is refused), though its stub asks for bytes.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise ImageError("the pasted picture could not be read")
    buffer.close()
    return bytes(buffer.data().data())
