"""Post > Submit for Review…: send the approved post to a named outside reviewer.

The agent picks who reviews it (the agency principal, a carrier or IMO, a broker-dealer,
or someone else) and writes the name, or picks one sent to before; the review packet (the
PDF record and packet.json in one ZIP) can be saved right away. Refusals are the review
service's codes in plain words; nothing typed is lost. Freed on close.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.errors import StorageError
from composer.domain.files import AtomicWriteError
from composer.domain.record import Submission
from composer.services.library import LibraryError
from composer.services.output_paths import is_data_folder_target
from composer.services.review import ReviewRefusedError, ReviewService
from composer.ui.dialogs.record_words import review_refusal

# (what the agent picks, how it reads after the name in the record)
REVIEWER_KINDS: tuple[tuple[str, str], ...] = (
    ("Agency principal", "agency principal"),
    ("Carrier or IMO", "carrier or IMO"),
    ("Broker-dealer", "broker-dealer"),
    ("Someone else", ""),
)


def reviewer_label(name: str, kind: str) -> str:
    """The reviewer as the record names them: "Jo Park, agency principal"."""
    name = " ".join(name.split())
    if not name:
        return ""
    if not kind or kind.casefold() in name.casefold():
        return name
    return f"{name}, {kind}"


class SubmitDialog(QDialog):
    def __init__(
        self,
        review: ReviewService,
        post_id: int,
        agent: str = "",
        parent: QWidget | None = None,
        data_dir: Path | None = None,
    ) -> None:
        """`data_dir` is the library's folder: the packet is never saved inside it."""
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Submit for review")
        self._review = review
        self._post_id = post_id
        self._agent = agent
        self._data_dir = data_dir
        self.submitted: Submission | None = None
        self.packet_sha256: str | None = None
        self.packet_saved_to = ""  # where it was saved (read after exec(): plain Python)
        intro = QLabel(
            "Send the approved text to the person who signs it off. Their decision comes "
            "back as a file: Post > Import Review Decisions…",
            self,
        )
        intro.setWordWrap(True)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Who reviews it")
        for label, words in REVIEWER_KINDS:
            self.kind.addItem(label, words)
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.setAccessibleName("Reviewer's name")
        editor = self.name.lineEdit()
        if editor is not None:
            editor.setPlaceholderText("Name, and organisation if any")
        for earlier in review.reviewers():
            self.name.addItem(earlier)
        self.name.setCurrentText("")
        self.save_packet = QCheckBox("Save the review &packet now (a ZIP to send them)", self)
        self.save_packet.setAccessibleName("Save the review packet now")
        self.packet_path = QLineEdit(self)
        self.packet_path.setAccessibleName("Where to save the packet")
        self.packet_path.setPlaceholderText("review-packet.zip")
        self.browse = QPushButton("C&hoose…", self)
        self.browse.setAccessibleName("Choose where to save the packet")
        self.browse.clicked.connect(self._choose)
        self.save_packet.toggled.connect(self._packet_toggled)
        self._packet_toggled(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.submit_button = self.buttons.addButton(
            "&Submit", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        where = QHBoxLayout()
        where.addWidget(self.packet_path, 1)
        where.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("&Reviewer", self.kind)
        form.addRow("&Name", self.name)
        form.addRow("", self.save_packet)
        packet_label = QLabel("Packet &file", self)
        packet_label.setBuddy(self.packet_path)
        form.addRow(packet_label, where)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def reviewer(self) -> str:
        return reviewer_label(self.name.currentText(), str(self.kind.currentData() or ""))

    def _packet_toggled(self, on: bool) -> None:
        self.packet_path.setEnabled(on)
        self.browse.setEnabled(on)

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save the review packet", self.packet_path.text(), "ZIP files (*.zip)"
        )
        if chosen:
            self.packet_path.setText(chosen if chosen.endswith(".zip") else chosen + ".zip")

    def save(self) -> None:
        """Submit (once), then write the packet if asked; stay open with one plain line
        when something is refused, keeping what was typed."""
        wants_packet = self.save_packet.isChecked()
        path_text = self.packet_path.text().strip()
        if wants_packet and not path_text:
            self.message.setText("Choose where to save the packet, or untick it.")
            return
        path = Path(path_text).expanduser()
        if (
            wants_packet
            and self._data_dir is not None
            and is_data_folder_target(path, self._data_dir)
        ):
            self.message.setText(
                "That is Composer's own data folder: choose another place for the packet."
            )
            return
        if self.submitted is None:
            try:
                [self.submitted] = self._review.submit([self._post_id], self.reviewer())
            except ReviewRefusedError as exc:
                self.message.setText(review_refusal(exc.code))
                return
            except (LibraryError, StorageError) as exc:
                self.message.setText(f"The post could not be submitted: {exc}")
                return
        if wants_packet:
            try:
                self.packet_sha256 = self._review.packet([self._post_id], path, self._agent)
                self.packet_saved_to = str(path)
            except ReviewRefusedError as exc:
                self.message.setText(
                    f"Submitted. The packet was not saved: {review_refusal(exc.code)}"
                )
                return
            except (AtomicWriteError, OSError, LibraryError, StorageError) as exc:
                self.message.setText(
                    f"Submitted to {self.submitted.submitted_to}. The packet could not be "
                    f"saved there ({exc}): choose another place and press Submit again."
                )
                self.submit_button.setText("&Save Packet")
                return
        self.accept()


def outcome_words(submission: Submission, packet: str | None, path: str = "") -> str:
    """What the status line says once the post is submitted."""
    text = f"Sent for review to {submission.submitted_to}."
    if packet is not None:
        text += f" Review packet saved: {path}"
    return text
