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
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer.domain.conversations import Thread, ThreadReply
from composer.domain.platforms import PLATFORM_NAMES
from composer.services.threads import ThreadError
from composer.ui.shell import theme

if TYPE_CHECKING:
    from composer.services.threads import ThreadService

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
    """Who, where, a review's stars and when: the first line of a comment."""
    comment = reply.comment
    when = ""
    if comment.at is not None:
        local = comment.at.astimezone()
        when = f"{local:%b} {local.day}, {local:%Y %H:%M}"
    facts = [comment.author or "Someone", platform_name(comment.platform), comment.stars(), when]
    return " · ".join(f for f in facts if f)


def _label(text: str, name: str, parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


class ThreadEntry(QFrame):
    """One comment, word for word, with the agent's reply under it. Double-click (or Enter
    when it has the focus) opens the reply; the comment's text can be selected and copied."""

    activated = Signal(int)

    def __init__(self, reply: ThreadReply, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reply_id = reply.reply_id
        self.setObjectName("threadEntry")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        status = STATUS_WORDS.get(reply.status, reply.status)
        c = theme.colours()
        self.setStyleSheet(
            f"QFrame#threadEntry {{ background: {c.card}; border: 1px solid {c.card_border};"
            " border-radius: 6px; }"
            "QFrame#threadEntry:focus { border: 1px solid palette(highlight); }"
            f"QLabel#threadComplaint {{ color: {c.error}; font-weight: bold; }}"
            f"QLabel#threadStatus {{ color: {c.muted}; }}"
            f"QFrame#threadReply {{ border: none; border-left: 3px solid {c.card_border}; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        top = QHBoxLayout()
        self.facts = _label(comment_heading(reply), "threadFacts", self, wrap=False)
        font = QFont(self.facts.font())
        font.setBold(True)
        self.facts.setFont(font)
        top.addWidget(self.facts)
        top.addStretch(1)
        self.complaint = _label("", "threadComplaint", self, wrap=False)
        if reply.complaint_id is not None:
            self.complaint.setText(f"⚠ Complaint #{reply.complaint_id} in the register")
        self.complaint.setVisible(reply.complaint_id is not None)
        top.addWidget(self.complaint)
        layout.addLayout(top)
        text = reply.comment.text.strip() or "(the comment is not pasted yet)"
        self.comment = _label(text, "threadComment", self)
        self.comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.comment)
        box = QFrame(self)
        box.setObjectName("threadReply")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(10, 2, 0, 0)
        inner.setSpacing(1)
        self.status = _label(f"Your reply · {status}", "threadStatus", box, wrap=False)
        inner.addWidget(self.status)
        self.body = _label(reply.body.strip() or "(no reply written yet)", "threadBody", box)
        if reply.status == "draft":
            italic = QFont(self.body.font())
            italic.setItalic(True)
            self.body.setFont(italic)
        inner.addWidget(self.body)
        layout.addWidget(box)
        flagged = ", in the complaint register" if reply.complaint_id is not None else ""
        self.setAccessibleName(
            f"{comment_heading(reply)}{flagged}: {text}. Your reply, {status}. Enter opens it."
        )
        self.setToolTip("Double-click to open your reply in the editor")

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.reply_id)
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit(self.reply_id)
            return
        super().keyPressEvent(event)


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
        self.entries = QWidget(self)
        self.entries.setObjectName("threadReplies")
        self._column = QVBoxLayout(self.entries)
        self._column.setContentsMargins(0, 0, 4, 0)
        self._column.setSpacing(8)
        self.replies = QScrollArea(self)
        self.replies.setAccessibleName("Comments and your replies")
        self.replies.setWidgetResizable(True)
        self.replies.setFrameShape(QFrame.Shape.NoFrame)
        self.replies.setWidget(self.entries)
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
        focused = self.focusWidget()
        keep = focused.reply_id if isinstance(focused, ThreadEntry) else None
        self.current = thread
        self._fill(thread)
        again = self.entry_for(keep) if keep is not None else None
        if again is not None:
            again.setFocus()

    def reply_ids(self) -> list[int]:
        """The replies on show, in order (for tests and the keyboard)."""
        return [r.reply_id for r in self.current.replies] if self.current else []

    def entry_for(self, reply_id: int) -> ThreadEntry | None:
        """The card of a reply and the comment it answers."""
        for entry in self.entries.findChildren(ThreadEntry):
            if entry.reply_id == reply_id and not entry.isHidden():  # (hidden: on its way out)
                return entry
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
        self._clear()
        group: tuple[str, str] | None = None
        for reply in thread.replies:
            if reviews and (reply.comment.platform, reply.comment.author) != group:
                group = (reply.comment.platform, reply.comment.author)
                heading = _label(self._group_text(reply), "threadGroup", self.entries)
                font = QFont(heading.font())
                font.setBold(True)
                heading.setFont(font)
                self._column.addWidget(heading)
            entry = ThreadEntry(reply, self.entries)
            entry.activated.connect(self.replyOpened)
            self._column.addWidget(entry)
        self._column.addStretch(1)
        self.replies.setVisible(bool(thread.replies))
        self.empty.setText("" if thread.replies else (EMPTY_REVIEWS if reviews else EMPTY_POST))
        self.empty.setVisible(not thread.replies)
        self.new_reply.setEnabled(True)

    def _clear(self) -> None:
        while self._column.count():
            item = self._column.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def group_titles(self) -> list[str]:
        """The reviews thread's headings (platform · author), in order."""
        return [
            label.text()
            for label in self.entries.findChildren(QLabel, "threadGroup")
            if not label.isHidden()
        ]

    @staticmethod
    def _group_text(reply: ThreadReply) -> str:
        who = reply.comment.author or "Someone"
        where = platform_name(reply.comment.platform) or "Somewhere"
        return f"{where} · {who}"

    def _fill_gone(self) -> None:
        self.setWindowTitle("Thread")
        self.heading.setText(GONE)
        self.post_text.setVisible(False)
        self._clear()
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

    # -- events -----------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        """Read the thread again when the agent comes back to it (a reply may have been
        written or flagged meanwhile)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh()
