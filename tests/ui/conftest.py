"""Fixtures for the window tests: a real library per test, one engine per session.

Message boxes never open: `alerts.show` is replaced for every test here and records what
would have been shown (`alerts_seen`). Data folders come from tests/conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from composer.app.container import Services, load_engine


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory):
    """Building the engine takes ~0.4 s; every window test shares one (warmed up)."""
    from composer.ui.shell.startup import spelling_of

    loaded = load_engine(tmp_path_factory.mktemp("engine-data"))
    spelling = spelling_of(loaded)
    if spelling is not None:
        spelling.warm_up()
    return loaded


@pytest.fixture
def data_dir() -> Path:
    return Path(os.environ["COMPOSER_DATA_DIR"])


@pytest.fixture
def services(data_dir: Path) -> Iterator[Services]:
    opened = Services.open(data_dir)
    yield opened
    opened.close()


class AlertLog(list):
    """What `alerts.show` and `alerts.choose` were asked; `answer` and `choice` reply."""

    answer = True
    choice: int | None = None  # what `alerts.choose` answers: a button's index, None cancels


@pytest.fixture(autouse=True)
def alerts_seen(monkeypatch: pytest.MonkeyPatch) -> AlertLog:
    from composer.ui import alerts

    seen = AlertLog()

    def fake(kind, parent, title, text, details=""):
        seen.append((kind, title, text))
        return seen.answer

    def choose(parent, title, text, choices):
        seen.append(("choice", title, text))
        return seen.choice

    monkeypatch.setattr(alerts, "show", fake)
    monkeypatch.setattr(alerts, "choose", choose)
    return seen


@pytest.fixture
def make_window(qtbot, data_dir: Path, engine):
    """Build windows on the test's library; `welcomed=False` keeps the first-run sample."""
    from composer.ui.shell.main_window import MainWindow
    from composer.ui.shell.welcome import WELCOMED_KEY

    made = []

    def make(
        services: Services,
        *,
        welcomed: bool = True,
        unclean: bool = False,
        with_engine: bool = True,
    ) -> MainWindow:
        if welcomed:
            services.library.set_setting(WELCOMED_KEY, True)
        window = MainWindow(data_dir)
        qtbot.addWidget(window)
        window.unclean_start = unclean
        window.attach_services(services)
        if with_engine:
            window.attach_engine(engine)
        window.show()
        made.append(window)
        return window

    yield make
    from shiboken6 import isValid

    for window in made:
        if isValid(window) and isValid(window.checks.checker):
            window.checks.shutdown()


@pytest.fixture
def window(make_window, services):
    return make_window(services)


@pytest.fixture(autouse=True)
def _empty_clipboard(qapp) -> Iterator[None]:
    """Clear the clipboard after each test, while the application still exists.

    Mime data a test leaves on the clipboard would otherwise be destroyed after the
    QApplication at process exit, which crashes the interpreter (exit status 139).
    """
    yield
    qapp.clipboard().clear()
    qapp.processEvents()
