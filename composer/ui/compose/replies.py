"""Replies in the window: New Reply (Ctrl+R), the comment's reading, Flag as Complaint, and
the complaint register.

Kept out of the main window and the posts controller: it wires the comment panel above
the editor to the `ConversationService`. What the checks read in the comment is asked of
the engine only once it is loaded (never building it on the GUI thread), and only when the
comment or the post changed.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from composer.services.conversations import ComplaintError

if TYPE_CHECKING:
    from composer.app.container import Services
    from composer.ui.compose.posts_controller import PostsController
    from composer.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

READ_DELAY_MS = 300
FLAG_WORDS = {
    "empty-comment": "Paste the comment first: the register keeps it word for word.",
    "not-a-reply": "This post is not a reply.",
}


class ReplyActions(QObject):
    def __init__(self, window: MainWindow, services: Services, posts: PostsController) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._posts = posts
        self._read_key: tuple[object, ...] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(READ_DELAY_MS)
        self._timer.timeout.connect(self.read_comment)
        panel = window.centre.comment
        panel.changed.connect(self._timer.start)
        panel.flagRequested.connect(self.flag)
        window.checks.shown.connect(self._timer.start)  # a post opened, or a reload
        actions = window.actions_
        actions.new_reply.triggered.connect(lambda: posts.new(reply=True))
        actions.complaints.triggered.connect(self.open_register)
        writable = not services.maintenance.read_only
        actions.new_reply.setEnabled(writable)
        actions.complaints.setEnabled(True)
        from composer.ui.compose.thread_actions import ThreadActions

        self.threads = ThreadActions(window, services, posts)

    def read_comment(self) -> None:
        """Say whether the comment reads as a complaint, and whether it is flagged."""
        panel = self._window.centre.comment
        comment = panel.comment()
        if comment is None:
            return
        post_id = self._posts.session.post_id
        key = (post_id, comment.text, comment.rating)
        if key == self._read_key:
            return
        guidelines = self._services.guidelines
        if not guidelines.loaded or not comment.text.strip():
            panel.set_reading(None)
            return
        self._read_key = key
        try:
            conversations = self._services.conversations
            reading = conversations.detect_complaint(comment.text, comment.rating)
            flagged = post_id is not None and any(
                c.comment.text == comment.text
                for c in self._services.conversations.for_post(post_id)
            )
        except Exception:  # the panel must never stop the editor
            log.exception("could not read the comment")
            return
        panel.set_reading(reading, flagged)

    def flag(self) -> None:
        """Record the reply's comment in the register (saving the reply first)."""
        post = self._posts.session.save_now()
        bar = self._window.statusBar()
        if post is None:
            bar.showMessage(FLAG_WORDS["empty-comment"], 6000)
            return
        try:
            entry = self._services.conversations.flag_reply(post.id)
        except ComplaintError as exc:
            bar.showMessage(FLAG_WORDS.get(exc.code, str(exc)), 6000)
            return
        self._read_key = None
        self.read_comment()
        bar.showMessage(f"Recorded in the complaint register as #{entry.id}.", 6000)

    def open_register(self) -> None:
        from composer.ui.dialogs.complaints import ComplaintsDialog

        dialog = ComplaintsDialog(self._services.conversations, self._window)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
