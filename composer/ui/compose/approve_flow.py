"""Approving a post: a deliberate sign-off, with a written reason for each kept error.

`ApprovalService.approve` decides; this module only asks the agent for reasons when it
refuses for want of them, and words other refusals plainly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
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
from composer.services.approval import (
    ApprovalService,
    NotApprovableError,
    PlatformFinding,
    ReasonRequiredError,
)
from composer.services.library import LibraryError
from composer.ui import alerts

log = logging.getLogger(__name__)

# What the window says for each reason a post cannot be approved (the command line says it
# with post numbers and commands).
NOT_APPROVABLE = {
    "no-platform": "Tick at least one platform under “Post to” first: approval covers the "
    "exact text for each platform.",
    "no-text": "Write the post first: there is no text to approve.",
    "in-bin": "This post is in the bin. Restore it from the history list first.",
    "archived": "This post is archived. Unarchive it from the history list first.",
}

AskReasons = Callable[[QWidget | None, Sequence[PlatformFinding]], dict[str, str] | None]


class ReasonsDialog(QDialog):
    """One reason per distinct error (the same words on several platforms ask once), or one
    reason for all; Approve is enabled once every error has a reason."""

    def __init__(
        self,
        errors: Sequence[PlatformFinding],
        parent: QWidget | None = None,
        suggestions: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Approve with errors")
        # Reasons written before, offered as the agent types (compliance answers repeat).
        self.completer = QCompleter(list(suggestions), self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "These errors are still in the post. To approve it anyway, write down why each "
            "one is acceptable; the reasons are kept with the approval for any reviewer."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.groups = _grouped(errors)
        self.same = QCheckBox("One reason for all of them")
        self.same.setVisible(len(self.groups) > 1)
        self.same.toggled.connect(self._same_toggled)
        layout.addWidget(self.same)
        self.common = QLineEdit()
        self.common.setPlaceholderText("Why these are acceptable")
        self.common.setAccessibleName("Reason for all the errors")
        self.common.setCompleter(self.completer)
        self.common.textChanged.connect(self._update)
        self.common.hide()
        layout.addWidget(self.common)
        self.form_host = QWidget()
        form = QFormLayout(self.form_host)
        platforms = load_platforms()
        self.fields: list[QLineEdit] = []
        for group in self.groups:
            first = group[0]
            names = ", ".join(
                dict.fromkeys(
                    platforms[e.platform].display_name if e.platform in platforms else e.platform
                    for e in group
                )
            )
            words = f" (“{first.finding.text}”)" if first.finding.text else ""
            label = QLabel(f"{names}: {first.finding.message}{words}")
            label.setWordWrap(True)
            field = QLineEdit()
            field.setPlaceholderText("Why this is acceptable")
            field.setCompleter(self.completer)
            field.setAccessibleName(f"Reason for: {first.finding.message}")
            field.textChanged.connect(self._update)
            form.addRow(label)
            form.addRow(field)
            self.fields.append(field)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        layout.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Approve")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.fields:
            self.fields[0].setFocus()  # the first reason typed must land somewhere
        self._update()

    def reasons(self) -> dict[str, str]:
        """Each error's key and its reason (the shared one when "one reason" is ticked)."""
        common = self.common.text().strip()
        shared = self.same.isChecked()
        return {
            error.key: common if shared else field.text().strip()
            for group, field in zip(self.groups, self.fields, strict=True)
            for error in group
        }

    def _same_toggled(self, on: bool) -> None:
        self.common.setVisible(on)
        self.form_host.setEnabled(not on)
        if on:
            self.common.setFocus()
        elif self.fields:
            self.fields[0].setFocus()
        self._update()

    def _update(self) -> None:
        ready = bool(self.fields) and all(self.reasons().values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)


def _grouped(errors: Sequence[PlatformFinding]) -> list[list[PlatformFinding]]:
    """Errors with the same rule, message and words, whatever the platform, in order."""
    groups: dict[tuple[str, str, str], list[PlatformFinding]] = {}
    for error in errors:
        finding = error.finding
        groups.setdefault((finding.rule, finding.message, finding.text), []).append(error)
    return list(groups.values())


def ask_reasons(
    parent: QWidget | None, errors: Sequence[PlatformFinding], suggestions: Sequence[str] = ()
) -> dict[str, str] | None:
    dialog = ReasonsDialog(errors, parent, suggestions)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reasons()
    finally:
        dialog.deleteLater()


_THE_DIALOG = ask_reasons  # tests may replace `ask_reasons`; this stays the dialog


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
            if ask is _THE_DIALOG:  # the real dialog: offer the reasons written before
                ask = partial(_THE_DIALOG, suggestions=approval.recent_reasons())
            reasons = ask(parent, exc.errors)
            if reasons is None:
                return None
            return approval.approve(post_id, reasons=reasons)
    except ReasonRequiredError:
        alerts.warning(parent, "Not approved", "Every error needs a written reason.")
    except NotApprovableError as exc:
        alerts.warning(parent, "Not approved", NOT_APPROVABLE.get(exc.code, _sentence(str(exc))))
    except LibraryError as exc:
        alerts.warning(parent, "Not approved", _sentence(str(exc)))
    return None


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."
