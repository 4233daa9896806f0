"""The post being edited: which one it is, and getting it safely into the library.

A new draft lives only in the window until it has text; the first save creates it.
Autosave runs at most `AUTOSAVE_MS` after the first unsaved change (the timer is not
restarted by later keystrokes, so steady typing still saves every couple of seconds),
and on focus loss, post switches and quit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from composer.domain.posts import Post, PostDraft
from composer.services.library import LibraryService, PostNotFoundError

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1500
LAST_POST_KEY = "ui.last_post"


class DraftSession(QObject):
    saved = Signal(object)  # Post
    created = Signal(object)  # Post
    statusChanged = Signal(object)  # Post
    saveFailed = Signal(str)

    def __init__(
        self,
        library: LibraryService,
        collect: Callable[[], PostDraft],
        parent: QObject | None = None,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._collect = collect
        self.post: Post | None = None
        self.dirty = False
        self.saves = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self.save_now)

    @property
    def post_id(self) -> int | None:
        return self.post.id if self.post is not None else None

    def mark_dirty(self) -> None:
        self.dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def open(self, post_id: int) -> Post | None:
        """Load a post (after saving the current one); None if it is gone."""
        self.save_now()
        try:
            post = self._library.get(post_id)
        except PostNotFoundError:
            return None
        self._set(post)
        return post

    def start_new(self) -> None:
        self.save_now()
        self.post = None
        self.dirty = False

    def save_now(self) -> Post | None:
        """Store the editor's content now if it changed; never raises."""
        self._timer.stop()
        if not self.dirty:
            return self.post
        draft = self._collect()
        try:
            if self.post is None:
                pasted = draft.in_reply_to is not None and draft.in_reply_to.text.strip()
                typed = draft.body.strip() or any(t.strip() for t in draft.variants.values())
                if not typed and not pasted:
                    return None
                post = self._library.create(draft)
                self._set(post)
                self.dirty = False
                self.saves += 1
                self.created.emit(post)
                return post
            before = self.post.status
            post = self._library.autosave(self.post.id, draft)
        except Exception as exc:  # the library words its errors; keep typing possible
            log.exception("autosave failed")
            self.saveFailed.emit(str(exc) or exc.__class__.__name__)
            self._timer.start()  # try again shortly
            return self.post
        self.post = post
        self.dirty = False
        self.saves += 1
        self.saved.emit(post)
        if post.status != before:
            self.statusChanged.emit(post)
        return post

    def replace(self, post: Post) -> None:
        """The library changed the post (approval, restored revision): take its version."""
        self._set(post)

    def _set(self, post: Post) -> None:
        self.post = post
        self.dirty = False
        try:
            self._library.set_setting(LAST_POST_KEY, post.id)
        except Exception:
            log.exception("could not remember the last post")

    def stop(self) -> None:
        self._timer.stop()
