"""A real library in tmp_path for the storage, services, export and CLI tests.

The fixtures here are imported by the conftest.py of each folder that uses them (pytest
registers a fixture where it is imported): a settable clock, the fake engine, the
container (`services`), reopening it as a later run would, and posts to export.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from composer.app.container import Services
from composer.domain.posts import Post, PostDraft
from composer.services.export import ExportService
from tests.helpers.fakes import FakeClock, FakeEngine, StepClock


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


def open_library(data_dir: Path, clock: Callable[[], datetime] | None = None) -> Services:
    """The container on `data_dir` without a guideline engine, on a StepClock by default."""

    def no_engine():
        raise AssertionError("these tests never run the guideline engine")

    return Services.open(data_dir, engine_loader=no_engine, clock=clock or StepClock())


def import_posts(services: Services, count: int, **fields) -> list[int]:
    """`count` posts in one import; bodies say their number so searches can find them."""
    drafts = [
        PostDraft(body=f"Post number {n}: a quick note about renters coverage.", **fields)
        for n in range(count)
    ]
    return services.importer.import_drafts(drafts)
