"""Live checks for the window: from an edit to underlines, cards, chips and the preview.

Edits ask `LiveChecker` for a check (debounced, off the GUI thread); each result that is
still current is filtered by the post's dismissals and shown everywhere at once. Fixes,
dismissals, "add to dictionary" and F1 help are handled here too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QPlainTextEdit

from composer.domain.attachments import infos
from composer.domain.history import HistoryItem
from composer.ui import alerts
from composer.ui.editor import context_menu
from composer.ui.editor.checker import CheckRequest, LiveChecker, LiveResult
from composer.ui.editor.draft_editor import replace_span, select_span
from composer.ui.findings import dismissals
from composer.ui.findings.finding_popover import FindingPopover
from composer.ui.findings.findings_model import Shown, error_count, visible

if TYPE_CHECKING:
    from composer.domain.profile import Profile
    from composer.guidelines.builtin.spelling import SpellingCheck
    from composer.services.guidelines import GuidelineService
    from composer.services.library import LibraryService
    from composer.ui.compose.centre import CentrePane
    from composer.ui.findings.findings_panel import FindingsPanel

log = logging.getLogger(__name__)


class ChecksController(QObject):
    shown = Signal(object)  # list[Shown], after every result that was displayed

    def __init__(
        self,
        centre: CentrePane,
        panel: FindingsPanel,
        post_id: Callable[[], int | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.centre = centre
        self.panel = panel
        self._post_id = post_id
        self.checker = LiveChecker(self)
        self.checker.resultReady.connect(self._show)
        self.settings: LibraryService | None = None  # the settings store, once open
        self.history: tuple[HistoryItem, ...] = ()
        self.dismissed: set[str] = set()
        self.result: LiveResult | None = None
        self.items: list[Shown] = []
        self.spelling: SpellingCheck | None = None  # for suggestions; words go through `guidelines`
        self.guidelines: GuidelineService | None = None  # the one service, once the engine is ready
        self.menu_extras: list[Callable[[QMenu], None]] = []  # e.g. the snippets submenu
        panel.activated.connect(self.activate)
        panel.fixRequested.connect(self.fix)
        panel.dismissRequested.connect(self.dismiss)
        panel.undoDismissRequested.connect(self.undo_dismiss)
        panel.restoreDismissedRequested.connect(self.restore_dismissed)
        self._last_dismissed: str | None = None
        centre.editor.contextMenuWanted.connect(self._context_menu)
        centre.editor.findingClicked.connect(self.offer)
        self.popover: FindingPopover | None = None

    # -- set-up -----------------------------------------------------------------------

    def set_guidelines(self, guidelines: GuidelineService, profile: Profile | None) -> None:
        """Check with the guideline service's engine (whatever it holds after a reload)."""
        self.guidelines = guidelines
        self.spelling = guidelines.spelling
        self.checker.set_service(guidelines.with_profile(profile))
        self.request(now=True)

    def set_profile(self, profile: Profile | None) -> None:
        service = self.checker.service
        if service is not None:
            service.profile = profile
            self.request(now=True)

    def post_loaded(self, history: tuple[HistoryItem, ...]) -> None:
        """A post was opened: its dismissals and the history it is checked against."""
        self.history = history
        post_id = self._post_id()
        self.dismissed = dismissals.load(self.settings, post_id) if self.settings else set()
        self._last_dismissed = None
        self.result = None
        self.request(now=True)

    # -- checking ---------------------------------------------------------------------

    def request(self, now: bool = False) -> int:
        centre = self.centre
        if not self.checker.ready:
            self.panel.set_waiting("Loading the guideline checks…")
        return self.checker.request(
            CheckRequest(
                body=centre.editor.toPlainText(),
                platforms=centre.targeting.platforms(),
                variants=centre.variants.variants(),
                history=self.history,
                post_id=self._post_id(),
                attachments=infos(centre.attachments.attachments()),
                comment=centre.comment.comment(),
            ),
            now=now,
        )

    def _show(self, result: LiveResult) -> None:
        editor = self.centre.editor
        if result.request.body != editor.toPlainText():
            return  # a newer request is already on its way
        if result.failed:
            self.panel.set_waiting("The checks could not run on this text; see the log.")
            return
        self.result = result
        shown = [Shown(f) for f in result.findings]
        for platform, findings in result.variant_findings.items():
            shown += [Shown(f, platform) for f in findings]
        self.items = visible(shown, self.dismissed)
        editor.set_findings(self.items, result.request.body)
        self.panel.set_items(self.items)
        self.panel.set_dismissed(len(shown) - len(self.items), self._last_dismissed is not None)
        self.centre.chips.set_counts(result.counts)
        texts = {
            p: (result.request.variants.get(p) or result.request.body)
            for p in result.request.platforms
        }
        self.centre.preview.show_texts(texts, result.counts)
        self.shown.emit(self.items)

    def errors_left(self) -> int | None:
        return None if self.result is None else error_count(self.items)

    # -- acting on findings -----------------------------------------------------------

    def _edit_for(self, item: Shown) -> QPlainTextEdit:
        if item.source is None:
            return self.centre.editor
        variants = self.centre.variants
        index = variants.platform.findData(item.source)
        if index >= 0:
            variants.platform.setCurrentIndex(index)
        self.centre.tabs.setCurrentWidget(variants)
        return variants.text

    def activate(self, item: Shown) -> None:
        """Select the finding's words in the text it was found in."""
        select_span(self._edit_for(item), item.finding)

    def fix(self, item: Shown, replacement: str) -> None:
        if self.centre.locked or self.centre.library_read_only:
            return  # an approved post is locked until the agent chooses "Edit…"
        if not replace_span(self._edit_for(item), item.finding, replacement):
            cast(QMainWindow, self.centre.window()).statusBar().showMessage(
                "The text changed since it was checked; try again in a moment.", 4000
            )

    def dismiss(self, item: Shown) -> None:
        if not item.dismissible:
            return
        post_id = self._post_id()
        if post_id is not None and self.settings is not None:
            self.dismissed = dismissals.add(self.settings, post_id, item.key)
        else:
            self.dismissed.add(item.key)
        self._last_dismissed = item.key
        if self.result is not None:
            self._show(self.result)

    def step(self, forward: bool = True) -> Shown | None:
        """Select the next (or previous) finding in the main text from the cursor, wrapping
        round; its card is scrolled into view. None when the text has no findings."""
        editor = self.centre.editor
        placed = sorted(editor.placed(), key=lambda p: (p.start, p.end))
        if not placed:
            return None
        cursor = editor.textCursor()
        spans = [(p.start, p.end) for p in placed]
        selected = (cursor.selectionStart(), cursor.selectionEnd())
        if cursor.hasSelection() and selected in spans:  # on a finding: the one after it,
            # even when the next starts at the same place (a word inside a sentence's warning);
            # findings on the very same words are one stop (one selection shows them all)
            if forward:
                last = len(spans) - 1 - spans[::-1].index(selected)
                chosen = placed[(last + 1) % len(placed)]
            else:
                chosen = placed[spans.index(selected) - 1]
        elif forward:
            here = cursor.selectionEnd()
            chosen = next((p for p in placed if p.start >= here), placed[0])
        else:
            here = cursor.selectionStart()
            chosen = next((p for p in reversed(placed) if p.end < here), placed[-1])
        editor.setTextCursor(chosen.selection())
        editor.setFocus()
        self.panel.show_card(chosen.item)
        return chosen.item

    def fix_here(self) -> bool:
        """Apply the first suggestion of the finding at the cursor; False when there is none."""
        editor = self.centre.editor
        cursor = editor.textCursor()
        for item in editor.findings_at(cursor.selectionStart()):
            if item.finding.suggestions and item.finding.start is not None:
                self.fix(item, item.finding.suggestions[0])
                return True
        cast(QMainWindow, self.centre.window()).statusBar().showMessage(
            "No suggested fix for the words here.", 3000
        )
        return False

    def offer(self, items: list[Shown], where: QPoint) -> FindingPopover:
        """The popover for clicked underlined words: fixes, Why?, Dismiss."""
        if self.popover is not None:
            self.popover.close()
        popover = FindingPopover(items, self.centre.editor)
        popover.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popover.fixChosen.connect(self.fix)
        popover.dismissChosen.connect(self.dismiss)
        popover.explainChosen.connect(self.explain)
        popover.destroyed.connect(lambda: setattr(self, "popover", None))
        self.popover = popover
        popover.show_at(where)
        return popover

    def undo_dismiss(self) -> None:
        """Take back the last dismissal."""
        if self._last_dismissed is not None:
            self._bring_back({self._last_dismissed})

    def restore_dismissed(self) -> None:
        """Show every finding dismissed on this post again."""
        self._bring_back(set(self.dismissed))

    def _bring_back(self, keys: set[str]) -> None:
        post_id = self._post_id()
        if post_id is not None and self.settings is not None:
            self.dismissed = dismissals.remove(self.settings, post_id, keys)
        else:
            self.dismissed -= keys
        self._last_dismissed = None
        if self.result is not None:
            self._show(self.result)

    def add_word(self, word: str) -> None:
        if self.guidelines is None or self.spelling is None:
            return
        try:
            self.guidelines.add_to_dictionary(word)
        except (OSError, ValueError) as exc:
            alerts.warning(self.centre, "Not added", f"“{word}” could not be added: {exc}")
            return
        self.request(now=True)

    def explain(self, item: Shown) -> None:
        self.panel.reveal(item)

    def help_at_cursor(self) -> None:
        editor = self.centre.editor
        here = editor.findings_at(editor.textCursor().position())
        if here:
            self.panel.reveal(here[0])
            return
        alerts.info(
            editor,
            "Help",
            "Put the cursor on an underlined word and press F1 to read why it was flagged.\n\n"
            "Red wavy lines are errors (fix them, or give a reason when you approve), amber "
            "wavy lines are warnings, dotted lines are suggestions and dashed purple lines "
            "are possible misspellings. Right-click an underlined word for fixes.",
        )

    def _context_menu(self, event: QContextMenuEvent, items: list[Shown]) -> None:
        menu = context_menu.build_menu(
            self.centre.editor, items, self.spelling, self.fix, self.add_word, self.explain
        )
        for extra in self.menu_extras:
            extra(menu)
        context_menu.show_menu(menu, event)

    def shutdown(self) -> None:
        self.checker.shutdown()
