"""Run each rule's own examples: texts that must trigger it and texts that must not."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from composer.domain.conversations import Comment
from composer.domain.profile import LINES, Profile
from composer.guidelines.comments import CONTEXT_SIGNALS
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
    medicare_organizations=6,
    medicare_plans=42,
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


# The comment a reply rule's example answers when the example does not quote its own.
EXAMPLE_COMMENT = "Does anyone know a good agent for a small bakery?"


def split_example(example: str) -> tuple[str | None, str]:
    """An example for a reply rule may begin with the comment it answers, quoted as in an
    email: a first line `> the comment`, then the reply. Returns (comment, reply)."""
    if example.startswith("> "):
        first, _, rest = example.partition("\n")
        return first[2:].strip(), rest
    return None, example


def rule_fires(engine: Engine, rule: Rule, text: str) -> bool:
    """Whether `rule` alone, with the engine's signals, flags `text`.

    A rule that reads the conversation (`when = ["reply"]`...) sees its examples as
    replies: to the quoted comment, or else to `EXAMPLE_COMMENT`.
    """
    solo = engine.with_rules([rule])
    platforms = rule.platforms or ("facebook",)
    quoted, reply = split_example(text)
    comment = None
    if quoted is not None or any(s in CONTEXT_SIGNALS for s in rule.when):
        comment = Comment(text=quoted or EXAMPLE_COMMENT)
    profile = example_profile(rule)
    inp = CheckInput(text=reply, platforms=platforms, profile=profile, comment=comment)
    result = solo.check(inp)
    return any(f.rule == rule.id for f in result.findings)


def example_profile(rule: Rule) -> Profile:
    """The example profile, moved into the lines and states the rule speaks to."""
    scope = rule.applicability
    profile = EXAMPLE_PROFILE
    if scope.states:
        # A disclosure without the licence number, so a state's own requirement shows.
        profile = replace(
            profile, states=tuple(sorted(scope.states))[:1], disclosure="Pat Example, agent"
        )
    if scope.lines:
        profile = replace(profile, lines=tuple(sorted(scope.lines))[:1])
    elif scope.lines_not_held:
        held = [line for line in LINES if line not in scope.lines_not_held]
        profile = replace(profile, lines=tuple(held[:1]))
    return profile


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
