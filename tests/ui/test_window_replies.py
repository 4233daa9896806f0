"""Replies in the window: New Reply, the comment field, its reading, the register."""

from __future__ import annotations

from composer.domain.conversations import Comment
from composer.domain.posts import PostDraft, PostQuery
from composer.ui.dialogs.complaints import ComplaintsDialog
from composer.ui.history.history_model import post_heading
from tests.helpers.widgets import assert_freed_on_close, wait_checked

COMPLAINT = "One star. Nobody at this agency ever calls me back about my claim!"


def test_new_reply_takes_the_comment_and_the_checks_read_it(qtbot, window, services):
    window.actions_.new_reply.trigger()
    panel = window.centre.comment
    assert panel.isVisible() and panel.text.hasFocus()
    panel.text.setPlainText(COMPLAINT)
    panel.author.setText("Dana R.")
    panel.author.textEdited.emit("Dana R.")
    window.centre.editor.setPlainText("That's not on us, Dana. Your claim was denied.")
    wait_checked(qtbot, window)
    rules = {item.finding.rule for item in window.checks.items}
    assert {"conversation.tone.blaming", "compliance.privacy.reply-record"} <= rules
    assert "conversation.private.take-it-private" in rules
    qtbot.waitUntil(lambda: "complaint" in panel.reading.text())
    post = window.posts.session.save_now()
    assert post is not None
    stored = services.library.get(post.id).in_reply_to
    assert stored is not None and (stored.text, stored.author) == (COMPLAINT, "Dana R.")
    assert post_heading(services.library.get(post.id)).startswith("↩ “One star. Nobody at")


def test_a_kind_private_reply_has_no_findings(qtbot, window):
    window.actions_.new_reply.trigger()
    window.centre.comment.text.setPlainText(COMPLAINT)
    window.centre.editor.setPlainText(
        "I'm sorry, Dana. I'd like to help: please call me at 555-0100."
    )
    wait_checked(qtbot, window)
    assert [i.finding.rule for i in window.checks.items] == []


def test_an_ordinary_post_shows_no_comment_field(qtbot, window, services):
    post = services.library.create(PostDraft(body="Storm kit tips.", platforms=("facebook",)))
    assert window.posts.open(post.id)
    assert not window.centre.comment.isVisible()
    assert window.posts.collect().in_reply_to is None


def test_flag_as_complaint_records_the_comment_word_for_word(qtbot, window, services):
    reply = services.library.create(
        PostDraft(
            body="I'm sorry. Please call me.",
            platforms=("facebook",),
            in_reply_to=Comment(COMPLAINT, "Dana R.", "google", "https://g.co/r/1"),
        )
    )
    assert window.posts.open(reply.id)
    window.centre.comment.flag.click()
    [entry] = services.conversations.complaints()
    assert (entry.post_id, entry.comment.text, entry.comment.author) == (
        reply.id,
        COMPLAINT,
        "Dana R.",
    )
    qtbot.waitUntil(lambda: "in the complaint register" in window.centre.comment.reading.text())
    assert not window.centre.comment.flag.isEnabled()
    assert services.history.page(PostQuery())[0].in_reply_to is not None


def test_the_register_dialog_changes_status_with_a_note(qtbot, services):
    entry = services.conversations.record(Comment(COMPLAINT, "Dana R."), "Sorry, call me.")
    dialog = ComplaintsDialog(services.conversations)
    qtbot.addWidget(dialog)
    assert dialog.comment.toPlainText() == COMPLAINT
    dialog.status.setCurrentIndex(2)  # resolved
    dialog.note.setText("")
    dialog.save_status()
    assert "Say what was done" in dialog.message.text()
    assert services.conversations.get(entry.id).status == "open"
    dialog.note.setText("Called her; fixed.")
    dialog.save_status()
    assert services.conversations.get(entry.id).status == "resolved"
    assert "resolved" in dialog.message.text()
    dialog.filter.setCurrentIndex(1)  # open only
    assert dialog.entries.count() == 0 and dialog.current() is None


def test_the_register_dialog_is_freed_on_close(qtbot, services):
    def make():
        dialog = ComplaintsDialog(services.conversations)
        dialog.show()
        return dialog

    def close(dialog):
        dialog.reject()
        dialog.deleteLater()

    assert_freed_on_close(make, close)


def test_the_profile_keeps_the_reply_snippet(qtbot, services):
    from composer.domain.profile import Profile
    from composer.ui.dialogs.profile import ProfileDialog

    snippet = "Please call me at 555-0100 so I can look into this with you."
    services.library.set_profile(Profile(name="Sam Ortiz", reply_snippet=snippet))
    dialog = ProfileDialog(services.library)
    qtbot.addWidget(dialog)
    assert dialog.reply_snippet.toPlainText() == snippet
    dialog.agency.setText("Ortiz Insurance")
    assert dialog.profile().reply_snippet == snippet  # saving the profile keeps it
