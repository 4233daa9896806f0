"""Fixtures for the library: a real SQLite file in tmp_path, a settable clock, a fake engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest

from composer.app.container import Services
from composer.domain.findings import CheckResult, Finding
from composer.guidelines.inputs import CheckInput


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self) -> None:
        self.now = datetime(2026, 5, 13, 17, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class FakeEngine:
    """Flags 'guaranteed' as an error and 'free' as a warning; remembers what it saw."""

    def __init__(self) -> None:
        self.seen: list[CheckInput] = []

    def check(self, request: CheckInput) -> CheckResult:
        self.seen.append(request)
        findings = []
        lower = request.text.lower()
        for word, severity, category in (
            ("guaranteed", "error", "compliance.guarantee"),
            ("free", "warning", "compliance.free"),
        ):
            start = lower.find(word)
            if start >= 0:
                findings.append(
                    Finding(
                        rule=f"test.{word}",
                        category=category,
                        severity=severity,  # type: ignore[arg-type]
                        message=f"'{word}' needs care",
                        start=start,
                        end=start + len(word),
                        text=request.text[start : start + len(word)],
                    )
                )
        return CheckResult(findings=tuple(findings))


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
