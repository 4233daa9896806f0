"""Approving a post: a deliberate sign-off, with a written reason for each kept error.

`ApprovalService.approve` decides; this module only asks the agent for reasons when it
refuses for want of them, and words other refusals plainly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer.domain.posts import Approval
from composer.guidelines.platforms import load_platforms
from composer.services.approval import ApprovalService, PlatformFinding, ReasonRequiredError
from composer.services.library import LibraryError
from composer.ui import alerts

log = logging.getLogger(__name__)

AskReasons = Callable[[QWidget | None, Sequence[PlatformFinding]], dict[str, str] | None]


class ReasonsDialog(QDialog):
    """One line per error finding; Approve is enabled once every line has a reason."""

    def __init__(self, errors: Sequence[PlatformFinding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Approve with errors")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "These errors are still in the post. To approve it anyway, write down why each "
            "one is acceptable; the reasons are kept with the approval for any reviewer."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form_host = QWidget()
        form = QFormLayout(form_host)
        platforms = load_platforms()
        self.fields: dict[str, QLineEdit] = {}
        for error in errors:
            platform = platforms.get(error.platform)
            where = platform.display_name if platform else error.platform
            words = f" (“{error.finding.text}”)" if error.finding.text else ""
            label = QLabel(f"{where}: {error.finding.message}{words}")
            label.setWordWrap(True)
            field = QLineEdit()
            field.setPlaceholderText("Why this is acceptable")
            field.setAccessibleName(f"Reason for: {error.finding.message}")
            field.textChanged.connect(self._update)
            form.addRow(label)
            form.addRow(field)
            self.fields[error.key] = field
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        layout.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Approve")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def reasons(self) -> dict[str, str]:
        return {key: field.text().strip() for key, field in self.fields.items()}

    def _update(self) -> None:
        ready = all(self.reasons().values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)


def ask_reasons(parent: QWidget | None, errors: Sequence[PlatformFinding]) -> dict[str, str] | None:
    dialog = ReasonsDialog(errors, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reasons()
    finally:
        dialog.deleteLater()


def approve_post(
    parent: QWidget | None,
    approval: ApprovalService,
    post_id: int,
    ask: AskReasons | None = None,
) -> Approval | None:
    """Approve, asking for reasons if errors remain; None when not approved (said why)."""
    ask = ask or ask_reasons
    try:
        try:
            return approval.approve(post_id)
        except ReasonRequiredError as exc:
            reasons = ask(parent, exc.errors)
            if reasons is None:
                return None
            return approval.approve(post_id, reasons=reasons)
    except ReasonRequiredError:
        alerts.warning(parent, "Not approved", "Every error needs a written reason.")
    except LibraryError as exc:
        alerts.warning(parent, "Not approved", _sentence(str(exc)))
    return None


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."
