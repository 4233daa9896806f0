"""Images in the window: attach by drop, paste and picker; alt text, order, removal, the
location badge, chips and previews, refusals, opening larger, approval voided by a swap."""

from __future__ import annotations

import gc
import time
import warnings
import weakref
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from composer.domain.posts import PostDraft
from composer.ui.images.image_drop import ImageOffer
from tests.helpers.images import camera_jpeg, encode, picture
from tests.helpers.widgets import wait_checked

CAPTION = "Our office team at the charity run. Proud of everyone who ran!"


def _open(window, services, body=CAPTION, platforms=("facebook",), attachments=()):
    post = services.library.create(
        PostDraft(body=body, platforms=platforms, attachments=attachments)
    )
    assert window.posts.open(post.id)
    return post


def _strip(window):
    return window.centre.attachments


def _wait_attached(qtbot, window, count: int) -> None:
    jobs = window.posts.images.jobs
    qtbot.waitUntil(
        lambda: not jobs.busy() and len(_strip(window).attachments()) == count, timeout=10_000
    )


def _drop(widget, mime: QMimeData) -> None:
    """What the window system delivers when files are dragged over the editor and dropped."""
    where = QPointF(20, 20)
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton)
    with warnings.catch_warnings():  # PySide flags Qt's only QDragEnterEvent constructor
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(where.toPoint(), *args, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(where, *args, Qt.KeyboardModifier.NoModifier))


def _files(tmp_path, **named: bytes) -> list:
    paths = []
    for name, data in named.items():
        path = tmp_path / name.replace("_", ".")
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_attach_by_file_picker(qtbot, window, services, tmp_path, monkeypatch):
    post = _open(window, services)
    [path] = _files(tmp_path, team_png=encode(picture(400, 300), "png"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], "Images"))
    _strip(window).add_button.click()
    _wait_attached(qtbot, window, 1)
    window.posts.session.save_now()
    [saved] = services.library.get(post.id).attachments
    assert (saved.original_name, saved.width, saved.height) == ("team.png", 400, 300)
    tile = _strip(window).tiles()[0]
    qtbot.waitUntil(lambda: not tile.thumb.icon().isNull())
    chips = window.centre.chips.chips  # rebuilt when the next check result arrives
    qtbot.waitUntil(lambda: "facebook" in chips() and "1 image" in chips()["facebook"].text())


def test_attach_by_drop_on_the_editor(qtbot, window, services, tmp_path):
    _open(window, services)
    # The first file takes the longest: the strip still keeps the order they were dropped in.
    big = camera_jpeg(3000, 2000, gps=True)
    paths = _files(tmp_path, a_jpg=big, b_png=encode(picture(), "png"))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    _drop(window.centre.editor.viewport(), mime)
    _wait_attached(qtbot, window, 2)
    assert window.centre.editor.toPlainText() == CAPTION  # no file path typed in
    assert [a.original_name for a in _strip(window).attachments()] == ["a.jpg", "b.png"]

    def badges() -> list[bool]:  # the strip may rebuild its tiles as checks come back
        return [tile.location.isVisibleTo(window) for tile in _strip(window).tiles()]

    qtbot.waitUntil(lambda: badges() == [True, False], timeout=5000)


def test_attach_by_paste(qtbot, window, services):
    _open(window, services)
    mime = QMimeData()
    mime.setData("image/png", encode(picture(50, 50), "png"))
    QApplication.clipboard().setMimeData(mime)
    window.centre.editor.setFocus()
    window.centre.editor.paste()
    _wait_attached(qtbot, window, 1)
    assert _strip(window).attachments()[0].original_name == "pasted image.png"
    QApplication.clipboard().setImage(picture(30, 20))  # a screenshot: no file, no bytes
    window.centre.editor.paste()
    _wait_attached(qtbot, window, 2)
    assert window.centre.editor.toPlainText() == CAPTION


