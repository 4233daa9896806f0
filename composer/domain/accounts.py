"""A social account the agent posts as. The credential itself never lives here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from composer.domain.platforms import PLATFORMS

__all__ = ["PLATFORMS", "Account", "AccountRepository"]


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    platform: str
    handle: str
    display_name: str = ""
    has_secret: bool = False
    created_at: datetime | None = None


class AccountRepository(Protocol):
    """What the accounts service needs from storage (implemented in composer.storage)."""

    def add(self, platform: str, handle: str, display_name: str) -> Account: ...

    def get(self, account_id: int) -> Account | None: ...

    def list(self) -> list[Account]: ...

    def rename(self, account_id: int, display_name: str) -> Account: ...

    def set_has_secret(self, account_id: int, has_secret: bool) -> Account: ...

    def remove(self, account_id: int) -> None: ...
