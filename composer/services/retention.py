"""How long a post must be kept: a period from the agent's profile, from the last use.

At least 3 years everywhere (Michigan R 500.668 and FINRA Rule 2210/17a-4 both ask 3 years
after last use; FINRA applies when a broker-dealer disclosure is set), longer where a
state the agent is licensed in asks more (South Dakota: 5). The longest that applies wins.
These are floors Composer knows of, not legal advice: `extra_years` lets an agency keep
longer. Services decide with these values; the front ends word the `basis` codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from composer.domain.profile import Profile

MINIMUM_YEARS = 3
FINRA_YEARS = 3
STATE_YEARS: dict[str, int] = {"MI": 3, "SD": 5}


@dataclass(frozen=True, slots=True)
class RetentionPeriod:
    """`years` to keep a post after its last use; `basis` says which rules set it
    ("minimum", "finra", "state:SD"...), the longest first."""

    years: int
    basis: tuple[str, ...]

    def until(self, last_used: datetime | date | None) -> date | None:
        """The first day the post may be deleted (None: never used, no period runs)."""
        if last_used is None:
            return None
        day = last_used.astimezone().date() if isinstance(last_used, datetime) else last_used
        try:
            return day.replace(year=day.year + self.years)
        except ValueError:  # 29 February into a year without one
            return day.replace(year=day.year + self.years, day=28)


def retention_period(profile: Profile | None) -> RetentionPeriod:
    """The period for this profile: the longest of the rules that apply to it."""
    found: list[tuple[int, str]] = [(MINIMUM_YEARS, "minimum")]
    if profile is not None:
        if profile.broker_dealer_disclosure:
            found.append((FINRA_YEARS, "finra"))
        for state in profile.states:
            if state in STATE_YEARS:
                found.append((STATE_YEARS[state], f"state:{state}"))
    years = max(y for y, _ in found)
    return RetentionPeriod(years, tuple(b for y, b in found if y == years))
