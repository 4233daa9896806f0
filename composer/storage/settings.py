"""App settings and the agent profile, kept as JSON values under string keys."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from composer.domain.profile import Profile
from composer.storage.models import SettingRow

PROFILE_KEY = "profile"


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str, default: Any = None) -> Any:
        row = self._session.get(SettingRow, key)
        return default if row is None else row.value

    def set(self, key: str, value: Any) -> None:
        row = self._session.get(SettingRow, key)
        if row is None:
            self._session.add(SettingRow(key=key, value=value))
        else:
            row.value = value
        self._session.flush()

    def with_prefix(self, prefix: str) -> dict[str, Any]:
        """Every setting whose key starts with `prefix` (one query)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        statement = select(SettingRow).where(SettingRow.key.like(escaped + "%", escape="\\"))
        return {row.key: row.value for row in self._session.scalars(statement)}

    def delete(self, key: str) -> None:
        row = self._session.get(SettingRow, key)
        if row is not None:
            self._session.delete(row)
            self._session.flush()

    def profile(self) -> Profile | None:
        return Profile.from_stored(self.get(PROFILE_KEY))

    def set_profile(self, profile: Profile) -> None:
        data = asdict(profile)
        data["states"] = list(profile.states)
        data["lines"] = list(profile.lines)
        self.set(PROFILE_KEY, data)
