"""The stored profile and recent history a check uses, read quickly when that is safe.

`composer check` runs on every save in editors and scripts. Opening the library the full
way (SQLAlchemy, Alembic, the quick-check and any migration) costs more than the check
itself, so the command first tries `quick_context`, which reads with plain sqlite3 and
gives the same profile and history as `LibraryService.profile()` and
`HistoryService.recent_for_checks()`. It returns None whenever the library needs the full
way (migration, recovery, refusal), and the caller then opens it as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from composer.domain.history import HistoryItem, recent_history
from composer.domain.profile import Profile


@dataclass(frozen=True, slots=True)
class CheckContext:
    profile: Profile | None
    history: tuple[HistoryItem, ...]


def quick_context(
    library_file: Path, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> CheckContext | None:
    """The library's profile and recent history, or None if only the full open will do."""
    from composer.storage.quick_read import QuickReadUnavailableError, open_read_only

    try:
        with open_read_only(library_file) as library:
            return CheckContext(library.profile(), recent_history(library.published(), clock()))
    except QuickReadUnavailableError:
        return None