def test_pasted_text_stays_text(qtbot, window, services):
    _open(window, services, body="")
    mime = QMimeData()
    mime.setText("Copied from a spreadsheet")
    mime.setData("image/png", encode(picture(), "png"))  # office programs add a picture
    QApplication.clipboard().setMimeData(mime)
    window.centre.editor.paste()
    assert window.centre.editor.toPlainText() == "Copied from a spreadsheet"
    assert not window.posts.images.jobs.busy() and _strip(window).attachments() == ()


def test_bad_images_are_refused_in_one_line(qtbot, window, services, tmp_path):
    post = _open(window, services)
    paths = _files(tmp_path, notes_jpg=b"not a picture", cut_jpg=camera_jpeg()[:-50])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    _drop(window.centre.editor.viewport(), mime)
    qtbot.waitUntil(lambda: not window.posts.images.jobs.busy())
    text = window.banner.texts()["image-refused"]
    assert text.startswith("Not attached: ") and "\n" not in text
    assert _strip(window).attachments() == ()
    window.posts.session.save_now()
    assert services.library.get(post.id).attachments == ()


def test_alt_text_reorder_remove_and_findings(qtbot, window, services):
    a = services.images.attach_bytes(encode(picture(60, 60, "#a33"), "png"), "a.png")
    b = services.images.attach_bytes(encode(picture(60, 60, "#33a"), "png"), "b.png")
    post = _open(window, services, attachments=(a, b))
    wait_checked(qtbot, window)
    rules = [item.finding.rule for item in window.checks.items]
    assert rules.count("accessibility.alt-text.missing") == 2
    strip = _strip(window)
    qtbot.keyClicks(strip.tiles()[0].alt, "Runners at the start line")
    strip.tiles()[1].right.click()  # already last: nothing moves
    strip.tiles()[1].left.click()
    assert [x.original_name for x in strip.attachments()] == ["b.png", "a.png"]
    window.posts.session.save_now()
    saved = services.library.get(post.id).attachments
    assert [(x.original_name, x.alt_text) for x in saved] == [
        ("b.png", ""),
        ("a.png", "Runners at the start line"),
    ]
    wait_checked(qtbot, window)
    qtbot.waitUntil(
        lambda: (
            [i.finding.rule for i in window.checks.items].count("accessibility.alt-text.missing")
            == 1
        )
    )
    strip.tiles()[0].remove.click()
    window.posts.session.save_now()
    assert [x.original_name for x in services.library.get(post.id).attachments] == ["a.png"]


def test_instagram_chip_and_preview_show_the_images(qtbot, window, services):
    _open(window, services, platforms=("instagram", "x"))
    wait_checked(qtbot, window)
    chip = window.centre.chips.chips()["instagram"]
    assert "0/10 images" in chip.text() and chip.property("state") == "over"
    assert "needs at least 1" in chip.accessibleName()
    assert "platform.media.too-few.instagram" in {i.finding.rule for i in window.checks.items}
    images = [
        services.images.attach_bytes(encode(picture(100, 100, f"#{n}{n}{n}"), "png"), f"{n}.png")
        for n in range(1, 6)
    ]
    for image in images:
        _strip(window).add(replace(image, alt_text="A square"))
    assert "5/10 images" in chip.text() and chip.property("state") == "ok"
    assert "5/4 images" in window.centre.chips.chips()["x"].text()
    cards = window.centre.preview.cards
    qtbot.waitUntil(lambda: cards["x"].image.cropped is not None)
    assert cards["instagram"].image_note.text() == "1 of 5 images (swipe)"
    assert "1 more not shown here (X takes 4)" in cards["x"].image_note.text()


def test_an_image_swap_after_approval_returns_to_draft(qtbot, window, services):
    a = services.images.attach_bytes(encode(picture(), "png"), "a.png")
    post = _open(window, services, attachments=(replace(a, alt_text="Team photo"),))
    wait_checked(qtbot, window)
    window.actions_.approve.trigger()
    assert services.library.get(post.id).status == "approved"
    b = services.images.attach_bytes(encode(picture(colour="#111"), "png"), "b.png")
    _strip(window).remove(0)
    _strip(window).add(replace(b, alt_text="Team photo"))
    assert window.banner.has("approved-edit")
    window.posts.session.save_now()
    assert services.library.get(post.id).status == "draft"
    assert services.approval.active_approval(post.id) is None


