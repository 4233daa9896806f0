"""The application around the window: start-up, problems in plain words, look, safety."""

from __future__ import annotations

import gc
import logging
import sqlite3
import sys
import weakref

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from composer.guidelines.platforms import load_platforms
from composer.storage.database import library_path, open_library
from composer.ui.compose.preview import cut_at_fold
from composer.ui.editor.offsets import OffsetMap, utf16_length
from composer.ui.shell import app_setup
from composer.ui.shell.main_window import MainWindow, fits
from composer.ui.shell.startup import StartupLoader


def _started(qtbot, data_dir) -> MainWindow:
    """A window filled in by the real background loader, as `composer` does it."""
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    loader = StartupLoader(data_dir, window)
    loader.libraryOpened.connect(window.attach_services)
    loader.libraryFailed.connect(window.library_failed)
    loader.engineReady.connect(window.attach_engine)
    loader.engineFailed.connect(window.engine_failed)
    loader.storeStatus.connect(window.store_status)
    window.show()
    with qtbot.waitSignal(loader.finished, timeout=20_000):
        loader.start()
    return window


# -- offsets --------------------------------------------------------------------------


def test_offsets_map_code_points_to_utf16_and_back():
    text = "a😀b🎉🎉c"
    offsets = OffsetMap(text)
    assert [offsets.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 8, 9]
    assert [offsets.to_code_point(p) for p in (0, 1, 2, 3, 4, 6, 8, 9)] == [
        0,
        1,
        1,
        2,
        3,
        4,
        5,
        6,
    ]
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2
    assert OffsetMap("plain").to_utf16(3) == 3


def test_preview_cuts_at_the_fold_on_a_whole_word():
    instagram = load_platforms()["instagram"]
    text = "word " * 60
    folded = cut_at_fold(text, instagram)
    assert folded.cut and len(folded.shown) <= 125 and folded.shown.endswith("word")
    assert not cut_at_fold("short", instagram).cut


# -- start-up -------------------------------------------------------------------------


def test_window_starts_in_the_background_and_opens_a_blank_draft(qtbot, data_dir):
    window = _started(qtbot, data_dir)
    assert window.services is not None
    assert window.checks.checker.ready
    assert window.posts.session.post is not None  # the first-run sample
    assert "welcome" in window.banner.texts()
    assert (data_dir / "dictionary.txt").exists()


