"""Dismissed findings, remembered with the post in the library's settings.

Stored under `dismissed:<post id>` as a sorted list of keys (see `findings_model`). The
settings table already exists and is written in one short transaction, so no schema
change is needed; the keys name rule and words, never offsets, so they survive edits.
"""

from __future__ import annotations

from typing import Protocol


class SettingsStore(Protocol):
    def setting(self, key: str, default: object = None) -> object: ...

    def set_setting(self, key: str, value: object) -> None: ...


def _key(post_id: int) -> str:
    return f"dismissed:{post_id}"


def load(store: SettingsStore, post_id: int | None) -> set[str]:
    if post_id is None:
        return set()
    value = store.setting(_key(post_id), [])
    return {str(item) for item in value} if isinstance(value, list) else set()


def add(store: SettingsStore, post_id: int, key: str) -> set[str]:
    keys = load(store, post_id) | {key}
    store.set_setting(_key(post_id), sorted(keys))
    return keys


def remove(store: SettingsStore, post_id: int, keys: set[str]) -> set[str]:
    """Bring dismissed findings back; the keys still dismissed."""
    left = load(store, post_id) - keys
    store.set_setting(_key(post_id), sorted(left))
    return left


def clear(store: SettingsStore, post_id: int) -> None:
    store.set_setting(_key(post_id), [])