def test_open_larger_and_freed_on_close(qtbot, window, services):
    a = services.images.attach_bytes(camera_jpeg(64, 48, orientation=6), "side.jpg")
    _open(window, services, attachments=(replace(a, alt_text="A phone photo"),))
    _strip(window).tiles()[0].thumb.click()
    viewer = window.posts.images.viewer
    assert viewer is not None and viewer.isVisible()
    assert viewer.picture.pixmap().width() == 48  # turned upright
    assert "A phone photo" in viewer.caption.text()
    ref = weakref.ref(viewer)
    viewer.close()
    del viewer
    qtbot.waitUntil(lambda: (QApplication.sendPostedEvents(), gc.collect(), ref() is None)[-1])


def test_a_big_photo_is_attached_off_the_gui_thread(qtbot, window, services, tmp_path):
    _open(window, services)
    [path] = _files(tmp_path, big_jpg=encode(picture(4000, 3000), "jpeg"))
    started = time.perf_counter()
    window.posts.images.take(ImageOffer(paths=(str(path),)))
    assert time.perf_counter() - started < 0.05  # returned at once; the work is queued
    assert window.posts.images.jobs.busy()
    _wait_attached(qtbot, window, 1)
    assert _strip(window).attachments()[0].width == 4000


def test_export_dialog_writes_a_bundle(qtbot, services, tmp_path, monkeypatch):
    import zipfile
    from datetime import datetime

    from composer.ui import alerts
    from composer.ui.dialogs.export import ExportDialog

    monkeypatch.setattr(alerts, "show", lambda *a, **k: True)
    photo = services.images.attach_bytes(camera_jpeg(gps=True), "IMG.JPG")
    post = services.library.create(
        PostDraft(
            body=CAPTION,
            platforms=("facebook",),
            scheduled_at=datetime(2030, 5, 13, 19, 0),
            attachments=(replace(photo, alt_text="The team"),),
        )
    )
    services.approval.approve(post.id)
    dialog = ExportDialog(services, [post.id])
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("bundle"))
    dialog.scheduler.setCurrentIndex(dialog.scheduler.findData("sprout"))
    out = tmp_path / "by-hand.zip"
    dialog.path.setText(str(out))
    assert dialog.scheduler.isEnabled()
    assert dialog.summary.text() == "Ready to export 1 approved post."
    dialog.export_button.click()
    with zipfile.ZipFile(out) as archive:
        assert archive.read("posts.csv").decode("utf-8-sig").startswith("date,time_24hr")
        assert f"images/post-{post.id}-1.jpg" in archive.namelist()
    dialog.close()


def test_the_picker_starts_in_a_folder_that_exists(window, tmp_path, monkeypatch):
    from PySide6.QtCore import QStandardPaths

    images = window.posts.images
    missing = tmp_path / "Pictures"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _kind: str(missing))
    assert images.start_folder() == str(Path.home())  # not "…/Pictures" typed as a name
    missing.mkdir()
    assert images.start_folder() == str(missing)
    images._last_folder = str(tmp_path)
    assert images.start_folder() == str(tmp_path)


def test_alt_text_has_room_and_enter_moves_on(qtbot):
    from PySide6.QtCore import Qt

    from composer.ui.images.attachments_strip import AltTextEdit

    box = AltTextEdit("")
    qtbot.addWidget(box)
    edited = []
    box.textEdited.connect(edited.append)
    box.setText("set by the program")
    assert edited == []  # only the agent's own edits count
    box.setText("")
    qtbot.keyClicks(box, "Runners")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.text() == "Runners" and edited[-1] == "Runners"
    assert box.height() > 2 * box.fontMetrics().lineSpacing()
