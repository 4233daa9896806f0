"""End to end on a real X server with a 1024x700 screen: launch `composer`, type with real
key events, approve, export from the Export dialog with the keyboard, quit, start again (the
post reopens, the window fits the screen, the calendar opens beside the editor), and find
the exported post with `composer history`.

Needs the Debian packages `xvfb` and `xdotool` (and Qt's xcb libraries); skipped with a
reason when they are missing, but fails where CI is set, so CI never silently skips it.
Every wait is for something the window shows (its title), with a deadline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.requirements import require_tool
from tests.helpers.waiting import poll_until

pytestmark = pytest.mark.x_server

POST = "Storm season checklist: photos of every room, receipts in the cloud. What is on yours?"


@pytest.fixture
def display():
    xvfb = require_tool("Xvfb", "xvfb")
    require_tool("xdotool", "xdotool")
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1024x700x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # Xvfb picks a free display and says which
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(10)


def _xdotool(env: dict[str, str], *args: str, timeout: float = 15) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    return done.stdout.strip()


def _composer(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "composer", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_type_a_post_in_the_real_window_and_find_it_in_history(display, tmp_path: Path):
    data = tmp_path / "library"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("COMPOSER_DATA_DIR", None)
    from composer.app.container import Services

    exports = tmp_path / "exports"
    exports.mkdir()
    with Services.open(data) as services:  # as Settings > Profile: new posts go to Facebook
        services.preferences.update(default_platforms=("facebook",))
        # as the export dialog remembers from last time: JSON records, into `exports`
        services.library.set_setting("export.choices", {"format": "json", "folder": str(exports)})
    app = _launch(data, env)
    try:
        window = _window(env, "the Composer window did not appear")

        def title() -> str:
            return _xdotool(env, "getwindowname", window)

        # The library opens and the window is titled by the first-run sample.
        poll_until(lambda: "Sample" in title(), timeout=30, message="the library never opened")
        _xdotool(env, "windowfocus", "--sync", window)
        _xdotool(env, "key", "--clearmodifiers", "ctrl+n")
        poll_until(lambda: "Sample" not in title(), timeout=15, message="no new draft")
        _xdotool(env, "type", "--delay", "15", POST)
        # The title is the saved post's first words: the draft has been saved.
        poll_until(lambda: POST[:60] in title(), timeout=30, message="the post was not saved")
        _xdotool(env, "key", "--clearmodifiers", "ctrl+shift+a")  # a clean post: no reasons
        poll_until(lambda: _status(env, data) == "approved", timeout=30, message="not approved")
        _xdotool(env, "key", "--clearmodifiers", "ctrl+e")  # File > Export…, then Enter
        dialog = poll_until(
            lambda: _xdotool(env, "search", "--onlyvisible", "--name", "Export approved posts"),
            timeout=15,
            message="the export dialog did not open",
        ).split("\n")[0]
        _xdotool(env, "windowfocus", "--sync", dialog)
        _xdotool(env, "key", "--clearmodifiers", "Return")
        written = poll_until(
            lambda: list(exports.glob("*.json")), timeout=15, message="nothing was exported"
        )
        assert POST in written[0].read_text(encoding="utf-8")
        _xdotool(env, "key", "--clearmodifiers", "Escape")
        _xdotool(env, "windowfocus", "--sync", window)
        _xdotool(env, "key", "--clearmodifiers", "ctrl+q")
        status = app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
        _out, err = app.communicate(timeout=10)
    assert status == 0, err
    assert not (data / "running.marker").exists()  # it closed cleanly

    again = _launch(data, env)
    try:
        window = _window(env, "the window did not come back")
        poll_until(
            lambda: POST[:60] in _xdotool(env, "getwindowname", window),
            timeout=30,
            message="the exported post was not reopened",
        )
        geometry = _xdotool(env, "getwindowgeometry", "--shell", window)
        size = dict(line.split("=") for line in geometry.split())
        assert int(size["WIDTH"]) <= 1024 and int(size["HEIGHT"]) <= 700, geometry
        _xdotool(env, "windowfocus", "--sync", window)
        _xdotool(env, "key", "--clearmodifiers", "ctrl+shift+l")  # the calendar, beside
        _xdotool(env, "key", "--clearmodifiers", "ctrl+q")  # handled after it, in order
        assert again.wait(timeout=30) == 0
    finally:
        if again.poll() is None:
            again.kill()
        _out, err = again.communicate(timeout=10)
    assert "Traceback" not in err, err  # the calendar showed (and closed) without a fault
    assert _status(env, data) == "exported"  # reopening changed nothing


def _launch(data: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "composer", "--data-dir", str(data)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _window(env: dict[str, str], message: str) -> str:
    """The id of Composer's visible main window, once it shows."""
    return poll_until(
        lambda: _xdotool(env, "search", "--onlyvisible", "--name", "Composer").split("\n")[0],
        timeout=30,
        message=message,
    )


def _status(env: dict[str, str], data: Path) -> str | None:
    listed = _composer("--data-dir", str(data), "history", "--format", "json", env=env)
    assert listed.returncode == 0, listed.stderr
    found = [post for post in json.loads(listed.stdout) if post["text"] == POST]
    return found[0]["status"] if found else None
