"""A review's rating in the window: chosen beside the comment, read by the checks, saved
with the reply, and shown in the history, the thread and the complaint register."""

from __future__ import annotations

from composer.domain.conversations import Comment
from composer.domain.posts import PostDraft
from composer.ui.compose.comment_panel import NO_RATING
from composer.ui.dialogs.complaints import ComplaintsDialog
from composer.ui.history.history_model import post_heading
from tests.helpers.widgets import wait_checked

PLAIN = "Got my renters quote here."
PRIVATE = "conversation.private.take-it-private"


def _choose(panel, rating: int | None) -> None:
    """As the agent does: pick the item, which emits `activated`."""
    index = panel.rating.findData(rating) if rating else 0
    panel.rating.setCurrentIndex(index)
    panel.rating.activated.emit(index)


def test_the_rating_choice_offers_none_and_one_to_five_stars(qtbot, window):
    window.actions_.new_reply.trigger()
    rating = window.centre.comment.rating
    assert rating.isVisible() and rating.accessibleName() == "The review's rating"
    assert [rating.itemText(n) for n in range(rating.count())] == [
        NO_RATING,
        "★☆☆☆☆",
        "★★☆☆☆",
        "★★★☆☆",
        "★★★★☆",
        "★★★★★",
    ]
    assert rating.currentData() is None and window.centre.comment.comment().rating is None


def test_a_low_rating_is_read_as_a_complaint_and_saved_with_the_reply(qtbot, window, services):
    window.actions_.new_reply.trigger()
    panel = window.centre.comment
    panel.text.setPlainText(PLAIN)
    window.centre.editor.setPlainText("Thanks, Dana. Glad we could help with the quote.")
    wait_checked(qtbot, window)
    assert PRIVATE not in {item.finding.rule for item in window.checks.items}
    _choose(panel, 2)
    qtbot.waitUntil(lambda: "a 2-star rating" in panel.reading.text())
    qtbot.waitUntil(lambda: PRIVATE in {item.finding.rule for item in window.checks.items})
    post = window.posts.session.save_now()
    assert post is not None and services.library.get(post.id).in_reply_to.rating == 2
    assert post_heading(services.library.get(post.id)).startswith("↩ ★★☆☆☆ “Got my renters")
    _choose(panel, 5)  # a kind rating: no complaint
    qtbot.waitUntil(lambda: "complaint" not in panel.reading.text())
    post = window.posts.session.save_now()
    assert services.library.get(post.id).in_reply_to.rating == 5


def test_opening_a_reply_shows_its_rating_and_no_rating_clears_it(qtbot, window, services):
    rated = services.library.create(
        PostDraft(
            body="Thank you!",
            platforms=("facebook",),
            in_reply_to=Comment("Lovely people", "Bo", "google", rating=4),
        )
    )
    plain = services.library.create(
        PostDraft(body="Thanks!", platforms=("facebook",), in_reply_to=Comment("Nice tips"))
    )
    panel = window.centre.comment
    assert window.posts.open(rated.id)
    assert panel.rating.currentText() == "★★★★☆"
    assert window.posts.open(plain.id)
    assert panel.rating.currentText() == NO_RATING
    assert window.posts.open(rated.id)
    _choose(panel, None)
    post = window.posts.session.save_now()
    assert post is not None and services.library.get(rated.id).in_reply_to.rating is None


def test_the_register_and_the_thread_show_the_rating(qtbot, services):
    from composer.ui.dialogs.thread import comment_heading

    entry = services.conversations.record(Comment(PLAIN, "Dana R.", rating=1), "Sorry.")
    dialog = ComplaintsDialog(services.conversations)
    qtbot.addWidget(dialog)
    assert "Rating: ★☆☆☆☆ (1 of 5 stars)" in dialog.facts.text()
    assert "Dana R. ★☆☆☆☆" in dialog.entries.item(0).text()
    reply = services.library.create(
        PostDraft(
            body="Sorry.",
            platforms=("facebook",),
            in_reply_to=Comment(PLAIN, "Dana R.", "google", rating=1),
        )
    )
    [shown] = services.threads.reviews().replies
    assert shown.reply_id == reply.id and entry.comment.rating == 1
    assert comment_heading(shown) == "Dana R. · Google · ★☆☆☆☆"


def test_an_approved_reply_keeps_its_rating_locked(qtbot, window, services):
    reply = services.library.create(
        PostDraft(
            body="I'm sorry, Dana. Please call me at 555-0100 so I can help.",
            platforms=("facebook",),
            in_reply_to=Comment(PLAIN, "Dana R.", "google", rating=1),
        )
    )
    services.approval.approve(reply.id)
    assert window.posts.open(reply.id)
    centre = window.centre
    assert centre.locked and centre.comment.text.isReadOnly()
    assert not centre.comment.rating.isEnabled()
    assert centre.comment.rating.currentText() == "★☆☆☆☆"
