"""Posts in the window: approve, autosave and crash recovery, dismissals, first run."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from shiboken6 import isValid

from composer.domain.posts import PostDraft
from composer.ui.compose import approve_flow
from composer.ui.compose.draft_session import LAST_POST_KEY
from tests.helpers.widgets import type_text, wait_checked

CLEAN = "Grilling this weekend? Keep the grill ten feet from the house. What's on your menu?"
RISKY = "Your claim is guaranteed to be paid fast, no questions asked. Questions? Ask me."


def _open(window, services, body: str, platforms=("facebook",)):
    post = services.library.create(PostDraft(body=body, platforms=platforms))
    assert window.posts.open(post.id)
    return post


def test_approve_a_clean_post(qtbot, window, services):
    post = _open(window, services, CLEAN)
    wait_checked(qtbot, window)
    assert window.centre.approve.text() == "Approve"
    window.actions_.approve.trigger()
    assert services.library.get(post.id).status == "approved"
    assert window.centre.status.text() == "Approved"
    assert services.approval.active_approval(post.id).overrides == {}


def test_approve_with_errors_asks_a_reason_for_each(qtbot, window, services, monkeypatch):
    post = _open(window, services, RISKY)
    wait_checked(qtbot, window)
    assert "errors left" in window.centre.approve.text()
    asked = []

    def reasons(parent, errors):
        asked.extend(errors)
        return {e.key: f"reviewed with compliance ({e.finding.rule})" for e in errors}

    monkeypatch.setattr(approve_flow, "ask_reasons", reasons)
    window.actions_.approve.trigger()
    approval = services.approval.active_approval(post.id)
    assert approval is not None
    assert len(asked) >= 2 and set(approval.overrides) == {e.key for e in asked}
    assert services.library.get(post.id).status == "approved"


def test_cancelled_reasons_approve_nothing(qtbot, window, services, monkeypatch):
    post = _open(window, services, RISKY)
    monkeypatch.setattr(approve_flow, "ask_reasons", lambda parent, errors: None)
    window.actions_.approve.trigger()
    assert services.approval.active_approval(post.id) is None
    assert services.library.get(post.id).status == "draft"


def test_approving_nothing_says_so(qtbot, window, alerts_seen):
    window.actions_.approve.trigger()
    assert alerts_seen and alerts_seen[-1][1] == "Nothing to approve"


def test_no_platform_is_refused_in_plain_words(qtbot, window, services, alerts_seen):
    _open(window, services, CLEAN, platforms=())
    window.actions_.approve.trigger()
    _kind, title, text = alerts_seen[-1]
    assert title == "Not approved" and "platform" in text and "Traceback" not in text
    assert "Post to" in text and "post " not in text.lower().replace("post to", "")


def test_an_approved_post_is_locked_until_the_agent_chooses_edit(
    qtbot, window, services, alerts_seen
):
    post = _open(window, services, CLEAN)
    window.actions_.approve.trigger()
    assert services.library.get(post.id).status == "approved"
    centre = window.centre
    assert centre.approval.isVisibleTo(window) and "Approved" in centre.approval.text.text()
    assert centre.approve.text() == "Approved" and not centre.approve.isEnabled()
    type_text(qtbot, centre.editor, " More soon.")  # a stray keystroke changes nothing
    assert centre.editor.toPlainText() == CLEAN
    window.posts.session.save_now()
    assert services.library.get(post.id).status == "approved"

    alerts_seen.choice = None  # Cancel
    centre.approval.edit.click()
    assert alerts_seen[-1][1] == "Edit an approved post?" and centre.editor.isReadOnly()

    alerts_seen.choice = 1  # Edit and End the Approval
    centre.approval.edit.click()
    assert not centre.editor.isReadOnly() and not centre.approval.isVisibleTo(window)
    type_text(qtbot, centre.editor, " More soon.")
    assert "approval ends" in window.banner.texts()["approved-edit"]
    window.posts.session.save_now()
    assert services.library.get(post.id).status == "draft"
    assert centre.status.text() == "Draft"
    qtbot.waitUntil(lambda: centre.approve.isEnabled())
    assert centre.approve.text().startswith("Approve") and centre.approve.text() != "Approved"


def test_edit_a_copy_keeps_the_original_approved(qtbot, window, services, alerts_seen):
    post = _open(window, services, CLEAN)
    window.actions_.approve.trigger()
    alerts_seen.choice = 0  # Edit a Copy
    window.centre.approval.edit.click()
    copy = window.posts.session.post
    assert copy is not None and copy.id != post.id and copy.status == "draft"
    assert not window.centre.editor.isReadOnly()
    type_text(qtbot, window.centre.editor, " More soon.")
    window.posts.session.save_now()
    assert services.library.get(post.id).status == "approved"
    assert services.library.get(post.id).body == CLEAN


def test_the_approval_note_names_the_approver_and_the_reasons_kept(
    qtbot, window, services, monkeypatch
):
    post = _open(window, services, RISKY)
    wait_checked(qtbot, window)
    monkeypatch.setattr(
        approve_flow,
        "ask_reasons",
        lambda parent, errors: {e.key: "cleared by compliance" for e in errors},
    )
    window.actions_.approve.trigger()
    assert services.library.get(post.id).status == "approved"
    note = window.centre.approval.text.text()
    assert "kept because: “cleared by compliance”" in note
    assert note.count("cleared by compliance") == 1  # the same reason is said once


def test_new_draft_is_created_by_autosave_within_two_seconds(qtbot, window, services):
    window.actions_.new.trigger()
    assert window.centre.editor.hasFocus() or window.centre.editor.isVisible()
    type_text(qtbot, window.centre.editor, "Storm season tips, part one. Ready?")
    qtbot.waitUntil(lambda: window.posts.session.post_id is not None, timeout=2500)
    post = services.library.get(window.posts.session.post_id)
    assert post.body == "Storm season tips, part one. Ready?"
    type_text(qtbot, window.centre.editor, " Part two soon.")
    qtbot.waitUntil(
        lambda: services.library.get(post.id).body.endswith("Part two soon."), timeout=2500
    )


def test_draft_survives_a_window_that_never_closed_cleanly(
    qtbot, make_window, services, data_dir, engine
):
    from composer.ui.shell.main_window import MainWindow

    first = MainWindow(data_dir)  # not handed to qtbot: it must never get a closeEvent
    first.attach_services(services)
    first.attach_engine(engine)
    first.show()
    first.actions_.new.trigger()
    type_text(qtbot, first.centre.editor, "Half-written post about flood cover")
    qtbot.waitUntil(lambda: not first.posts.session.dirty, timeout=2500)
    post_id = first.posts.session.post_id
    # Gone without closeEvent: as after a crash or kill.
    first.checks.shutdown()
    first.posts.session.stop()
    first.hide()
    first.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(first)
    assert services.library.setting(LAST_POST_KEY) == post_id
    second = make_window(services, unclean=True)
    assert second.posts.session.post_id == post_id
    assert second.centre.editor.toPlainText() == "Half-written post about flood cover"
    assert "did not close properly" in second.banner.texts()["recovered"]


def test_quit_saves_first(qtbot, make_window, services):
    window = make_window(services)
    post = _open(window, services, "Before")
    type_text(qtbot, window.centre.editor, " and after")
    window.actions_.quit.trigger()
    assert window.closed_cleanly
    assert services.library.get(post.id).body == "Before and after"


def test_dismissing_a_warning_is_remembered_with_the_post(qtbot, make_window, services):
    window = make_window(services)
    post = _open(window, services, "We have the best rates in town. Questions?")
    wait_checked(qtbot, window)
    warning = next(i for i in window.checks.items if i.finding.severity == "warning")
    card = next(c for c in window.findings.cards() if c.item == warning)
    card.dismissRequested.emit(card.item)
    assert warning not in window.checks.items
    assert warning not in [c.item for c in window.findings.cards()]
    window.close()
    again = make_window(services)
    assert again.posts.open(post.id)
    wait_checked(qtbot, again)
    assert not any(i.key == warning.key for i in again.checks.items)
    assert warning.key in services.library.setting(f"dismissed:{post.id}")


def test_a_dismissal_can_be_undone_and_every_dismissed_finding_brought_back(
    qtbot, window, services
):
    post = _open(window, services, "We have the best rates in town. Questions?")
    wait_checked(qtbot, window)
    panel = window.findings
    assert not panel.dismissed_row.isVisibleTo(window)
    loud = [i for i in window.checks.items if i.finding.severity != "error"]
    assert loud
    first = loud[0]
    window.checks.dismiss(first)
    assert first not in window.checks.items
    assert panel.dismissed_row.isVisibleTo(window) and panel.undo_dismiss.isVisibleTo(window)
    assert panel.dismissed_note.text() == "1 finding dismissed on this post."
    panel.undo_dismiss.click()
    assert any(i.key == first.key for i in window.checks.items)
    assert not panel.dismissed_row.isVisibleTo(window)
    assert first.key not in services.library.setting(f"dismissed:{post.id}")

    window.checks.dismiss(first)
    window.posts.reload()  # reopened: no undo offered, but the way back stays
    wait_checked(qtbot, window)
    assert panel.dismissed_row.isVisibleTo(window) and not panel.undo_dismiss.isVisibleTo(window)
    panel.show_dismissed.click()
    assert any(i.key == first.key for i in window.checks.items)
    assert services.library.setting(f"dismissed:{post.id}") == []


def test_errors_cannot_be_dismissed(qtbot, window, services):
    _open(window, services, RISKY)
    wait_checked(qtbot, window)
    error = next(i for i in window.checks.items if i.finding.severity == "error")
    window.checks.dismiss(error)
    assert error in window.checks.items


def test_first_run_shows_a_welcome_and_a_sample_post(qtbot, make_window, services, alerts_seen):
    window = make_window(services, welcomed=False)
    assert "Welcome to Composer" in window.banner.texts()["welcome"]
    assert window.posts.session.post is not None
    assert window.posts.session.post.title.startswith("Sample")
    wait_checked(qtbot, window)
    severities = {i.finding.severity for i in window.checks.items}
    assert {"error", "warning", "suggestion"} <= severities
    assert alerts_seen == []  # nothing modal in the way


def test_targeting_and_variants_are_saved(qtbot, window, services):
    post = _open(window, services, CLEAN, platforms=())
    centre = window.centre
    centre.targeting.boxes["linkedin"].setChecked(True)
    centre.targeting.boxes["x"].setChecked(True)
    index = centre.variants.platform.findData("x")
    centre.variants.platform.setCurrentIndex(index)
    centre.variants.text.setPlainText("Short one for X. Ready?")
    window.posts.session.save_now()
    saved = services.library.get(post.id)
    assert saved.platforms == ("x", "linkedin")
    assert saved.variants == {"x": "Short one for X. Ready?"}
    wait_checked(qtbot, window)
    assert set(window.checks.result.counts) == {"x", "linkedin"}
    assert window.checks.result.counts["x"].length == len("Short one for X. Ready?")


def test_insert_disclosure_from_the_profile(qtbot, make_window, services, alerts_seen):
    from composer.domain.profile import Profile

    window = make_window(services)
    window.actions_.disclosure.trigger()
    assert alerts_seen[-1][1] == "No disclosure yet"
    services.library.set_profile(Profile(name="Dana", disclosure="Dana Reyes, CA Lic. 0H12345"))
    window.centre.editor.setPlainText("Call me. ")
    window.centre.editor.moveCursor(window.centre.editor.textCursor().MoveOperation.End)
    window.actions_.disclosure.trigger()
    assert window.centre.editor.toPlainText() == "Call me. Dana Reyes, CA Lic. 0H12345"
    window.centre.editor.undo()
    assert window.centre.editor.toPlainText() == "Call me. "


def test_export_opens_with_the_approved_post(qtbot, window, services, monkeypatch):
    from composer.ui.dialogs.export import ExportDialog

    post = _open(window, services, CLEAN)
    window.actions_.approve.trigger()
    opened = []
    monkeypatch.setattr(window, "_run", lambda dialog: opened.append(dialog))
    assert window.actions_.export.isEnabled()
    window.open_export()
    [dialog] = opened
    assert isinstance(dialog, ExportDialog) and dialog.chosen_ids() == (post.id,)


def test_no_secure_keyring_is_said_once_in_the_banner(no_secure_keyring, qtbot, window, services):
    """With keyring's `fail` backend the audit chain stays unkeyed, and the banner says so."""
    post = _open(window, services, CLEAN)
    wait_checked(qtbot, window)
    window.actions_.approve.trigger()
    assert services.library.get(post.id).status == "approved"
    assert "no secure password store" in window.banner.texts()["audit.unkeyed"]
    window.banner.remove("audit.unkeyed")
    assert services.audit.notices == ()  # told once for this library


