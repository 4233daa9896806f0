"""A post's thread: the post, then each comment left on it with the agent's reply under it.

Opened from the history's context menu (Show Thread) or Post > Show Thread. Each comment
shows who wrote it, where, when, its exact text and whether it is in the complaint
register; the reply under it shows its status. Double-clicking (or Enter on) a comment or
reply opens the reply in the editor; "Reply to a New Comment…" starts a reply linked to
this post. Replies to comments on no post (reviews, pages) have their own thread, grouped
by platform and author, reached with the "Reviews" button.

Not modal, so the agent can keep it beside the editor; it reads the thread again whenever
it becomes the active window. It takes the `ThreadService`, not the container, and says
what it wants done through signals (`ui/compose/thread_actions.py` does it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.domain.conversations import Thread, ThreadReply
from composer.domain.platforms import PLATFORM_NAMES
from composer.services.threads import ThreadError

if TYPE_CHECKING:
    from composer.services.threads import ThreadService

ReplyRole = Qt.ItemDataRole.UserRole + 1  # the reply post's id (comment and reply items)
STATUS_WORDS = {
    "draft": "Draft",
    "approved": "Approved",
    "exported": "Exported",
    "archived": "Archived",
}
REVIEWS_TITLE = "Reviews and comments on no post"
EMPTY_POST = (
    "No replies in this thread yet. Use “Reply to a New Comment…” when someone comments on "
    "this post."
)
EMPTY_REVIEWS = "No replies to reviews yet."
GONE = "That post is no longer in the library (or is in Deleted)."


def platform_name(platform: str) -> str:
    return PLATFORM_NAMES.get(platform, platform[:1].upper() + platform[1:])


def comment_heading(reply: ThreadReply) -> str:
    """Who, where and when, and the register mark: the first line of a comment's row."""
    comment = reply.comment
    when = ""
    if comment.at is not None:
        local = comment.at.astimezone()
        when = f"{local:%b} {local.day}, {local:%Y %H:%M}"
    facts = [comment.author or "Someone", platform_name(comment.platform), when]
    line = " · ".join(f for f in facts if f)
    if reply.complaint_id is not None:
        line += f"   ⚠ Complaint #{reply.complaint_id} in the register"
    return line


