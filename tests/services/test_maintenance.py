"""The maintenance service: what the command line and self-test ask of the library file."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from composer.app.container import Services
from composer.domain.errors import BackupError


def test_a_new_library_is_created_at_the_current_schema(services: Services) -> None:
    maintenance = services.maintenance
    assert maintenance.created
    assert maintenance.notices == ()
    assert maintenance.read_only == ""
    assert maintenance.schema() == maintenance.current_schema()
    assert maintenance.integrity() == "ok"


def test_a_manual_backup_goes_to_the_backups_folder_by_default(services: Services) -> None:
    written = services.maintenance.backup()
    assert written.parent == services.data_dir / "backups"
    assert written.name.startswith("library-manual-") and written.suffix == ".sqlite3"
    with closing(sqlite3.connect(written)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_backup_to_a_missing_folder_is_a_plain_error(services: Services, tmp_path) -> None:
    target = tmp_path / "no" / "such" / "x.sqlite3"
    target.parent.parent.mkdir()
    target.parent.parent.chmod(0o500)
    try:
        written = services.maintenance.backup(target)
    except BackupError as exc:
        assert "backup" in str(exc)
    else:  # root may write anywhere
        assert written == target
    finally:
        target.parent.parent.chmod(0o700)


def test_daily_backup_is_made_once(services: Services) -> None:
    first = services.maintenance.daily_backup()
    assert services.maintenance.daily_backup() == first


@pytest.mark.parametrize("name", ["BackupError", "LibraryOpenError", "StorageError"])
def test_storage_raises_the_domain_errors(name: str) -> None:
    from composer.domain import errors
    from composer.storage import errors as storage_errors

    assert getattr(storage_errors, name) is getattr(errors, name)
