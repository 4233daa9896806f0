"""Manage snippets: list, add, edit, delete and reorder, saved together on Save.

Edits are made on a working copy, so Cancel really cancels; the preview shows the text as
it would be inserted with the current profile, and names what the profile still lacks.
Each snippet is for posts or a reply template (offered when answering a comment).
`exec()` returns Accepted only when something was stored, so the window knows to refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.services.library import LibraryError
from composer.services.snippets import (
    PLACEHOLDERS,
    SNIPPET_KINDS,
    Snippet,
    SnippetError,
    SnippetKind,
    expand,
)

if TYPE_CHECKING:
    from composer.services.snippets import SnippetsService

KIND_LABELS = {"post": "For posts", "reply": "Reply template"}
EMPTY_HINT = "No snippets yet. Choose Add to write text you insert often."
PLACEHOLDER_HINT = "Filled in from your profile when inserted: " + ", ".join(
    f"{{{key}}}" for key in PLACEHOLDERS
)


class SnippetsDialog(QDialog):
    def __init__(self, snippets_service: SnippetsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Snippets")
        self._service = snippets_service
        self._profile = snippets_service.profile()
        self._original = snippets_service.snippets()
        self._working: list[Snippet] = list(self._original)
        self._loading = False

        self.names = QListWidget(self)
        self.names.setAccessibleName("Snippets")
        self.add_button = self._button("&Add", "Add a snippet", self.add)
        self.delete_button = self._button("&Delete", "Delete the chosen snippet", self.delete)
        self.up_button = self._button("Move &Up", "Move the chosen snippet up", self.move_up)
        self.down_button = self._button(
            "Move Do&wn", "Move the chosen snippet down", self.move_down
        )
        self.name = QLineEdit(self)
        self.name.setAccessibleName("Snippet name")
        self.name.setPlaceholderText("e.g. Sign-off")
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("Snippet kind: for posts or a reply template")
        for kind in SNIPPET_KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName("Snippet text")
        self.text.setPlaceholderText("The text to insert, e.g. {name} · License #{license}")
        self.text.setTabChangesFocus(True)
        self.hint = self._label("Placeholders", PLACEHOLDER_HINT)
        self.preview = self._label("Preview", "")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = self._label("Message", "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._layout()

        self.names.currentRowChanged.connect(self._show_row)
        self.name.textEdited.connect(self._edited)
        self.text.textChanged.connect(self._edited)
        self.kind.currentIndexChanged.connect(self._edited)
        self._fill_list(0)
        self.resize(640, 420)

    # -- building ---------------------------------------------------------------------

    def _button(self, text: str, accessible: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _label(self, accessible: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setAccessibleName(accessible)
        return label

    def _layout(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.names, 1)
        row = QHBoxLayout()
        for button in (self.add_button, self.delete_button):
            row.addWidget(button)
        left.addLayout(row)
        row = QHBoxLayout()
        for button in (self.up_button, self.down_button):
            row.addWidget(button)
        left.addLayout(row)
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Kind", self.kind)
        form.addRow("&Text", self.text)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(self.hint)
        right.addWidget(self.preview)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    # -- the list ---------------------------------------------------------------------

    def snippets(self) -> list[Snippet]:
        """The working copy, as it would be saved."""
        return list(self._working)

    def _fill_list(self, row: int) -> None:
        self._loading = True
        self.names.clear()
        for snippet in self._working:
            self.names.addItem(_list_label(snippet))
        self._loading = False
        if self._working:
            self.names.setCurrentRow(max(0, min(row, len(self._working) - 1)))
        self._show_row(self.names.currentRow())

    def _show_row(self, row: int) -> None:
        if self._loading:
            return
        has = 0 <= row < len(self._working)
        self._loading = True
        self.name.setText(self._working[row].name if has else "")
        self.text.setPlainText(self._working[row].text if has else "")
        self.kind.setCurrentIndex(SNIPPET_KINDS.index(self._working[row].kind) if has else 0)
        self._loading = False
        for widget in (self.name, self.kind, self.text, self.delete_button):
            widget.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self._working) - 1)
        self._update_preview()

    def _edited(self) -> None:
        row = self.names.currentRow()
        if self._loading or not 0 <= row < len(self._working):
            return
        kind: SnippetKind = "reply" if self.kind.currentData() == "reply" else "post"
        self._working[row] = Snippet(self.name.text(), self.text.toPlainText(), kind)
        item = self.names.item(row)
        if item is not None:
            item.setText(_list_label(self._working[row]))
        self.message.clear()
        self._update_preview()

    def _update_preview(self) -> None:
        row = self.names.currentRow()
        if not self._working:
            self.preview.setText(EMPTY_HINT)
            return
        if not 0 <= row < len(self._working):
            self.preview.clear()
            return
        result = expand(self._working[row].text, self._profile)
        lines = [f"Inserts: {result.text}" if result.text.strip() else "Inserts: (nothing yet)"]
        if result.missing:
            lines.append(
                f"Your profile has no {' or '.join(result.missing)} yet "
                "(Settings > Profile and Settings)."
            )
        self.preview.setText("\n".join(lines))

    # -- actions ----------------------------------------------------------------------

    def add(self) -> None:
        taken = {s.name.casefold() for s in self._working}
        name, number = "New snippet", 2
        while name.casefold() in taken:
            name, number = f"New snippet {number}", number + 1
        self._working.append(Snippet(name, ""))
        self._fill_list(len(self._working) - 1)
        self.name.setFocus()
        self.name.selectAll()

    def delete(self) -> None:
        row = self.names.currentRow()
        if 0 <= row < len(self._working):
            del self._working[row]
            self._fill_list(row)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, offset: int) -> None:
        row = self.names.currentRow()
        target = row + offset
        if 0 <= row < len(self._working) and 0 <= target < len(self._working):
            self._working.insert(target, self._working.pop(row))
            self._fill_list(target)

    def save(self) -> None:
        """Store the list when it changed (Accepted); unchanged, it is a plain close."""
        if self._working == self._original:
            self.reject()
            return
        try:
            self._service.save(self._working)
        except (SnippetError, LibraryError) as exc:
            self.message.setText(str(exc))
            return
        self.accept()


def _list_label(snippet: Snippet) -> str:
    name = snippet.name.strip() or "(no name)"
    return f"↩ {name}" if snippet.kind == "reply" else name
