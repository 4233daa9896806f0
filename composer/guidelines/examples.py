"""Run each rule's own examples: texts that must trigger it and texts that must not."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from composer.domain.profile import Profile
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput
from composer.guidelines.packs import Rule, pack_files

# The profile examples are checked with, so disclosure rules have something to require.
EXAMPLE_PROFILE = Profile(
    name="Pat Example",
    agency="Example Insurance Agency",
    license_number="0000000",
    states=("CA",),
    disclosure="Pat Example, Lic. #0000000",
    broker_dealer_disclosure=(
        "Securities offered through Example Securities, LLC, Member FINRA/SIPC"
    ),
)


@dataclass(frozen=True, slots=True)
class ExampleFailure:
    rule: str
    source: str
    example: str
    expected: str

    def __str__(self) -> str:
        return f"{self.source}: rule '{self.rule}' should {self.expected}: {self.example!r}"


@dataclass
class ExampleReport:
    rules: int = 0
    passed: int = 0
    failures: list[ExampleFailure] = field(default_factory=list)


def rule_fires(engine: Engine, rule: Rule, text: str) -> bool:
    """Whether `rule` alone, with the engine's signals, flags `text`."""
    solo = engine.with_rules([rule])
    platforms = rule.platforms or ("facebook",)
    result = solo.check(CheckInput(text=text, platforms=platforms, profile=EXAMPLE_PROFILE))
    return any(f.rule == rule.id for f in result.findings)


def run_examples(engine: Engine, only_dir: Path | None = None) -> ExampleReport:
    names = {p.name for p in pack_files([only_dir])} if only_dir else None
    report = ExampleReport()
    for rule in engine.rules:
        if names is not None and rule.source not in names:
            continue
        report.rules += 1
        for text in rule.trigger_examples:
            if rule_fires(engine, rule, text):
                report.passed += 1
            else:
                report.failures.append(ExampleFailure(rule.id, rule.source, text, "trigger"))
        for text in rule.pass_examples:
            if rule_fires(engine, rule, text):
                report.failures.append(ExampleFailure(rule.id, rule.source, text, "not trigger"))
            else:
                report.passed += 1
    return report