class ThreadDialog(QDialog):
    replyOpened = Signal(int)  # open this reply in the editor
    newReplyRequested = Signal(object)  # start a reply on this post id (None: a review)

    def __init__(
        self, service: ThreadService, post_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("threadDialog")
        self._service = service
        self._home = post_id  # the post the dialog was opened for
        self.post_id = post_id  # the thread on show (None: the reviews thread)
        self.current: Thread | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("threadHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setAccessibleName("The thread")
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        self.post_text = QPlainTextEdit(self)
        self.post_text.setObjectName("threadPost")
        self.post_text.setReadOnly(True)
        self.post_text.setAccessibleName("The post's text")
        self.post_text.setMaximumHeight(110)
        self.post_text.setTabChangesFocus(True)
        self.replies = QTreeWidget(self)
        self.replies.setObjectName("threadReplies")
        self.replies.setAccessibleName("Comments and your replies (Enter opens the reply)")
        self.replies.setHeaderHidden(True)
        self.replies.setColumnCount(1)
        self.replies.setWordWrap(True)
        self.replies.setUniformRowHeights(False)
        self.replies.setRootIsDecorated(False)
        self.replies.setItemsExpandable(False)
        self.replies.setExpandsOnDoubleClick(False)
        self.replies.itemActivated.connect(self._activated)
        self.empty = QLabel(self)
        self.empty.setObjectName("threadEmpty")
        self.empty.setWordWrap(True)
        self.new_reply = QPushButton("Reply to a &New Comment…", self)
        self.new_reply.setAccessibleName("Start a reply to a new comment in this thread")
        self.new_reply.setAutoDefault(False)
        self.new_reply.clicked.connect(lambda: self.newReplyRequested.emit(self.post_id))
        self.switch = QPushButton(self)
        self.switch.setAutoDefault(False)
        self.switch.clicked.connect(self._switch)
        close = QPushButton("&Close", self)
        close.setAutoDefault(False)
        close.clicked.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.post_text)
        layout.addWidget(self.replies, 1)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_reply)
        buttons.addWidget(self.switch)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(620, 560)
        self.show_thread(post_id)

    # -- what is on show --------------------------------------------------------------

    def show_thread(self, post_id: int | None) -> None:
        """Show post `post_id`'s thread (None: the reviews thread)."""
        if post_id is not None:
            self._home = post_id
        self.post_id = post_id
        self.refresh()

    def refresh(self) -> None:
        try:
            thread = (
                self._service.reviews()
                if self.post_id is None
                else self._service.thread(self.post_id)
            )
        except ThreadError:
            self.current = None
            self._fill_gone()
            return
        current = self.replies.currentItem()
        keep = (current.data(0, ReplyRole), current.childCount() > 0) if current else None
        self.current = thread
        self._fill(thread)
        if keep is not None and isinstance(keep[0], int):
            again = self.item_for(keep[0], comment=keep[1])
            if again is not None:
                self.replies.setCurrentItem(again)

    def reply_ids(self) -> list[int]:
        """The replies on show, in order (for tests and the keyboard)."""
        return [r.reply_id for r in self.current.replies] if self.current else []

    def item_for(self, reply_id: int, comment: bool = False) -> QTreeWidgetItem | None:
        """The row of a reply (or of the comment it answers)."""
        for item in self._items():
            if item.data(0, ReplyRole) == reply_id and (item.childCount() > 0) == comment:
                return item
        return None

    # -- filling ----------------------------------------------------------------------

    def _fill(self, thread: Thread) -> None:
        reviews = thread.post_id is None
        if reviews:
            self.setWindowTitle("Thread: Reviews")
            self.heading.setText(REVIEWS_TITLE)
            self.post_text.setVisible(False)
        else:
            status = STATUS_WORDS.get(thread.status, thread.status)
            title = f" · {thread.title}" if thread.title else ""
            self.setWindowTitle(f"Thread: Post {thread.post_id}")
            self.heading.setText(f"Post {thread.post_id} · {status}{title}")
            self.post_text.setPlainText(thread.body)
            self.post_text.setVisible(True)
        self._set_switch()
        self.replies.clear()
        group: tuple[str, str] | None = None
        parent: QTreeWidgetItem | None = None
        for reply in thread.replies:
            if reviews and (reply.comment.platform, reply.comment.author) != group:
                group = (reply.comment.platform, reply.comment.author)
                parent = QTreeWidgetItem(self.replies, [self._group_text(reply)])
                font = QFont(parent.font(0))
                font.setBold(True)
                parent.setFont(0, font)
                parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self._add(reply, parent)
        self.replies.expandAll()
        self.replies.setVisible(bool(thread.replies))
        self.empty.setText("" if thread.replies else (EMPTY_REVIEWS if reviews else EMPTY_POST))
        self.empty.setVisible(not thread.replies)
        self.new_reply.setEnabled(True)
        first = self.replies.topLevelItem(0)
        if first is not None:
            self.replies.setCurrentItem(first)

    def _add(self, reply: ThreadReply, parent: QTreeWidgetItem | None) -> None:
        text = reply.comment.text.strip() or "(the comment is not pasted yet)"
        comment = QTreeWidgetItem([f"{comment_heading(reply)}\n{text}"])
        comment.setData(0, ReplyRole, reply.reply_id)
        comment.setToolTip(0, "Double-click to open your reply")
        if reply.complaint_id is not None:
            comment.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, "in the register")
        status = STATUS_WORDS.get(reply.status, reply.status)
        body = reply.body.strip() or "(no reply written yet)"
        answer = QTreeWidgetItem([f"↳ Your reply · {status}\n{body}"])
        answer.setData(0, ReplyRole, reply.reply_id)
        answer.setToolTip(0, "Double-click to open this reply in the editor")
        font = QFont(answer.font(0))
        font.setItalic(reply.status == "draft")
        answer.setFont(0, font)
        comment.addChild(answer)
        if parent is None:
            self.replies.addTopLevelItem(comment)
        else:
            parent.addChild(comment)

    @staticmethod
    def _group_text(reply: ThreadReply) -> str:
        who = reply.comment.author or "Someone"
        where = platform_name(reply.comment.platform) or "Somewhere"
        return f"{where} · {who}"

    def _fill_gone(self) -> None:
        self.setWindowTitle("Thread")
        self.heading.setText(GONE)
        self.post_text.setVisible(False)
        self.replies.clear()
        self.replies.setVisible(False)
        self.empty.setVisible(False)
        self.new_reply.setEnabled(False)
        self._set_switch()

    def _set_switch(self) -> None:
        if self.post_id is None and self._home is not None:
            self.switch.setText(f"Back to &Post {self._home}")
            self.switch.setAccessibleName("Show the post's thread again")
        else:
            self.switch.setText("&Reviews…")
            self.switch.setAccessibleName("Replies to reviews and comments on no post")
        self.switch.setVisible(not (self.post_id is None and self._home is None))

    def _switch(self) -> None:
        self.show_thread(self._home if self.post_id is None else None)

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        root = self.replies.invisibleRootItem()
        stack = [root.child(i) for i in range(root.childCount())]
        while stack:
            item = stack.pop(0)
            if item is None:
                continue
            out.append(item)
            stack[:0] = [item.child(i) for i in range(item.childCount())]
        return out

    # -- events -----------------------------------------------------------------------

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        reply_id = item.data(0, ReplyRole)
        if isinstance(reply_id, int):
            self.replyOpened.emit(reply_id)

    def changeEvent(self, event: QEvent) -> None:
        """Read the thread again when the agent comes back to it (a reply may have been
        written or flagged meanwhile)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh()
