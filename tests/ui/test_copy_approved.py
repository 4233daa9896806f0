"""Post > Copy Approved Text puts the approved snapshot, not the live draft, on the clipboard."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from composer.domain.posts import PostDraft
from composer.ui.compose import copy_approved

APPROVED = "Test your smoke alarms this weekend. Which room gets checked first?"


def _entries(menu) -> list[str]:
    return [action.text() for action in menu.actions()]


def test_copy_menu_offers_approved_platforms_and_copies_the_snapshot(qtbot, window, services):
    post = services.library.create(PostDraft(body=APPROVED, platforms=("facebook", "x")))
    services.approval.approve(post.id)
    services.library.autosave(
        post.id, PostDraft(body=APPROVED + " Edited later.", platforms=("facebook", "x"))
    )
    services.approval.approve(post.id)  # approved again, now with the edit
    edited = services.library.get(post.id)
    menu = window.actions_.copy_menu
    copy_approved.fill_menu(menu, window, services, edited.id)
    assert _entries(menu) == ["For Facebook", "For X"]
    menu.actions()[1].trigger()
    assert QGuiApplication.clipboard().text() == APPROVED + " Edited later."
    assert "Copied the approved text for X" in window.statusBar().currentMessage()


def test_copy_menu_waits_for_an_approval(qtbot, window, services):
    post = services.library.create(PostDraft(body=APPROVED, platforms=("facebook",)))
    menu = window.actions_.copy_menu
    copy_approved.fill_menu(menu, window, services, post.id)
    assert _entries(menu) == ["Approve the post first"]
    assert not menu.actions()[0].isEnabled()


def test_copying_after_the_approval_ended_says_so_and_copies_nothing(qtbot, window, services):
    post = services.library.create(PostDraft(body=APPROVED, platforms=("facebook",)))
    services.approval.approve(post.id)
    menu = window.actions_.copy_menu
    copy_approved.fill_menu(menu, window, services, post.id)
    QGuiApplication.clipboard().setText("before")
    services.library.autosave(post.id, PostDraft(body="Edited.", platforms=("facebook",)))
    menu.actions()[0].trigger()  # the menu was built while it was approved
    assert QGuiApplication.clipboard().text() == "before"
    assert "no longer approved for Facebook" in window.statusBar().currentMessage()
