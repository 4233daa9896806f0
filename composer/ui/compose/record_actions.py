"""Post > Mark as Published…: the window's way into the examiner's record for one post.

Kept apart from the posts controller (which owns the editor's post); the dialog words the
records service's codes, this says the outcome in the status line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.ui import alerts

if TYPE_CHECKING:
    from composer.ui.compose.posts_controller import PostsController


def mark_published(posts: PostsController) -> None:
    """Ask where and when the post in the editor ran, and record it."""
    from composer.ui.dialogs.publish import PublishDialog, outcome_words

    post = posts.session.save_now()
    if post is None:
        alerts.info(posts.centre, "Nothing to record", "Write and approve the post first.")
        return
    dialog = PublishDialog(posts.services.records, post.id, post.platforms, posts.centre.window())
    if dialog.exec() and dialog.published is not None:
        status = getattr(posts.centre.window(), "statusBar", None)
        if status is not None:
            status().showMessage(outcome_words(dialog.published), 8000)
