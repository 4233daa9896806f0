"""The agent's profile as a TOML file: shown, imported and exported from the command line.

The same keys the profile dialog edits and `composer check --profile FILE` reads (see
`composer.domain.profile`). Importing replaces the stored profile in one transaction and
says so in the audit log (the profile names the approver and the record's cover);
exporting writes the file atomically, never half a file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from composer.domain.files import write_atomic
from composer.domain.profile import Profile
from composer.services.guidelines import load_profile_file
from composer.services.library import Clock, utc_now

if TYPE_CHECKING:
    from composer.storage.database import Database

# The keys in the order a person reads them.
KEYS: tuple[str, ...] = (
    "name",
    "agency",
    "license_number",
    "states",
    "lines",
    "disclosure",
    "broker_dealer_disclosure",
)


def profile_data(profile: Profile | None) -> dict[str, object]:
    """The profile as plain values (every key, empty when not set), in KEYS order."""
    raw = asdict(profile or Profile())
    return {key: list(raw[key]) if isinstance(raw[key], tuple) else raw[key] for key in KEYS}


def profile_toml(profile: Profile | None) -> str:
    """The profile as a TOML document that `load_profile_file` reads back the same."""
    lines = ["# Composer agent profile", ""]
    for key, value in profile_data(profile).items():
        if isinstance(value, list):
            lines.append(f"{key} = [{', '.join(_string(str(v)) for v in value)}]")
        else:
            lines.append(f"{key} = {_string(str(value))}")
    return "\n".join(lines) + "\n"


def _string(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, bar DEL which TOML wants escaped."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


class ProfileFiles:
    def __init__(self, database: Database, clock: Clock = utc_now) -> None:
        self._db = database
        self._clock = clock

    def current(self) -> Profile | None:
        with self._db.read() as tx:
            return tx.settings.profile()

    def import_file(self, path: Path) -> Profile:
        """Replace the stored profile with the file's; raises ProfileFileError (nothing
        changed) when the file cannot be used."""
        profile = load_profile_file(path)
        now = self._clock()
        digest = hashlib.sha256(
            json.dumps(profile_data(profile), sort_keys=True).encode("utf-8")
        ).hexdigest()
        with self._db.write() as tx:
            tx.settings.set_profile(profile)
            tx.audit.append("profile", None, {"source": "import", "sha256": digest}, now)
        return profile

    def export_file(self, path: Path, *, overwrite: bool = False) -> Profile | None:
        """Write the stored profile to `path` atomically (FileExistsError unless
        `overwrite`; AtomicWriteError when it cannot be written)."""
        profile = self.current()
        write_atomic(path, profile_toml(profile).encode("utf-8"), overwrite=overwrite)
        return profile
