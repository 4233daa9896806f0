"""The feed previews: who posts, the text cut at each network's "more", the link card and
images in each network's crop. Shapes are asserted as ratios, never as font-dependent sizes."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPixmap

from composer.domain.accounts import Account
from composer.domain.posts import PostDraft
from composer.domain.profile import Profile
from composer.ui.compose.preview import PreviewView
from tests.helpers.images import picture
from tests.helpers.widgets import wait_checked

SHORT = "Flood cover starts 30 days after you buy it. Ask me before the storm season."
LONG = "Renters insurance covers your things when a pipe bursts upstairs. " * 12
ACCOUNTS = [Account(1, "linkedin", "jane-doe", "Jane Doe, CIC")]


@pytest.fixture
def preview(qtbot) -> PreviewView:
    view = PreviewView()
    qtbot.addWidget(view)
    view.resize(520, 900)
    view.show()
    return view


def _ratio(pixmap: QPixmap | None) -> float:
    assert pixmap is not None and not pixmap.isNull()
    return pixmap.width() / pixmap.height()


def test_each_card_names_who_posts(preview: PreviewView) -> None:
    preview.set_author(ACCOUNTS, 1, "Jane Q. Agent")
    preview.show_texts({"linkedin": SHORT, "instagram": SHORT}, {})
    assert list(preview.cards) == ["linkedin", "instagram"]
    assert preview.cards["linkedin"].name.text() == "Jane Doe, CIC"  # the account's name
    assert preview.cards["instagram"].name.text() == "Jane Q. Agent"  # no account there
    avatar = preview.cards["instagram"].avatar.pixmap()
    assert not avatar.isNull() and avatar.width() == avatar.height()
    preview.set_author([], None, "Sam Lee")
    assert preview.cards["linkedin"].name.text() == "Sam Lee"
    assert not preview.empty.isVisibleTo(preview)


def test_a_picture_is_the_avatar(preview: PreviewView) -> None:
    photo = QPixmap.fromImage(picture(90, 60, "#c03"))
    preview.show_texts({"x": SHORT}, {})
    before = preview.cards["x"].avatar.pixmap().toImage()
    preview.set_author([], None, "Jane", photo)
    after = preview.cards["x"].avatar.pixmap().toImage()
    centre = after.pixelColor(after.width() // 2, after.height() // 2)
    assert before != after and centre.red() > 150 and centre.green() < 80


def test_the_fold_shows_for_a_long_post_and_not_for_a_short_one(preview: PreviewView) -> None:
    preview.show_texts({"linkedin": LONG, "instagram": LONG, "facebook": SHORT}, {})
    linkedin = preview.cards["linkedin"].body.text()
    instagram = preview.cards["instagram"].body.text()
    assert "…see more" in linkedin and "… more" in instagram
    assert len(instagram) < len(linkedin)  # Instagram folds sooner (125 vs 210)
    facebook = preview.cards["facebook"].body.text()
    assert "See more" not in facebook and "Ask me before the storm season." in facebook
    preview.show_texts({"linkedin": SHORT}, {})
    assert "see more" not in preview.cards["linkedin"].body.text()
    assert list(preview.cards) == ["linkedin"]


def test_a_link_gets_a_card_with_its_domain_where_the_network_makes_one(
    preview: PreviewView,
) -> None:
    text = "Check your flood zone: https://www.fema.gov/flood-maps before you renew."
    preview.show_texts({"linkedin": text, "instagram": text}, {})
    linkedin, instagram = preview.cards["linkedin"], preview.cards["instagram"]
    assert linkedin.link_card.isVisibleTo(linkedin)
    assert linkedin.link_domain.text() == "FEMA.GOV"
    assert linkedin.link_box.heightForWidth(382) == 200  # 1.91:1
    assert not instagram.link_card.isVisibleTo(instagram)  # captions have no links
    preview.show_texts({"linkedin": SHORT}, {})
    assert not preview.cards["linkedin"].link_card.isVisibleTo(preview.cards["linkedin"])


def test_an_image_is_cropped_to_the_network(preview: PreviewView) -> None:
    wide = QPixmap.fromImage(picture(300, 100))
    tall = QPixmap.fromImage(picture(100, 300))
    preview.show_texts({"instagram": SHORT, "linkedin": SHORT, "x": SHORT}, {})
    preview.set_images([("a", wide, "Our office")])
    cards = preview.cards
    assert _ratio(cards["instagram"].image.cropped) == pytest.approx(1.0, abs=0.02)
    assert _ratio(cards["linkedin"].image.cropped) == pytest.approx(1.91, abs=0.02)
    assert _ratio(cards["x"].image.cropped) == pytest.approx(16 / 9, abs=0.02)
    assert not cards["linkedin"].link_card.isVisibleTo(cards["linkedin"])
    preview.set_images([("b", tall, "A portrait")])
    assert _ratio(cards["instagram"].image.cropped) == pytest.approx(0.8, abs=0.02)
    box = cards["instagram"].image
    assert box.heightForWidth(400) == 500  # drawn 4:5 at any width
    assert box.toolTip() == "A portrait"


def test_an_image_still_loading_keeps_the_crop(preview: PreviewView) -> None:
    preview.show_texts({"instagram": SHORT}, {})
    preview.set_images([("a", None, "")])
    box = preview.cards["instagram"].image
    assert box.isVisibleTo(preview.cards["instagram"]) and box.cropped is None
    assert box.heightForWidth(300) == 300


def test_the_window_previews_the_profile_name_and_the_fold(qtbot, window, services) -> None:
    services.library.set_profile(Profile(name="Jane Q. Agent"))
    window.posts.refresh_accounts()
    post = services.library.create(PostDraft(body=LONG, platforms=("linkedin",)))
    assert window.posts.open(post.id)
    wait_checked(qtbot, window)
    card = window.centre.preview.cards["linkedin"]
    assert card.name.text() == "Jane Q. Agent"
    qtbot.waitUntil(lambda: "…see more" in card.body.text())


def test_instagram_without_a_picture_shows_where_it_goes(preview: PreviewView) -> None:
    preview.show_texts({"instagram": SHORT, "linkedin": SHORT}, {})
    instagram, linkedin = preview.cards["instagram"], preview.cards["linkedin"]
    assert instagram.image.isVisibleTo(instagram) and instagram.image.cropped is None
    assert "needs a picture" in instagram.image.placeholder
    assert not linkedin.image.isVisibleTo(linkedin)
