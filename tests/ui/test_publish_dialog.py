"""Post > Mark as Published…: a publication recorded from the window, refusals in words."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from composer.domain.posts import PostDraft
from composer.ui.dialogs.publish import PublishDialog, outcome_words

TEXT = "Storm season: photograph every room now, so an inventory is ready."


def test_mark_as_published_records_the_run_and_says_when_the_text_differs(qtbot, services):
    post = services.library.create(PostDraft(body=TEXT, platforms=("facebook", "linkedin")))
    services.approval.approve(post.id)
    dialog = PublishDialog(services.records, post.id, ("facebook", "linkedin"))
    qtbot.addWidget(dialog)
    assert [dialog.platform.itemText(i) for i in range(dialog.platform.count())] == [
        "Facebook",
        "LinkedIn",
    ]
    dialog.platform.setCurrentIndex(1)
    dialog.url.setText("linkedin post")
    dialog.save()
    assert "is not a web address" in dialog.message.text() and "--url" not in dialog.message.text()
    assert dialog.published is None and services.records.publications(post.id) == []

    dialog.url.setText("https://www.linkedin.com/posts/1")
    dialog.audience.setCurrentIndex(dialog.audience.findData("boosted"))
    dialog.spend.setText("25")
    dialog.live_text.setPlainText(TEXT.replace("now", "NOW!"))
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [publication] = services.records.publications(post.id)
    assert (publication.platform, publication.audience) == ("linkedin", "boosted")
    assert publication.url == "https://www.linkedin.com/posts/1"
    assert publication.live_matches is False
    assert "differs from the approved text" in outcome_words(publication)


def test_a_post_without_approval_is_refused_in_plain_words(qtbot, services):
    post = services.library.create(PostDraft(body=TEXT, platforms=("facebook",)))
    dialog = PublishDialog(services.records, post.id, ("facebook",))
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.message.text() == "This post has no approval that applies: approve it first."
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert services.records.publications(post.id) == []


def test_the_post_menu_offers_mark_as_published(qtbot, window):
    titles = [a.text() for a in window.menuBar().actions()]
    post_menu = window.menuBar().actions()[titles.index("&Post")].menu()
    assert "Mark as &Published…" in [a.text() for a in post_menu.actions()]


def test_a_retired_post_is_refused_in_plain_words(qtbot, services):
    post = services.library.create(PostDraft(body=TEXT, platforms=("facebook",)))
    services.approval.approve(post.id)
    services.records.retire(post.id)
    dialog = PublishDialog(services.records, post.id, ("facebook",))
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.message.text().startswith("This post is retired")
    assert services.records.publications(post.id) == []
