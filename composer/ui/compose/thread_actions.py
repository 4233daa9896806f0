"""Threads in the window: Show Thread (history menu, Post menu) and replies linked to a post.

Kept out of the main window and the posts controller: it opens the thread dialog for the
post in the editor or the one chosen in the history, opens a reply from it in the editor,
starts New Reply linked to a post ("Reply to a Comment on This Post…", or the dialog's
"Reply to a New Comment…"), and gives the comment panel the list of posts a comment can be
left on.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from composer.domain.conversations import Comment
from composer.services.library import LibraryError

if TYPE_CHECKING:
    from composer.app.container import Services
    from composer.ui.compose.posts_controller import PostsController
    from composer.ui.dialogs.thread import ThreadDialog
    from composer.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)

WORDS = {
    "no-post": "Open or choose a post first: its thread is its comments and your replies.",
    "new-reply": "New reply in the thread of post {id}: paste the comment, then write.",
    "new-review": "New reply to a review: paste the comment, then write.",
}


class ThreadActions(QObject):
    def __init__(self, window: MainWindow, services: Services, posts: PostsController) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._posts = posts
        self.dialog: ThreadDialog | None = None
        window.centre.comment.targets = self.targets
        actions = window.actions_
        actions.show_thread.triggered.connect(lambda: self.show_thread())
        actions.reply_on_post.triggered.connect(self.reply_on_this_post)
        actions.show_thread.setEnabled(True)
        actions.reply_on_post.setEnabled(not services.maintenance.read_only)
        history = window.history
        if hasattr(history, "threadRequested"):
            history.threadRequested.connect(self.show_thread)

    def targets(self) -> list[tuple[int, str]]:
        """The posts a comment can be left on, labelled as the history names them."""
        from composer.ui.history.history_model import post_heading

        try:
            posts = self._services.threads.posts()
        except LibraryError:
            log.exception("could not list the posts for the comment")
            return []
        return [(p.id, f"#{p.id} {post_heading(p, 60)}") for p in posts]

    def show_thread(self, post_id: int | None = None) -> ThreadDialog | None:
        """Show the thread `post_id` is in (the post in the editor by default): a reply
        shows its post's thread, a reply to a review the reviews thread."""
        if post_id is None:
            saved = self._posts.session.save_now()
            post_id = saved.id if saved is not None else None
        if post_id is None:
            self._say(WORDS["no-post"])
            return None
        target = self._services.threads.thread_of(post_id)
        from composer.ui.dialogs.thread import ThreadDialog

        if self.dialog is None:
            dialog = ThreadDialog(self._services.threads, target, self._window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.replyOpened.connect(self.open_reply)
            dialog.newReplyRequested.connect(self.new_reply_on)
            dialog.destroyed.connect(self._forget)
            self.dialog = dialog
        else:
            self.dialog.show_thread(target)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def open_reply(self, reply_id: int) -> None:
        if self._posts.open(reply_id):
            self._window.activateWindow()
            self._window.centre.editor.setFocus()

    def new_reply_on(self, post_id: int | None) -> None:
        """New Reply, the comment already linked to `post_id` (None: a review or page)."""
        if self._services.maintenance.read_only:
            return
        comment = Comment(text="", on_post_id=post_id)
        platforms: tuple[str, ...] = ()
        try:
            post = self._services.library.get(post_id) if post_id is not None else None
        except LibraryError:
            post = None
        if post is not None:  # where the post ran is where the comment was, and the reply goes
            platforms = post.platforms
            only = post.platforms[0] if len(post.platforms) == 1 else ""
            comment = Comment(text="", platform=only, on_post_id=post_id)
        self._posts.new(reply=True, comment=comment, platforms=platforms)
        self._window.activateWindow()
        self._window.centre.comment.text.setFocus()
        key = "new-review" if post_id is None else "new-reply"
        self._say(WORDS[key].format(id=post_id))

    def reply_on_this_post(self) -> None:
        """Post > Reply to a Comment on This Post…: a reply in the open post's thread (for
        a reply open, its post's thread)."""
        saved = self._posts.session.save_now()
        if saved is None:
            self._say(WORDS["no-post"])
            return
        self.new_reply_on(self._services.threads.thread_of(saved.id))

    def _forget(self) -> None:
        self.dialog = None

    def _say(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 8000)
