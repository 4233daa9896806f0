"""The head anchor: the audit log's last entry number and hash, kept outside the library.

Entries removed from the end of the log leave a chain that still links up; what gives
them away is a record of how far the log reached. That record is kept in three places:
a small file next to the library (`library.audit-head`, rewritten atomically after each
transaction that adds entries), a settings row inside every backup, and the export rows
(their own entry). With a keyring key each copy carries an HMAC, so it cannot be forged
without the key (it can still be deleted, which `audit verify` reports).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from composer.domain.files import read_text, write_atomic
from composer.domain.posts import GENESIS_HASH, AuditHead, canonical_json, head_mac

ANCHOR_SUFFIX = ".audit-head"
BACKUP_SETTING = "audit.head"  # the settings row a backup carries its head in
ANCHORED_SETTING = "audit.head-file"  # set once the library has had an anchor file
_FORMAT = "composer-audit-head"


class AnchorError(Exception):
    """The anchor file exists but cannot be read or does not make sense."""


def anchor_path(library: Path) -> Path:
    return library.with_suffix(ANCHOR_SUFFIX)


def to_json(head: AuditHead) -> str:
    data: dict[str, object] = {"format": _FORMAT, "seq": head.seq, "hash": head.hash}
    if head.mac is not None:
        data["mac"] = head.mac
    return canonical_json(data)


def from_json(text: str) -> AuditHead:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise AnchorError("it is not readable") from exc
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise AnchorError("it is not a Composer head record")
    seq, digest, mac = data.get("seq"), data.get("hash"), data.get("mac")
    if not isinstance(seq, int) or seq < 0 or not isinstance(digest, str):
        raise AnchorError("its entry number or hash is missing")
    if mac is not None and not isinstance(mac, str):
        raise AnchorError("its signature is not readable")
    return AuditHead(seq, digest, mac)


def read_anchor(path: Path) -> AuditHead | None:
    """The anchor in `path`; None when there is no file. Raises AnchorError."""
    try:
        text = read_text(path)
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise AnchorError(f"it cannot be read ({exc})") from exc
    return from_json(text)


def write_anchor(path: Path, head: AuditHead) -> None:
    """Replace the anchor file atomically (see `composer.domain.files.write_atomic`).

    Raises OSError; the old anchor stays in place when anything fails."""
    write_atomic(path, (to_json(head) + "\n").encode("utf-8"), overwrite=True)


def signed(head: AuditHead, key: bytes | None) -> AuditHead:
    """`head` with its HMAC when there is a key (the genesis head needs none)."""
    if key is None or head.seq == 0:
        return AuditHead(head.seq, head.hash)
    return AuditHead(head.seq, head.hash, head_mac(key, head.seq, head.hash))


def stamp_backup(target: sqlite3.Connection, key: Callable[[], bytes | None]) -> None:
    """Write the copy's own head (its last audit entry) into the copy's settings; the key
    is asked for only when that entry is signed."""
    row = target.execute(
        "SELECT seq, hash, mac FROM audit_log ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    head = AuditHead(0, GENESIS_HASH) if row is None else AuditHead(int(row[0]), str(row[1]))
    signed_head = signed(head, key() if row is not None and row[2] is not None else None)
    target.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
        (BACKUP_SETTING, to_json(signed_head)),
    )
    target.commit()


def backup_head(path: Path) -> AuditHead | None:
    """The head a backup was stamped with; None for a backup without one (or unreadable)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            row = conn.execute(
                "SELECT value FROM settings WHERE key = ?", (BACKUP_SETTING,)
            ).fetchone()
    except sqlite3.Error:
        return None
    if row is None:
        return None
    try:
        value = json.loads(row[0]) if isinstance(row[0], str) else row[0]
        return from_json(value if isinstance(value, str) else json.dumps(value))
    except (AnchorError, ValueError, TypeError):
        return None
