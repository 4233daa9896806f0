"""Which rules are in force: a SHA-256 over every rule pack file, shipped and custom.

An approval records this (composer.services.approval), so the record can say which rules a
post was checked against, and two approvals with the same hash were checked against
exactly the same packs. Read from the files themselves (a few dozen small TOML files and the
learned reader's model), the same folders the engine loads, in the same order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from composer.domain.record import PackHash, PackSource, RulesVersion
from composer.guidelines.reader import MODEL_FILES


def rules_version(version: str, shipped: Path | None, custom: Sequence[Path] = ()) -> RulesVersion:
    """The packs in `shipped` (if given) and the `custom` folders, later ones winning."""
    return versioned(version, pack_hashes(shipped, custom))


def pack_hashes(shipped: Path | None, custom: Sequence[Path] = ()) -> tuple[PackHash, ...]:
    """Each pack file's SHA-256, in the order the engine loads them. Cheap (no pack parsing,
    no package metadata), so it can be taken every time an engine is built."""
    folders: list[tuple[PackSource, Path]] = []
    if shipped is not None:
        folders.append(("shipped", shipped))
    folders.extend(("custom", folder) for folder in custom)
    packs: list[PackHash] = []
    for source, folder in folders:
        files = sorted(folder.glob("*.toml")) if folder.is_dir() else []  # as pack_files
        if source == "shipped":  # the learned readers' models are in force like any pack
            files += [folder / name for name in MODEL_FILES]
        for path in files:
            try:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                continue  # gone since it was listed: not in force
            packs.append(PackHash(source, path.name, digest))
    return tuple(packs)


def versioned(version: str, packs: Sequence[PackHash]) -> RulesVersion:
    """The rules version of `packs` under Composer `version`: one SHA-256 over them all."""
    overall = hashlib.sha256()
    for pack in packs:
        overall.update(f"{pack.source}\0{pack.file}\0{pack.sha256}\n".encode())
    return RulesVersion(version, overall.hexdigest(), tuple(packs))
