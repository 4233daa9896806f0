"""Earlier versions of one post: look at any of them, and make one current again.

Restoring never loses anything: the library records the restore as a new revision, so the
version being replaced is still in this list afterwards. The dialog hands the restored
post back through `restored` (and `exec()` returns Accepted) and is freed on close.
"""

from __future__ import annotations

import difflib
import html
import re
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from composer.domain.platforms import PLATFORM_NAMES
from composer.domain.posts import Post, PostDraft, Revision
from composer.services.library import LibraryError
from composer.ui import alerts

if TYPE_CHECKING:
    from composer.services.library import LibraryService

KIND_NAMES = {
    "create": "Created",
    "autosave": "Edited",
    "restore": "Restored from an earlier version",
    "import": "Imported",
    "duplicate": "Copied from another post",
    "approve": "Approved",
}
APPROVED = frozenset({"approved", "exported"})
NO_REVISIONS = (
    "This post has not been changed since it was imported, so there is no earlier version "
    "yet. Every later edit will be kept here."
)


def revision_label(revision: Revision, current: bool, exported: bool = False) -> str:
    """`exported`: this is the approved version that went out in an export."""
    when = _local(revision.saved_at).strftime("%Y-%m-%d %H:%M:%S")
    kind = KIND_NAMES.get(revision.kind, revision.kind)
    if exported:
        kind += " and exported"
    return f"{when} — {kind}" + (" (current)" if current else "")


def diff_html(old: str, new: str) -> str:
    """What changed from `old` to `new`, word by word: removed words struck through in red,
    added ones underlined in green (colour is not the only sign)."""
    a, b = re.findall(r"\s+|[^\s]+", old), re.findall(r"\s+|[^\s]+", new)
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            gone = html.escape("".join(a[i1:i2]))
            parts.append(f"<s style='color:#c0392b'>{gone}</s>")
        if op in ("insert", "replace"):
            added = html.escape("".join(b[j1:j2]))
            parts.append(f"<u style='color:#1e8449'>{added}</u>")
        if op == "equal":
            parts.append(html.escape("".join(a[i1:i2])))
    body = "".join(parts).replace("\n", "<br>")
    return f"<div style='white-space: pre-wrap'>{body}</div>"


def preview_text(draft: PostDraft) -> str:
    """The version as plain text: title, where it goes, the body and any per-platform text."""
    parts: list[str] = []
    if draft.title:
        parts.append(f"Title: {draft.title}")
    if draft.platforms:
        names = ", ".join(PLATFORM_NAMES.get(p, p) for p in draft.platforms)
        parts.append(f"Platforms: {names}")
    if draft.link:
        parts.append(f"Link: {draft.link}")
    parts.append("")
    parts.append(draft.body)
    for platform, text in draft.variants.items():
        parts += ["", f"— {PLATFORM_NAMES.get(platform, platform)} version —", text]
    if draft.attachments:
        parts += ["", f"— Images ({len(draft.attachments)}) —"]
        for number, image in enumerate(draft.attachments, start=1):
            name = image.original_name or f"image {number}"
            alt = f": “{image.alt_text}”" if image.alt_text else " (no description)"
            parts.append(f"{number}. {name}{alt}")
    return "\n".join(parts).strip("\n")


def _local(moment: datetime) -> datetime:
    return moment.astimezone() if moment.tzinfo is not None else moment


class RevisionsDialog(QDialog):
    """Newest version first; pick one to see it, then "Restore this version"."""

    restored = Signal(object)  # the Post after the restore

    def __init__(
        self, library_service: LibraryService, post_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Earlier versions")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._library = library_service
        self._post_id = post_id
        self.restored_post: Post | None = None

        self.versions = QListWidget(self)
        self.versions.setAccessibleName("Versions, newest first")
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName("Preview of the chosen version")
        self.compare = QCheckBox("Show what restoring it would change", self)
        self.compare.setToolTip(
            "Struck through: in the text you have now, gone after a restore. "
            "Underlined: in this version, back after a restore."
        )
        self.compare.toggled.connect(lambda _on: self._show(self.versions.currentRow()))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = self.buttons.addButton(
            "Restore this version", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setAccessibleName("Restore this version")
        self.restore_button.setEnabled(False)
        self.restore_button.setAutoDefault(False)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.versions)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Every save is kept. Restoring a version makes it current again; the text you "
            "have now stays in this list.",
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.compare)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(720, 440)

        self.versions.currentRowChanged.connect(self._show)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self._revisions: list[Revision] = []
        self._current: PostDraft | None = None
        self._status = "draft"
        self._load()

    def _load(self) -> None:
        try:
            post = self._library.get(self._post_id)
            self._current, self._status = post.draft, post.status
            self._revisions = self._library.revisions(self._post_id)
        except LibraryError as exc:
            self.message.setText(str(exc))
            return
        self.versions.clear()
        # An exported post went out as its newest approved version.
        approved = [r.id for r in self._revisions if r.kind == "approve"]
        went_out = approved[0] if approved and self._status == "exported" else None
        for revision in self._revisions:
            is_current = revision.content == self._current
            label = revision_label(revision, is_current, exported=revision.id == went_out)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, revision.id)
            self.versions.addItem(item)
        if not self._revisions:
            self.preview.setPlainText(preview_text(self._current))
            self.message.setText(NO_REVISIONS)
            return
        self.versions.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self._revisions):
            self.restore_button.setEnabled(False)
            return
        revision = self._revisions[row]
        if self.compare.isChecked() and self._current is not None:
            now, then = preview_text(self._current), preview_text(revision.content)
            self.preview.setHtml(diff_html(now, then))
        else:
            self.preview.setPlainText(preview_text(revision.content))
        same = revision.content == self._current
        self.restore_button.setEnabled(not same)
        self.message.setText("This is the text you have now." if same else "")

    def select_revision(self, revision_id: int) -> bool:
        for row, revision in enumerate(self._revisions):
            if revision.id == revision_id:
                self.versions.setCurrentRow(row)
                return True
        return False

    def restore_selected(self) -> None:
        """Make the chosen version current; on success hand it back and close (Accepted)."""
        row = self.versions.currentRow()
        if not 0 <= row < len(self._revisions):
            return
        if self._status in APPROVED and not alerts.question(
            self,
            "Restore and end the approval?",
            "This post is approved. Restoring an earlier version changes its text, so it "
            "becomes a draft again and needs approving anew. Restore it?",
        ):
            return
        try:
            post = self._library.restore_revision(self._post_id, self._revisions[row].id)
        except LibraryError as exc:
            self.message.setText(str(exc))
            return
        self.restored_post = post
        self.restored.emit(post)
        self.accept()
