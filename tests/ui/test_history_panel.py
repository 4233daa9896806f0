"""The history panel over a real library: search, filters, paging and the post actions."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from composer.domain.posts import Post, PostDraft
from composer.services.library import LibraryError
from composer.ui.dialogs.revisions import RevisionsDialog
from composer.ui.history.history_delegate import badge_colors
from composer.ui.history.history_model import (
    EMPTY_BIN,
    EMPTY_LIBRARY,
    PAGE_SIZE,
    StatusRole,
    format_when,
    post_heading,
)
from composer.ui.history.history_panel import SEARCH_DELAY_MS, HistoryPanel
from tests.helpers.library import import_posts, open_library


@pytest.fixture
def services(tmp_path):
    services = open_library(tmp_path / "library")
    yield services
    services.close()


@pytest.fixture
def make_panel(qtbot, services):
    def make() -> HistoryPanel:
        panel = HistoryPanel(services)
        qtbot.addWidget(panel)
        panel.resize(320, 600)
        panel.show()
        return panel

    return make


def headings(panel: HistoryPanel) -> list[str]:
    return [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]


def create(services, body: str, **fields) -> Post:
    return services.library.create(PostDraft(body=body, **fields))


# --- what the list shows ------------------------------------------------------------------


def test_an_empty_library_says_how_to_start(make_panel):
    panel = make_panel()
    assert panel.empty_label.isVisibleTo(panel)
    assert not panel.list.isVisibleTo(panel)
    assert panel.empty_label.text() == EMPTY_LIBRARY
    assert "Ctrl+N" in EMPTY_LIBRARY


def test_rows_show_title_or_first_line_status_platforms_and_date(make_panel, services):
    create(services, "\n\n  First line of the body\nsecond line", platforms=("linkedin", "x"))
    create(services, "Body text", title="A titled post", platforms=("facebook",))
    panel = make_panel()
    assert headings(panel) == ["A titled post", "First line of the body"]
    row = panel.model.index(1, 0)
    assert row.data(StatusRole) == "draft"
    spoken = row.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("First line of the body, Draft, LinkedIn, X, changed ")
    assert panel.count_label.text() == "2 posts"
    assert panel.list.isVisibleTo(panel)


def test_heading_and_date_helpers():
    assert post_heading(Post(id=1, body="   \n")) == "(empty draft)"
    assert post_heading(Post(id=1, body="x" * 200), width=10) == "x" * 9 + "…"
    now = datetime(2025, 6, 10, 15, 0).astimezone()
    assert format_when(now.replace(hour=9, minute=5), now) == "09:05"
    assert format_when(now.replace(month=1, day=2), now) == "Jan 2"
    assert format_when(now.replace(year=2023), now) == "2023-06-10"
    assert format_when(None, now) == ""


# --- paging -------------------------------------------------------------------------------


def test_the_list_loads_one_page_at_a_time(make_panel, services, qtbot):
    import_posts(services, 5 * PAGE_SIZE + 7)
    panel = make_panel()
    model = panel.model
    assert model.rowCount() == PAGE_SIZE
    assert model.pages_fetched == 1
    assert model.canFetchMore()
    # The total is counted just after the first paint, not before it.
    qtbot.waitUntil(lambda: panel.count_label.text() == f"{5 * PAGE_SIZE + 7} posts")

    model.fetchMore()
    assert model.rowCount() == 2 * PAGE_SIZE

    # Scrolling to the end makes the view ask for more, a page at a time.
    for _ in range(10):
        panel.list.scrollToBottom()
        QApplication.processEvents()
    assert model.rowCount() == 5 * PAGE_SIZE + 7
    assert not model.canFetchMore()
    ids = [model.post_at(r).id for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)


def test_paging_skips_a_post_that_moved_up_between_pages(make_panel, services):
    ids = import_posts(services, PAGE_SIZE * 2)
    panel = make_panel()
    # The oldest post on the second page is edited: it jumps to the top, shifting offsets.
    services.library.autosave(ids[0], PostDraft(body="edited and now the newest"))
    panel.model.fetchMore()
    shown = [panel.model.post_at(r).id for r in range(panel.model.rowCount())]
    assert len(shown) == len(set(shown))


def test_select_post_fetches_pages_until_it_is_shown_without_activating(
    make_panel, services, qtbot
):
    ids = import_posts(services, PAGE_SIZE * 3)
    panel = make_panel()
    oldest = ids[0]
    with qtbot.assertNotEmitted(panel.postActivated):
        assert panel.select_post(oldest)
    assert panel.current_post_id() == oldest
    assert panel.model.rowCount() == PAGE_SIZE * 3
    assert not panel.select_post(999_999)


# --- search and filters ---------------------------------------------------------------------


def test_search_is_debounced_and_full_text(make_panel, services, qtbot):
    create(services, "Umbrella coverage explained", title="Umbrella")
    create(services, "Why renters need liability cover", title="Renters")
    create(services, "Flood is not in a standard homeowners policy", title="Floods")
    panel = make_panel()
    panel.search.setText("liabil")  # a word of the body, not the title; prefix as typed
    assert panel.model.rowCount() == 3  # nothing yet: the search waits for a pause
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=SEARCH_DELAY_MS * 10)
    assert headings(panel) == ["Renters"]
    assert panel.count_label.text() == "1 post"


def test_a_search_with_no_results_says_so_in_plain_text(make_panel, services):
    create(services, "Hello")
    panel = make_panel()
    panel.search.setText("<b>zebra</b>")
    panel.search.returnPressed.emit()
    assert panel.model.rowCount() == 0
    assert panel.empty_label.isVisibleTo(panel)
    assert "“<b>zebra</b>”" in panel.empty_label.text()
    assert panel.empty_label.textFormat() == Qt.TextFormat.PlainText


def test_status_filter_hides_archived_posts_from_current(make_panel, services):
    kept = create(services, "Kept draft")
    archived = create(services, "Old news")
    services.library.archive(archived.id)
    panel = make_panel()
    assert headings(panel) == ["Kept draft"]
    panel.status_filter.setCurrentText("Archived")
    assert headings(panel) == ["Old news"]
    assert panel.model.index(0, 0).data(StatusRole) == "archived"
    panel.status_filter.setCurrentText("All posts")
    assert set(headings(panel)) == {"Kept draft", "Old news"}
    panel.status_filter.setCurrentText("Drafts")
    assert [panel.model.post_at(0).id] == [kept.id]


def test_platform_filter(make_panel, services):
    create(services, "On X", platforms=("x",))
    create(services, "On LinkedIn", platforms=("linkedin",))
    create(services, "On both", platforms=("x", "linkedin"))
    panel = make_panel()
    panel.platform_filter.setCurrentText("LinkedIn")
    assert set(headings(panel)) == {"On LinkedIn", "On both"}
    panel.platform_filter.setCurrentText("Instagram")
    assert headings(panel) == []
    assert "All posts" in panel.empty_label.text()


# --- picking and keyboard ----------------------------------------------------------------


def test_clicking_or_enter_activates_a_post(make_panel, services, qtbot):
    post = create(services, "Pick me")
    panel = make_panel()
    rect = panel.list.visualRect(panel.model.index(0, 0))
    with qtbot.waitSignal(panel.postActivated) as clicked:
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [post.id]
    with qtbot.waitSignal(panel.postActivated) as entered:
        qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert entered.args == [post.id]


def test_down_from_search_goes_to_the_list_and_escape_clears(make_panel, services, qtbot):
    create(services, "One")
    create(services, "Two")
    panel = make_panel()
    panel.activateWindow()
    panel.focus_search()
    panel.search.setText("t")
    panel.search.returnPressed.emit()
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.current_post_id() == panel.model.post_at(0).id
    qtbot.keyClick(panel.search, Qt.Key.Key_Escape)
    assert panel.search.text() == ""
    assert panel.model.rowCount() == 2


def test_controls_have_accessible_names(make_panel):
    panel = make_panel()
    for widget in (panel.search, panel.status_filter, panel.platform_filter, panel.list):
        assert widget.accessibleName()
    assert panel.new_button.accessibleName() == "New post"


# --- actions ---------------------------------------------------------------------------------


def test_new_asks_the_window(make_panel, qtbot):
    panel = make_panel()
    with qtbot.waitSignal(panel.newRequested):
        panel.new_button.click()


def test_duplicate_makes_a_draft_selects_and_opens_it(make_panel, services, qtbot):
    source = create(services, "Original body", title="Tips")
    panel = make_panel()
    panel.select_post(source.id)
    with qtbot.waitSignal(panel.postActivated) as opened:
        panel.duplicate_action.trigger()
    copy = services.library.get(opened.args[0])
    assert (copy.title, copy.body, copy.status) == ("Tips (copy)", "Original body", "draft")
    assert panel.current_post_id() == copy.id
    assert panel.model.rowCount() == 2


def test_archive_then_undo(make_panel, services, qtbot):
    post = create(services, "To archive")
    panel = make_panel()
    panel.select_post(post.id)
    with qtbot.waitSignal(panel.postChanged):
        panel.archive_action.trigger()
    assert services.library.get(post.id).status == "archived"
    assert panel.model.rowCount() == 0
    assert panel.notice.undo_button.isVisibleTo(panel)
    panel.notice.undo_button.click()
    assert services.library.get(post.id).status == "draft"
    assert panel.current_post_id() == post.id


def test_unarchive_from_the_archived_view(make_panel, services):
    post = create(services, "Archived one")
    services.library.archive(post.id)
    panel = make_panel()
    panel.status_filter.setCurrentText("Archived")
    panel.select_post(post.id)
    assert panel.archive_action.text() == "Unarchive"
    panel.archive_action.trigger()
    assert services.library.get(post.id).status == "draft"


def test_delete_key_moves_to_the_bin_and_restore_brings_it_back(make_panel, services, qtbot):
    post = create(services, "Delete me")
    other = create(services, "Stay")
    panel = make_panel()
    panel.select_post(post.id)
    panel.list.setFocus()
    with qtbot.waitSignal(panel.postDeleted) as deleted:
        qtbot.keyClick(panel.list, Qt.Key.Key_Delete)
    assert deleted.args == [post.id]
    assert services.library.get(post.id).deleted_at is not None
    assert headings(panel) == ["Stay"]

    panel.show_deleted()
    assert headings(panel) == ["Delete me"]
    assert panel.model.index(0, 0).data(StatusRole) == "deleted"
    assert panel.restore_button.isVisibleTo(panel)
    assert not panel.delete_button.isVisibleTo(panel)
    assert not panel.delete_action.isEnabled()
    panel.select_post(post.id)
    qtbot.keyClick(panel.list, Qt.Key.Key_Delete)  # nothing is erased for good
    assert services.library.get(post.id).deleted_at is not None
    assert panel.model.rowCount() == 1
    panel.restore_action.trigger()
    assert services.library.get(post.id).deleted_at is None
    assert panel.model.rowCount() == 0
    assert panel.empty_label.text() == EMPTY_BIN
    panel.status_filter.setCurrentIndex(0)
    assert {panel.model.post_at(r).id for r in range(2)} == {post.id, other.id}


def test_undo_after_delete_restores(make_panel, services):
    post = create(services, "Oops")
    panel = make_panel()
    panel.select_post(post.id)
    panel.delete_action.trigger()
    assert panel.model.rowCount() == 0
    panel.notice.undo_button.click()
    assert services.library.get(post.id).deleted_at is None
    assert panel.current_post_id() == post.id


def test_a_refused_change_is_one_plain_line(make_panel, services, monkeypatch):
    post = create(services, "Busy")
    panel = make_panel()
    panel.select_post(post.id)

    def refuse(_post_id):
        raise LibraryError("the library is busy; try again")

    monkeypatch.setattr(services.library, "archive", refuse)
    panel.archive_action.trigger()
    assert panel.notice.text() == "the library is busy; try again"
    assert services.library.get(post.id).status == "draft"


def test_restoring_a_revision_updates_the_list(make_panel, services, qtbot):
    post = create(services, "First words", platforms=("x",))
    services.library.autosave(post.id, PostDraft(body="Second words", platforms=("x",)))
    panel = make_panel()
    panel.select_post(post.id)
    panel.revisions_action.trigger()
    dialog = panel.findChild(RevisionsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.select_revision(services.library.revisions(post.id)[-1].id)
    with qtbot.waitSignal(panel.postChanged) as changed:
        dialog.restore_button.click()
    assert changed.args == [post.id]
    assert services.library.get(post.id).body == "First words"
    assert headings(panel) == ["First words"]
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert panel.findChild(RevisionsDialog) is None  # freed once closed


def test_a_saved_post_moves_to_the_top_without_a_query(make_panel, services):
    older = create(services, "Older", platforms=("x",))
    create(services, "Newer", platforms=("x",))
    panel = make_panel()
    panel.platform_filter.setCurrentText("X")
    panel.select_post(older.id)
    reads = panel.model.pages_fetched
    saved = services.library.autosave(older.id, PostDraft(body="Older, edited", platforms=("x",)))
    panel.post_saved(saved)
    assert panel.model.pages_fetched == reads
    assert headings(panel) == ["Older, edited", "Newer"]
    assert panel.current_post_id() == older.id  # the selection moved with the row
    # Saved without X: it no longer belongs under the X filter.
    saved = services.library.autosave(
        older.id, PostDraft(body="Now LinkedIn", platforms=("linkedin",))
    )
    panel.post_saved(saved)
    assert headings(panel) == ["Newer"]


def test_a_saved_post_that_is_not_shown_refreshes_the_list(make_panel, services):
    panel = make_panel()
    post = create(services, "Made in the editor")
    panel.post_saved(post)
    assert headings(panel) == ["Made in the editor"]
    assert panel.list.isVisibleTo(panel)


def test_refresh_rereads_only_what_is_on_screen(make_panel, services):
    import_posts(services, PAGE_SIZE * 8)
    panel = make_panel()
    for _ in range(6):
        panel.model.fetchMore()
    assert panel.model.rowCount() == PAGE_SIZE * 7
    panel.list.scrollToTop()
    panel.refresh()
    assert PAGE_SIZE <= panel.model.rowCount() <= PAGE_SIZE * 2  # on screen plus a page
    assert panel.model.canFetchMore()


def test_refresh_keeps_the_selection(make_panel, services):
    first = create(services, "First")
    panel = make_panel()
    panel.select_post(first.id)
    create(services, "Newer")
    panel.refresh()
    assert headings(panel) == ["Newer", "First"]
    assert panel.current_post_id() == first.id


def test_context_menu_offers_the_actions(make_panel, services, qtbot):
    create(services, "Menu")
    panel = make_panel()
    panel.list.setCurrentIndex(panel.model.index(0, 0))
    menu = panel.post_actions.menu(QPoint(5, 5))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["New", "Duplicate", "Archive", "Earlier versions…", "Show Thread", "Delete"]
    menu.close()
    panel.show_deleted()
    menu = panel.post_actions.menu(QPoint(5, 5))
    assert [a.text() for a in menu.actions()] == ["Restore"]
    menu.close()


# --- light and dark ---------------------------------------------------------------------


def _palette(base: str, text: str) -> QPalette:
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.Window, base),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.PlaceholderText, "#8a8a8a"),
    ):
        palette.setColor(role, QColor(color))
    return palette


def _contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("scheme", [("#ffffff", "#000000"), ("#1e1e1e", "#f0f0f0")])
@pytest.mark.parametrize("status", ["draft", "approved", "exported", "archived", "deleted"])
def test_badges_are_legible_in_light_and_dark(scheme, status):
    palette = _palette(*scheme)
    fill, ink = badge_colors(status, palette)
    base = palette.color(QPalette.ColorRole.Base)
    alpha = fill.alphaF()
    behind = QColor.fromRgbF(
        *(
            f * alpha + b * (1 - alpha)
            for f, b in zip(fill.getRgbF()[:3], base.getRgbF()[:3], strict=True)
        )
    )
    # The badge text stands out from its tint (WCAG large-text level at least).
    assert _contrast(ink, behind) >= 3.0, (status, ink.name(), behind.name())


def test_rows_paint_light_text_on_a_dark_scheme(make_panel, services):
    create(services, "Dark mode post", title="Dark mode post")
    panel = make_panel()
    panel.list.setPalette(_palette("#1e1e1e", "#f0f0f0"))
    panel.list.clearSelection()
    image = panel.list.viewport().grab().toImage()
    rect = panel.list.visualRect(panel.model.index(0, 0))
    light = sum(
        1
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom(), 2)
        if image.pixelColor(x, y).lightness() > 200
    )
    dark = image.pixelColor(rect.right() - 2, rect.top() + 2).lightness()
    assert dark < 60  # the background follows the scheme
    assert light > 20  # and the heading is drawn in the scheme's light text


def test_the_model_holds_frozen_plain_posts(make_panel, services):
    create(services, "Plain")
    panel = make_panel()
    post = panel.model.post_at(0)
    assert type(post) is Post
    with pytest.raises(AttributeError):
        post.body = "changed"  # type: ignore[misc]


def test_delete_keeps_a_post_under_legal_hold_or_inside_its_retention(make_panel, services):
    from datetime import UTC, datetime

    held = create(services, "Held for the examiner")
    services.records.set_hold(held.id, True)
    used = create(services, "Ran on X", platforms=("x",))
    with services.database.write() as tx:  # approved (these tests run no guideline engine)
        tx.approvals.add(used.id, {"x": used.body}, "", [], {}, "Sam", datetime.now(UTC))
        tx.posts.set_status(used.id, "approved", datetime.now(UTC))
    services.records.publish(used.id, "x", at=datetime(2026, 5, 20, 12, 0, tzinfo=UTC))
    panel = make_panel()
    panel.select_post(held.id)
    panel.delete_action.trigger()
    assert "is under legal hold, so it cannot be deleted" in panel.notice.text()
    assert services.library.get(held.id).deleted_at is None
    panel.select_post(used.id)
    panel.delete_action.trigger()
    assert "must be kept until 20 May 2029" in panel.notice.text()
    assert services.library.get(used.id).deleted_at is None
