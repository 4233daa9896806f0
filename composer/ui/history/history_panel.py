"""The history panel: find any post again, and manage it (new, duplicate, archive, delete).

A self-contained widget the main window embeds on its left. It talks to the library only
through services and hands the window plain post ids through signals; the window decides
what "open a post" means. Deleting is soft and undoable (an Undo in the panel's notice
line, and a "Deleted" view with Restore), so nothing here needs a confirmation box.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
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

from composer.domain.platforms import PLATFORM_NAMES, PLATFORMS
from composer.domain.posts import Post, PostQuery
from composer.ui.history.history_actions import PostActions
from composer.ui.history.history_delegate import PostDelegate
from composer.ui.history.history_model import (
    DELETED_FILTER,
    PAGE_SIZE,
    STATUS_FILTERS,
    HistoryModel,
    count_text,
    empty_text,
)
from composer.ui.shell.notice_bar import NoticeBar

if TYPE_CHECKING:
    from composer.app.container import Services

SEARCH_DELAY_MS = 200


class HistoryPanel(QWidget):
    """Search, filters and the post list, with the actions that manage posts."""

    postActivated = Signal(int)  # the agent picked a post to open
    newRequested = Signal()  # the agent asked for a new post
    postChanged = Signal(int)  # status or content changed here: reload it if open
    postDeleted = Signal(int)  # moved to the bin: close it if open
    threadRequested = Signal(int)  # show the thread this post is in (ui/compose/thread_actions)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.model = HistoryModel(services.history, self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search posts (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search posts")
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName("Show posts by status")
        for label, _query in STATUS_FILTERS:
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
        # Not `self.actions`: that would hide QWidget.actions().
        actions = self.post_actions = PostActions(
            self, services.library, getattr(services, "records", None)
        )
        self.new_action, self.duplicate_action = actions.new, actions.duplicate
        self.archive_action, self.delete_action = actions.archive, actions.delete
        self.restore_action, self.revisions_action = actions.restore, actions.revisions
        self.list.addAction(self.delete_action)
        self._layout()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_query)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(0)
        self._count_timer.timeout.connect(self._count)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._apply_query)
        self.status_filter.currentIndexChanged.connect(self._apply_query)
        self.platform_filter.currentIndexChanged.connect(self._apply_query)
        self.list.clicked.connect(self._activate)
        self.list.customContextMenuRequested.connect(
            lambda pos: self.post_actions.menu(self.list.viewport().mapToGlobal(pos))
        )
        self.list.selectionModel().currentChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self.notice.undo_button.clicked.connect(self.post_actions.undo)
        self.search.installEventFilter(self)
        self.list.installEventFilter(self)
        self._apply_query()

    # Public API ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the list, keeping the selection and scroll place.

        Only the rows up to what is on screen (or selected) plus a page are re-read, so a
        refresh stays cheap however far the agent once scrolled.
        """
        selected = self.current_post_id()
        scroll = self.list.verticalScrollBar().value()
        bottom = self.list.indexAt(self.list.viewport().rect().bottomLeft()).row()
        self.model.reload(max(bottom, self.list.currentIndex().row(), 0) + PAGE_SIZE)
        self._after_reload(selected)
        self.list.verticalScrollBar().setValue(scroll)

    def post_saved(self, post: Post) -> None:
        """A post was saved elsewhere (autosave): update its row in place, no query."""
        rows = self.model.rowCount()
        if not self.model.update_post(post):
            self.refresh()
            return
        self._after_change(recount=self.model.rowCount() != rows)

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
        _label, start = STATUS_FILTERS[max(0, self.status_filter.currentIndex())]
        return replace(
            start, search=self.search.text().strip(), platform=self.platform_filter.currentData()
        )

    def show_deleted(self) -> None:
        """Switch to the bin (deleted posts, restorable)."""
        self.status_filter.setCurrentIndex(DELETED_FILTER)

    # Building --------------------------------------------------------------------

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
        self._after_change()

    def _after_change(self, recount: bool = True) -> None:
        query = self.model.query
        rows = self.model.rowCount()
        self.empty_label.setText(empty_text(query, self.status_filter.currentIndex() == 0))
        self._stack.setCurrentWidget(self.list if rows else self.empty_label)
        if self.model.exhausted:
            self.count_label.setText(count_text(rows))
        elif recount:  # counting a big library takes tens of ms: after the list has painted
            self._count_timer.start()
        self._update_actions()

    def _count(self) -> None:
        self.count_label.setText(count_text(self._services.history.count(self.model.query)))

    def _update_actions(self) -> None:
        self.post_actions.update()
        in_bin = self.model.query.deleted
        self.delete_button.setVisible(not in_bin)
        self.restore_button.setVisible(in_bin)

    # Picking -----------------------------------------------------------------------

    def _activate(self, index: QModelIndex) -> None:
        post = self.model.post_at(index.row())
        if post is not None and not self.model.query.deleted:
            self.postActivated.emit(post.id)

    # Keyboard ----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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
                    self.post_actions.delete_current()  # in the bin: nothing is erased for good
                    return True
        return super().eventFilter(watched, event)
