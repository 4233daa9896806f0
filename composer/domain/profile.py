"""The agent's profile: who they are and the disclosures their posts must carry."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Profile:
    name: str = ""
    agency: str = ""
    license_number: str = ""
    states: tuple[str, ...] = field(default_factory=tuple)
    disclosure: str = ""
    broker_dealer_disclosure: str = ""
    lines: tuple[str, ...] = field(default_factory=tuple)  # lines of business, as written

    @classmethod
    def from_mapping(cls, data: dict[str, object]) -> Profile:
        """Build a profile from parsed TOML, ignoring unknown keys and rejecting wrong types."""

        def text(key: str) -> str:
            value = data.get(key, "")
            if not isinstance(value, str):
                raise ValueError(f"'{key}' must be text")
            return value.strip()

        states = data.get("states", [])
        if not isinstance(states, list) or not all(isinstance(s, str) for s in states):
            raise ValueError("'states' must be a list of state codes")
        lines = data.get("lines", [])
        if not isinstance(lines, list) or not all(isinstance(s, str) for s in lines):
            raise ValueError("'lines' must be a list of lines of business")
        return cls(
            name=text("name"),
            agency=text("agency"),
            license_number=text("license_number"),
            states=tuple(s.strip().upper() for s in states),
            disclosure=text("disclosure"),
            broker_dealer_disclosure=text("broker_dealer_disclosure"),
            lines=tuple(s.strip() for s in lines if s.strip()),
        )

    @classmethod
    def from_stored(cls, value: object) -> Profile | None:
        """The profile as the library stores it (a JSON object), or None when there is none."""
        return cls.from_mapping(value) if isinstance(value, dict) else None
