"""Every shipped rule's own examples: texts that must trigger it and texts that must not."""

from __future__ import annotations

import pytest

from composer.guidelines.engine import Engine
from composer.guidelines.examples import rule_fires

ENGINE = Engine.load(style_checks=False)


def test_shipped_packs_load_cleanly() -> None:
    assert ENGINE.load_errors == []
    assert len(ENGINE.rules) >= 25


def test_every_rule_has_examples_on_both_sides() -> None:
    lacking = [r.id for r in ENGINE.rules if not r.trigger_examples or not r.pass_examples]
    assert lacking == []


def _cases():
    for rule in ENGINE.rules:
        for text in rule.trigger_examples:
            yield pytest.param(rule, text, True, id=f"{rule.id}+")
        for text in rule.pass_examples:
            yield pytest.param(rule, text, False, id=f"{rule.id}-")


@pytest.mark.parametrize(("rule", "text", "should_fire"), list(_cases()))
def test_rule_example(rule, text: str, should_fire: bool) -> None:
    assert rule_fires(ENGINE, rule, text) is should_fire, text