def _open_revisions(qtbot, window, post):
    from composer.ui.dialogs.revisions import RevisionsDialog

    window.posts.session.save_now()
    services = window.services
    services.library.autosave(
        post.id, PostDraft(body=CLEAN + " Stay safe!", platforms=("facebook",))
    )
    window.posts.reload()
    window.actions_.revisions.trigger()
    qtbot.waitUntil(lambda: bool(window.findChildren(RevisionsDialog)))
    return window.findChildren(RevisionsDialog)[0]


def test_earlier_versions_from_the_post_menu_closes_and_restores_cleanly(qtbot, window, services):
    post = _open(window, services, CLEAN)
    dialog = _open_revisions(qtbot, window, post)
    dialog.reject()  # Close / Esc used to raise "Internal C++ object already deleted"
    qtbot.waitUntil(lambda: not window.findChildren(type(dialog)))

    dialog = _open_revisions(qtbot, window, post)
    dialog.versions.setCurrentRow(dialog.versions.count() - 1)
    dialog.restore_selected()
    qtbot.waitUntil(lambda: window.centre.editor.toPlainText() == CLEAN)
    assert services.library.get(post.id).body == CLEAN


def test_restoring_over_an_approval_asks_first(qtbot, window, services, alerts_seen):
    post = _open(window, services, CLEAN)
    dialog = _open_revisions(qtbot, window, post)
    dialog.reject()
    wait_checked(qtbot, window)
    window.actions_.approve.trigger()
    assert services.library.get(post.id).status == "approved"

    dialog = _open_revisions(qtbot, window, post)
    dialog.versions.setCurrentRow(dialog.versions.count() - 1)
    alerts_seen.answer = False
    dialog.restore_selected()
    assert alerts_seen[-1][1] == "Restore and end the approval?"
    assert services.library.get(post.id).status == "approved"

    alerts_seen.answer = True
    dialog.restore_selected()
    assert services.library.get(post.id).status == "draft"


