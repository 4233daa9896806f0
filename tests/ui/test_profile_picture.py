"""The profile's picture: chosen, stored like an image, saved as a key, shown round in the
previews; a file that is no image is refused with a plain line."""

from __future__ import annotations

from pathlib import Path

from composer.domain.profile import Profile
from composer.ui.dialogs.profile import ProfileDialog
from tests.helpers.images import encode, picture


def _red_png(tmp_path: Path) -> Path:
    path = tmp_path / "me.png"
    path.write_bytes(encode(picture(120, 80, "#d02020"), "png"))
    return path


def test_a_chosen_picture_is_saved_with_the_profile(qtbot, services, tmp_path) -> None:
    dialog = ProfileDialog(services.library, images=services.images)
    qtbot.addWidget(dialog)
    assert not dialog.picture.remove.isEnabled()
    dialog.name.setText("Jane Q. Agent")
    assert dialog.picture.take(_red_png(tmp_path))
    assert dialog.picture.remove.isEnabled()
    shown = dialog.picture.shown.pixmap().toImage()
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2).red() > 150
    dialog.save()
    saved = services.library.profile()
    assert saved is not None and saved.name == "Jane Q. Agent"
    key = saved.picture_key()
    assert key is not None and key[1] == "png"
    assert services.images.has(*key)


def test_initials_again_and_a_refused_file(qtbot, services, tmp_path) -> None:
    services.library.set_profile(Profile(name="Sam Lee", picture="0" * 64 + ".png"))
    dialog = ProfileDialog(services.library, images=services.images)
    qtbot.addWidget(dialog)
    assert dialog.picture.picture.endswith(".png")  # loaded (its file is gone: initials)
    bad = tmp_path / "notes.png"
    bad.write_text("not a picture")
    assert not dialog.picture.take(bad)
    assert "could not be used" in dialog.message.text()
    dialog.picture.remove.click()
    dialog.save()
    saved = services.library.profile()
    assert saved is not None and saved.picture == "" and saved.picture_key() is None


def test_the_previews_show_the_profile_picture(qtbot, window, services, tmp_path) -> None:
    stored = services.images.attach_file(_red_png(tmp_path))
    services.library.set_profile(
        Profile(name="Jane Q. Agent", picture=f"{stored.sha256}.{stored.format}")
    )
    window.posts.refresh_accounts()
    window.centre.preview.show_texts({"facebook": "Hello"}, {})
    avatar = window.centre.preview.cards["facebook"].avatar.pixmap().toImage()
    centre = avatar.pixelColor(avatar.width() // 2, avatar.height() // 2)
    assert centre.red() > 150 and centre.green() < 80
