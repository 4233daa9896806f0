"""Fixtures for the library: a real SQLite file in tmp_path, a settable clock, a fake engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from library_fakes import FakeClock, FakeEngine

from composer.app.container import Services


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def services(tmp_path, clock, engine) -> Iterator[Services]:
    with Services.open(tmp_path / "data", engine_loader=lambda: engine, clock=clock) as opened:
        yield opened


@pytest.fixture
def open_services(tmp_path, clock, engine) -> Iterator[Callable[[], Services]]:
    """Open the same data folder again (as a later run of the app would)."""
    opened: list[Services] = []

    def factory() -> Services:
        s = Services.open(tmp_path / "data", engine_loader=lambda: engine, clock=clock)
        opened.append(s)
        return s

    yield factory
    for s in opened:
        s.close()
