"""Soliciting in a state the agent's profile does not list ("now serving Texas drivers").

An agent may solicit only where licensed. The rule's `near` words say what solicitation
looks like; this check finds the states a soliciting sentence names and flags those the
profile does not list. With no states in the profile the requirement is unknown and the
check stays quiet. A negation just before the name ("we are not licensed in Texas") or a
state the agent does list keeps it quiet too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from composer.domain.states import DEMONYMS, STATE_NAMES
from composer.guidelines.checks import Context, Filters, Hit
from composer.guidelines.regex_cache import compile_cached

# Longest names first, so "West Virginia" is one state and not "Virginia".
_BY_NAME = {name.casefold(): code for code, name in STATE_NAMES.items()}
_BY_NAME.update({people.casefold(): code for people, code in DEMONYMS.items()})
_LONGEST_FIRST = sorted([*STATE_NAMES.values(), *DEMONYMS], key=len, reverse=True)
_NAMES = compile_cached(r"\b(?:" + "|".join(re.escape(n) for n in _LONGEST_FIRST) + r")\b")
_NEGATED = compile_cached(
    r"\b(?:not|no|never|cannot|can't|can’t|isn't|isn’t|aren't|aren’t|don't|don’t|doesn't|doesn’t|except|outside)\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class UnlistedStateCheck:
    filters: Filters = field(default_factory=Filters)

    def hits(self, ctx: Context) -> Iterator[Hit]:
        profile = ctx.profile
        if profile is None or not profile.states:
            return
        listed = frozenset(profile.states)
        facts = ctx.facts
        text = facts.text
        for match in _NAMES.finditer(text):
            code = _BY_NAME[match.group().casefold()]
            if code in listed:
                continue
            lo, _ = facts.sentence_at(match.start())
            if _NEGATED.search(text, lo, match.start()):
                continue
            if self.filters.allows(facts, match.start(), match.end()):
                yield Hit(match.start(), match.end())