def test_f8_walks_the_findings_and_ctrl_dot_applies_the_fix_here(qtbot, window, services):
    _open(window, services, "Call me today to recieve your quote. Recieve it today!")
    wait_checked(qtbot, window)
    editor = window.centre.editor
    starts = sorted(p.start for p in editor.placed())
    assert len(starts) >= 2
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    window.actions_.next_finding.trigger()
    assert editor.textCursor().selectionStart() == starts[0]
    window.actions_.next_finding.trigger()
    assert editor.textCursor().selectionStart() == starts[1]
    window.actions_.previous_finding.trigger()
    assert editor.textCursor().selectionStart() == starts[0]
    window.actions_.previous_finding.trigger()  # wraps round to the last
    assert editor.textCursor().selectionStart() == starts[-1]

    spelled = next(p for p in editor.placed() if p.item.finding.text == "recieve")
    editor.setTextCursor(spelled.selection())
    window.actions_.apply_fix.trigger()
    assert "to receive your quote" in editor.toPlainText()


def test_f8_stops_once_at_each_place_even_when_findings_share_a_start(qtbot, window, services):
    # "FREE INSURANCE": an error and a capitals suggestion on the very same words (one stop),
    # inside a sentence other checks may warn about as a whole (another stop, same start).
    _open(window, services, "FREE INSURANCE for everyone today. Call me to recieve a quote.")
    wait_checked(qtbot, window)
    editor = window.centre.editor
    stops = sorted({(p.start, p.end) for p in editor.placed()})
    assert (0, len("FREE INSURANCE")) in stops and len(stops) >= 2
    cursor = editor.textCursor()
    cursor.setPosition(0)
    editor.setTextCursor(cursor)
    seen = []
    for _ in stops:
        window.actions_.next_finding.trigger()
        seen.append((editor.textCursor().selectionStart(), editor.textCursor().selectionEnd()))
    assert seen == stops
    window.actions_.next_finding.trigger()  # round to the first again
    assert editor.textCursor().selectionStart() == stops[0][0]
    window.actions_.previous_finding.trigger()  # and back round to the last
    last = (editor.textCursor().selectionStart(), editor.textCursor().selectionEnd())
    assert last == stops[-1]


