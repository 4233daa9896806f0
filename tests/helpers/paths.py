"""Where things are: the repository, tests/data, tests/fixtures, and `../shared`.

`../shared` is the shared, read-only reference data beside the repository. CI checks the
repository out with `shared/` next to it; a bare clone has none, and the tests that need
it skip with the path they looked in (and fail where CI is set).
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers.requirements import missing

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
DATA = TESTS / "data"
FIXTURES = TESTS / "fixtures"
SHARED = REPO.parent / "shared"


def shared_dir() -> Path | None:
    """`../shared` beside the repository, or None when it is not there."""
    return SHARED if SHARED.is_dir() else None


def require_shared(*parts: str) -> Path:
    """The path `../shared/<parts>`; skips the calling test (or fixture) when it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        missing(f"shared reference data not found: {path}")
    return path
