"""Post > Retire…: the approved or published post is no longer in use.

The agent gives the last day it was in use (today unless earlier); the retention period
counts from that day, and nothing more is published for the post. Refusals are the
records service's codes in plain words. Freed on close.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from composer.domain.errors import StorageError
from composer.services.library import LibraryError
from composer.services.records import RecordRefusedError, RecordsService
from composer.ui.dialogs.record_words import record_refusal


class RetireDialog(QDialog):
    def __init__(
        self, records: RecordsService, post_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Retire post")
        self._records = records
        self._post_id = post_id
        self.retired = False
        intro = QLabel(
            "Retire a post that is no longer in use. It stays in the record; it is kept "
            "for the retention period counted from the last day it was in use.",
            self,
        )
        intro.setWordWrap(True)
        self.last_day = QDateEdit(QDate.currentDate(), self)
        self.last_day.setAccessibleName("Last day in use")
        self.last_day.setCalendarPopup(True)
        self.last_day.setDisplayFormat("d MMM yyyy")
        self.last_day.setMaximumDate(QDate.currentDate())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.addButton("&Retire", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Last day in use", self.last_day)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def save(self) -> None:
        day = self.last_day.date().toPython()
        assert isinstance(day, date)
        try:
            changed = self._records.retire(self._post_id, day)
        except RecordRefusedError as exc:
            self.message.setText(record_refusal(exc.code, value=exc.value, until=exc.until))
            return
        except (LibraryError, StorageError) as exc:
            self.message.setText(f"The post could not be retired: {exc}")
            return
        if not changed:
            self.message.setText("This post is already retired.")
            return
        self.retired = True
        self.accept()