def test_coming_back_to_the_window_shows_what_the_command_line_changed(
    qtbot, window, services, data_dir
):
    from composer.app.container import Services

    post = _open(window, services, CLEAN)
    window.posts.session.save_now()
    with Services.open(data_dir) as other:  # another process: the command line
        other.approval.approve(post.id)
        fresh = other.library.create(PostDraft(body="Made in a terminal.", platforms=("x",)))
    assert window.centre.status.text() == "Draft"
    assert window.posts.catch_up()
    assert window.centre.status.text() == "Approved" and window.centre.locked
    window.history.refresh()
    model = window.history.model
    assert fresh.id in [model.post_at(r).id for r in range(model.rowCount())]
    assert not window.posts.catch_up()  # nothing new the second time


def test_an_imported_posts_title_time_and_tags_show_above_the_editor(qtbot, window, services):
    from datetime import datetime

    post = services.library.create(
        PostDraft(
            body=CLEAN,
            title="Grill safety",
            platforms=("facebook",),
            scheduled_at=datetime(2030, 5, 13, 19, 0),
            tags=("summer", "safety"),
        )
    )
    assert window.posts.open(post.id)
    details = window.centre.details.text()
    assert details.startswith("Grill safety · ")
    assert set(details.split(" · ")[1:]) == {"#summer", "#safety"}
    assert window.centre.when.text() == "Mon 13 May 2030, 19:00"


