"""The comment a reply answers, above the editor: pasted word for word, read, never flagged.

Shown only while the post in the editor is a reply. The agent pastes the comment (and,
if they have them, who wrote it, where and its link); the checks read it as context, and
when it reads as a complaint the panel says why and offers "Flag as complaint" for the
register.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.conversations import Comment, CommentReading

# Why a comment reads as a complaint (codes from composer.guidelines.comments).
REASONS = {
    "unanswered": "says nobody answers",
    "grievance": "sounds like a grievance",
    "low-rating": "gives a low rating",
}


class CommentPanel(QWidget):
    changed = Signal()
    flagRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("commentPanel")
        self._at: datetime | None = None  # when the comment was posted (as imported)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(3)
        title = QLabel("Replying to this comment (pasted word for word; it is never flagged):")
        title.setObjectName("commentTitle")
        layout.addWidget(title)
        self.text = QPlainTextEdit()
        self.text.setObjectName("commentText")
        self.text.setAccessibleName("The comment you are replying to")
        self.text.setPlaceholderText("Paste the comment or review here…")
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        title.setBuddy(self.text)
        layout.addWidget(self.text)
        facts = QHBoxLayout()
        self.author = self._field("Who wrote it", "Author")
        self.platform = self._field("Where it was posted", "Where (Google, Facebook…)")
        self.url = self._field("Link to the comment", "Link")
        facts.addWidget(self.author, 1)
        facts.addWidget(self.platform, 1)
        facts.addWidget(self.url, 2)
        layout.addLayout(facts)
        row = QHBoxLayout()
        self.reading = QLabel()
        self.reading.setObjectName("commentReading")
        self.reading.setWordWrap(True)
        self.reading.setAccessibleName("What the checks read in the comment")
        row.addWidget(self.reading, 1)
        self.flag = QPushButton("Flag as Complaint")
        self.flag.setObjectName("flagComplaint")
        self.flag.setAccessibleName("Record this comment in the complaint register")
        self.flag.setToolTip("Record the comment word for word in the complaint register")
        self.flag.clicked.connect(self.flagRequested)
        row.addWidget(self.flag)
        layout.addLayout(row)
        for edit in (self.author, self.platform, self.url):
            edit.textEdited.connect(self.changed)
        self.text.textChanged.connect(self.changed)
        self.setVisible(False)

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    @property
    def active(self) -> bool:
        """Whether the post in the editor is a reply (the panel is in use)."""
        return not self.isHidden()

    def set_comment(self, comment: Comment | None) -> None:
        """Show `comment` (a reply), or hide the panel (a post); emits nothing."""
        widgets = (self.text, self.author, self.platform, self.url)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.text.setPlainText(comment.text if comment else "")
            self.author.setText(comment.author if comment else "")
            self.platform.setText(comment.platform if comment else "")
            self.url.setText(comment.url if comment else "")
            self._at = comment.at if comment else None
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.set_reading(None)
        self.setVisible(comment is not None)

    def comment(self) -> Comment | None:
        if not self.active:
            return None
        return Comment(
            text=self.text.toPlainText(),
            author=self.author.text().strip(),
            platform=self.platform.text().strip(),
            url=self.url.text().strip(),
            at=self._at,
        )

    def set_reading(self, reading: CommentReading | None, flagged: bool = False) -> None:
        """Say whether the comment reads as a complaint, and offer the register."""
        if flagged:
            self.reading.setText("This comment is in the complaint register.")
        elif reading is not None and reading.complaint:
            why = REASONS.get(reading.reason, reading.reason)
            self.reading.setText(
                f"This reads as a complaint (it {why}: “{reading.evidence}”). "
                "Complaints belong in the register, word for word."
            )
        elif reading is not None and reading.personal:
            self.reading.setText(
                "The comment mentions personal details: keep them out of your reply."
            )
        else:
            self.reading.setText("")
        self.flag.setEnabled(not flagged and bool(self.text.toPlainText().strip()))
