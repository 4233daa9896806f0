"""What the PDF record adds to an export: the cover's facts, each post's publications and
the findings the agent dismissed in the editor.

Kept apart from composer.services.export (which decides what may be exported) because
only the record needs these; they are read in the export's own read transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from composer.domain.record import Publication
from composer.export.model import RecordCover

if TYPE_CHECKING:
    from composer.domain.profile import Profile
    from composer.storage.repositories import Repositories

DISMISSED_PREFIX = "dismissed:"  # dismissed:<post id>, as the window stores them (ui/findings)


def cover_of(profile: Profile | None, library_id: str) -> RecordCover:
    if profile is None:
        return RecordCover(library_id=library_id)
    return RecordCover(
        agent=profile.name,
        agency=profile.agency,
        license_number=profile.license_number,
        states=profile.states,
        lines=profile.lines,
        library_id=library_id,
    )


def extras(
    tx: Repositories, post_ids: Sequence[int]
) -> tuple[dict[int, tuple[Publication, ...]], dict[int, frozenset[str]]]:
    """Each post's publications (oldest first) and dismissal keys."""
    found = tx.publications.for_posts(post_ids)
    publications = {post_id: tuple(found.get(post_id, ())) for post_id in post_ids}
    stored = tx.settings.with_prefix(DISMISSED_PREFIX)
    dismissed: dict[int, frozenset[str]] = {}
    for post_id in post_ids:
        value = stored.get(f"{DISMISSED_PREFIX}{post_id}")
        if isinstance(value, list) and value:
            dismissed[post_id] = frozenset(str(v) for v in value)
    return publications, dismissed