def test_clicking_underlined_words_offers_the_fix_there(qtbot, window, services):
    from PySide6.QtCore import Qt

    _open(window, services, "Call me today to recieve your quote.")
    wait_checked(qtbot, window)
    editor = window.centre.editor
    placed = next(p for p in editor.placed() if p.item.finding.text == "recieve")
    cursor = editor.textCursor()
    cursor.setPosition(placed.start + 2)
    point = editor.cursorRect(cursor).center()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.checks.popover is not None)
    popover = window.checks.popover
    fix = next(b for b in popover.buttons if b.text() == "“receive”")
    fix.click()
    assert "to receive your quote" in editor.toPlainText()
    qtbot.waitUntil(lambda: window.checks.popover is None)


def test_a_post_is_scheduled_from_the_header_and_its_approval_stays(qtbot, window, services):
    from datetime import datetime

    from composer.ui.compose.schedule import NOT_SCHEDULED, ScheduleDialog

    post = _open(window, services, CLEAN)
    window.actions_.approve.trigger()
    assert window.centre.when.text() == NOT_SCHEDULED

    def answer(dialog):
        dialog.editor.setDateTime(datetime(2030, 5, 14, 8, 30))
        return 1  # Set

    original = ScheduleDialog.exec
    ScheduleDialog.exec = answer
    try:
        window.actions_.schedule.trigger()
    finally:
        ScheduleDialog.exec = original
    stored = services.library.get(post.id)
    assert stored.scheduled_at == datetime(2030, 5, 14, 8, 30) and stored.status == "approved"
    assert window.centre.when.text() == "Tue 14 May 2030, 08:30"
    assert window.centre.locked  # still approved, still locked
    window.posts.session.save_now()  # autosave keeps the time
    assert services.library.get(post.id).scheduled_at == datetime(2030, 5, 14, 8, 30)
    window.posts.set_time(post.id, None)
    assert window.centre.when.text() == NOT_SCHEDULED


def test_the_approval_note_names_an_outside_reviewer_code_and_expiry():
    from datetime import UTC, date, datetime

    from composer.domain.posts import Approval
    from composer.domain.record import OutsideReview
    from composer.ui.compose.approval_note import describe

    approval = Approval(
        7,
        1,
        {"x": "Hi"},
        {"x": "0" * 64},
        "",
        (),
        {},
        "Sam Ortiz",
        datetime(2026, 5, 13, 12, 0, tzinfo=UTC),
        review=OutsideReview("Dana Lee", "Acme Mutual", "AM-2026-118", date(2027, 5, 1)),
    )
    note = describe(approval, "approved")
    assert note.startswith("Approved by Dana Lee of Acme Mutual on 13 May 2026")
    assert "approval code AM-2026-118." in note and "Expires 1 May 2027." in note
    assert "Sam Ortiz" not in note  # the reviewer signed off, not the agent
