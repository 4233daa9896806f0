"""Planning in the window: Post > Add to Next Free Slot and Settings > Posting Slots."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime

from composer.domain.posts import PostDraft


def _open(window, services, platforms=("facebook",)):
    post = services.library.create(
        PostDraft(body="Is your storm kit ready? Water, torch, radio.", platforms=platforms)
    )
    assert window.posts.open(post.id)
    return post


def test_next_free_slot_fills_the_weekly_slots_in_turn(qtbot, window, services):
    services.planning.set_slots(["tue 09:30"])
    services.planning.set_slots(["thu 12:00"], platform="x")  # not for a Facebook post
    first = _open(window, services)
    window.actions_.next_slot.trigger()
    when = services.library.get(first.id).scheduled_at
    assert when is not None and (when.weekday(), when.time()) == (1, time(9, 30))
    assert window.centre.when.text().startswith("Tue ")
    second = _open(window, services)
    window.actions_.next_slot.trigger()
    later = services.library.get(second.id).scheduled_at
    assert later is not None and (later - when).days == 7  # the next Tuesday: one was taken
    assert window.actions_.next_slot.shortcut().toString() == "Ctrl+Shift+T"


def test_without_slots_the_window_offers_to_set_them(qtbot, window, services, alerts_seen):
    post = _open(window, services)
    alerts_seen.answer = False
    window.actions_.next_slot.trigger()
    assert alerts_seen[-1][1] == "No posting slots yet"
    assert services.library.get(post.id).scheduled_at is None


def test_slots_dialog_edits_each_platforms_pattern_and_saves_on_save(qtbot, services):
    from composer.ui.dialogs.slots import SlotsDialog

    services.planning.set_slots(["mon 08:00"])
    dialog = SlotsDialog(services.planning)
    qtbot.addWidget(dialog)
    assert dialog.shown() == ["Monday 08:00"]
    dialog.day.setCurrentIndex(3)
    dialog.time.setTime(QTime(12, 0))
    dialog.add.click()
    dialog.add.click()  # once is enough
    dialog.list.setCurrentRow(0)
    dialog.remove.click()
    assert dialog.shown() == ["Thursday 12:00"]
    dialog.platform.setCurrentIndex(dialog.platform.findData("linkedin"))
    assert dialog.shown() == []
    dialog.day.setCurrentIndex(1)
    dialog.time.setTime(QTime(9, 30))
    dialog.add.click()
    assert [s.label() for s in services.planning.slots()] == ["mon 08:00"]  # not yet saved
    dialog.buttons.accepted.emit()
    assert [(s.label(), s.platform) for s in services.planning.slots()] == [
        ("tue 09:30", "linkedin"),
        ("thu 12:00", ""),
    ]
    assert dialog.list.accessibleName() == "Weekly slots"


def test_due_evergreen_posts_come_back_when_the_window_opens(qtbot, make_window, services):
    from datetime import datetime, timedelta

    when = (datetime.now() - timedelta(days=20)).replace(second=0, microsecond=0)
    post = services.library.create(
        PostDraft(body="Smoke alarms: test them when the clocks change.", platforms=("x",),
                  scheduled_at=when)
    )  # fmt: skip
    services.approval.approve(post.id)
    services.evergreen.mark(post.id, 30)
    window = make_window(services)
    qtbot.waitUntil(lambda: window.banner.has("evergreen"))
    assert window.banner.texts()["evergreen"] == "1 evergreen post came back to the queue."
    mark = services.evergreen.of(post.id)
    copy = services.library.get(mark.last_copy_id)
    assert (copy.scheduled_at, copy.status) == (when + timedelta(days=30), "approved")


def test_slots_dialog_and_calendar_are_freed_on_close(qtbot, services):
    from composer.ui.calendar.panel import CalendarPanel
    from composer.ui.dialogs.slots import SlotsDialog
    from tests.helpers.widgets import assert_freed_on_close

    assert_freed_on_close(lambda: SlotsDialog(services.planning), lambda d: d.close())

    def calendar():
        panel = CalendarPanel(services.planning)
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as Post > Calendar opens it
        return panel

    assert_freed_on_close(calendar, lambda p: p.close())


def test_post_menu_evergreen_marks_and_unmarks_the_open_post(qtbot, window, services, alerts_seen):
    from datetime import datetime

    from composer.ui.dialogs.evergreen import EvergreenDialog

    post = _open(window, services)
    answers = []

    def answer(dialog):  # what the agent does in the dialog
        answers.append(dialog)
        dialog.enabled.setChecked(True)
        dialog.every.setValue(90)
        dialog.limited.setChecked(True)
        dialog.times.setValue(3)
        dialog.buttons.accepted.emit()
        return dialog.result()

    original = EvergreenDialog.exec
    EvergreenDialog.exec = answer
    try:
        window.actions_.evergreen.trigger()  # no time yet: said plainly, nothing marked
        assert alerts_seen[-1][1] == "Not evergreen" and "Schedule" in alerts_seen[-1][2]
        assert services.evergreen.of(post.id) is None
        window.posts.set_time(post.id, datetime(2030, 5, 14, 9, 30))
        window.actions_.evergreen.trigger()
        mark = services.evergreen.of(post.id)
        assert (mark.every_days, mark.times) == (90, 3)
        assert answers[-1].every.minimum() == 30
    finally:
        EvergreenDialog.exec = original