def test_a_newer_library_is_explained_not_opened(qtbot, data_dir):
    path = library_path(data_dir)
    open_library(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.close()
    window = _started(qtbot, data_dir)
    text = window.banner.texts()["library"]
    assert "newer version of Composer" in text and "Traceback" not in text
    assert window.centre.editor.isReadOnly()
    assert not window.actions_.approve.isEnabled()


def test_a_damaged_library_is_recovered_and_the_notice_shown(qtbot, data_dir):
    library_path(data_dir).write_bytes(b"this is not a database" * 100)
    window = _started(qtbot, data_dir)
    notices = [t for k, t in window.banner.texts().items() if k.startswith("library-")]
    assert notices and "damaged" in notices[0]


def test_a_read_only_library_is_shown_but_nothing_can_be_changed(qtbot, data_dir, monkeypatch):
    from composer.app.container import Services
    from composer.domain.posts import PostDraft
    from composer.storage import library_file

    with Services.open(data_dir) as services:
        services.library.create(PostDraft(body="Storm kit tips?"))
    reason = f"permission denied ({library_path(data_dir)})"
    monkeypatch.setattr(library_file, "write_problem", lambda _path: reason)
    window = _started(qtbot, data_dir)
    notices = [t for k, t in window.banner.texts().items() if k.startswith("library-")]
    assert notices and "can be read but not changed" in notices[0] and reason in notices[0]
    assert window.centre.editor.isReadOnly()
    assert not window.actions_.approve.isEnabled() and not window.actions_.new.isEnabled()
    assert window.services.database.read_only == reason


def test_an_unreadable_custom_pack_is_named_in_the_banner(qtbot, data_dir):
    rules = data_dir / "guidelines"
    rules.mkdir()
    (rules / "mine.toml").write_text("this is = = not toml", encoding="utf-8")
    window = _started(qtbot, data_dir)
    packs = [t for k, t in window.banner.texts().items() if k.startswith("pack-")]
    assert packs and "mine.toml" in packs[0]


def test_no_secure_keyring_is_said_plainly(qtbot, window):
    from composer.secrets.store import StoreStatus

    window.store_status(StoreStatus(False, ""))
    assert "no secure password store" in window.banner.texts()["keyring"]


def test_one_instance_per_library(data_dir):
    first = app_setup.InstanceLock(data_dir)
    assert first.acquire()
    second = app_setup.InstanceLock(data_dir)
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_a_second_launch_says_the_library_is_already_open(data_dir):
    import os
    import subprocess

    lock = app_setup.InstanceLock(data_dir)
    assert lock.acquire()
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COMPOSER_QUIT_AFTER_MS": "300"}
        done = subprocess.run(
            [sys.executable, "-m", "composer", "--data-dir", str(data_dir)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        lock.release()
    assert done.returncode == 1
    assert "already open with this library" in done.stderr
    assert "Traceback" not in done.stderr


def test_run_marker_tells_an_unclean_exit(data_dir):
    marker = app_setup.RunMarker(data_dir)
    assert not marker.unclean
    marker.start()
    assert app_setup.RunMarker(data_dir).unclean
    marker.finish()
    assert not app_setup.RunMarker(data_dir).unclean


def test_log_file_rotates_in_the_data_folder(data_dir):
    path = app_setup.setup_logging(data_dir)
    logging.getLogger("composer.test").info("hello from the test")
    assert path.parent == data_dir / "logs"
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_composer", False))
    handler.flush()
    assert "hello from the test" in path.read_text(encoding="utf-8")
    assert handler.maxBytes > 0 and handler.backupCount > 0
    logging.getLogger().removeHandler(handler)
    handler.close()


def test_unexpected_errors_save_the_draft_log_and_tell_the_user(caplog):
    saved, told = [], []
    previous = app_setup.install_excepthook(
        lambda summary, details: told.append((summary, details)), lambda: saved.append(True)
    )
    try:
        try:
            raise ValueError("boom")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    assert saved == [True]
    assert told[0][0] == "ValueError: boom" and "Traceback" in told[0][1]
    assert "unexpected error" in caplog.text


# -- look -----------------------------------------------------------------------------


@pytest.fixture
def dark_scheme():
    from composer.ui.shell import theme

    theme.request_scheme("dark")
    yield
    theme.request_scheme("system")


def test_dark_scheme_renders(qtbot, window, dark_scheme):
    from tests.helpers.widgets import wait_checked

    window.centre.editor.setPlainText("We offer the best rates in town. Questions?")
    wait_checked(qtbot, window)
    window.apply_scheme()
    # Palette changes reach widgets through the event loop.
    qtbot.waitUntil(lambda: window.palette().color(window.backgroundRole()).lightness() < 100)
    image = window.grab().toImage()
    assert not image.isNull()
    sample = image.pixelColor(image.width() // 2, image.height() // 2)
    assert sample.lightness() < 100, sample.name()
    assert window.palette().color(window.backgroundRole()).lightness() < 100
    cards = window.findings.cards()
    assert cards and cards[0].grab().toImage().pixelColor(20, 5).lightness() < 100
    # An unticked platform box stands out from the dark window (its outline is light).
    box = next(b for b in window.centre.targeting.boxes.values() if not b.isChecked())
    shot = box.grab().toImage()
    left = [
        shot.pixelColor(x, y).lightness()
        for x in range(min(20, shot.width()))
        for y in range(shot.height())
    ]
    assert max(left) > 120 and min(left) < 60
    from composer.ui.shell import theme

    theme.request_scheme("system")
    window.apply_scheme()
    qtbot.waitUntil(lambda: window.palette().color(window.backgroundRole()).lightness() > 150)


def test_window_geometry_and_splitters_are_remembered(qtbot, make_window, services, data_dir):
    """What is stored is what the window had, and a new window comes back to it exactly.

    No pixel sizes are asserted: panes have minimum widths that depend on the fonts, and
    the offscreen screen is small, so Qt fits windows and panes to both: the side-by-side
    panes may be at their minimum widths, and a restored window narrower than the first.
    The editor and findings, one above the other, have room to be dragged.
    """

    window = make_window(services)
    window.splitter.setSizes([200, 500, 300])
    saved = window.splitter.saveState()
    window.close()
    assert window._state.value("geometry") is not None
    again = make_window(services)
    assert again.splitter.saveState() == saved
    assert fits(again.frameGeometry(), again._available()) or (
        again.minimumSizeHint().width() > again._available().width()  # a tiny test screen
    )


def test_shortcuts_are_the_documented_ones(window):
    a = window.actions_
    expected = {
        a.new: "Ctrl+N",
        a.save: "Ctrl+S",
        a.find: "Ctrl+F",
        a.approve: "Ctrl+Shift+A",
        a.export: "Ctrl+E",
        a.help_finding: "F1",
        a.next_finding: "F8",
        a.previous_finding: "Shift+F8",
        a.apply_fix: "Ctrl+.",
        a.revisions: "Ctrl+Shift+H",
        a.quit: "Ctrl+Q",
        a.calendar: "Ctrl+Shift+L",
        a.history_view: "Ctrl+Shift+Y",
    }
    for action, keys in expected.items():
        assert action.shortcut() == QKeySequence(keys), action.text()


def test_help_lists_every_shortcut_the_window_has(qtbot, window):
    from composer.ui.dialogs.shortcuts import ShortcutsDialog

    dialog = ShortcutsDialog(window.actions(), window)
    qtbot.addWidget(dialog)
    keys = dict((k, t) for t, k in dialog.rows)
    with_keys = [a for a in window.actions() if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 10
    for action in with_keys:
        assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in keys
    assert keys[QKeySequence("F8").toString(QKeySequence.SequenceFormat.NativeText)] == (
        "Next Finding"
    )
    assert dialog.table.rowCount() == len(dialog.rows)


def test_ctrl_n_gives_a_new_draft_with_the_cursor_in_the_editor(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.centre.editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.posts.session.post is None
    assert window.centre.editor.hasFocus()
    assert window.centre.editor.toPlainText() == ""


def test_controls_have_accessible_names(window):
    centre = window.centre
    for widget in (
        centre.editor,
        centre.approve,
        centre.targeting.account,
        window.findings,
        *centre.targeting.boxes.values(),
    ):
        assert widget.accessibleName(), widget


# -- dialogs --------------------------------------------------------------------------


def test_reasons_dialog_is_freed_on_close(qtbot, window, services):
    from composer.domain.findings import Finding
    from composer.services.approval import PlatformFinding
    from composer.ui.compose.approve_flow import ReasonsDialog

    finding = Finding("r", "compliance.free", "error", "Says free.", start=0, end=4, text="Free")
    gc.disable()
    try:
        dialog = ReasonsDialog([PlatformFinding("x", finding)], window)
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()
        dialog.fields[0].setText("It really is free.")
        assert ok.isEnabled()
        assert dialog.reasons() == {PlatformFinding("x", finding).key: "It really is free."}
        ref = weakref.ref(dialog)
        dialog.show()
        dialog.close()
        dialog.deleteLater()
        del dialog, ok
        QGuiApplication.processEvents()
        from PySide6.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert ref() is None
    finally:
        gc.enable()


def test_reasons_dialog_asks_once_per_finding_and_can_take_one_reason_for_all(qtbot, window):
    from composer.domain.findings import Finding
    from composer.services.approval import PlatformFinding
    from composer.ui.compose.approve_flow import ReasonsDialog

    free = Finding("r", "compliance.free", "error", "Says free.", start=0, end=4, text="Free")
    best = Finding("b", "compliance.exaggeration", "error", "Best.", start=9, end=13, text="best")
    errors = [PlatformFinding(p, f) for p in ("facebook", "linkedin") for f in (free, best)]
    dialog = ReasonsDialog(errors, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    assert len(dialog.fields) == 2  # one per distinct error, not one per platform
    assert dialog.focusWidget() is dialog.fields[0]
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.fields[0].setText("Free is the carrier's own programme name.")
    assert not ok.isEnabled()
    dialog.same.setChecked(True)
    dialog.common.setText("Reviewed with the carrier's compliance desk.")
    assert ok.isEnabled()
    reasons = dialog.reasons()
    assert set(reasons) == {e.key for e in errors}
    assert set(reasons.values()) == {"Reviewed with the carrier's compliance desk."}
    dialog.same.setChecked(False)
    assert dialog.reasons()[errors[0].key] == "Free is the carrier's own programme name."
    assert not ok.isEnabled()


def test_reasons_written_before_are_offered_again(qtbot, window, services, monkeypatch):
    from composer.domain.posts import PostDraft
    from composer.ui.compose import approve_flow
    from composer.ui.compose.approve_flow import ReasonsDialog

    risky = "Your claim is guaranteed to be paid fast, no questions asked."
    first = services.library.create(PostDraft(body=risky, platforms=("x",)))
    services.approval.approve(first.id, reason="Free quote, not free coverage (checked)")
    assert services.approval.recent_reasons()[0] == "Free quote, not free coverage (checked)"
    seen = []

    def fake_exec(dialog):
        seen.append(dialog.completer.model().stringList())
        return 0

    monkeypatch.setattr(ReasonsDialog, "exec", fake_exec)
    second = services.library.create(PostDraft(body=risky + " Call me.", platforms=("x",)))
    approve_flow.approve_post(window, services.approval, second.id)
    assert seen and "Free quote, not free coverage (checked)" in seen[0]


def test_window_is_freed_on_close(qtbot, services, data_dir, engine):
    """Its widgets go with it (Qt side) and nothing keeps the Python object alive."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from shiboken6 import isValid

    window = MainWindow(data_dir)
    window.attach_services(services)
    window.attach_engine(engine)
    window.show()
    ref = weakref.ref(window)
    editor = window.centre.editor
    window.close()
    window.deleteLater()
    del window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(editor)
    del editor
    gc.collect()
    assert ref() is None


def test_a_saved_window_that_no_longer_fits_the_screen_is_placed_anew():
    from PySide6.QtCore import QRect

    laptop = QRect(0, 0, 1366, 728)
    assert fits(QRect(40, 30, 1200, 680), laptop)
    assert not fits(QRect(300, 100, 1800, 1000), laptop)  # saved on a big monitor
    assert not fits(QRect(100, 100, 1172, 435), laptop)  # too short to work in
    assert not fits(QRect(2000, 100, 1200, 680), laptop)  # on a screen that is gone
    assert fits(QRect(-8, -8, 1382, 744), laptop)  # maximised, frame overhanging


def test_the_platform_row_wraps_instead_of_widening_the_window(qtbot):
    from composer.ui.compose.targeting import TargetingBar

    bar = TargetingBar()
    qtbot.addWidget(bar)
    layout = bar.layout()
    one_line, narrowest = bar.sizeHint().width(), bar.minimumSizeHint().width()
    assert narrowest < one_line / 2
    assert layout.heightForWidth(narrowest) > layout.heightForWidth(one_line)


def test_a_wide_editor_keeps_a_readable_column(qtbot):
    from composer.ui.editor.draft_editor import MEASURE, DraftEditor

    editor = DraftEditor()
    qtbot.addWidget(editor)
    column = editor.fontMetrics().horizontalAdvance("n") * MEASURE
    editor.resize(column // 2, 300)
    editor.show()
    qtbot.waitUntil(lambda: editor.viewportMargins().left() == 0)
    editor.resize(column * 2, 300)
    qtbot.waitUntil(lambda: editor.viewportMargins().left() > 0)
    margins = editor.viewportMargins()
    assert margins.left() == margins.right()
    assert editor.viewport().width() <= column + 2
