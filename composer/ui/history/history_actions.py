"""What the history panel's buttons and menus do: library calls, notices and undo.

Kept apart from the panel (which holds layout) so each stays small: this controller acts
on the panel's current post through the library service, reports in the panel's notice
line (a refusal is one plain line, never a box), and tells the window what changed
through the panel's signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from composer.domain.posts import Post
from composer.services.library import LibraryError
from composer.ui.history.history_model import post_heading

if TYPE_CHECKING:
    from composer.services.library import LibraryService
    from composer.services.records import RecordRefusedError, RecordsService
    from composer.ui.history.history_panel import HistoryPanel


class PostActions(QObject):
    """The panel's QActions and their behaviour on the selected post."""

    def __init__(
        self, panel: HistoryPanel, library: LibraryService, records: RecordsService | None = None
    ) -> None:
        """`records`, when given, guards Delete: a post under legal hold or inside its
        retention period is not moved to the bin."""
        super().__init__(panel)
        self._panel = panel
        self._library = library
        self._records = records
        self.new = self._action("New", panel.newRequested.emit, "New post (Ctrl+N)")
        self.duplicate = self._action(
            "Duplicate", self.duplicate_current, "Make a new draft from this post"
        )
        self.archive = self._action(
            "Archive", self.archive_current, "Hide this post from current posts"
        )
        self.delete = self._action(
            "Delete", self.delete_current, "Move to Deleted; you can restore it (Delete)"
        )
        self.delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.restore = self._action(
            "Restore", self.restore_current, "Bring this post back from Deleted"
        )
        self.revisions = self._action(
            "Earlier versions…", self.open_revisions, "See and restore an earlier version"
        )
        self.in_thread = self._action(
            "Show Thread", self._show_thread, "This post's comments and your replies"
        )

    def _action(self, text: str, slot: Callable[[], None], tip: str) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def update(self) -> None:
        """Enable what applies to the selected post; the bin offers only Restore."""
        post = self._panel.current_post()
        in_bin = self._panel.model.query.deleted
        live = post is not None and not in_bin
        for action in (self.duplicate, self.archive, self.revisions, self.delete, self.in_thread):
            action.setEnabled(live)
        self.restore.setEnabled(post is not None and in_bin)
        archived = post is not None and post.status == "archived"
        self.archive.setText("Unarchive" if archived else "Archive")

    def menu(self, pos: QPoint) -> QMenu:
        """The list's context menu (freed when it closes)."""
        menu = QMenu(self._panel)
        if self._panel.model.query.deleted:
            menu.addAction(self.restore)
        else:
            menu.addActions(
                [self.new, self.duplicate, self.archive, self.revisions, self.in_thread]
            )
            menu.addSeparator()
            menu.addAction(self.delete)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(pos)
        return menu

    # Behaviour -------------------------------------------------------------------

    def _show_thread(self) -> None:
        post_id = self._panel.current_post_id()
        if post_id is not None:
            self._panel.threadRequested.emit(post_id)

    def duplicate_current(self) -> None:
        panel, post = self._panel, self._panel.current_post()
        if post is None:
            return
        copy = self._run(lambda: self._library.duplicate(post.id))
        if copy is None:
            return
        self._notify(f"Made a copy of “{post_heading(post, 40)}”.")
        panel.refresh()
        panel.select_post(copy.id)
        panel.postActivated.emit(copy.id)

    def archive_current(self) -> None:
        post = self._panel.current_post()
        if post is None:
            return
        if post.status == "archived":
            changed = self._run(lambda: self._library.unarchive(post.id))
            text = f"“{post_heading(post, 40)}” is back with the current posts."
            self._changed(changed, text, undo=None)
        else:
            changed = self._run(lambda: self._library.archive(post.id))
            text = f"Archived “{post_heading(post, 40)}”."
            self._changed(changed, text, undo=lambda: self._library.unarchive(post.id))

    def delete_current(self) -> None:
        """Soft delete with Undo; in the bin it does nothing (nothing is erased for good)."""
        panel, post = self._panel, self._panel.current_post()
        if post is None or panel.model.query.deleted:
            return
        if not self._delete(post):
            return
        self._notify(
            f"Moved “{post_heading(post, 40)}” to Deleted.",
            undo=lambda: self._library.undelete(post.id),
        )
        panel.refresh()
        panel.postDeleted.emit(post.id)

    def _delete(self, post: Post) -> bool:
        """Move the post to the bin unless its record must be kept; a refusal is said."""
        if self._records is None:
            return self._run(lambda: self._library.delete(post.id)) is not None
        from composer.services.records import RecordRefusedError

        records = self._records
        try:
            records.delete(post.id)
        except RecordRefusedError as exc:
            self._notify(_kept_words(post, exc))
            return False
        except LibraryError as exc:
            self._notify(str(exc))
            return False
        return True

    def restore_current(self) -> None:
        panel, post = self._panel, self._panel.current_post()
        if post is None or not panel.model.query.deleted:
            return
        if self._run(lambda: self._library.undelete(post.id)) is None:
            return
        self._notify(f"Restored “{post_heading(post, 40)}”.")
        panel.refresh()
        panel.postChanged.emit(post.id)

    def open_revisions(self) -> None:
        """Open the earlier-versions dialog (window-modal, freed on close)."""
        from composer.ui.dialogs.revisions import RevisionsDialog

        post = self._panel.current_post()
        if post is None:
            return
        dialog = RevisionsDialog(self._library, post.id, self._panel)
        dialog.restored.connect(self._revision_restored)
        dialog.open()

    def _revision_restored(self, post: Post) -> None:
        self._notify(f"Restored an earlier version of “{post_heading(post, 40)}”.")
        self._panel.refresh()
        self._panel.select_post(post.id)
        self._panel.postChanged.emit(post.id)

    def undo(self) -> None:
        """Take back the change the notice line offers to undo."""
        panel = self._panel
        undo, selected = panel.notice.take_undo(), panel.current_post_id()
        if undo is None:
            return
        post = self._run(undo)
        panel.refresh()
        changed = getattr(post, "id", None)
        if changed is not None:
            panel.select_post(changed)
            panel.postChanged.emit(changed)
        elif selected is not None:
            panel.select_post(selected)

    def _changed(self, post: Post | None, text: str, undo: Callable[[], object] | None) -> None:
        if post is None:
            return
        self._notify(text, undo=undo)
        self._panel.refresh()
        self._panel.postChanged.emit(post.id)

    def _notify(self, text: str, undo: Callable[[], object] | None = None) -> None:
        self._panel.notice.show_message(text, undo)

    def _run[T](self, call: Callable[[], T]) -> T | None:
        """Run a library call; a refusal becomes one plain line in the notice."""
        try:
            return call()
        except LibraryError as exc:
            self._notify(str(exc))
            return None


def _kept_words(post: Post, exc: RecordRefusedError) -> str:
    """Why the window did not delete a post whose record must be kept."""
    heading = f"“{post_heading(post, 40)}”"
    if exc.code == "legal-hold":
        return f"{heading} is under legal hold, so it cannot be deleted."
    if exc.code == "in-retention" and exc.until is not None:
        until = f"{exc.until.day} {exc.until:%B %Y}"
        return f"{heading} must be kept until {until} (after its last use); archive it instead."
    return f"{heading} cannot be deleted now."
