"""The editor's live checks: underlines in the right place, clicks, fixes and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor

from composer.domain.profile import Profile
from composer.ui.editor.underlines import formats, style_name
from tests.helpers.widgets import type_text, wait_checked


def _underlined(window) -> dict[str, QTextCharFormat.UnderlineStyle]:
    """The underline style under each underlined text."""
    text = window.centre.editor.document()
    found = {}
    for selection in window.centre.editor.extraSelections():
        cursor = selection.cursor
        found[cursor.selectedText()] = selection.format.underlineStyle()
    del text
    return found


def test_typing_underlines_the_flagged_words_after_emoji(qtbot, window):
    editor = window.centre.editor
    editor.setFocus()
    type_text(qtbot, editor, "😀🎉 Spring 🌷 check-up! We offer the best rates in town. ")
    wait_checked(qtbot, window)
    underlined = _underlined(window)
    placed = {p.item.finding.rule: p for p in editor.placed()}
    superlative = placed["compliance.exaggeration.superlative"]
    # Underlined in its severity's style: a compliance finding is a wavy line.
    style = formats()[style_name(superlative.item)].underlineStyle()
    assert style == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert underlined["best rates in town"] == style
    cursor = QTextCursor(editor.document())
    cursor.setPosition(superlative.start)
    cursor.setPosition(superlative.end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "best rates in town"


def test_word_being_typed_is_not_flagged_until_the_cursor_leaves_it(qtbot, window):
    editor = window.centre.editor
    editor.setFocus()
    type_text(qtbot, editor, "Please recieve")
    wait_checked(qtbot, window)
    assert any(p.item.finding.text == "recieve" for p in editor.placed())
    assert "recieve" not in _underlined(window)
    qtbot.keyClicks(editor, " ")
    assert "recieve" in _underlined(window)


def test_clicking_a_finding_selects_its_span(qtbot, window):
    editor = window.centre.editor
    editor.setPlainText("🙂 Your claim is guaranteed to be paid fast, no questions asked.")
    wait_checked(qtbot, window)
    cards = window.findings.cards()
    card = next(c for c in cards if c.item.finding.text == "no questions asked")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert editor.textCursor().selectedText() == "no questions asked"


def test_quick_fix_replaces_the_words_and_undo_restores_them(qtbot, window):
    editor = window.centre.editor
    editor.setPlainText("🙂 Reach out and recieve a quote today. What do you think?")
    wait_checked(qtbot, window)
    card = next(c for c in window.findings.cards() if c.item.finding.text == "recieve")
    assert card.item.finding.suggestions[0] == "receive"
    window.findings.fixRequested.emit(card.item, "receive")
    assert editor.toPlainText() == "🙂 Reach out and receive a quote today. What do you think?"
    editor.undo()
    assert editor.toPlainText() == "🙂 Reach out and recieve a quote today. What do you think?"
    editor.redo()
    assert "receive a quote" in editor.toPlainText()


def test_missing_disclosure_fix_adds_it_as_its_own_paragraph(qtbot, make_window, services):
    disclosure = "Dana Reyes, Reyes Insurance, CA License 0H12345."
    services.library.set_profile(Profile(name="Dana Reyes", disclosure=disclosure))
    window = make_window(services)
    editor = window.centre.editor
    editor.setPlainText("Get a quote for your home insurance today! Call us.")
    wait_checked(qtbot, window)
    item = next(i for i in window.checks.items if i.finding.rule == "compliance.disclosure.profile")
    window.checks.fix(item, disclosure)
    assert editor.toPlainText().endswith("\n\n" + disclosure)
    editor.undo()
    assert editor.toPlainText() == "Get a quote for your home insurance today! Call us."


def test_context_menu_offers_spelling_fixes_and_teaches_words(qtbot, window):
    from composer.ui.editor.context_menu import build_menu

    editor = window.centre.editor
    editor.setPlainText("Ask about flurbish coverage and recieve a quote. Questions?")
    wait_checked(qtbot, window)
    items = [i for i in window.checks.items if i.finding.text == "recieve"]
    chosen = []
    menu = build_menu(
        editor,
        items,
        window.checks.spelling,
        lambda i, c: chosen.append(c),
        window.checks.add_word,
        window.checks.explain,
    )
    texts = [a.text() for a in menu.actions()]
    assert "Replace with “receive”" in texts
    assert "Add “recieve” to dictionary" in texts
    next(a for a in menu.actions() if a.text() == "Replace with “receive”").trigger()
    assert chosen == ["receive"]
    menu.deleteLater()
    assert any(i.finding.text == "flurbish" for i in window.checks.items)
    window.checks.add_word("flurbish")
    wait_checked(qtbot, window)
    assert not any(i.finding.text == "flurbish" for i in window.checks.items)
    assert any(i.finding.text == "recieve" for i in window.checks.items)


def test_stale_results_are_dropped(qtbot, window):
    editor = window.centre.editor
    checker = window.checks.checker
    wait_checked(qtbot, window)
    editor.setPlainText("first version")
    first = checker.revision
    editor.setPlainText("second version with the best rates in town")
    assert checker.revision > first
    wait_checked(qtbot, window)
    assert window.checks.result.revision == checker.revision
    assert window.checks.result.request.body.startswith("second")


def test_chips_count_and_turn_amber_then_red(qtbot, window):
    centre = window.centre
    centre.targeting.boxes["x"].setChecked(True)
    centre.editor.setPlainText("a" * 260)
    wait_checked(qtbot, window)
    chip = centre.chips.chips()["x"]
    assert chip.property("state") == "near"
    assert "260 / 280" in chip.text()
    centre.editor.setPlainText("word " * 80)
    wait_checked(qtbot, window)
    assert centre.chips.chips()["x"].property("state") == "over"


def test_f1_opens_the_finding_under_the_cursor(qtbot, window):
    editor = window.centre.editor
    editor.setPlainText("We offer the best rates in town. Thoughts?")
    wait_checked(qtbot, window)
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index("rates"))
    editor.setTextCursor(cursor)
    window.actions_.help_finding.trigger()
    card = next(c for c in window.findings.cards() if c.item.finding.text == "best rates in town")
    assert card.expanded
