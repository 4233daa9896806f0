"""The calendar: week, month and agenda over a real library; click to open, drag to move,
the keyboard throughout, and the free weekly slots shown on empty days."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from composer.domain.platforms import PLATFORMS
from composer.domain.posts import PostDraft
from composer.services.expiry import SELF_APPROVAL_SETTING
from composer.ui.calendar.grid import expiry_text
from composer.ui.calendar.panel import CalendarPanel, PlatformsRole
from composer.ui.platform_icons import has_icon, platform_icon

MAY_13 = date(2030, 5, 13)  # a Monday


def make(services, body, when, approve=False):
    post = services.library.create(PostDraft(body=body, platforms=("x",), scheduled_at=when))
    if approve:
        services.approval.approve(post.id)
    return post.id


@pytest.fixture
def month(qtbot, services):
    """May 2030 with two posts on the 13th (one approved) and one on the 20th."""
    ids = [
        make(services, "Storm kit tips?", datetime(2030, 5, 13, 9, 30), approve=True),
        make(services, "Flood cover is separate. Questions?", datetime(2030, 5, 13, 12, 0)),
        make(services, "Teen drivers: a checklist?", datetime(2030, 5, 20, 17, 45)),
    ]
    panel = CalendarPanel(services.planning)
    qtbot.addWidget(panel)
    panel.anchor = MAY_13
    panel.set_mode("month")
    panel.show()
    qtbot.waitExposed(panel)
    return panel, ids


def test_month_shows_posts_by_day_in_time_order_with_their_status(month):
    panel, (first, second, third) = month
    grid = panel.grid
    assert panel.title.text() == "May 2030"
    assert (grid.first, grid.rows) == (date(2030, 4, 29), 6)
    assert [(e.post_id, e.status) for e in grid.entries(MAY_13)] == [
        (first, "approved"),
        (second, "draft"),
    ]
    assert [e.post_id for e in grid.entries(date(2030, 5, 20))] == [third]
    assert not grid.chip_rect(first).isNull() and not grid.chip_rect(second).isNull()
    assert grid.chip_rect(first).top() < grid.chip_rect(second).top()
    assert panel.status.text().startswith("3 scheduled posts shown")


def test_drag_a_post_to_another_day_keeps_its_time_and_its_approval(qtbot, month, services):
    panel, (first, _second, _third) = month
    grid = panel.grid
    moved = []
    panel.postMoved.connect(moved.append)
    start = grid.chip_rect(first).center()
    target = grid.cell_rect(date(2030, 5, 16)).center()
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(grid, start + (target - start) / 2)
    qtbot.mouseMove(grid, target)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=target)
    post = services.library.get(first)
    assert post.scheduled_at == datetime(2030, 5, 16, 9, 30)
    assert post.status == "approved"  # a new date is planning, not a new text
    assert moved == [first]
    assert [e.post_id for e in grid.entries(date(2030, 5, 16))] == [first]
    assert [e.action for e in services.audit.entries(first)][-1] == "reschedule"


def test_click_opens_and_a_small_move_is_still_a_click(qtbot, month, services):
    panel, (first, _second, _third) = month
    opened = []
    panel.postActivated.connect(opened.append)
    qtbot.mouseClick(
        panel.grid, Qt.MouseButton.LeftButton, pos=panel.grid.chip_rect(first).center()
    )
    assert opened == [first]
    assert services.library.get(first).scheduled_at == datetime(2030, 5, 13, 9, 30)


def test_keyboard_moves_between_days_steps_through_posts_and_opens(qtbot, month):
    panel, (first, second, third) = month
    grid = panel.grid
    opened = []
    panel.postActivated.connect(opened.append)
    grid.setFocus()
    grid.current = MAY_13
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.current == date(2030, 5, 20)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert opened == [third]
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert grid.current_post == second
    qtbot.keyClick(grid, Qt.Key.Key_Backtab)
    qtbot.keyClick(grid, Qt.Key.Key_Enter)
    assert opened == [third, first]
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert (panel.title.text(), grid.current) == ("June 2030", date(2030, 6, 1))
    qtbot.keyClick(grid, Qt.Key.Key_Up)  # past the top of June's grid: May, following
    assert (panel.title.text(), grid.current) == ("May 2030", date(2030, 5, 25))


def test_week_and_agenda_views(qtbot, month):
    panel, (_first, second, third) = month
    qtbot.keyClick(panel, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert (panel.mode, panel.grid.rows, panel.grid.first) == ("week", 1, MAY_13)
    assert panel.title.text() == "Week of 13 May 2030"
    panel.go(1)
    assert [e.post_id for e in panel.grid.entries(date(2030, 5, 20))] == [third]
    panel.anchor = MAY_13
    panel.set_mode("agenda")
    rows = [panel.agenda.item(n).text() for n in range(panel.agenda.count())]
    assert rows[0] == "Monday 13 May 2030" and rows[3] == "Monday 20 May 2030"
    assert "09:30" in rows[1] and "Storm kit tips?" in rows[1] and rows[1].strip()[0] == "✓"
    opened = []
    panel.postActivated.connect(opened.append)
    panel.agenda.itemActivated.emit(panel.agenda.item(2))
    assert opened == [second]


def test_free_weekly_slots_show_on_days_without_a_post_then(month, services):
    panel, _ids = month
    services.planning.set_slots(["mon 09:30", "wed 08:00"])
    panel.reload()
    assert panel.grid.free_slots(MAY_13) == []  # 09:30 is taken that Monday
    assert panel.grid.free_slots(date(2030, 5, 15)) == [time(8, 0)]
    assert panel.grid.free_slots(date(2030, 5, 20)) == [time(9, 30)]


def test_the_calendar_shows_beside_the_editor_in_place_of_the_history(qtbot, window, services):
    post = make(services, "Storm kit tips?", datetime(2030, 5, 13, 9, 30))
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    history_width = window.splitter.sizes()[0]
    window.actions_.calendar.trigger()
    panel = window.findChild(CalendarPanel)
    assert panel is not None and not panel.isWindow()  # in the window, not a window
    assert panel.isVisible() and not window.history.isVisible()
    assert window.actions_.calendar.isChecked() and not window.actions_.history_view.isChecked()
    assert window.splitter.sizes()[0] > history_width  # a month needs the room
    assert window.centre.isVisible()  # the editor stays beside it
    assert window.width() <= 1024  # still fits a small screen (the findings step aside)
    panel.postActivated.emit(post)
    assert window.posts.session.post_id == post
    window.actions_.calendar.trigger()
    assert window.findChildren(CalendarPanel) == [panel]  # one calendar, still shown
    assert panel.isVisible()
    window.actions_.history_view.trigger()
    assert window.history.isVisible() and not panel.isVisible()
    assert window.splitter.sizes()[0] == history_width  # the history's width back
    assert window.findings.isVisible()
    side = window.findChild(QWidget, "sidePanel")
    side.buttons["calendar"].click()  # the switch at the top of the column
    assert panel.isVisible() and window.actions_.calendar.isChecked()
    window.actions_.find.trigger()  # Ctrl+F searches the history: it comes back
    assert window.history.isVisible()
    window.actions_.calendar.trigger()
    window.close()  # the sizes kept for next time are the history's, findings included
    assert window.splitter.sizes()[0] == history_width and not side.calendar.isVisible()


def test_seasonal_ideas_show_on_empty_days_and_become_drafts(qtbot, services):
    panel = CalendarPanel(services.planning)
    qtbot.addWidget(panel)
    panel.anchor = date(2030, 5, 1)
    panel.set_mode("month")
    hurricane = date(2030, 5, 25)
    assert [i.id for i in panel.grid.ideas(hurricane)] == ["hurricane-prep"]
    opened = []
    panel.postActivated.connect(opened.append)
    panel.grid.set_current(date(2030, 5, 24))
    assert not panel.new_from_idea.isEnabled()
    panel.grid.set_current(hurricane)
    assert panel.new_from_idea.isEnabled()
    panel.new_from_idea.click()
    [post_id] = opened
    post = services.library.get(post_id)
    assert (post.title, post.status, post.scheduled_at) == (
        "Hurricane season starts June 1",
        "draft",
        datetime(2030, 5, 25, 9, 30),
    )
    assert post.body.startswith("Atlantic hurricane season runs from June 1")
    assert [e.post_id for e in panel.grid.entries(hurricane)] == [post_id]


def test_ctrl_arrows_move_the_chosen_post_like_a_drag(qtbot, month, services):
    panel, (first, second, _third) = month
    grid = panel.grid
    grid.setFocus()
    grid.current = MAY_13
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert grid.current_post == second
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert services.library.get(second).scheduled_at == datetime(2030, 5, 21, 12, 0)
    assert (grid.current, grid.current_post) == (date(2030, 5, 21), second)
    for _ in range(3):  # past the bottom of May's grid: June shows, the post comes along
        qtbot.keyClick(grid, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert services.library.get(second).scheduled_at == datetime(2030, 6, 11, 12, 0)
    assert panel.title.text() == "June 2030" and grid.current_post == second
    assert services.library.get(first).scheduled_at == datetime(2030, 5, 13, 9, 30)


def test_a_screen_reader_hears_the_chosen_day_and_post(qtbot, month):
    panel, _ids = month
    grid = panel.grid
    grid.setFocus()
    grid.set_current(MAY_13)
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    lapses = grid.entries(MAY_13)[0]  # approved today: its approval ends before 2030
    expiry = f", approval {expiry_text(lapses)}"
    assert lapses.expiry == "soon" and expiry.startswith(", approval expires ")
    assert grid.accessibleDescription().startswith(
        f"Monday 13 May 2030; chosen: 09:30 Storm kit tips? (approved) on X{expiry}; 2 posts; "
        "12:00 Flood cover is separate. Questions? (draft) on X"
    )
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert grid.accessibleDescription() == "Tuesday 14 May 2030; 0 posts"


def test_a_post_on_linkedin_and_x_carries_both_platform_icons(qtbot, services):
    post = services.library.create(
        PostDraft(
            body="Storm kit?", platforms=("linkedin", "x"), scheduled_at=datetime(2030, 5, 13, 9)
        )
    )
    panel = CalendarPanel(services.planning)
    qtbot.addWidget(panel)
    panel.anchor = MAY_13
    panel.set_mode("month")
    assert panel.grid.chip_icons(post.id) == ("linkedin", "x")  # painted as icons
    panel.grid.set_current(MAY_13)
    assert "09:00 Storm kit? (draft) on LinkedIn and X" in panel.grid.accessibleDescription()
    panel.set_mode("agenda")
    item = panel.agenda.item(1)
    assert item.data(PlatformsRole) == ("linkedin", "x")
    assert not item.icon().isNull() and item.toolTip() == "LinkedIn and X"
    assert (
        item.data(Qt.ItemDataRole.AccessibleTextRole)
        == "09:00 Storm kit? (draft) on LinkedIn and X"
    )
    assert item.text().strip() == "09:00 Storm kit?"  # no text marks ("in X") any more
    for platform in PLATFORMS:  # every platform has its own glyph, named for screen readers
        assert has_icon(platform) and not platform_icon(platform).isNull()


def test_a_post_whose_approval_lapses_soon_is_marked_with_the_date(qtbot, services):
    services.library.set_setting(SELF_APPROVAL_SETTING, 20)  # self-approvals last 20 days
    lapsing = make(services, "Storm kit tips?", datetime(2030, 5, 13, 9, 30), approve=True)
    make(services, "Flood cover is separate.", datetime(2030, 5, 13, 12, 0))
    panel = CalendarPanel(services.planning)
    qtbot.addWidget(panel)
    panel.anchor = MAY_13
    panel.set_mode("week")
    [entry, other] = panel.grid.entries(MAY_13)
    assert entry.post_id == lapsing and entry.expiry == "soon" and other.expiry == ""
    words = f"expires {entry.expires_on.day} {entry.expires_on:%b}"
    panel.grid.set_current(MAY_13)
    assert (
        f"Storm kit tips? (approved) on X, approval {words}" in panel.grid.accessibleDescription()
    )
    panel.set_mode("agenda")
    texts = [panel.agenda.item(n).text() for n in range(panel.agenda.count())]
    assert words in texts[1] and "expires" not in texts[2]
