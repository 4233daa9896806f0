"""The append-only audit log: each entry's hash covers its content and the previous hash.

Triggers (see the first migration) refuse UPDATE and DELETE through SQLite. Anything
changed behind the app's back shows up when the chain is re-computed; an edit whose
hashes were re-computed too shows up in the HMAC, which needs the library's key (kept in
the OS keyring, handed in as a `KeySource`). The last entry appended in a transaction is
kept as `head`, so the database can write the head anchor once the transaction commits.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from composer.domain.posts import (
    GENESIS_HASH,
    AuditEntry,
    AuditHead,
    canonical_json,
    entry_hash,
    entry_mac,
    head_mac,
)
from composer.storage.models import AuditRow


class KeySource(Protocol):
    """Where the library's audit key comes from (the OS keyring, wired in by the app)."""

    def key_for_append(self, log_is_signed: Callable[[], bool]) -> bytes | None:
        """The key to sign a new entry with, made on first need; None keeps it unkeyed.

        `log_is_signed()` says whether earlier entries carry an HMAC (a missing key is then
        not replaced by a new one, which could never check them)."""
        ...

    def key_for_check(self) -> bytes | None:
        """The key if the library has one, never made here (for checking and backups)."""
        ...

    def settled(self, committed: bool) -> None:
        """The transaction that asked for the key is over (undone: forget a key made for it)."""
        ...


class AuditRepository:
    def __init__(self, session: Session, keys: KeySource | None = None) -> None:
        self._session = session
        self._keys = keys
        self.head: AuditHead | None = None  # the last entry appended in this transaction
        self.asked_for_key = False

    def append(
        self, action: str, post_id: int | None, data: Mapping[str, Any], now: datetime
    ) -> AuditEntry:
        """Add the next link; call inside a write (BEGIN IMMEDIATE) transaction so no other
        writer can slip in between reading the last hash and inserting."""
        last = self._session.scalar(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1))
        seq = 1 if last is None else last.seq + 1
        prev = GENESIS_HASH if last is None else last.hash
        data_json = canonical_json(data)
        key = self._key(last)
        digest = entry_hash(prev, seq, now, action, post_id, data_json)
        row = AuditRow(
            seq=seq,
            at=now,
            action=action,
            post_id=post_id,
            data=data_json,
            prev_hash=prev,
            hash=digest,
            mac=None if key is None else entry_mac(key, prev, seq, now, action, post_id, data_json),
        )
        self._session.add(row)
        self._session.flush()
        self.head = AuditHead(seq, digest, None if key is None else head_mac(key, seq, digest))
        return to_entry(row)

    def _key(self, last: AuditRow | None) -> bytes | None:
        if self._keys is None:
            return None
        self.asked_for_key = True
        if last is not None and last.mac is not None:
            return self._keys.key_for_append(lambda: True)
        return self._keys.key_for_append(lambda: last is not None and self.has_signed_entries())

    def has_signed_entries(self) -> bool:
        statement = select(AuditRow.seq).where(AuditRow.mac.is_not(None)).limit(1)
        return self._session.scalar(statement) is not None

    def last_head(self) -> AuditHead:
        """The last entry's number and hash (0 and the genesis hash for an empty log)."""
        row = self._session.execute(
            select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)
        ).first()
        return AuditHead(0, GENESIS_HASH) if row is None else AuditHead(row[0], row[1])

    def entries(self, post_id: int | None = None) -> Iterator[AuditEntry]:
        """Every entry in order (or one post's), streamed in batches."""
        statement = select(AuditRow).order_by(AuditRow.seq)
        if post_id is not None:
            statement = statement.where(AuditRow.post_id == post_id)
        for row in self._session.scalars(statement.execution_options(yield_per=500)):
            yield to_entry(row)

    def raw_entries(self) -> Iterator[tuple[AuditEntry, str]]:
        """Entries with their stored JSON text exactly as hashed, for verification."""
        statement = select(AuditRow).order_by(AuditRow.seq).execution_options(yield_per=500)
        for row in self._session.scalars(statement):
            yield to_entry(row), row.data


def to_entry(row: AuditRow) -> AuditEntry:
    try:
        data = json.loads(row.data)
    except ValueError:
        data = {"unreadable": row.data}
    return AuditEntry(
        seq=row.seq,
        at=row.at,
        action=row.action,
        post_id=row.post_id,
        data=data if isinstance(data, dict) else {"value": data},
        prev_hash=row.prev_hash,
        hash=row.hash,
        mac=row.mac,
    )
