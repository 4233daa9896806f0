"""The comment a reply answers, above the editor: pasted word for word, read, never flagged.

Shown only while the post in the editor is a reply. The agent pastes the comment (and,
if they have them, who wrote it, where, a review's star rating and its link, and which of
their posts it was left on, so the reply shows in that post's thread); the checks read it as
context (one or two stars is a complaint), and when it reads as a complaint the panel says
why and offers "Flag as complaint" for the register.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.conversations import RATINGS, Comment, CommentReading, stars

# Why a comment reads as a complaint (codes from composer.guidelines.comments).
REASONS = {
    "unanswered": "says nobody answers",
    "grievance": "sounds like a grievance",
    "low-rating": "gives a low rating",
    "reads-like": "reads like the complaints Composer learned from",
}
NO_POST = "No post of mine (a review or a page)"
NO_RATING = "No rating"
# The posts a comment can be on, as (id, label): set by the thread actions once the library
# is open; asked each time a reply is shown so the list is current.
TargetSource = Callable[[], list[tuple[int, str]]]


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
        self.rating = QComboBox()
        self.rating.setObjectName("commentRating")
        self.rating.setAccessibleName("The review's rating")
        self.rating.setToolTip("A review's stars: one or two read as a complaint")
        self.rating.addItem(NO_RATING, None)
        for rating in RATINGS:
            self.rating.addItem(stars(rating), rating)
            self.rating.setItemData(
                self.rating.count() - 1, f"{rating} of 5 stars", Qt.ItemDataRole.AccessibleTextRole
            )
        rating_label = QLabel("&Rating:")
        rating_label.setBuddy(self.rating)
        facts.addWidget(self.author, 1)
        facts.addWidget(self.platform, 1)
        facts.addWidget(rating_label)
        facts.addWidget(self.rating)
        facts.addWidget(self.url, 2)
        layout.addLayout(facts)
        on_row = QHBoxLayout()
        on_label = QLabel("Left on:")
        self.on_post = QComboBox()
        self.on_post.setObjectName("commentOnPost")
        self.on_post.setAccessibleName("Your post the comment was left on")
        self.on_post.setToolTip("The reply shows in that post's thread (Post > Show Thread)")
        self.on_post.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.on_post.setMinimumContentsLength(30)
        on_label.setBuddy(self.on_post)
        on_row.addWidget(on_label)
        on_row.addWidget(self.on_post, 1)
        layout.addLayout(on_row)
        self.targets: TargetSource | None = None
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
        self.on_post.activated.connect(self.changed)
        self.rating.activated.connect(self.changed)
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
        widgets = (self.text, self.author, self.platform, self.url, self.on_post, self.rating)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.text.setPlainText(comment.text if comment else "")
            self.author.setText(comment.author if comment else "")
            self.platform.setText(comment.platform if comment else "")
            self.url.setText(comment.url if comment else "")
            self._at = comment.at if comment else None
            rated = comment.rating if comment is not None else None
            self.rating.setCurrentIndex(max(0, self.rating.findData(rated)) if rated else 0)
            if comment is not None:
                self._fill_targets(comment.on_post_id)
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
            on_post_id=self.on_post.currentData(),
            rating=self.rating.currentData(),
        )

    def _fill_targets(self, selected: int | None) -> None:
        self.on_post.clear()
        self.on_post.addItem(NO_POST, None)
        targets = self.targets() if self.targets is not None else []
        for post_id, label in targets:
            self.on_post.addItem(label, post_id)
        if selected is not None and self.on_post.findData(selected) < 0:
            self.on_post.addItem(f"Post {selected}", selected)  # older than the list shows
        index = 0 if selected is None else self.on_post.findData(selected)
        self.on_post.setCurrentIndex(max(0, index))

    def set_reading(self, reading: CommentReading | None, flagged: bool = False) -> None:
        """Say whether the comment reads as a complaint, and offer the register."""
        if flagged:
            self.reading.setText("This comment is in the complaint register.")
        elif reading is not None and reading.complaint:
            why = REASONS.get(reading.reason, reading.reason)
            if reading.quotes(self.text.toPlainText()):  # the comment's own words
                why = f"it {why}: “{reading.evidence}”"
            else:  # the review's stars, chosen beside the comment
                why = f"a {reading.evidence}"
            self.reading.setText(
                f"This reads as a complaint ({why}). "
                "Complaints belong in the register, word for word."
            )
        elif reading is not None and reading.personal:
            self.reading.setText(
                "The comment mentions personal details: keep them out of your reply."
            )
        else:
            self.reading.setText("")
        self.flag.setEnabled(not flagged and bool(self.text.toPlainText().strip()))
