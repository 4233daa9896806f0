"""Inserting snippets from the window: the Post menu, a Ctrl+Shift+I picker, right-click.

The snippets are read when a menu opens, so an edit in the Snippets dialog shows at once.
Text goes into whichever post text the agent was last typing in (the main text or a
platform's variant), at the cursor, as one undo step, with the profile filled in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QWidget

from composer.services.snippets import Snippet, SnippetsService

if TYPE_CHECKING:
    from composer.ui.shell.main_window import MainWindow

NO_LIBRARY = "Snippets are available once your library is open."
MAX_LABEL = 60


def menu_label(snippet: Snippet, number: int | None = None) -> str:
    """The name, with a keyboard accelerator for the first nine in the picker."""
    name = snippet.name.replace("&", "&&")
    if len(name) > MAX_LABEL:
        name = name[: MAX_LABEL - 1] + "…"
    return f"&{number} {name}" if number is not None and number < 10 else name


def insert_text(target: QPlainTextEdit, text: str) -> bool:
    """Insert at the cursor (replacing a selection) as one undo step."""
    if target.isReadOnly() or not text:
        return False
    cursor = target.textCursor()
    cursor.beginEditBlock()
    cursor.insertText(text)
    cursor.endEditBlock()
    target.setTextCursor(cursor)
    target.setFocus()
    return True


class SnippetActions(QObject):
    """Fills the snippet menus from the library and inserts the chosen snippet."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._last_text: QPlainTextEdit | None = None
        menu = window.actions_.snippet_menu
        menu.aboutToShow.connect(lambda: self.fill(menu))
        window.actions_.insert_snippet.triggered.connect(self.pick)
        window.checks.menu_extras.append(self._add_to_context_menu)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- where the text goes ------------------------------------------------------------

    def _texts(self) -> tuple[QPlainTextEdit, ...]:
        centre = self._window.centre
        return (centre.editor, centre.variants.text)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new in self._texts():
            self._last_text = new

    def target(self) -> QPlainTextEdit:
        """The post text last typed in; the main text when a variant is not on show."""
        last = self._last_text
        if last is not None and last.isVisible() and last in self._texts():
            return last
        return self._window.centre.editor

    # -- the snippets -------------------------------------------------------------------

    def service(self) -> SnippetsService | None:
        services = self._window.services
        return SnippetsService(services.library) if services is not None else None

    def snippets(self) -> list[Snippet]:
        """For a reply, the reply templates first, then the post snippets; for a post, the
        post snippets only."""
        service = self.service()
        if service is None:
            return []
        posts = service.of_kind("post")
        return [*service.of_kind("reply"), *posts] if self._window.centre.comment.active else posts

    def insert(self, snippet: Snippet, target: QPlainTextEdit | None = None) -> bool:
        """The snippet with the profile filled in; says what the profile still lacks."""
        service = self.service()
        if service is None:
            return False
        expanded = service.expanded(snippet)
        if not insert_text(target or self.target(), expanded.text):
            return False
        if expanded.missing:
            self._window.statusBar().showMessage(
                f"Your profile has no {' or '.join(expanded.missing)} yet; the placeholder "
                "marks the spot. Add it in Settings > Profile and Settings.",
                8000,
            )
        return True

    # -- menus --------------------------------------------------------------------------

    def fill(
        self, menu: QMenu, target: QPlainTextEdit | None = None, numbered: bool = False
    ) -> None:
        """Rebuild `menu`: one entry per snippet, then "Manage Snippets…"."""
        menu.clear()
        if self._window.services is None:
            menu.addAction(NO_LIBRARY).setEnabled(False)
            return
        snippets = self.snippets()
        for number, snippet in enumerate(snippets, start=1):
            action = QAction(menu_label(snippet, number if numbered else None), menu)
            action.setStatusTip(snippet.text[:120])
            action.setToolTip(snippet.text[:200])
            action.triggered.connect(lambda _=False, s=snippet: self.insert(s, target))
            menu.addAction(action)
        if not snippets:
            menu.addAction("(no snippets yet)").setEnabled(False)
        menu.addSeparator()
        menu.addAction(self._window.actions_.snippets)

    def picker(self) -> QMenu:
        """The Ctrl+Shift+I menu: numbered, aimed at the text that has the cursor now."""
        target = self.target()
        menu = QMenu("Insert Snippet", self._window)
        menu.setAccessibleName("Insert snippet")
        self.fill(menu, target, numbered=True)
        return menu

    def pick(self) -> None:
        target = self.target()
        menu = self.picker()
        rect = target.cursorRect()
        menu.exec(target.viewport().mapToGlobal(rect.bottomLeft()))
        menu.deleteLater()

    def _add_to_context_menu(self, menu: QMenu) -> None:
        if self._window.services is None:
            return
        submenu = QMenu("Insert &Snippet", menu)
        self.fill(submenu, self._window.centre.editor)
        menu.addSeparator()
        menu.addMenu(submenu)
