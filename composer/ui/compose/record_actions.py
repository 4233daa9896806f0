"""The Post menu's record actions: Submit for Review…, Import Review Decisions…, Mark as
Published…, Compare with Live Text…, Legal Hold and Retire….

Kept apart from the posts controller (which owns the editor's post) and the main window
(which stays small): each opens its dialog (composer/ui/dialogs/) over the service it
needs, says the outcome in the status line and takes the post's new state into the editor
and the history list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from composer.domain.errors import StorageError
from composer.domain.posts import Post
from composer.services.library import LibraryError
from composer.ui import alerts

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from composer.ui.compose.posts_controller import PostsController
    from composer.ui.shell.main_window import MainWindow
    from composer.ui.shell.menus import Actions


def connect(actions: Actions, window: MainWindow) -> None:
    """Wire the record actions to the window's current post and library."""
    a = actions

    def on_post(run: Callable[[PostsController], None]) -> Callable[..., None]:
        def triggered(*_: object) -> None:
            if window.posts is not None:
                run(window.posts)

        return triggered

    a.publish.triggered.connect(on_post(mark_published))
    a.compare_live.triggered.connect(on_post(compare_live))
    a.submit_review.triggered.connect(on_post(submit_for_review))
    a.review_decisions.triggered.connect(on_post(import_decisions))
    a.retire.triggered.connect(on_post(retire))
    a.legal_hold.triggered.connect(
        lambda checked: set_hold(window.posts, a.legal_hold, checked) if window.posts else None
    )
    a.post_menu.aboutToShow.connect(
        lambda: show_hold(window.posts, a.legal_hold) if window.posts else None
    )


def actions(a: Actions) -> tuple[QAction, ...]:
    """The record actions, enabled once a library is open."""
    return (a.publish, a.compare_live, a.submit_review, a.review_decisions, a.legal_hold, a.retire)


def _saved(posts: PostsController, title: str, text: str) -> Post | None:
    """The post in the editor, saved now; None (after saying `text`) when there is none."""
    post = posts.session.save_now()
    if post is None:
        alerts.info(posts.centre, title, text)
    return post


def _status(posts: PostsController, text: str) -> None:
    status = getattr(posts.centre.window(), "statusBar", None)
    if status is not None:
        status().showMessage(text, 8000)


def mark_published(posts: PostsController) -> None:
    """Ask where and when the post in the editor ran, and record it."""
    from composer.ui.dialogs.publish import PublishDialog, outcome_words

    post = _saved(posts, "Nothing to record", "Write and approve the post first.")
    if post is None:
        return
    dialog = PublishDialog(posts.services.records, post.id, post.platforms, posts.centre.window())
    if dialog.exec() and dialog.published is not None:
        _status(posts, outcome_words(dialog.published))
        posts.reload()


def compare_live(posts: PostsController) -> None:
    """Compare the network's text with the approved text (nothing is recorded)."""
    from composer.ui.dialogs.live_compare import CompareDialog

    post = _saved(posts, "Nothing to compare", "Write and approve the post first.")
    if post is None:
        return
    CompareDialog(posts.services.records, post.id, post.platforms, posts.centre.window()).exec()


def submit_for_review(posts: PostsController) -> None:
    """Send the approved post in the editor to a named reviewer (and save the packet)."""
    from composer.ui.dialogs.review_submit import SubmitDialog, outcome_words

    post = _saved(posts, "Nothing to submit", "Write and approve the post first.")
    if post is None:
        return
    profile = posts.services.library.profile()
    dialog = SubmitDialog(
        posts.services.review,
        post.id,
        profile.name if profile else "",
        posts.centre.window(),
        data_dir=posts.services.data_dir,
    )
    if dialog.exec() and dialog.submitted is not None:
        words = outcome_words(dialog.submitted, dialog.packet_sha256, dialog.packet_saved_to)
        _status(posts, words)
        posts.reload()


def import_decisions(posts: PostsController) -> None:
    """Apply a reviewer's decisions file; the open post may come back as a draft."""
    from composer.ui.dialogs.review_decisions import DecisionsDialog

    posts.session.save_now()
    dialog = DecisionsDialog(posts.services.review, posts.centre.window())
    dialog.exec()
    if posts.session.post_id is None:
        posts.history.refresh()
    else:  # a decision may have voided its approval or given it a new text
        posts.reload()


def retire(posts: PostsController) -> None:
    """Record that the post in the editor is no longer in use."""
    from composer.ui.dialogs.retire import RetireDialog

    post = _saved(posts, "Nothing to retire", "Write and approve the post first.")
    if post is None:
        return
    dialog = RetireDialog(posts.services.records, post.id, posts.centre.window())
    if dialog.exec() and dialog.retired:
        _status(posts, "Retired: kept for the record, no longer in use.")
        posts.reload()


def show_hold(posts: PostsController, action: QAction) -> None:
    """Tick Legal Hold when the post in the editor is under hold."""
    post_id = posts.session.post_id
    held = False
    if post_id is not None:
        try:
            held = posts.services.records.retention(post_id).legal_hold
        except (LibraryError, StorageError):
            held = False
    action.setChecked(held)


def set_hold(posts: PostsController, action: QAction, on: bool) -> None:
    """Put the post in the editor under legal hold, or lift it."""
    post = _saved(posts, "Nothing to hold", "Write the post first.")
    if post is None:
        action.setChecked(False)
        return
    try:
        posts.services.records.set_hold(post.id, on)
    except (LibraryError, StorageError) as exc:
        action.setChecked(not on)
        alerts.warning(posts.centre, "Legal hold not changed", str(exc))
        return
    _status(
        posts,
        "Under legal hold: this post cannot be deleted."
        if on
        else "Legal hold lifted: the retention period applies again.",
    )
