"""The word index's phrase sets a check can leave unread: those that only rules which cannot
run in it read.

The index looks for every set's phrases in one pass over a text's words, and about a sixth
of what it tries on a post is the reply rules' phrases. Those rules never run on a post:
their `when` names a conversation signal ("reply") that is known to be false before any
rule runs, as a rule for other platforms never runs. Their own sets (and the concepts
only they use) are then not looked for; nothing else reads them, so every other set's
hits, and so every finding, stay the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from composer.guidelines.checks import (
    CapsShareCheck,
    Check,
    CountCheck,
    PatternCheck,
    PhraseCheck,
    RequiredCheck,
    SubstitutionCheck,
)
from composer.guidelines.concept_check import ConceptCheck
from composer.guidelines.phrase_set import PhraseSet
from composer.guidelines.rule_builder import Rule
from composer.guidelines.state_check import UnlistedStateCheck
from composer.guidelines.wordindex import WordIndex

# Checks that read none of the index's sets (their own patterns, counts and the profile).
_READ_NONE = (PatternCheck, CountCheck, CapsShareCheck, RequiredCheck, UnlistedStateCheck)


def unread_sets(
    rules: Iterable[Rule],
    targets: frozenset[str],
    conversation: Mapping[str, bool],
    index: WordIndex,
) -> frozenset[int]:
    """The ids of `index`'s sets that only rules which cannot run on a text checked for
    `targets` with these conversation signals read (none, when a rule that may run reads
    sets not known here)."""
    read: set[int] = set()
    idle: set[int] = set()
    for rule in rules:
        sets = _sets_read(rule.check, index)
        if _may_run(rule, targets, conversation):
            if sets is None:
                return frozenset()  # it may read any of them
            read |= sets
        elif sets is not None:
            idle |= sets
    return frozenset(idle - read)


def deferrable(rules: Iterable[Rule], sets: Iterable[PhraseSet], index: WordIndex) -> set[int]:
    """The ids of `sets` (an engine's signals) that `index` may look for only when a set is
    first asked for (`WordIndex.defer`): none a rule's check reads, for the engine reads a
    rule's gate in what the scan found (none at all when a check reads sets not known here)."""
    read: set[int] = set()
    for rule in rules:
        found = _sets_read(rule.check, index)
        if found is None:
            return set()
        read |= found
    return {phrases.set_id for phrases in sets if phrases.index is index} - read


def _may_run(rule: Rule, targets: frozenset[str], conversation: Mapping[str, bool]) -> bool:
    """False when the engine skips the rule whatever the text (see `Engine._check`): not
    for these platforms, or a conversation signal its `when` needs is false (or one its
    `unless_signal` rules out is true). Other signals depend on the text: it may run."""
    if rule.platforms and targets.isdisjoint(rule.platforms):
        return False
    if any(conversation.get(name) is False for name in rule.when):
        return False
    return not any(conversation.get(name) is True for name in rule.unless_signal)


def _sets_read(check: Check, index: WordIndex) -> set[int] | None:
    """The ids of `index`'s sets a check reads; None for a kind of check not known here."""
    if isinstance(check, PhraseCheck | SubstitutionCheck):
        sets = [check.phrases]
    elif isinstance(check, ConceptCheck):
        gates = (concept.gate() for concept in (*check.parts, *check.context))
        sets = [gate[0] for gate in gates if gate is not None]
    elif isinstance(check, _READ_NONE):
        sets = []
    else:
        return None
    return {phrases.set_id for phrases in sets if phrases.index is index}
