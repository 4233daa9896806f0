"""Post > Add to Next Free Slot, View > History | Calendar and Settings > Posting Slots.

Kept apart from the posts controller (which owns the editor's post) so that each stays
small; both go through the planning service and word its codes for the window. The
calendar lives in the window's left column beside the history (`attach_side`), not in a
window of its own.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from composer.domain.errors import StorageError
from composer.services.library import LibraryError
from composer.services.planning import PlanningCode, PlanningError
from composer.ui import alerts
from composer.ui.compose import record_actions
from composer.ui.compose.schedule import when_label
from composer.ui.dialogs.planning_words import planning_words

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from composer.services.planning import PlanningService
    from composer.ui.calendar.panel import CalendarPanel
    from composer.ui.compose.posts_controller import PostsController
    from composer.ui.shell.main_window import MainWindow
    from composer.ui.shell.menus import Actions
    from composer.ui.shell.side_panel import SidePanel


log = logging.getLogger(__name__)


def connect(actions: Actions, window: MainWindow) -> None:
    """Wire the planning actions to the window's current post and library."""
    a = actions
    a.next_slot.triggered.connect(lambda: schedule_next(window.posts) if window.posts else None)
    a.slots.triggered.connect(
        lambda: edit_slots(window.services.planning, window) if window.services else None
    )
    a.calendar.triggered.connect(lambda: open_calendar(window))
    a.history_view.triggered.connect(lambda: show_history(window))
    a.find.triggered.connect(lambda: show_history(window, search=True))
    for changed in (a.schedule, a.next_slot, a.evergreen):  # after the editor's own handler
        changed.triggered.connect(lambda: _reload_calendar(window))
    a.evergreen.triggered.connect(lambda: edit_evergreen(window.posts) if window.posts else None)
    record_actions.connect(a, window)


def actions(a: Actions) -> tuple[QAction, ...]:
    """The planning and record actions, enabled once a library is open."""
    return (
        a.next_slot,
        a.slots,
        a.calendar,
        a.history_view,
        a.evergreen,
        *record_actions.actions(a),
    )


def edit_evergreen(posts: PostsController) -> None:
    """Post > Evergreen… for the post in the editor."""
    from composer.ui.dialogs.evergreen import EvergreenDialog

    post = posts.session.save_now()
    if post is None:
        alerts.info(posts.centre, "Nothing to bring back", "Write the post first.")
        return
    EvergreenDialog(posts.services.evergreen, post.id, posts.centre.window()).exec()


def attach_side(window: MainWindow, history: QWidget) -> QWidget:
    """Put History | Calendar in the window's left column around `history`; returns it
    (the window keeps calling the history panel itself)."""
    from composer.ui.shell.side_panel import SidePanel

    side = SidePanel(history, lambda parent: _make_calendar(window, parent), window)
    old = window.splitter.widget(0)
    window.splitter.replaceWidget(0, side)
    if old is not None:
        old.deleteLater()
    side.viewChanged.connect(lambda view: _view_changed(window, view))
    window.installEventFilter(side)  # back to the history on closing; reload on return
    return history


def _side(window: MainWindow) -> SidePanel | None:
    from composer.ui.shell.side_panel import SidePanel

    return window.findChild(SidePanel)


def _reload_calendar(window: MainWindow) -> None:
    side = _side(window)
    if side is not None:
        side.reload_calendar()


def _view_changed(window: MainWindow, view: str) -> None:
    window.actions_.calendar.setChecked(view == "calendar")
    window.actions_.history_view.setChecked(view == "history")


def _make_calendar(window: MainWindow, parent: QWidget) -> CalendarPanel:
    from composer.ui.calendar.panel import CalendarPanel

    assert window.services is not None  # the column is made with the library
    panel = CalendarPanel(window.services.planning, parent)

    def opened(post_id: int) -> None:
        if window.posts is not None:
            window.posts.open(post_id)

    def moved(post_id: int) -> None:
        posts = window.posts
        if posts is not None and posts.session.post_id == post_id and window.services:
            posts.show_time(window.services.library.get(post_id))
        window.history.refresh()

    panel.postActivated.connect(opened)
    panel.postMoved.connect(moved)
    return panel


def open_calendar(window: MainWindow) -> CalendarPanel | None:
    """Show the calendar in the window's left column, in place of the history."""
    from composer.ui.calendar.panel import CalendarPanel

    side = _side(window)
    if side is None:
        _view_changed(window, "history")
        return None
    panel = side.show_view("calendar")
    assert isinstance(panel, CalendarPanel)
    _view_changed(window, "calendar")
    panel.focus_view()
    return panel


def show_history(window: MainWindow, *, search: bool = False) -> None:
    """Back to the history list (Ctrl+F also comes here, then to its search field)."""
    side = _side(window)
    if side is not None:
        side.show_view("history")
    _view_changed(window, "history")
    if search:
        window.history.focus_search()


def schedule_next(posts: PostsController) -> None:
    """Give the post in the editor the first free slot that fits its platforms."""
    posts.session.save_now()
    post = posts.session.post
    if post is None:
        alerts.info(posts.centre, "Nothing to schedule", "Write the post first.")
        return
    planning = posts.services.planning
    try:
        done = planning.schedule_next(post.id)
    except PlanningError as exc:
        if exc.code is PlanningCode.NO_SLOTS and alerts.question(
            posts.centre,
            "No posting slots yet",
            "You have no weekly posting times for this post's platforms yet. Set them now?",
        ):
            edit_slots(planning, posts.centre)
        elif exc.code is not PlanningCode.NO_SLOTS:
            alerts.warning(posts.centre, "Not scheduled", planning_words(exc))
        return
    except (LibraryError, StorageError) as exc:
        alerts.warning(posts.centre, "Not scheduled", str(exc))
        return
    posts.show_time(done.post)
    window = posts.centre.window()
    status = getattr(window, "statusBar", None)
    if status is not None and done.post.scheduled_at is not None:
        status().showMessage(f"Scheduled for {when_label(done.post.scheduled_at)}", 5000)


def renew_evergreen(posts: PostsController) -> None:
    """Bring back the evergreen posts that are due, and say so in the banner."""
    try:
        made = posts.services.evergreen.renew()
    except (LibraryError, StorageError, PlanningError):
        log.exception("evergreen posts could not be renewed")
        return
    if not made:
        return
    drafts = sum(1 for r in made if not r.approved)
    text = f"{len(made)} evergreen post{'s' if len(made) != 1 else ''} came back to the queue"
    if drafts:
        text += f"; {drafts} need{'s' if drafts == 1 else ''} approving again (see Calendar)"
    posts.banner.show_notice("evergreen", text + ".", "info")
    posts.history.refresh()


def edit_slots(planning: PlanningService, parent: QWidget) -> None:
    """The posting slots dialog (freed on close)."""
    from composer.ui.dialogs.slots import SlotsDialog

    SlotsDialog(planning, parent).exec()
