"""The agent's profile: who they are, where and what they may sell, and the disclosures
their posts must carry."""

from __future__ import annotations

from dataclasses import dataclass, field

# Lines of authority an agent may hold, as the profile and the rule packs name them.
LINES = ("property-casualty", "life", "health", "annuities", "medicare", "securities")
LINE_NAMES = {
    "property-casualty": "Property and casualty",
    "life": "Life",
    "health": "Health",
    "annuities": "Annuities",
    "medicare": "Medicare",
    "securities": "Securities (through a broker-dealer)",
}


@dataclass(frozen=True, slots=True)
class Profile:
    name: str = ""
    agency: str = ""
    license_number: str = ""
    states: tuple[str, ...] = field(default_factory=tuple)
    disclosure: str = ""
    broker_dealer_disclosure: str = ""
    lines: tuple[str, ...] = field(default_factory=tuple)
    # For the Medicare third-party marketing disclaimer: organisations and plans represented.
    medicare_organizations: int = 0
    medicare_plans: int = 0

    @property
    def tpmo_disclaimer(self) -> str:
        """CMS's standard disclaimer for third-party marketing organisations (42 CFR
        422.2267(e)(41)), with this agent's numbers; empty until both are known."""
        if self.medicare_organizations <= 0 or self.medicare_plans <= 0:
            return ""
        organizations = _count(self.medicare_organizations, "organization", "organizations")
        plans = _count(self.medicare_plans, "product", "products")
        return (
            "We do not offer every plan available in your area. Currently we represent "
            f"{organizations} which offer {plans} in your area. Please contact Medicare.gov, "
            "1-800-MEDICARE, or your local State Health Insurance Program (SHIP) to get "
            "information on all of your options."
        )

    # The agent's picture in the library's image store as "sha256.format" (the previews show
    # it round); empty: the previews show the name's initials.
    picture: str = ""

    def picture_key(self) -> tuple[str, str] | None:
        """(sha256, format) of the picture, or None when there is none."""
        sha, _, format = self.picture.partition(".")
        return (sha, format) if sha and format else None

    # What the agent says to take a conversation private ("Please call me at ..."),
    # offered as the fix when a reply to a complaint stays public.
    reply_snippet: str = ""

    @classmethod
    def from_mapping(cls, data: dict[str, object]) -> Profile:
        """Build a profile from parsed TOML, ignoring unknown keys and rejecting wrong types."""

        def text(key: str) -> str:
            value = data.get(key, "")
            if not isinstance(value, str):
                raise ValueError(f"'{key}' must be text")
            return value.strip()

        def count(key: str) -> int:
            value = data.get(key, 0)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"'{key}' must be a whole number")
            return value

        states = data.get("states", [])
        if not isinstance(states, list) or not all(isinstance(s, str) for s in states):
            raise ValueError("'states' must be a list of state codes")
        lines = data.get("lines", [])
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise ValueError("'lines' must be a list of lines of authority")
        unknown = [x for x in lines if x.strip().lower() not in LINES]
        if unknown:
            raise ValueError(f"'lines' has '{unknown[0]}'; the lines are {', '.join(LINES)}")
        return cls(
            name=text("name"),
            agency=text("agency"),
            license_number=text("license_number"),
            states=tuple(s.strip().upper() for s in states),
            disclosure=text("disclosure"),
            broker_dealer_disclosure=text("broker_dealer_disclosure"),
            lines=tuple(dict.fromkeys(x.strip().lower() for x in lines)),
            medicare_organizations=count("medicare_organizations"),
            medicare_plans=count("medicare_plans"),
            picture=text("picture"),
            reply_snippet=text("reply_snippet"),
        )

    @classmethod
    def from_stored(cls, value: object) -> Profile | None:
        """The profile as the library stores it (a JSON object), or None when there is none."""
        return cls.from_mapping(value) if isinstance(value, dict) else None


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
