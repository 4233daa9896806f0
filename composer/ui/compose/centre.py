"""The centre column: status and Approve, targeting, the editor, its images, chips, preview
and variants."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from composer.ui.compose.approval_note import ApprovalNote
from composer.ui.compose.chips import ChipsBar
from composer.ui.compose.comment_panel import CommentPanel
from composer.ui.compose.preview import PreviewView
from composer.ui.compose.schedule import NOT_SCHEDULED, when_label
from composer.ui.compose.targeting import TargetingBar, VariantsEditor
from composer.ui.editor.draft_editor import DraftEditor
from composer.ui.history.history_model import STATUS_NAMES
from composer.ui.images.attachments_strip import AttachmentsStrip
from composer.ui.shell import theme

# The history's plain words for each status, and one for a post not saved yet.
STATUS_WORDS: dict[str | None, str] = {None: "New draft (not saved yet)"}
STATUS_WORDS.update(STATUS_NAMES)


class CentrePane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("centrePane")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 4)
        layout.setSpacing(6)

        header = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("statusBadge")
        self.status.setAccessibleName("Post status")
        header.addWidget(self.status)
        self.saved = QLabel()
        self.saved.setObjectName("savedNote")
        header.addWidget(self.saved)
        self.details = QLabel()
        self.details.setObjectName("postDetails")
        self.details.setAccessibleName("Title, scheduled time and tags")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        header.addWidget(self.details, 1)
        self.when = QPushButton(NOT_SCHEDULED)
        self.when.setObjectName("whenButton")
        self.when.setAccessibleName("When to post")
        self.when.setToolTip("Set or change when this post goes out (Ctrl+T)")
        self.when.setFlat(True)
        header.addWidget(self.when)
        header.addStretch(1)
        self.approve = QPushButton("Approve")
        self.approve.setObjectName("approveButton")
        self.approve.setAccessibleName("Approve this post")
        self.approve.setToolTip("Sign off on this post (Ctrl+Shift+A)")
        header.addWidget(self.approve)
        layout.addLayout(header)
        self.approval = ApprovalNote(self)
        layout.addWidget(self.approval)
        self.locked = False  # an approved post, until the agent chooses "Edit…"
        self.library_read_only = False

        self.targeting = TargetingBar()
        layout.addWidget(self.targeting)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("centreSplitter")
        self.splitter.setChildrenCollapsible(False)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(2)
        self.comment = CommentPanel()  # shown only while the post is a reply
        top_layout.addWidget(self.comment)
        self.editor = DraftEditor()
        top_layout.addWidget(self.editor, 1)
        self.attachments = AttachmentsStrip()
        top_layout.addWidget(self.attachments)
        self.chips = ChipsBar()
        top_layout.addWidget(self.chips)
        self.splitter.addWidget(top)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.preview = PreviewView()
        self.variants = VariantsEditor()
        self.tabs.addTab(self.preview, "Preview")
        self.tabs.addTab(self.variants, "Variants")
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([520, 170])
        layout.addWidget(self.splitter, 1)
        self.set_status(None)
        self.restyle()

    def set_status(self, status: str | None) -> None:
        self.status.setText(STATUS_WORDS.get(status, str(status).title()))
        self.status.setProperty("status", status or "new")
        self.restyle()

    def set_details(self, title: str, scheduled: datetime | None, tags: tuple[str, ...]) -> None:
        """The post's title, scheduled time and tags (set by an import), when it has them."""
        parts = [title] if title else []
        parts += [f"#{tag}" for tag in tags]
        self.when.setText(when_label(scheduled))
        text = " · ".join(parts)
        self.details.setText(text)
        self.details.setToolTip(text)

    def lock(self, note: str | None) -> None:
        """Show an approved post locked with `note`; None unlocks it for editing."""
        was_locked, self.locked = self.locked, note is not None
        self.approval.show_text(note)
        for widget in (self.targeting, self.attachments, self.variants):
            widget.setEnabled(not self.locked)
        for edit in (self.comment.text, self.comment.author, self.comment.platform):
            edit.setReadOnly(self.locked or self.library_read_only)
        self.comment.url.setReadOnly(self.locked or self.library_read_only)
        self.comment.rating.setEnabled(not (self.locked or self.library_read_only))
        self.editor.setReadOnly(self.locked or self.library_read_only)
        if self.locked:
            self.set_errors_left(None, False)
        elif was_locked:  # the next check result says how many errors are left
            self.set_errors_left(None, not self.library_read_only)

    def set_errors_left(self, errors: int | None, enabled: bool) -> None:
        if self.locked:
            self.approve.setText("Approved")
            self.approve.setEnabled(False)
            return
        if errors:
            noun = "error" if errors == 1 else "errors"
            self.approve.setText(f"Approve ({errors} {noun} left)")
        else:
            self.approve.setText("Approve")
        self.approve.setEnabled(enabled)

    def restyle(self) -> None:
        c = theme.colours()
        status = self.status.property("status")
        accent = {"approved": c.ok, "exported": c.ok, "published": c.ok}.get(status, c.muted)
        self.status.setStyleSheet(
            f"QLabel#statusBadge {{ color: {accent}; border: 1px solid {accent};"
            f" border-radius: 9px; padding: 1px 9px; font-weight: 600; }}"
        )
        self.saved.setStyleSheet(f"color: {c.muted};")
        self.details.setStyleSheet(f"color: {c.muted};")
        self.attachments.restyle()
        self.preview.restyle()
