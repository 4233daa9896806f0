"""Threads in the window (issue 16): a post's comments and replies seen together."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from composer.domain.conversations import Comment
from composer.domain.posts import PostDraft
from composer.ui.dialogs.thread import ThreadDialog

COMPLAINT = "Nobody at this agency ever calls me back about my claim!"
THANKS = "Great tips, thank you"


def _thread(services):
    post = services.library.create(
        PostDraft(body="Storm kit tips. What's in yours?", platforms=("facebook",))
    )
    later = services.library.create(
        PostDraft(
            body="Thanks, Ana!",
            platforms=("facebook",),
            in_reply_to=Comment(
                THANKS,
                "Ana",
                "facebook",
                at=datetime(2026, 5, 11, 8, tzinfo=UTC),
                on_post_id=post.id,
            ),
        )
    )
    earlier = services.library.create(
        PostDraft(
            body="I'm sorry, Dana. Please call me at 555-0100.",
            platforms=("facebook",),
            in_reply_to=Comment(
                COMPLAINT,
                "Dana R.",
                "facebook",
                at=datetime(2026, 5, 10, 8, tzinfo=UTC),
                on_post_id=post.id,
            ),
        )
    )
    review = services.library.create(
        PostDraft(
            body="Thank you for the kind review!", in_reply_to=Comment("Five stars", "Bo", "google")
        )
    )
    services.conversations.flag_reply(earlier.id)
    return post, earlier, later, review


def test_show_thread_from_the_history_lists_comments_then_replies(qtbot, window, services):
    post, earlier, later, _review = _thread(services)
    window.history.refresh()
    assert window.history.select_post(post.id)
    actions = window.history.post_actions
    assert actions.in_thread.isEnabled()
    actions.in_thread.trigger()
    dialog = window.replies.threads.dialog
    assert isinstance(dialog, ThreadDialog) and dialog.isVisible()
    assert dialog.reply_ids() == [earlier.id, later.id]  # the comments' order, not the ids'
    assert dialog.post_text.toPlainText() == "Storm kit tips. What's in yours?"
    first = dialog.entry_for(earlier.id)
    assert first is not None and first.isVisible()
    assert first.facts.text().startswith("Dana R. · Facebook · May 10, 2026")
    assert first.comment.text() == COMPLAINT  # the exact text
    assert first.complaint.isVisible() and first.complaint.text().endswith("#1 in the register")
    assert (first.status.text(), first.body.text()) == (
        "Your reply · Draft",
        "I'm sorry, Dana. Please call me at 555-0100.",
    )
    assert "in the complaint register" in first.accessibleName()
    second = dialog.entry_for(later.id)
    assert second is not None and not second.complaint.isVisible()
    assert first.y() < second.y()  # shown in the comments' order


def test_double_click_opens_the_reply_in_the_editor(qtbot, window, services):
    post, _earlier, later, _review = _thread(services)
    assert window.posts.open(post.id)
    window.actions_.show_thread.trigger()
    dialog = window.replies.threads.dialog
    assert dialog is not None and dialog.current is not None
    entry = dialog.entry_for(later.id)
    assert entry is not None
    qtbot.mouseDClick(entry.body, Qt.MouseButton.LeftButton)  # on the reply's words
    qtbot.waitUntil(lambda: window.posts.session.post_id == later.id)
    assert window.centre.editor.toPlainText() == "Thanks, Ana!"
    assert window.centre.comment.text.toPlainText() == THANKS
    assert window.centre.comment.on_post.currentData() == post.id


def test_enter_on_a_comment_opens_its_reply_and_the_thread_follows_changes(qtbot, window, services):
    post, earlier, later, _review = _thread(services)
    dialog = window.replies.threads.show_thread(post.id)
    assert dialog is not None
    entry = dialog.entry_for(earlier.id)
    assert entry is not None
    entry.setFocus()
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.posts.session.post_id == earlier.id)
    services.library.delete(later.id)
    dialog.refresh()
    assert dialog.reply_ids() == [earlier.id] and dialog.entry_for(later.id) is None
    services.library.delete(post.id)
    dialog.refresh()
    assert dialog.heading.text().startswith("That post is no longer")
    assert not dialog.new_reply.isEnabled()


def test_a_new_comment_from_the_thread_makes_a_linked_reply(qtbot, window, services):
    post, _earlier, _later, _review = _thread(services)
    assert window.posts.open(post.id)
    dialog = window.replies.threads.show_thread()
    assert dialog is not None
    dialog.new_reply.click()
    panel = window.centre.comment
    assert panel.isVisible() and panel.on_post.currentData() == post.id
    assert panel.platform.text() == "facebook"  # where the post ran
    assert window.centre.targeting.platforms() == ("facebook",)
    panel.text.setPlainText("Do you cover flood?")
    window.centre.editor.setPlainText("Good question, Sam: flood is a separate policy.")
    reply = window.posts.session.save_now()
    assert reply is not None
    stored = services.library.get(reply.id).in_reply_to
    assert stored is not None and stored.on_post_id == post.id
    dialog.refresh()
    assert dialog.reply_ids()[-1] == reply.id  # undated: after the dated comments


def test_reply_on_this_post_and_the_reviews_thread(qtbot, window, services):
    post, earlier, _later, review = _thread(services)
    assert window.posts.open(earlier.id)  # a reply open: its post's thread
    window.actions_.reply_on_post.trigger()
    assert window.centre.comment.on_post.currentData() == post.id
    dialog = window.replies.threads.show_thread(review.id)
    assert dialog is not None and dialog.post_id is None
    assert dialog.reply_ids() == [review.id]
    assert dialog.group_titles() == ["Google · Bo"]
    dialog.switch.click()
    assert dialog.post_id is None  # opened for the reviews: nothing to go back to
    window.replies.threads.show_thread(post.id)
    assert dialog.post_id == post.id and "Reviews" in dialog.switch.text()
    dialog.switch.click()
    assert dialog.post_id is None and f"Post {post.id}" in dialog.switch.text()


def test_new_reply_picks_the_post_the_comment_was_on(qtbot, window, services):
    post, _earlier, _later, _review = _thread(services)
    window.actions_.new_reply.trigger()  # File > New Reply: no post until the agent picks one
    panel = window.centre.comment
    assert panel.on_post.currentData() is None
    offered = [panel.on_post.itemData(i) for i in range(panel.on_post.count())]
    assert offered == [None, post.id]  # replies are not posts a comment is left on
    panel.text.setPlainText("Where do I drop the coats?")
    panel.on_post.setCurrentIndex(1)
    panel.on_post.activated.emit(1)
    reply = window.posts.session.save_now()
    assert reply is not None and services.library.get(reply.id).in_reply_to.on_post_id == post.id
    assert services.threads.thread(post.id).replies[-1].reply_id == reply.id
