"""The line that says an open post is approved: by whom (the agent, or an outside reviewer
with organisation, code and expiry), when, and which findings were kept.

An approved post is shown locked so that a stray keystroke cannot end its approval; the
agent unlocks it on purpose with "Edit…", after being told what editing does.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from composer.domain.posts import Approval

APPROVED_STATES = frozenset({"approved", "exported"})
SHOWN_REASONS = 3


def _when(moment: datetime) -> str:
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{local.day} {local:%b %Y} at {local:%H:%M}"


def describe(approval: Approval | None, status: str) -> str:
    """Plain words for the approval behind an approved or exported post."""
    if approval is None:
        return "Marked approved, but no approval on record backs it: approve it again."
    review = approval.review
    if review is None:
        who = f" by {approval.approver}" if approval.approver else ""
        text = f"Approved{who} on {_when(approval.approved_at)}."
    else:  # an outside approval: the reviewer, their organisation, code and expiry
        org = f" of {review.organisation}" if review.organisation else ""
        code = f", approval code {review.code}" if review.code else ""
        text = f"Approved by {review.reviewer}{org} on {_when(approval.approved_at)}{code}."
        if review.expires_on is not None:
            text += f" Expires {review.expires_on.day} {review.expires_on:%b %Y}."
    if status == "exported" and approval.exported_at is not None:
        text += f" Exported on {_when(approval.exported_at)}."
    reasons = list(dict.fromkeys(r.strip() for r in approval.overrides.values() if r.strip()))
    kept = len(approval.overrides)
    if kept:
        noun = "finding" if kept == 1 else "findings"
        shown = "; ".join(f"“{r}”" for r in reasons[:SHOWN_REASONS])
        more = f" and {len(reasons) - SHOWN_REASONS} more" if len(reasons) > SHOWN_REASONS else ""
        text += f" {kept} {noun} kept because: {shown}{more}."
    return text


class ApprovalNote(QWidget):
    """Who approved the open post, with an "Edit…" button that unlocks it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalNote")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Approval")
        layout.addWidget(self.text, 1)
        self.edit = QPushButton("Edit…", self)
        self.edit.setAccessibleName("Edit this approved post")
        self.edit.setToolTip("Editing ends the approval; you approve the new text again")
        layout.addWidget(self.edit)
        self.hide()

    def show_text(self, text: str | None) -> None:
        self.text.setText(text or "")
        self.setVisible(text is not None)
