"""The quick read `composer check` uses: the same profile and history as the full open,
never a change to the file, and a fall-back (None) whenever only the full open will do."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from composer.domain.posts import PostDraft
from composer.domain.profile import Profile
from composer.services.check_context import CheckContext, quick_context
from composer.storage.database import head_revision, migrate
from composer.storage.quick_read import SCHEMA_REVISION


def _full(services) -> CheckContext:
    return CheckContext(services.library.profile(), services.history.recent_for_checks())


def _fill(services, clock) -> None:
    """A profile and a month and a half of posts: approved, variants, edited, exported."""
    services.library.set_profile(
        Profile(name="Sam Ortiz", license_number="0K98765", states=("CA", "NV"),
                disclosure="Sam Ortiz, CA Lic. #0K98765")
    )  # fmt: skip
    posts = []
    for n in range(14):
        variants = {"x": f"Tip {n} for X"} if n % 3 == 0 else {}
        draft = PostDraft(body=f"Tip {n}: test the sump pump.", platforms=("facebook", "x"),
                          variants=variants)  # fmt: skip
        post = services.library.create(draft)
        services.approval.approve(post.id)
        posts.append(post)
        clock.advance(timedelta(days=4).total_seconds())
    with services.database.write() as tx:  # exported, then edited: still went out
        tx.approvals.mark_exported(services.approval.approved_snapshot(posts[9].id).id, clock())
    for index in (9, 12):  # edited after approval: 12's approval no longer counts
        post = services.library.get(posts[index].id)
        services.library.autosave(post.id, replace(post.draft, body=post.draft.body + " Now!"))
    services.library.create(PostDraft(body="Just a draft", platforms=("facebook",)))


def test_schema_revision_is_the_migrations_head() -> None:
    assert head_revision() == SCHEMA_REVISION


def test_same_profile_and_history_as_the_full_open(services, clock) -> None:
    _fill(services, clock)
    expected = _full(services)
    assert expected.profile is not None and len(expected.history) > 10
    assert {item.status for item in expected.history} == {"approved", "exported"}
    path = services.database.path
    assert quick_context(path, clock) == expected
    clock.advance(timedelta(days=90).total_seconds())  # only the last ten posts count now
    later = _full(services)
    assert len({item.post_id for item in later.history}) == 10
    assert quick_context(path, clock) == later  # while the library is open (WAL in use)
    services.close()
    assert quick_context(path, clock) == later  # and after it was closed


def test_a_library_without_profile_or_approvals(services, clock) -> None:
    assert quick_context(services.database.path, clock) == CheckContext(None, ())


def test_the_file_is_left_exactly_as_it_was(services, clock) -> None:
    _fill(services, clock)
    services.close()
    path = services.database.path
    before = path.read_bytes()
    assert quick_context(path, clock) is not None
    assert path.read_bytes() == before  # (SQLite may leave its -wal and -shm companions)


def _set_revision(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


@pytest.mark.parametrize("revision", ["0001", "9999_from_a_newer_composer"])
def test_another_schema_revision_needs_the_full_open(services, clock, revision) -> None:
    path = services.database.path
    services.close()
    _set_revision(path, revision)
    before = path.read_bytes()
    assert quick_context(path, clock) is None
    assert path.read_bytes() == before


def test_an_older_library_needs_the_full_open(tmp_path) -> None:
    path = tmp_path / "library.sqlite3"
    migrate(path, "0001")
    assert quick_context(path) is None


@pytest.mark.parametrize(
    "content",
    [b"", b"not a database at all" * 200, None],
    ids=["empty", "garbage", "missing"],
)
def test_unreadable_files_need_the_full_open(tmp_path, content) -> None:
    path = tmp_path / "library.sqlite3"
    if content is not None:
        path.write_bytes(content)
    assert quick_context(path) is None
    assert path.exists() == (content is not None)  # never created


def test_a_foreign_database_needs_the_full_open(tmp_path) -> None:
    path = tmp_path / "library.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    assert quick_context(path) is None


def test_a_damaged_stored_profile_needs_the_full_open(services, clock) -> None:
    services.library.set_setting("profile", {"states": "CA"})  # not a list
    assert quick_context(services.database.path, clock) is None
