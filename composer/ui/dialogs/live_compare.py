"""Post > Compare with Live Text…: is the post as it reads on the network the text that
was approved? Nothing is recorded (Mark as Published records a comparison with the
publication); this only shows the lines that differ. Freed on close.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.domain.errors import StorageError
from composer.domain.platforms import display_name
from composer.services.library import LibraryError
from composer.services.records import LiveComparison, RecordRefusedError, RecordsService
from composer.ui.dialogs.record_words import record_refusal


def comparison_words(result: LiveComparison) -> str:
    """The verdict, then each differing line: what was approved, what is live."""
    where = display_name(result.platform)
    if result.matches:
        return f"The text on {where} is the approved text."
    lines = [f"The text on {where} is not the approved text."]
    lines += [f"Approved, missing there: {line}" for line in result.removed if line.strip()]
    lines += [f"There, not approved: {line}" for line in result.added if line.strip()]
    return "\n".join(lines)


class CompareDialog(QDialog):
    def __init__(
        self,
        records: RecordsService,
        post_id: int,
        platforms: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Compare with live text")
        self._records = records
        self._post_id = post_id
        self.compared: LiveComparison | None = None
        intro = QLabel("Paste the post as the network shows it.", self)
        intro.setWordWrap(True)
        self.platform = QComboBox(self)
        self.platform.setAccessibleName("Network")
        for platform in platforms:
            self.platform.addItem(display_name(platform), platform)
        self.live_text = QPlainTextEdit(self)
        self.live_text.setAccessibleName("The text as the network shows it")
        self.live_text.setTabChangesFocus(True)
        self.live_text.setFixedHeight(self.live_text.fontMetrics().lineSpacing() * 5 + 12)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName("Result")
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.compare_button = self.buttons.addButton(
            "C&ompare", QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.compare_button.setDefault(True)
        self.compare_button.clicked.connect(self.compare)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Network", self.platform)
        form.addRow("Live &text", self.live_text)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def compare(self) -> None:
        live = self.live_text.toPlainText()
        if not live.strip():
            self.verdict.setText("Paste the text from the network first.")
            return
        try:
            self.compared = self._records.compare_live(
                self._post_id, str(self.platform.currentData() or ""), live
            )
        except RecordRefusedError as exc:
            self.verdict.setText(record_refusal(exc.code, value=exc.value))
            return
        except (LibraryError, StorageError) as exc:
            self.verdict.setText(f"The texts could not be compared: {exc}")
            return
        self.verdict.setText(comparison_words(self.compared))
