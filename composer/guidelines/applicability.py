"""Which agents a rule speaks to: lines of authority, states and the dates it is in force.

An independent agent holds some lines (property and casualty, life, Medicare...) in some
states, and the rules that bite depend on both; CMS changes Medicare's marketing rules most
plan years. A rule names these as data (`lines`, `lines_not_held`, `states`,
`effective_from`, `effective_until`), and the engine asks `applies` before running it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from composer.domain.profile import LINES, Profile

KEYS = frozenset({"lines", "lines_not_held", "states", "effective_from", "effective_until"})


class ApplicabilityError(ValueError):
    """A rule's lines, states or dates are malformed; the message says how."""


@dataclass(frozen=True, slots=True)
class Applicability:
    lines: frozenset[str] = frozenset()  # for agents holding one of these (or unknown lines)
    lines_not_held: frozenset[str] = frozenset()  # for agents known to hold none of these
    states: frozenset[str] = frozenset()  # for agents licensed in one of these
    effective_from: dt.date | None = None
    effective_until: dt.date | None = None
    always: bool = True  # nothing declared: asked for every rule of every check, so a field

    def applies(self, profile: Profile | None, today: dt.date) -> bool:
        """Whether the rule speaks to this agent today.

        Lines the agent has not entered count as unknown, so line rules stay on (the safe
        side); a rule about lines *not* held needs lines entered. State rules need the
        agent's states.
        """
        if self.effective_from is not None and today < self.effective_from:
            return False
        if self.effective_until is not None and today > self.effective_until:
            return False
        held = frozenset(profile.lines) if profile is not None else frozenset()
        if self.lines and held and held.isdisjoint(self.lines):
            return False
        if self.lines_not_held and (not held or not held.isdisjoint(self.lines_not_held)):
            return False
        if self.states:
            licensed = frozenset(profile.states) if profile is not None else frozenset()
            if licensed.isdisjoint(self.states):
                return False
        return True

    def describe(self) -> str:
        """One line for `composer rules list`: 'medicare; CA, TX; from 2025-10-01'."""
        parts: list[str] = []
        if self.lines:
            parts.append(", ".join(sorted(self.lines)))
        if self.lines_not_held:
            parts.append("holding none of " + ", ".join(sorted(self.lines_not_held)))
        if self.states:
            parts.append(", ".join(sorted(self.states)))
        if self.effective_from is not None:
            parts.append(f"from {self.effective_from.isoformat()}")
        if self.effective_until is not None:
            parts.append(f"until {self.effective_until.isoformat()}")
        return "; ".join(parts)


ALWAYS = Applicability()  # the default: every agent, every day


def parse(raw: Mapping[str, Any]) -> Applicability:
    """The applicability a rule's TOML table declares (nothing declared: always)."""
    lines = _lines(raw, "lines")
    not_held = _lines(raw, "lines_not_held")
    states = raw.get("states", [])
    if not isinstance(states, list) or not all(
        isinstance(s, str) and len(s) == 2 and s.isalpha() for s in states
    ):
        raise ApplicabilityError("'states' must be a list of two-letter state codes")
    start, end = _date(raw, "effective_from"), _date(raw, "effective_until")
    if start is not None and end is not None and end < start:
        raise ApplicabilityError("'effective_until' comes before 'effective_from'")
    declared = bool(lines or not_held or states or start or end)
    return Applicability(
        lines=lines,
        lines_not_held=not_held,
        states=frozenset(s.upper() for s in states),
        effective_from=start,
        effective_until=end,
        always=not declared,
    )


def _lines(raw: Mapping[str, Any], key: str) -> frozenset[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ApplicabilityError(f"'{key}' must be a list of lines of authority")
    for line in value:
        if line not in LINES:
            raise ApplicabilityError(f"'{key}' names '{line}'; the lines are {', '.join(LINES)}")
    return frozenset(value)


def _date(raw: Mapping[str, Any], key: str) -> dt.date | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value  # TOML dates arrive as dates
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ApplicabilityError(f"'{key}' must be a date such as 2025-10-01")
