"""Post > Mark as Published…: where and when an approved post ran, for the examiner's record.

The record keeps each publication (platform, link, time, audience, paid amount) and, when
the agent pastes the text as the network shows it, whether that is the approved text: a
difference is an error in the record, said here at once. Refusals are the records
service's codes, worded for the window (never a command-line flag). Freed on close.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.domain.errors import StorageError
from composer.domain.platforms import display_name
from composer.domain.record import AUDIENCES, Publication
from composer.services.library import LibraryError
from composer.services.records import RecordRefusedError, RecordsService

AUDIENCE_NAMES = {"public": "Public", "group": "A group", "boosted": "Boosted (paid)"}


def refusal_words(exc: RecordRefusedError) -> str:
    """One plain line for a refusal, naming what to do about it."""
    words = {
        "not-approved": "This post has no approval that applies: approve it first.",
        "platform-not-approved": f"This post was not approved for {display_name(exc.value)}: "
        "approve it for that network first.",
        "unknown-platform": "Choose a network.",
        "unknown-audience": "Choose who saw it: public, a group or boosted.",
        "bad-spend": f"“{exc.value}” is not an amount: write it like 25 or 25.50.",
        "bad-url": f"“{exc.value}” is not a web address: it starts with https://.",
        "in-bin": "This post is in the bin: restore it first.",
        "retired": "This post is retired: it is no longer in use, so it cannot run again.",
    }
    return words.get(exc.code, "The publication could not be recorded.")


class PublishDialog(QDialog):
    def __init__(
        self,
        records: RecordsService,
        post_id: int,
        platforms: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Mark as published")
        self._records = records
        self._post_id = post_id
        self.published: Publication | None = None
        intro = QLabel(
            "Record where and when this post ran. Paste the text as the network shows it "
            "to check it is the text you approved.",
            self,
        )
        intro.setWordWrap(True)
        self.platform = QComboBox(self)
        self.platform.setAccessibleName("Network")
        for platform in platforms:
            self.platform.addItem(display_name(platform), platform)
        self.url = QLineEdit(self)
        self.url.setAccessibleName("Link to the post")
        self.url.setPlaceholderText("https://… (optional)")
        self.when = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.when.setAccessibleName("When it ran")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.audience = QComboBox(self)
        self.audience.setAccessibleName("Who saw it")
        for audience in AUDIENCES:
            self.audience.addItem(AUDIENCE_NAMES[audience], audience)
        self.spend = QLineEdit(self)
        self.spend.setAccessibleName("Amount paid to boost it")
        self.spend.setPlaceholderText("e.g. 25.00 (only if boosted)")
        self.live_text = QPlainTextEdit(self)
        self.live_text.setAccessibleName("The text as the network shows it")
        self.live_text.setPlaceholderText("Optional: paste the post from the network")
        self.live_text.setTabChangesFocus(True)
        self.live_text.setFixedHeight(self.live_text.fontMetrics().lineSpacing() * 4 + 12)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Network", self.platform)
        form.addRow("&Link", self.url)
        form.addRow("&When", self.when)
        form.addRow("&Audience", self.audience)
        form.addRow("&Paid", self.spend)
        form.addRow("Live &text", self.live_text)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        """Record the publication; stay open with one plain line if it is refused."""
        when = self.when.dateTime().toPython()
        assert isinstance(when, datetime)
        live = self.live_text.toPlainText()
        try:
            self.published = self._records.publish(
                self._post_id,
                str(self.platform.currentData() or ""),
                url=self.url.text(),
                at=when.astimezone(),
                audience=str(self.audience.currentData()),
                spend=self.spend.text(),
                live_text=live if live.strip() else None,
            )
        except RecordRefusedError as exc:
            self.message.setText(refusal_words(exc))
            return
        except (LibraryError, StorageError) as exc:
            self.message.setText(f"The publication could not be recorded: {exc}")
            return
        self.accept()


def outcome_words(publication: Publication) -> str:
    """What the status line says once a publication is recorded."""
    where = display_name(publication.platform)
    if publication.live_matches is False:
        return (
            f"Recorded on {where}, but the text there differs from the approved text: "
            "the record shows this as an error."
        )
    return f"Recorded as published on {where}."
