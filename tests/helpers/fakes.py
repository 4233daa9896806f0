"""Stand-ins the tests share: clocks that move only as a test says, and a tiny engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from composer.domain.findings import CheckResult, Finding
from composer.guidelines.inputs import CheckInput


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self, start: datetime = datetime(2026, 5, 13, 17, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class StepClock:
    """A clock that moves one second per call, so every change has its own time and order."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


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
