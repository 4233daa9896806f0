"""The append-only audit log: each entry's hash covers its content and the previous hash.

Triggers (see the first migration) refuse UPDATE and DELETE through SQLite; anything
changed behind the app's back by other means shows up when the chain is re-computed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from composer.domain.posts import GENESIS_HASH, AuditEntry, canonical_json, entry_hash
from composer.storage.models import AuditRow


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def append(
        self, action: str, post_id: int | None, data: Mapping[str, Any], now: datetime
    ) -> AuditEntry:
        """Add the next link; call inside a write (BEGIN IMMEDIATE) transaction so no other
        writer can slip in between reading the last hash and inserting."""
        last = self._session.scalar(select(AuditRow).order_by(AuditRow.seq.desc()).limit(1))
        seq = 1 if last is None else last.seq + 1
        prev = GENESIS_HASH if last is None else last.hash
        data_json = canonical_json(data)
        row = AuditRow(
            seq=seq,
            at=now,
            action=action,
            post_id=post_id,
            data=data_json,
            prev_hash=prev,
            hash=entry_hash(prev, seq, now, action, post_id, data_json),
        )
        self._session.add(row)
        self._session.flush()
        return to_entry(row)

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
    )
