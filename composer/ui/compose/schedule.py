"""When the post is planned to go out: a date and time in the editor's header.

Stored as the local wall time the agent means (schedulers' import files want it that way);
setting or clearing it never touches an approval, which covers the text and images only.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NOT_SCHEDULED = "Not scheduled"


def when_label(when: datetime | None) -> str:
    """The header button's words: "Tue 13 May 2030, 19:00" or "Not scheduled"."""
    if when is None:
        return NOT_SCHEDULED
    return f"{when:%a} {when.day} {when:%b %Y, %H:%M}"


class ScheduleDialog(QDialog):
    """Pick a date and time (keyboard: type or use the arrows; Alt+Down opens the calendar)."""

    CLEARED = 2  # done(): the agent cleared the time

    def __init__(
        self,
        when: datetime | None,
        parent: QWidget | None = None,
        default_time: time | None = None,
    ) -> None:
        """`default_time`: for a post without a time, the time of day last used (else
        09:30), tomorrow."""
        super().__init__(parent)
        self.setWindowTitle("Schedule")
        at = default_time or time(9, 30)
        start = when or (datetime.now() + timedelta(days=1)).replace(
            hour=at.hour, minute=at.minute, second=0, microsecond=0
        )
        self.editor = QDateTimeEdit(QDateTime(start), self)
        self.editor.setCalendarPopup(True)
        self.editor.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.editor.setAccessibleName("Date and time to post")
        intro = QLabel("When this post should go out (your computer's time).", self)
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Set")
        self.clear = QPushButton("Not Scheduled", self)
        self.clear.setAutoDefault(False)
        self.clear.setEnabled(when is not None)
        buttons.addButton(self.clear, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.clear.clicked.connect(lambda: self.done(self.CLEARED))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> datetime:
        value = self.editor.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.replace(second=0, microsecond=0)
