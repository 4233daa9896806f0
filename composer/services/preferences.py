"""Reading and saving the agent's preferences (`composer.domain.preferences.Preferences`).

They are kept as one record under `PREFERENCES_KEY`. Libraries from before kept each
preference under its own key ("theme", "approver", "default_platforms"); those are still
read, for any preference the record does not hold yet, and the first save moves them into
the record and removes them, in one transaction, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields, replace
from typing import Any, Protocol

from composer.domain.preferences import Preferences

PREFERENCES_KEY = "preferences"
# Where each preference was stored before they were one record (read, then moved).
LEGACY_KEYS: Mapping[str, str] = {
    "theme": "theme",
    "approver": "approver",
    "default_platforms": "default_platforms",
}


class SettingsStore(Protocol):
    """What preferences need from the library (`composer.services.library.LibraryService`)."""

    def settings(self, keys: Iterable[str]) -> dict[str, Any]: ...

    def update_settings(self, values: Mapping[str, Any], remove: Iterable[str] = ()) -> None: ...


class PreferencesService:
    def __init__(self, store: SettingsStore) -> None:
        self._store = store

    def load(self) -> Preferences:
        """The stored preferences; defaults for anything never chosen or unusable."""
        stored = self._store.settings([PREFERENCES_KEY, *LEGACY_KEYS.values()])
        record = stored.get(PREFERENCES_KEY)
        merged: dict[str, object] = {}
        for name, key in LEGACY_KEYS.items():
            if key in stored:
                merged[name] = stored[key]
        if isinstance(record, Mapping):
            merged.update({k: v for k, v in record.items() if k in _NAMES})
        return Preferences.from_stored(merged)

    def save(self, preferences: Preferences) -> None:
        """Store `preferences` (and retire the old per-preference keys) in one go."""
        self._store.update_settings(
            {PREFERENCES_KEY: preferences.to_stored()}, remove=LEGACY_KEYS.values()
        )

    def update(self, **changes: Any) -> Preferences:
        """Change some preferences, keeping the rest; returns what was saved."""
        preferences = replace(self.load(), **changes)
        self.save(preferences)
        return preferences


_NAMES = frozenset(f.name for f in fields(Preferences))
