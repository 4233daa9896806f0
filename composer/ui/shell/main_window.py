"""The main window: history | editor | findings, menus, and the start-up sequence.

The window is built and shown empty first; `attach_services` and `attach_engine` fill it
in when the library and the guideline engine are ready (see `startup.StartupLoader`), so
a slow disk or a first-run migration never keeps the agent staring at nothing.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from composer.ui import alerts
from composer.ui.compose import copy_approved, planning_actions
from composer.ui.history.placeholder import PlaceholderHistory, history_panel
from composer.ui.shell import audit_notices, theme
from composer.ui.shell.welcome import WELCOME_TEXT

if TYPE_CHECKING:
    from collections.abc import Callable

    from composer.app.container import Services
    from composer.guidelines.engine import Engine
    from composer.secrets.store import StoreStatus
    from composer.services.guidelines import GuidelineService
    from composer.ui.compose.posts_controller import PostsController

log = logging.getLogger(__name__)

STATE_FILE = "window.ini"


class MainWindow(QMainWindow):
    def __init__(
        self,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        after_first_paint: Callable[[], None] | None = None,
    ) -> None:
        """Build the window; with `after_first_paint`, show an empty frame at once instead.

        The launcher passes a callback so the frame paints before the panes are built (their
        modules and Qt classes cost a tenth of a second); the body is then built and the
        callback runs, right after that first paint.
        """
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle("Composer")
        self.setObjectName("mainWindow")
        self.services: Services | None = None
        self._own_guidelines: GuidelineService | None = None  # only while no library is open
        self.posts: PostsController | None = None
        self.closed_cleanly = False
        self.unclean_start = False
        self._state = QSettings(str(data_dir / STATE_FILE), QSettings.Format.IniFormat)
        self._after_first_paint = after_first_paint
        self.built = False
        if after_first_paint is None:
            self._build()
        else:
            self._restore_geometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.built and self._after_first_paint is not None:
            callback, self._after_first_paint = self._after_first_paint, None

            def build_then_call_back() -> None:
                self._build()
                callback()

            QTimer.singleShot(0, build_then_call_back)

    def _build(self) -> None:
        from composer.ui.compose.centre import CentrePane
        from composer.ui.compose.snippet_actions import SnippetActions
        from composer.ui.findings.checks_controller import ChecksController
        from composer.ui.findings.findings_panel import FindingsPanel
        from composer.ui.shell.banner import Banner
        from composer.ui.shell.emoji_font import register_emoji_font
        from composer.ui.shell.menus import build as build_menus
        from composer.ui.shell.rules_reload import RulesReloader

        self.built = True
        register_emoji_font()  # after the first paint: it takes about 15 ms
        host = QWidget()
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = Banner()
        column.addWidget(self.banner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.history: Any = PlaceholderHistory(None)
        self.centre = CentrePane()
        self.findings = FindingsPanel()
        for widget in (self.history, self.centre, self.findings):
            self.splitter.addWidget(widget)
        # A bigger window gives the side panels a share too, not only the editor.
        for index, stretch in enumerate((1, 3, 2)):
            self.splitter.setStretchFactor(index, stretch)
        self.splitter.setSizes([280, 620, 380])
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(host)
        self.statusBar().setSizeGripEnabled(True)

        self.checks = ChecksController(self.centre, self.findings, self._post_id, self)
        self.checks.shown.connect(self._update_approve)
        self.actions_ = build_menus(self)
        self.snippets = SnippetActions(self)
        self.rules = RulesReloader(self.guidelines, self)
        self.rules.ready.connect(self._rules_reloaded)
        self.rules.failed.connect(lambda text: self.banner.show_notice("reload", text, "error"))
        self._wire_actions()
        self._set_library_ready(False)
        self._restore_state()
        self._original_palette = QGuiApplication.palette()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.apply_scheme)

    # -- start-up -------------------------------------------------------------------

    def attach_services(self, services: Services) -> None:
        """The library is open: history, the post to show, and notices from opening it."""
        own, self._own_guidelines = self._own_guidelines, None
        self.services = services
        if own is not None and own.loaded:  # the checks started before the library opened
            self.attach_engine(own.engine)
        panel = history_panel(services, self)
        self.history = planning_actions.attach_side(self, panel)  # History | Calendar
        self._restore_splitter()
        from composer.ui.compose.posts_controller import PostsController

        self.posts = PostsController(services, self.centre, self.checks, self.banner, panel, self)
        from composer.ui.compose.replies import ReplyActions

        self.replies = ReplyActions(self, services, self.posts)
        for index, notice in enumerate(services.notices):
            self.banner.show_notice(f"library-{index}", notice, "warning")
        self._set_library_ready(True)
        if services.maintenance.read_only:
            self._set_read_only()
        self._follow_theme_setting()
        self.posts.start(self.unclean_start)

    def guidelines(self) -> GuidelineService:
        """The one guideline service: the library's, or (with no library) the window's."""
        if self.services is not None:
            return self.services.guidelines
        if self._own_guidelines is None:
            from composer.services.guidelines import GuidelineService

            self._own_guidelines = GuidelineService.open(self.data_dir)
        return self._own_guidelines

    def attach_engine(self, engine: Engine) -> None:
        """Check with `engine`, held by the one guideline service (approval uses it too)."""
        guidelines = self.guidelines()
        if not guidelines.loaded or guidelines.engine is not engine:
            guidelines.install(engine)
        profile = None
        if self.services is not None:
            try:
                profile = self.services.library.profile()
            except Exception:
                log.exception("profile unavailable")
        for error in getattr(engine, "load_errors", ()):
            self.banner.show_notice(
                f"pack-{error}", f"A custom guideline pack was skipped: {error}", "warning"
            )
        for notice in getattr(engine, "load_notices", ()):
            self.banner.show_notice(
                f"pack-{notice}", f"Two guideline rules share an id: {notice}", "warning"
            )
        self.checks.set_guidelines(guidelines, profile)

    def library_failed(self, message: str) -> None:
        self.banner.show_notice("library", message, "error")
        self.centre.editor.setReadOnly(True)
        self.centre.editor.setPlaceholderText(
            "Your library could not be opened, so nothing you write here could be saved. "
            "See the message above."
        )

    def engine_failed(self, message: str) -> None:
        self.banner.show_notice("engine", message, "error")
        self.findings.set_waiting("The checks are not available.")

    def store_status(self, status: StoreStatus) -> None:
        if not getattr(status, "available", True):
            self.banner.show_notice(
                "keyring",
                "This computer has no secure password store, so account passwords cannot be "
                "saved. Everything else works; your posts are not affected.",
                "info",
            )
        if self.posts is not None:
            self.posts.refresh_accounts()

    def show_welcome(self) -> None:
        self.banner.show_notice("welcome", WELCOME_TEXT, "info")

    # -- actions --------------------------------------------------------------------

    def _wire_actions(self) -> None:
        a = self.actions_
        a.new.triggered.connect(lambda: self.posts.new() if self.posts else None)
        a.save.triggered.connect(lambda: self.posts.save() if self.posts else None)
        a.quit.triggered.connect(self.close)
        a.undo.triggered.connect(self.centre.editor.undo)
        a.redo.triggered.connect(self.centre.editor.redo)
        a.find.triggered.connect(lambda: self.history.focus_search())
        a.approve.triggered.connect(lambda: self.posts.approve() if self.posts else None)
        a.schedule.triggered.connect(lambda: self.posts.schedule() if self.posts else None)
        planning_actions.connect(a, self)
        a.next_finding.triggered.connect(lambda: self.checks.step(forward=True))
        a.previous_finding.triggered.connect(lambda: self.checks.step(forward=False))
        a.apply_fix.triggered.connect(self.checks.fix_here)
        self.centre.approve.clicked.connect(a.approve.trigger)
        a.revisions.triggered.connect(lambda: self.posts.open_revisions() if self.posts else None)
        a.disclosure.triggered.connect(self.insert_disclosure)
        a.accounts.triggered.connect(self.open_accounts)
        a.profile.triggered.connect(self.open_profile)
        a.export.triggered.connect(self.open_export)
        a.help_finding.triggered.connect(self.checks.help_at_cursor)
        a.welcome.triggered.connect(self.show_welcome)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.open_about)
        a.snippets.triggered.connect(self.open_snippets)
        a.reload_rules.triggered.connect(self.reload_rules)
        a.copy_menu.aboutToShow.connect(
            lambda: copy_approved.fill_menu(a.copy_menu, self, self.services, self._post_id())
        )

    def _set_library_ready(self, ready: bool) -> None:
        a = self.actions_
        for action in (
            a.new,
            a.save,
            a.approve,
            a.schedule,
            a.revisions,
            a.disclosure,
            a.accounts,
            a.profile,
        ):
            action.setEnabled(ready)
        for action in (a.snippets, a.insert_snippet, a.export, *planning_actions.actions(a)):
            action.setEnabled(ready)
        self._update_approve()

    def _set_read_only(self) -> None:
        """The library can only be read (the banner says why): nothing that would save."""
        a = self.actions_
        for action in (
            a.new,
            a.save,
            a.approve,
            a.schedule,
            a.disclosure,
            a.accounts,
            a.profile,
            a.export,
        ):
            action.setEnabled(False)
        for action in (a.snippets, a.insert_snippet, a.next_slot, a.slots, a.evergreen):
            action.setEnabled(False)
        self.centre.library_read_only = True
        self.centre.editor.setReadOnly(True)

    def _update_approve(self, *_: object) -> None:
        self.centre.set_errors_left(self.checks.errors_left(), self.posts is not None)

    def _post_id(self) -> int | None:
        return self.posts.session.post_id if self.posts else None

    def _run(self, dialog: QDialog) -> bool:
        """Show `dialog` modally; True when accepted. Freed afterwards (some free themselves)."""
        try:
            return bool(dialog.exec())
        finally:
            if isValid(dialog):
                dialog.deleteLater()

    def open_about(self) -> None:
        from composer.ui.dialogs.about import AboutDialog

        self._run(AboutDialog(self.data_dir, self))

    def show_shortcuts(self) -> None:
        from composer.ui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.actions(), self).open()

    def open_accounts(self) -> None:
        from composer.ui.dialogs.accounts import AccountsDialog

        if self.services is not None and self._run(AccountsDialog(self.services.accounts, self)):
            assert self.posts is not None
            self.posts.refresh_accounts()

    def open_profile(self) -> None:
        from composer.ui.dialogs.profile import ProfileDialog

        services = self.services
        if services and self._run(ProfileDialog(services.library, self, images=services.images)):
            self.checks.set_profile(services.library.profile())
            if self.posts is not None:
                self.posts.refresh_accounts()  # the previews show the profile's name and picture
            self._follow_theme_setting()

    def open_snippets(self) -> None:
        if self.services is not None:
            from composer.services.snippets import SnippetsService
            from composer.ui.dialogs.snippets import SnippetsDialog

            self._run(SnippetsDialog(SnippetsService(self.services.library), self))

    def reload_rules(self) -> None:
        """Rebuild the checks from the rule packs on disk (off the GUI thread)."""
        if self.rules.start():
            self.statusBar().showMessage("Reloading the guideline rules…")

    def _rules_reloaded(self, engine: Engine) -> None:
        for key in self.banner.texts():
            if key.startswith("pack-") or key in ("engine", "reload"):
                self.banner.remove(key)
        self.attach_engine(engine)
        self.statusBar().showMessage(
            f"Rules reloaded ({len(engine.rules)} rules); your post was checked again.", 6000
        )

    def bring_forward(self) -> None:
        """A second launch asked for this window: un-minimise it and put it on top."""
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        modal = QApplication.activeModalWidget()
        if modal is not None:  # an open dialog stays in front of the window
            modal.raise_()
            modal.activateWindow()

    def open_export(self) -> None:
        """Export the open post when it is approved, else every approved post."""
        if self.posts is None or self.services is None:  # both come with the library
            return
        post = self.posts.session.save_now()
        if post is not None and post.status in ("approved", "exported"):
            ids = [post.id]
        else:
            from composer.domain.posts import PostQuery

            query = PostQuery(statuses=("approved",), limit=1000)
            ids = [p.id for p in self.services.history.page(query)]
        if not ids:
            alerts.info(
                self, "Nothing to export", "Approve a post first; exports use the approved text."
            )
            return
        from composer.ui.dialogs.export import ExportDialog

        self._run(ExportDialog(self.services, ids, self))
        audit_notices.show(self.banner, self.services.audit)
        self.history.refresh()
        if post is not None and self.services.library.get(post.id).status != post.status:
            self.posts.reload(refresh_history=False)

    def insert_disclosure(self) -> None:
        """The profile's disclosure at the cursor, as one undo step."""
        profile = self.services.library.profile() if self.services is not None else None
        if profile is None or not profile.disclosure:
            alerts.info(
                self,
                "No disclosure yet",
                "Add your disclosure in Settings > Profile and Settings, then insert it here.",
            )
            return
        editor = self.centre.editor
        editor.textCursor().insertText(profile.disclosure)
        editor.setFocus()

    def save_draft(self) -> None:
        """Used by the excepthook: store what is in the editor, whatever else went wrong."""
        if self.posts is not None:
            self.posts.session.save_now()

    # -- look and state -------------------------------------------------------------

    def apply_scheme(self, *_: object) -> None:
        # instance() is typed as the base class; a window implies a QApplication.
        theme.apply_scheme(cast(QApplication, QApplication.instance()), self._original_palette)
        self.centre.restyle()
        self.centre.editor.restyle()
        self.centre.chips.restyle()
        self.findings.restyle()

    def _follow_theme_setting(self) -> None:
        if self.services is None:  # its callers have the library open
            return
        try:
            choice = self.services.preferences.load().theme
        except Exception:
            log.exception("theme setting unavailable")
            return
        if choice in ("light", "dark") or theme.choice() != "system":
            theme.request_scheme(choice)
            self.apply_scheme()

    def _restore_geometry(self) -> None:
        """Where the window was, unless that no longer fits this screen (a laptop after a
        big monitor): then a sensible size, inside the screen."""
        geometry = self._state.value("geometry")
        restored = geometry is not None and self.restoreGeometry(geometry)
        if not restored or not fits(self.frameGeometry(), self._available()):
            self._place_default()

    def _available(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)

    def _place_default(self) -> None:
        area = self._available()
        width = min(1280, int(area.width() * 0.92))
        height = min(820, int(area.height() * 0.92))
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def _restore_state(self) -> None:
        self._restore_geometry()
        centre = self._state.value("centreSplitter")
        if centre is not None:
            self.centre.splitter.restoreState(centre)
        self._restore_splitter()

    def _restore_splitter(self) -> None:
        state = self._state.value("mainSplitter")
        if state is not None:
            self.splitter.restoreState(state)

    def save_state(self) -> None:
        self._state.setValue("geometry", self.saveGeometry())
        self._state.setValue("mainSplitter", self.splitter.saveState())
        self._state.setValue("centreSplitter", self.centre.splitter.saveState())
        self._state.sync()

    def changeEvent(self, event: QEvent) -> None:
        """Coming back to the window shows what the command line changed meanwhile."""
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.posts is not None
        ):
            self.history.refresh()
            self.posts.catch_up()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.built:  # closed before the panes were built: nothing to save
            self.closed_cleanly = True
            event.accept()
            return
        if self.posts is not None:
            self.posts.session.save_now()
            self.posts.session.stop()
            if self.posts.session.dirty and not alerts.question(
                self,
                "Quit without saving?",
                "Your latest changes could not be saved. Quit anyway?",
            ):
                event.ignore()
                return
        self.save_state()
        self.rules.wait(5000)
        self.checks.shutdown()
        self.closed_cleanly = True
        event.accept()


def fits(frame: QRect, area: QRect) -> bool:
    """A restored window fits when it lies inside the screen and is big enough to work in."""
    big_enough = frame.width() >= min(900, area.width() * 0.6) and frame.height() >= min(
        560, area.height() * 0.6
    )
    slack = 16  # window frames may overhang a maximised screen by a few pixels
    return area.adjusted(-slack, -slack, slack, slack).contains(frame) and big_enough
