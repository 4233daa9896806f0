"""A second launch brings the open window forward (real child processes, offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from composer.ui.shell import app_setup, doorbell
from tests.helpers.waiting import poll_until

FIRST_PAINT = "COMPOSER_REPORT_FIRST_PAINT"
QUIT_AFTER = "COMPOSER_QUIT_AFTER_MS"


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}


def _composer(data_dir: Path) -> list[str]:
    return [sys.executable, "-m", "composer", "--data-dir", str(data_dir)]


def test_the_doorbell_answers_a_request_and_says_so(qtbot, data_dir):
    bell = doorbell.Doorbell(data_dir)
    request = doorbell.doorbell_dir(data_dir) / f"123-abc{doorbell.SUFFIX}"
    with qtbot.waitSignal(bell.rung, timeout=3000):
        request.write_text("raise\n", encoding="utf-8")
    assert not request.exists()  # taking the file is the answer
    bell.deleteLater()


def test_a_request_left_before_the_window_started_is_answered(qtbot, data_dir):
    folder = doorbell.doorbell_dir(data_dir)
    folder.mkdir(parents=True)
    (folder / f"9-early{doorbell.SUFFIX}").write_text("raise\n", encoding="utf-8")
    bell = doorbell.Doorbell(data_dir)
    with qtbot.waitSignal(bell.rung, timeout=3000):
        pass
    assert list(folder.iterdir()) == []
    bell.deleteLater()


def test_ringing_with_nobody_home_gives_up_and_tidies(data_dir):
    started = time.monotonic()
    assert doorbell.ring(data_dir, timeout=0.2) is False
    assert time.monotonic() - started < 2
    assert list(doorbell.doorbell_dir(data_dir).iterdir()) == []


def test_the_window_comes_forward_from_minimised(qtbot, window):
    window.showMinimized()
    window.bring_forward()
    assert not window.isMinimized() and window.isVisible()


def test_a_second_launch_raises_the_first_window_and_exits_0(data_dir):
    first = subprocess.Popen(
        _composer(data_dir),
        env=_env(**{FIRST_PAINT: "1", QUIT_AFTER: "60000"}),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = first.stdout.readline() if first.stdout else ""
        assert line.startswith("first-paint"), (line, first.poll())
        second = subprocess.run(
            _composer(data_dir),
            env=_env(**{QUIT_AFTER: "300"}),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 0, second.stderr
        assert "already open with this library" in second.stderr
        assert "brought forward" in second.stderr and "Traceback" not in second.stderr
        log = app_setup.log_path(data_dir)
        poll_until(
            lambda: "raised by a second launch" in log.read_text(encoding="utf-8"),
            timeout=5,
            message="the first window never heard the second",
        )
        assert first.poll() is None, "the first window should still be open"
    finally:
        first.terminate()
        first.wait(timeout=30)
