"""The complaint register: every complaint word for word, its reply, status and note.

A list (oldest first, filterable by status) and the chosen entry in full: the comment as
written, who wrote it, where and when, the link, the reply. The agent moves an entry to
answered or resolved with a note; the service logs each change in the audit chain. It
takes the `ConversationService` it needs, not the container.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.conversations import COMPLAINT_STATUSES, Complaint, ComplaintStatus
from composer.services.conversations import ComplaintError

if TYPE_CHECKING:
    from composer.services.conversations import ConversationService

STATUS_WORDS = {"open": "Open", "answered": "Answered", "resolved": "Resolved"}
# What the register's error codes mean in the window.
ERROR_WORDS = {
    "note-required": "Say what was done before marking it resolved.",
    "no-complaint": "That complaint is no longer in the register.",
}
EMPTY = "No complaints recorded. Use “Flag as Complaint” on a reply's comment to add one."


class ComplaintsDialog(QDialog):
    def __init__(self, service: ConversationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Complaint Register")
        self._service = service
        self._entries: list[Complaint] = []

        self.filter = QComboBox(self)
        self.filter.setAccessibleName("Show complaints with this status")
        self.filter.addItem("All", None)
        for status in COMPLAINT_STATUSES:
            self.filter.addItem(STATUS_WORDS[status], status)
        self.filter.currentIndexChanged.connect(lambda _=0: self.refresh())
        self.entries = QListWidget(self)
        self.entries.setAccessibleName("Complaints")
        self.entries.currentRowChanged.connect(self._show)
        self.facts = QLabel(self)
        self.facts.setAccessibleName("Who, where and when")
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comment = self._reader("The comment, word for word")
        self.reply = self._reader("The reply")
        self.status = QComboBox(self)
        self.status.setAccessibleName("Status")
        for status in COMPLAINT_STATUSES:
            self.status.addItem(STATUS_WORDS[status], status)
        self.note = QLineEdit(self)
        self.note.setAccessibleName("Note on the status")
        self.note.setPlaceholderText("What was done (required to resolve)")
        self.save_button = QPushButton("&Save Status", self)
        self.save_button.setAccessibleName("Save the status and note")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_status)
        self.message = QLabel(self)
        self.message.setAccessibleName("Message")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self._layout(buttons)
        self.refresh()
        self.resize(760, 480)

    def _reader(self, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setReadOnly(True)
        box.setAccessibleName(name)
        box.setTabChangesFocus(True)
        return box

    def _layout(self, buttons: QDialogButtonBox) -> None:
        left = QVBoxLayout()
        top = QHBoxLayout()
        shown = QLabel("S&how", self)
        shown.setBuddy(self.filter)
        top.addWidget(shown)
        top.addWidget(self.filter, 1)
        left.addLayout(top)
        left.addWidget(self.entries, 1)
        form = QFormLayout()
        form.addRow(self.facts)
        form.addRow("&Comment", self.comment)
        form.addRow("&Reply", self.reply)
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addWidget(self.note, 1)
        row.addWidget(self.save_button)
        form.addRow("S&tatus", row)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(form, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    # -- the list ---------------------------------------------------------------------

    def refresh(self, keep: int | None = None) -> None:
        status: ComplaintStatus | None = self.filter.currentData()
        self._entries = self._service.complaints(status)
        self.entries.blockSignals(True)
        self.entries.clear()
        for entry in self._entries:
            comment = entry.comment
            who = " ".join(p for p in (comment.author or "unknown", comment.stars()) if p)
            self.entries.addItem(
                f"#{entry.id} · {STATUS_WORDS[entry.status]} · {who}: {entry.comment.opening(6)}"
            )
        self.entries.blockSignals(False)
        rows = [n for n, e in enumerate(self._entries) if e.id == keep]
        self.entries.setCurrentRow(rows[0] if rows else (0 if self._entries else -1))
        self._show(self.entries.currentRow())

    def current(self) -> Complaint | None:
        row = self.entries.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _show(self, _row: int) -> None:
        entry = self.current()
        for widget in (self.status, self.note, self.save_button):
            widget.setEnabled(entry is not None)
        if entry is None:
            self.facts.setText(EMPTY if not self._entries else "")
            self.comment.clear()
            self.reply.clear()
            self.note.clear()
            return
        comment = entry.comment
        posted = comment.at.astimezone().strftime("%Y-%m-%d %H:%M") if comment.at else "-"
        recorded = entry.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines = [
            f"From {comment.author or 'unknown'} on {comment.platform or 'unknown'}, "
            f"posted {posted}; recorded {recorded}.",
            f"Link: {comment.url or '-'}",
        ]
        if comment.rating is not None:
            lines.insert(1, f"Rating: {comment.stars()} ({comment.rating_words()})")
        self.facts.setText("\n".join(lines))
        self.comment.setPlainText(comment.text)
        self.reply.setPlainText(entry.reply or "(no reply recorded)")
        self.status.setCurrentIndex(COMPLAINT_STATUSES.index(entry.status))
        self.note.setText(entry.note)
        self.message.clear()

    # -- changes ----------------------------------------------------------------------

    def save_status(self) -> None:
        entry = self.current()
        if entry is None:
            return
        status: ComplaintStatus = self.status.currentData()
        try:
            if status == "resolved":
                changed = self._service.resolve(entry.id, self.note.text())
            else:
                changed = self._service.set_status(entry.id, status, self.note.text())
        except ComplaintError as exc:
            self.message.setText(ERROR_WORDS.get(exc.code, str(exc)))
            return
        self.refresh(keep=changed.id)
        self.message.setText(f"Complaint #{changed.id} is {STATUS_WORDS[changed.status].lower()}.")
