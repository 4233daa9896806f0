"""The history panel: find any post again, and manage it (new, duplicate, archive, delete).

A self-contained widget the main window embeds on its left. It talks to the library only
through services and hands the window plain post ids through signals; the window decides
what "open a post" means. Deleting is soft and undoable (an Undo in the panel's notice
line, and a "Deleted" view with Restore), so nothing here needs a confirmation box.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.accounts import PLATFORMS
from composer.domain.posts import Post, PostQuery
from composer.services.library import LibraryError
from composer.ui.history_delegate import PostDelegate
from composer.ui.history_model import (
    DELETED_FILTER,
    PLATFORM_NAMES,
    STATUS_FILTERS,
    HistoryModel,
    count_text,
    empty_text,
    post_heading,
)
from composer.ui.notice_bar import NoticeBar

if TYPE_CHECKING:
    from composer.app.container import Services

SEARCH_DELAY_MS = 200


class HistoryPanel(QWidget):
    """Search, filters and the post list, with the actions that manage posts."""

    postActivated = Signal(int)  # noqa: N815  the agent picked a post to open
    newRequested = Signal()  # noqa: N815  the agent asked for a new post
    postChanged = Signal(int)  # noqa: N815  status or content changed here (reload if open)
    postDeleted = Signal(int)  # noqa: N815  moved to the bin (close it if open)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._library = services.library
        self.model = HistoryModel(services.history, self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search posts (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search posts")
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName("Show posts by status")
        for label, _statuses, _deleted in STATUS_FILTERS:
            self.status_filter.addItem(label)
        self.platform_filter = QComboBox(self)
        self.platform_filter.setAccessibleName("Show posts for a platform")
        self.platform_filter.addItem("All platforms", None)
        for platform in PLATFORMS:
            self.platform_filter.addItem(PLATFORM_NAMES.get(platform, platform), platform)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Number of posts shown")

        self.list = QListView(self)
        self.list.setAccessibleName("Posts")
        self.list.setModel(self.model)
        self.list.setItemDelegate(PostDelegate(self.list))
        self.list.setUniformItemSizes(True)  # no per-row measuring: instant with many rows
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the search
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName("No posts")
        self.empty_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.list)
        self._stack.addWidget(self.empty_label)

        self.notice = NoticeBar(self, "History notice")
        self._make_actions()
        self._layout()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_query)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._apply_query)
        self.status_filter.currentIndexChanged.connect(self._apply_query)
        self.platform_filter.currentIndexChanged.connect(self._apply_query)
        self.list.clicked.connect(self._activate)
        self.list.customContextMenuRequested.connect(self._show_menu)
        self.list.selectionModel().currentChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self.notice.undo_button.clicked.connect(self._run_undo)
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)
        self._apply_query()

    # Public API ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list (after a save elsewhere), keeping the selection and scroll place."""
        selected = self.current_post_id()
        scroll = self.list.verticalScrollBar().value()
        self.model.reload()
        self._after_reload(selected)
        self.list.verticalScrollBar().setValue(scroll)

    def select_post(self, post_id: int) -> bool:
        """Show `post_id` as the current row without emitting `postActivated`."""
        row = self.model.fetch_until(post_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_post_id(self) -> int | None:
        post = self.current_post()
        return None if post is None else post.id

    def current_post(self) -> Post | None:
        return self.model.post_at(self.list.currentIndex().row())

    def query(self) -> PostQuery:
        """The search and filters as the agent set them."""
        _label, statuses, deleted = STATUS_FILTERS[max(0, self.status_filter.currentIndex())]
        return PostQuery(
            search=self.search.text().strip(),
            statuses=statuses,
            platform=self.platform_filter.currentData(),
            deleted=deleted,
        )

    def show_deleted(self) -> None:
        """Switch to the bin (deleted posts, restorable)."""
        self.status_filter.setCurrentIndex(DELETED_FILTER)

    # Building --------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], None], tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip or text)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        self.new_action = self._action("New", self.newRequested.emit, "New post (Ctrl+N)")
        self.duplicate_action = self._action(
            "Duplicate", self.duplicate_current, "Make a new draft from this post"
        )
        self.archive_action = self._action(
            "Archive", self.archive_current, "Hide this post from current posts"
        )
        self.delete_action = self._action(
            "Delete", self.delete_current, "Move to Deleted; you can restore it (Delete)"
        )
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.list.addAction(self.delete_action)
        self.restore_action = self._action(
            "Restore", self.restore_current, "Bring this post back from Deleted"
        )
        self.revisions_action = self._action(
            "Earlier versions…", self.open_revisions, "See and restore an earlier version"
        )

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.platform_filter, 1)
        self.new_button = QPushButton("New", self)
        self.new_button.setAccessibleName("New post")
        self.new_button.setToolTip("New post (Ctrl+N)")
        self.new_button.clicked.connect(self.new_action.trigger)
        self.delete_button = QToolButton(self)
        self.delete_button.setDefaultAction(self.delete_action)
        self.restore_button = QToolButton(self)
        self.restore_button.setDefaultAction(self.restore_action)
        self.more_button = QToolButton(self)
        self.more_button.setText("More")
        self.more_button.setAccessibleName("More actions")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        more.addActions([self.duplicate_action, self.archive_action, self.revisions_action])
        self.more_button.setMenu(more)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.more_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)
        self.setTabOrder(self.search, self.status_filter)
        self.setTabOrder(self.status_filter, self.platform_filter)
        self.setTabOrder(self.platform_filter, self.list)

    # Querying --------------------------------------------------------------------

    def _apply_query(self) -> None:
        self._debounce.stop()
        selected = self.current_post_id()
        self.model.set_query(self.query())
        self._after_reload(selected)

    def _after_reload(self, selected: int | None) -> None:
        if selected is not None and (row := self.model.row_of(selected)) >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        query = self.model.query
        count = self._services.history.count(query) if self.model.rowCount() else 0
        self.count_label.setText(count_text(count))
        self.empty_label.setText(empty_text(query, self.status_filter.currentIndex() == 0))
        self._stack.setCurrentWidget(self.list if count else self.empty_label)
        self._update_actions()

    # Actions ---------------------------------------------------------------------

    def _update_actions(self) -> None:
        post = self.current_post()
        in_bin = self.model.query.deleted
        live = post is not None and not in_bin
        self.duplicate_action.setEnabled(live)
        self.archive_action.setEnabled(live)
        self.revisions_action.setEnabled(live)
        self.delete_action.setEnabled(live)
        self.restore_action.setEnabled(post is not None and in_bin)
        self.delete_button.setVisible(not in_bin)
        self.restore_button.setVisible(in_bin)
        archived = post is not None and post.status == "archived"
        self.archive_action.setText("Unarchive" if archived else "Archive")

    def _activate(self, index: QModelIndex) -> None:
        post = self.model.post_at(index.row())
        if post is not None and not self.model.query.deleted:
            self.postActivated.emit(post.id)

    def duplicate_current(self) -> None:
        post = self.current_post()
        if post is None:
            return
        copy = self._run(lambda: self._library.duplicate(post.id))
        if copy is None:
            return
        self._notify(f"Made a copy of “{post_heading(post, 40)}”.")
        self.refresh()
        self.select_post(copy.id)
        self.postActivated.emit(copy.id)

    def archive_current(self) -> None:
        post = self.current_post()
        if post is None:
            return
        if post.status == "archived":
            changed = self._run(lambda: self._library.unarchive(post.id))
            text = f"“{post_heading(post, 40)}” is back with the current posts."
            self._change(changed, text, undo=None)
        else:
            changed = self._run(lambda: self._library.archive(post.id))
            text = f"Archived “{post_heading(post, 40)}”."
            self._change(changed, text, undo=lambda: self._library.unarchive(post.id))

    def delete_current(self) -> None:
        post = self.current_post()
        if post is None or self.model.query.deleted:
            return
        if self._run(lambda: self._library.delete(post.id)) is None:
            return
        self._notify(
            f"Moved “{post_heading(post, 40)}” to Deleted.",
            undo=lambda: self._library.undelete(post.id),
        )
        self.refresh()
        self.postDeleted.emit(post.id)

    def restore_current(self) -> None:
        post = self.current_post()
        if post is None or not self.model.query.deleted:
            return
        if self._run(lambda: self._library.undelete(post.id)) is None:
            return
        self._notify(f"Restored “{post_heading(post, 40)}”.")
        self.refresh()
        self.postChanged.emit(post.id)

    def open_revisions(self) -> None:
        """Open the earlier-versions dialog (window-modal, freed on close)."""
        from composer.ui.dialogs.revisions import RevisionsDialog

        post = self.current_post()
        if post is None:
            return
        dialog = RevisionsDialog(self._library, post.id, self)
        dialog.restored.connect(self._on_revision_restored)
        dialog.open()

    def _on_revision_restored(self, post: Post) -> None:
        self._notify(f"Restored an earlier version of “{post_heading(post, 40)}”.")
        self.refresh()
        self.select_post(post.id)
        self.postChanged.emit(post.id)

    def _change(self, post: Post | None, text: str, undo: Callable[[], object] | None) -> None:
        if post is None:
            return
        self._notify(text, undo=undo)
        self.refresh()
        self.postChanged.emit(post.id)

    def _run[T](self, call: Callable[[], T]) -> T | None:
        """Run a library call; a refusal becomes one plain line in the notice."""
        try:
            return call()
        except LibraryError as exc:
            self._notify(str(exc))
            return None

    # Undo -------------------------------------------------------------------

    def _notify(self, text: str, undo: Callable[[], object] | None = None) -> None:
        self.notice.show_message(text, undo)

    def _run_undo(self) -> None:
        undo, selected = self.notice.take_undo(), self.current_post_id()
        if undo is None:
            return
        post = self._run(undo)
        self.refresh()
        changed = getattr(post, "id", None)
        if changed is not None:
            self.select_post(changed)
            self.postChanged.emit(changed)
        elif selected is not None:
            self.select_post(selected)

    def _show_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        if self.model.query.deleted:
            menu.addAction(self.restore_action)
        else:
            menu.addActions([self.new_action, self.duplicate_action, self.archive_action])
            menu.addAction(self.revisions_action)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.list.viewport().mapToGlobal(pos))

    # Keyboard ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search:
                if key == Qt.Key.Key_Down and self.model.rowCount():
                    if not self.list.currentIndex().isValid():
                        self.list.setCurrentIndex(self.model.index(0, 0))
                    self.list.setFocus(Qt.FocusReason.TabFocusReason)
                    return True
                if key == Qt.Key.Key_Escape and self.search.text():
                    self.search.clear()
                    self._apply_query()
                    return True
            elif watched is self.list and self.list.currentIndex().isValid():
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self._activate(self.list.currentIndex())
                    return True
                if event.matches(QKeySequence.StandardKey.Delete):  # also when no shortcut ran
                    self.delete_current()  # does nothing in the bin: nothing is erased for good
                    return True
        return super().eventFilter(watched, event)
