"""The editor's right-click menu: spelling suggestions, "add to dictionary", quick fixes.

The menu only offers; what each choice does is handed back through callbacks, so the
window decides (apply the fix as one undo step, teach the word, recheck).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QMenu

from composer.ui.editor.draft_editor import DraftEditor
from composer.ui.findings.findings_model import Shown

MAX_SUGGESTIONS = 5


class Speller(Protocol):
    def suggest(self, word: str) -> list[str]: ...


def build_menu(
    editor: DraftEditor,
    items: list[Shown],
    speller: Speller | None,
    on_fix: Callable[[Shown, str], None],
    on_add_word: Callable[[str], None],
    on_explain: Callable[[Shown], None],
) -> QMenu:
    menu = editor.createStandardContextMenu()
    first = menu.actions()[0] if menu.actions() else None
    added: list[QAction] = []

    def add(text: str, slot: Callable[..., None], bold: bool = False) -> None:
        action = QAction(text, menu)
        if bold:
            font = action.font()
            font.setBold(True)
            action.setFont(font)
        action.triggered.connect(slot)
        added.append(action)

    for item in items:
        finding = item.finding
        choices = list(finding.suggestions)
        if item.is_spelling and not choices and speller is not None:
            choices = speller.suggest(finding.text)
        for choice in choices[:MAX_SUGGESTIONS]:
            add(
                f"Replace with “{choice}”",
                lambda _=False, c=choice, i=item: on_fix(i, c),
                bold=True,
            )
        if item.is_spelling and finding.text:
            add(
                f"Add “{finding.text}” to dictionary",
                lambda _=False, w=finding.text: on_add_word(w),
            )
        add(f"Why? {finding.message}", lambda _=False, i=item: on_explain(i))
    if added:
        # Qt takes a null `before` to mean "append"; the stubs do not allow None.
        for action in added:
            menu.insertAction(first, action)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]
    return menu


def show_menu(menu: QMenu, event: QContextMenuEvent) -> None:
    menu.exec(event.globalPos())
    menu.deleteLater()
