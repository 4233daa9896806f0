"""Post > Import Review Decisions…: bring a reviewer's decisions file (JSON or CSV) back.

Each decision applies only when it names the exact text that was sent for review; the
others are refused by row. The dialog lists both in plain words: what was applied, what
was not and why. A file that cannot be read at all is one line; nothing changes then.
Freed on close.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.errors import StorageError
from composer.services.library import LibraryError
from composer.services.review import DecisionFileError, DecisionResult, ReviewService
from composer.ui.dialogs.record_words import DECISION_NAMES, decision_refusal


def result_lines(result: DecisionResult) -> list[str]:
    """The outcome, one line per row: applied first, then refused."""
    lines = [f"Post {post}: {DECISION_NAMES.get(d, d)}." for post, d in result.applied]
    lines += [decision_refusal(r.row, r.post_id, r.code) for r in result.refused]
    return lines


def summary(result: DecisionResult) -> str:
    applied, refused = len(result.applied), len(result.refused)
    if not applied and not refused:
        return "The file holds no decisions."
    words = f"{applied} decision{'s' if applied != 1 else ''} applied"
    if refused:
        words += f", {refused} not applied (see why below)"
    return words + "."


class DecisionsDialog(QDialog):
    def __init__(self, review: ReviewService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Import review decisions")
        self._review = review
        self.result_: DecisionResult | None = None
        intro = QLabel(
            "Choose the file of decisions the reviewer sent back (JSON or CSV). A decision "
            "applies only to the exact text that was sent for review.",
            self,
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(self)
        self.path.setAccessibleName("Decisions file")
        self.path.setPlaceholderText("decisions.json or decisions.csv")
        self.browse = QPushButton("C&hoose…", self)
        self.browse.setAccessibleName("Choose the decisions file")
        self.browse.clicked.connect(self._choose)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Decisions applied and not applied")
        self.details.setTabChangesFocus(True)
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * 7 + 12)
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        where = QHBoxLayout()
        label = QLabel("&File", self)
        label.setBuddy(self.path)
        where.addWidget(label)
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(where)
        layout.addWidget(self.message)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Review decisions", self.path.text(), "Decisions (*.json *.csv)"
        )
        if chosen:
            self.path.setText(chosen)
            self.run_import()

    def run_import(self) -> None:
        """Apply the file; say what was applied and refused, or one line why not."""
        text = self.path.text().strip()
        if not text:
            self.message.setText("Choose the decisions file first.")
            return
        try:
            result = self._review.import_decisions(Path(text).expanduser())
        except DecisionFileError as exc:
            self.message.setText(f"Nothing was imported: {exc}")
            self.details.hide()
            return
        except (LibraryError, StorageError) as exc:
            self.message.setText(f"Nothing more was imported: {exc}")
            return
        self.result_ = result
        self.message.setText(summary(result))
        self.details.setPlainText("\n".join(result_lines(result)))
        self.details.setVisible(bool(result.applied or result.refused))
