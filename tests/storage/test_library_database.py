"""Opening the library: engine settings, damage recovery, refusal, backups."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from composer.app.container import LIBRARY_FILE, Services, library_exists
from composer.domain.posts import PostDraft, PostQuery
from composer.storage import database as storage_database
from composer.storage.backup import BackupError, integrity_problem
from composer.storage.database import (
    LibraryOpenError,
    NewerSchemaError,
    open_library,
)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_library_file_name_matches(tmp_path):
    assert LIBRARY_FILE == storage_database.LIBRARY_FILE
    assert not library_exists(tmp_path)


def test_engine_settings(tmp_path):
    db = open_library(tmp_path / "library.sqlite3")
    try:
        with db.read() as tx:
            connection = tx.session.connection()

            def pragma(name: str) -> object:
                return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == 5000
        assert db.report.created
        assert db.integrity_check() == "ok"
    finally:
        db.close()


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "library.sqlite3"
    open_library(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    conn.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError, match="newer version of Composer"):
        open_library(path)
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


def test_a_foreign_database_is_refused(tmp_path):
    path = tmp_path / "library.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.close()
    with pytest.raises(LibraryOpenError, match="not a Composer library"):
        open_library(path)


def test_damaged_library_without_backup_starts_fresh(tmp_path):
    path = tmp_path / "library.sqlite3"
    path.write_bytes(b"this is not a database at all" * 200)
    db = open_library(path)
    try:
        assert db.report.moved_aside is not None and db.report.moved_aside.exists()
        assert db.report.moved_aside.read_bytes().startswith(b"this is not")
        assert db.report.restored_from is None
        assert "new, empty library" in db.report.notices[0]
        assert db.integrity_check() == "ok"
    finally:
        db.close()


def test_damaged_library_opens_the_latest_good_backup(tmp_path, clock, engine):
    data = tmp_path / "data"
    with Services.open(data, engine_loader=lambda: engine, clock=clock) as services:
        kept = services.library.create(PostDraft(body="kept in the backup"))
        services.database.daily_backup()
        services.library.create(PostDraft(body="after the backup"))
    library = data / "library.sqlite3"
    for suffix in ("-wal", "-shm"):
        (data / f"library.sqlite3{suffix}").unlink(missing_ok=True)
    with open(library, "r+b") as f:  # wreck the page after the header
        f.seek(100)
        f.write(os.urandom(8192))
    with Services.open(data, engine_loader=lambda: engine, clock=clock) as services:
        assert services.database.report.restored_from is not None
        assert "latest good backup" in services.notices[0]
        assert [p.body for p in services.history.page(PostQuery())] == [kept.body]


def test_backups_rotate_and_are_verified(tmp_path):
    db = open_library(tmp_path / "library.sqlite3")
    try:
        day = datetime(2026, 5, 1, 12, tzinfo=UTC)
        made = [db.daily_backup(day + timedelta(days=n), keep=3) for n in range(5)]
        folder = tmp_path / "backups"
        names = sorted(p.name for p in folder.iterdir())
        assert names == [p.name for p in made[-3:]]
        assert all(integrity_problem(p) == "" for p in made[-3:])
        assert db.daily_backup(day + timedelta(days=4), keep=3) == made[-1]  # once a day
        out = db.backup_to(tmp_path / "manual.sqlite3")
        with sqlite3.connect(out) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        conn.close()
    finally:
        db.close()


def test_backup_that_fails_its_check_is_not_kept(tmp_path, monkeypatch):
    db = open_library(tmp_path / "library.sqlite3")
    monkeypatch.setattr("composer.storage.backup.integrity_problem", lambda path: "bad page")
    try:
        with pytest.raises(BackupError, match="integrity"):
            db.backup_to(tmp_path / "out.sqlite3")
        assert list(tmp_path.glob("out.sqlite3*")) == []
    finally:
        db.close()


def test_migration_backs_up_first(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    storage_database.migrate(path, "0001")  # a library from the first schema
    db = open_library(path)
    try:
        assert db.report.migrated_from == "0001"
        assert db.report.pre_migration_backup is not None
        assert integrity_problem(db.report.pre_migration_backup) == ""
    finally:
        db.close()
