"""One owner of the guideline engine: the container's guideline service.

Approval, the window's live checks (a profile view of the service), the command line and
self-test all use the engine it holds; a rule reload swaps it for all of them at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from composer.app.container import Services
from composer.domain.findings import CheckResult, Finding
from composer.domain.posts import PostDraft
from composer.guidelines.inputs import CheckInput
from composer.services.guidelines import GuidelineService


class _Engine:
    """Flags the word its generation names, so a check says which engine ran it."""

    def __init__(self, generation: int) -> None:
        self.generation = generation
        self.rules: list[object] = []
        self.load_errors: list[object] = []
        self.checked = 0

    def check(self, request: CheckInput) -> CheckResult:
        self.checked += 1
        finding = Finding(
            rule=f"test.generation{self.generation}",
            category="style.test",
            severity="suggestion",
            message=f"checked by engine {self.generation}",
        )
        return CheckResult((finding,), {})


@pytest.fixture
def built() -> list[_Engine]:
    return []


@pytest.fixture
def services(tmp_path: Path, built: list[_Engine]):
    def loader() -> _Engine:
        built.append(_Engine(len(built) + 1))
        return built[-1]

    with Services.open(tmp_path / "data", engine_loader=loader) as opened:  # type: ignore[arg-type]
        yield opened


def test_the_engine_is_built_once_and_shared(services: Services, built: list[_Engine]) -> None:
    assert built == []  # nothing is built until a check needs it
    live = services.guidelines.with_profile(None)
    assert services.approval.engine is services.guidelines.engine is live.engine
    assert len(built) == 1


def test_after_a_reload_approval_and_live_checks_use_the_same_new_engine(
    services: Services, built: list[_Engine]
) -> None:
    live = services.guidelines.with_profile(None)  # what the window's live checker holds
    first = live.engine
    post = services.library.create(PostDraft(body="Storm kit checklist.", platforms=("x",)))

    reloaded = services.guidelines.reload()

    assert reloaded is not first and len(built) == 2
    assert services.approval.engine is reloaded
    assert live.engine is reloaded
    assert services.guidelines.engine is reloaded
    live_rules = {f.rule for f in live.check(CheckInput(text="Hi", platforms=("x",))).findings}
    approval = services.approval.approve(post.id)
    assert live_rules == {"test.generation2"}
    assert {f["rule"] for f in approval.findings} == {"test.generation2"}
    assert first.checked == 0


def test_a_reload_through_a_view_reloads_the_owner(services: Services) -> None:
    live = services.guidelines.with_profile(None)
    engine = live.reload()
    assert services.guidelines.engine is engine is services.approval.engine


def test_a_failed_reload_keeps_the_engine_in_use(tmp_path: Path) -> None:
    calls = iter([_Engine(1), RuntimeError("broken pack")])

    def loader() -> _Engine:
        item = next(calls)
        if isinstance(item, Exception):
            raise item
        return item

    service = GuidelineService(loader=loader)  # type: ignore[arg-type]
    first = service.engine
    with pytest.raises(RuntimeError):
        service.reload()
    assert service.engine is first


def test_the_user_dictionary_belongs_to_the_service(tmp_path: Path) -> None:
    service = GuidelineService.open(tmp_path / "data")
    assert service.user_dictionary == tmp_path / "data" / "dictionary.txt"
    service.ensure_user_dictionary()
    assert service.user_dictionary.is_file()
    assert not service.loaded  # making the file builds no engine
