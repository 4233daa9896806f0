"""Fixtures for export: a real library in tmp_path, a settable clock, a fake engine, posts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from library_fakes import FakeClock, FakeEngine

from composer.app.container import Services
from composer.cli import run
from composer.domain.posts import Post, PostDraft
from composer.services.export import ExportService


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 5, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def services(tmp_path, clock, engine) -> Iterator[Services]:
    with Services.open(tmp_path / "data", engine_loader=lambda: engine, clock=clock) as opened:
        yield opened


@pytest.fixture
def exporter(services, clock) -> ExportService:
    return ExportService.over(services, clock)


MakePost = Callable[..., Post]


@pytest.fixture
def make_post(services, clock) -> MakePost:
    """Create (and by default approve) a post; minutes after 2026-05-13 18:00 by default."""
    counter = iter(range(1, 10_000))

    def make(
        body: str | None = None,
        *,
        platforms: tuple[str, ...] = ("x",),
        approve: bool = True,
        when: datetime | str | None = "auto",
        reason: str | None = None,
        **fields: object,
    ) -> Post:
        n = next(counter)
        scheduled = datetime(2026, 5, 13, 18, 0) + timedelta(minutes=15 * n)
        post = services.library.create(
            PostDraft(
                body=body if body is not None else f"Post number {n}: what is in your storm kit?",
                platforms=platforms,
                scheduled_at=scheduled if when == "auto" else when,  # type: ignore[arg-type]
                **fields,  # type: ignore[arg-type]
            )
        )
        clock.advance(10)
        if approve:
            services.approval.approve(post.id, reason=reason)
            clock.advance(10)
        return services.library.get(post.id)

    return make


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    """The PDF writer would otherwise make a bare QGuiApplication, and a widget test run
    later in the same process could not get its QApplication."""
    return qapp


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys, engine):
    """Run `composer --data-dir <tmp>/data ...` in-process; returns (status, out, err)."""
    monkeypatch.setattr(
        "composer.cli.COMMAND_MODULES",
        (
            "composer.cli.library",
            "composer.cli.approval",
            "composer.cli.export",
            "composer.cli.attach",
        ),
    )
    monkeypatch.setattr("composer.app.container.load_engine", lambda data_dir: engine)
    data = tmp_path / "data"

    def invoke(*argv: str) -> tuple[int, str, str]:
        status = run(["--data-dir", str(data), *argv])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return status, out, err

    return invoke
