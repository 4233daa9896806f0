"""Snippets: the service over a real library, the dialog, and inserting from the window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from composer.app.container import Services
from composer.domain.profile import Profile
from composer.services.snippets import (
    SETTING_SNIPPETS,
    Snippet,
    SnippetError,
    SnippetsService,
    expand,
)
from composer.ui.dialogs.snippets import EMPTY_HINT, SnippetsDialog
from tests.helpers.widgets import assert_freed_on_close

PROFILE = Profile(
    name="Jane Q. Agent",
    agency="Agent Insurance Group",
    license_number="1234567",
    states=("TX", "OK"),
    disclosure="Jane Q. Agent, TX license 1234567. Not all products in all states.",
)


@pytest.fixture
def snippets(services: Services) -> SnippetsService:
    services.library.set_profile(PROFILE)
    return SnippetsService(services.library)


# --- the service -------------------------------------------------------------------------


def test_defaults_come_from_the_profile_until_a_list_is_saved(snippets):
    names = [s.name for s in snippets.snippets()]
    assert names[0] == "Disclosure" and "Sign-off" in names and len(names) == 4
    first = snippets.expanded(snippets.snippets()[0])
    assert first.text == PROFILE.disclosure and not first.missing
    assert not snippets.is_customised()


def test_a_broker_dealer_disclosure_adds_its_own_default(services):
    services.library.set_profile(Profile(broker_dealer_disclosure="Securities offered through X."))
    names = [s.name for s in SnippetsService(services.library).snippets()]
    assert "Broker-dealer disclosure" in names


def test_defaults_raise_no_finding_of_their_own(snippets, engine):
    from composer.guidelines.inputs import CheckInput

    text = "\n\n".join(snippets.expanded(s).text for s in snippets.snippets())
    result = engine.check(CheckInput(text=text, platforms=("linkedin",), profile=PROFILE))
    assert [f.rule for f in result.findings] == []


def test_add_update_move_delete_and_they_persist(snippets, data_dir):
    snippets.save([Snippet("One", "first"), Snippet("Two", "second")])
    snippets.add("Three", "third")
    snippets.update(0, "One", "first, edited")
    snippets.move(2, -1)
    snippets.move(0, -1)  # already at the top: stays put
    snippets.delete(2)
    expected = [Snippet("One", "first, edited"), Snippet("Three", "third")]
    assert snippets.snippets() == expected
    with Services.open(data_dir) as reopened:
        assert SnippetsService(reopened.library).snippets() == expected


def test_removing_every_snippet_is_remembered(snippets):
    snippets.save([])
    assert snippets.snippets() == [] and snippets.is_customised()


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ([Snippet("  ", "text")], "needs a name"),
        ([Snippet("A", "x"), Snippet(" a ", "y")], "two snippets called"),
        ([Snippet("A", "  \n")], "has no text"),
    ],
)
def test_bad_lists_are_refused_in_plain_words(snippets, bad, words):
    with pytest.raises(SnippetError, match=words):
        snippets.save(bad)


def test_malformed_stored_entries_are_skipped(services):
    services.library.set_setting(
        SETTING_SNIPPETS, [{"name": "Good", "text": "ok"}, {"name": 3}, "junk", {"text": "x"}]
    )
    assert SnippetsService(services.library).snippets() == [Snippet("Good", "ok")]


def test_missing_profile_fields_stay_visible_and_are_named():
    result = expand("{name} · License #{license} {unknown} {states}", Profile(name="Sam"))
    assert result.text == "Sam · License #{license} {unknown} {states}"
    assert result.missing == ("license number", "licensed states")


# --- the dialog --------------------------------------------------------------------------


def test_dialog_adds_edits_reorders_and_deletes(qtbot, snippets):
    dialog = SnippetsDialog(snippets)
    qtbot.addWidget(dialog)
    dialog.add_button.click()
    assert dialog.names.currentRow() == 4 and dialog.name.text() == "New snippet"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Review")
    dialog.text.setPlainText("Message me, {name}")
    assert dialog.names.item(4).text() == "Review"
    assert "Message me, Jane Q. Agent" in dialog.preview.text()
    dialog.up_button.click()
    assert dialog.names.currentRow() == 3 and dialog.names.item(3).text() == "Review"
    dialog.names.setCurrentRow(0)
    dialog.delete_button.click()
    assert dialog.names.count() == 4
    with qtbot.waitSignal(dialog.finished) as finished:
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert finished.args == [QDialog.DialogCode.Accepted]
    saved = snippets.snippets()
    assert [s.name for s in saved] == ["Sign-off", "Invite a conversation", "Review", "Hashtags"]
    assert saved[2].text == "Message me, {name}"


def test_dialog_cancel_stores_nothing_and_unchanged_save_is_not_a_change(qtbot, snippets):
    dialog = SnippetsDialog(snippets)
    qtbot.addWidget(dialog)
    dialog.delete_button.click()
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert not snippets.is_customised()
    dialog = SnippetsDialog(snippets)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished) as finished:
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert finished.args == [QDialog.DialogCode.Rejected]
    assert not snippets.is_customised()


def test_dialog_says_what_is_wrong_and_stays_open(qtbot, snippets):
    dialog = SnippetsDialog(snippets)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Sign-off")
    dialog.name.textEdited.emit("Sign-off")  # as typing does
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "two snippets called “Sign-off”" in dialog.message.text()
    assert dialog.isVisible() and not snippets.is_customised()


def test_dialog_previews_what_the_profile_lacks_and_the_empty_state(qtbot, services):
    services.library.set_profile(Profile(name="Sam"))
    service = SnippetsService(services.library)
    dialog = SnippetsDialog(service)
    qtbot.addWidget(dialog)
    dialog.names.setCurrentRow(1)  # Sign-off
    assert "Sam · {agency}" in dialog.preview.text()
    assert "Your profile has no agency or license number yet" in dialog.preview.text()
    for _ in range(4):
        dialog.delete_button.click()
    assert dialog.preview.text() == EMPTY_HINT and not dialog.name.isEnabled()


def test_snippets_dialog_is_freed_on_close(qtbot, snippets):
    owner = QWidget()
    qtbot.addWidget(owner)

    def make():
        dialog = SnippetsDialog(snippets, owner)
        dialog.show()
        return dialog

    assert_freed_on_close(make, lambda d: d.close())


# --- inserting in the window -------------------------------------------------------------


def _cursor_at(editor, position: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def test_insert_at_the_cursor_is_one_undo_step(qtbot, window, services):
    services.library.set_profile(PROFILE)
    editor = window.centre.editor
    editor.setPlainText("Call me today.")
    _cursor_at(editor, len("Call me"))
    assert window.snippets.insert(Snippet("Sign", " ({name}, License #{license})"))
    assert editor.toPlainText() == "Call me (Jane Q. Agent, License #1234567) today."
    assert editor.textCursor().position() == len("Call me (Jane Q. Agent, License #1234567)")
    editor.undo()
    assert editor.toPlainText() == "Call me today."


def test_a_selection_is_replaced_and_a_missing_field_is_pointed_out(qtbot, window):
    editor = window.centre.editor
    editor.setPlainText("Thanks! XX")
    cursor = editor.textCursor()
    cursor.setPosition(len("Thanks! "))
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    window.snippets.insert(Snippet("Sign", "{name}"))
    assert editor.toPlainText() == "Thanks! {name}"
    assert "Your profile has no name as licensed yet" in window.statusBar().currentMessage()


def test_post_menu_lists_snippets_and_inserts_the_chosen_one(qtbot, window, services):
    services.library.set_profile(PROFILE)
    SnippetsService(services.library).save([Snippet("Tags & more", "#insurance")])
    menu = window.actions_.snippet_menu
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Tags && more", window.actions_.snippets.text()]
    window.centre.editor.setPlainText("Hi ")
    _cursor_at(window.centre.editor, 3)
    menu.actions()[0].trigger()
    assert window.centre.editor.toPlainText() == "Hi #insurance"


def test_picker_numbers_snippets_for_the_keyboard(qtbot, window):
    menu = window.snippets.picker()
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert labels[:2] == ["&1 Disclosure", "&2 Sign-off"]
    assert window.actions_.insert_snippet.shortcut().toString() == "Ctrl+Shift+I"
    menu.deleteLater()


def test_the_variant_being_edited_receives_the_snippet(qtbot, window):
    variants = window.centre.variants
    window.centre.tabs.setCurrentWidget(variants)
    variants.text.setFocus()
    qtbot.waitUntil(lambda: window.snippets.target() is variants.text, timeout=2000)
    variants.text.setPlainText("Short version. ")
    variants.text.moveCursor(QTextCursor.MoveOperation.End)
    window.snippets.insert(Snippet("Tags", "#insurance"))
    assert variants.text.toPlainText() == "Short version. #insurance"
    assert "#insurance" not in window.centre.editor.toPlainText()


def test_right_click_offers_the_snippets(qtbot, window):
    menu = QMenu()
    for extra in window.checks.menu_extras:
        extra(menu)
    submenus = [a.menu() for a in menu.actions() if a.menu() is not None]
    assert submenus and submenus[0].title() == "Insert &Snippet"
    assert "Disclosure" in [a.text() for a in submenus[0].actions()]
    menu.deleteLater()


def test_snippet_actions_wait_for_the_library(qtbot, data_dir):
    from composer.ui.shell.main_window import MainWindow

    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    assert not window.actions_.snippets.isEnabled()
    assert not window.actions_.insert_snippet.isEnabled()
    menu = window.actions_.snippet_menu
    menu.aboutToShow.emit()
    assert not menu.actions()[0].isEnabled()
    window.checks.shutdown()
