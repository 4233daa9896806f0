"""Damage versus trouble: only a broken library is moved aside and restored; a library we
may not read, or may only read, is said plainly and left exactly as it is.

The permission tests run real `composer` processes without the power to override file
permissions: as a normal user through chmod, as root through `setpriv` dropping
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH and CAP_FOWNER.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from composer.app.container import Services
from composer.domain.posts import PostDraft, PostQuery
from composer.storage import backup as storage_backup
from composer.storage import library_file
from composer.storage.database import LibraryAccessError, open_library
from tests.helpers.paths import FIXTURES

DROP = [
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search,-fowner",
    "--inh-caps=-all",
]


def _unprivileged_prefix() -> list[str]:
    if os.name != "posix":
        pytest.skip("permission tests need POSIX permissions")
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv is not installed to drop the capabilities")
    probe = subprocess.run([*DROP, "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"setpriv cannot drop capabilities here: {probe.stderr.decode().strip()}")
    return DROP


@pytest.fixture
def composer_as_user():
    """Run `composer ARGS` in a fresh process that cannot override permissions."""
    prefix = _unprivileged_prefix()

    def run(data: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "COMPOSER_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "composer", *argv],
            input=stdin,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done

    return run


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its SHA-256 (readable as root or owner)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def library(no_secure_keyring, tmp_path, clock, engine) -> Path:
    """A data folder with one approved post and a backup; returns the folder.

    Made without a keyring, as the `composer` processes that read it have none."""
    data = tmp_path / "data"
    with Services.open(data, engine_loader=lambda: engine, clock=clock) as services:
        services.database.daily_backup()
        post = services.library.create(PostDraft(body="Storm kit tips?", platforms=("x",)))
        services.approval.approve(post.id)
    for suffix in ("-wal", "-shm"):
        assert not (data / f"library.sqlite3{suffix}").exists()
    return data


def _make_read_only(data: Path) -> None:
    for path in data.rglob("*"):
        path.chmod(0o555 if path.is_dir() else 0o444)
    data.chmod(0o555)


def _make_writable(data: Path) -> None:
    data.chmod(0o755)
    for path in data.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_an_unreadable_library_is_said_plainly_and_left_alone(library, composer_as_user):
    lib = library / "library.sqlite3"
    before = _snapshot(library)
    lib.chmod(0o000)
    try:
        for argv in (("history",), ("show", "1"), ("audit", "verify"), ("approve", "1")):
            done = composer_as_user(library, *argv)
            assert done.returncode == 1 and done.stdout == "", argv
            assert done.stderr == f"composer: cannot read the library: permission denied ({lib})\n"
    finally:
        lib.chmod(0o644)
    assert _snapshot(library) == before  # nothing moved aside, nothing restored


def test_a_read_only_library_can_be_read_but_not_changed(library, composer_as_user, tmp_path):
    post = tmp_path / "post.json"
    post.write_text(json.dumps([{"text": "More storm tips", "platforms": ["x"]}]), "utf-8")
    before = _snapshot(library)
    _make_read_only(library)
    try:
        done = composer_as_user(library, "history", "--format", "json")
        assert done.returncode == 0 and done.stderr == ""
        assert [p["status"] for p in json.loads(done.stdout)] == ["approved"]
        done = composer_as_user(library, "show", "1")
        assert done.returncode == 0 and "Storm kit tips?" in done.stdout
        done = composer_as_user(library, "audit", "verify")
        assert done.returncode == 0 and "intact (1 entry" in done.stdout
        done = composer_as_user(library, "check", "-", stdin="What is in your storm kit?")
        assert done.returncode == 0 and done.stderr == ""
        out = tmp_path / "out.csv"
        for argv in (
            ("import", str(post)),
            ("approve", "1"),
            ("export", "--format", "csv", "--out", str(out), "--status", "approved"),
        ):
            done = composer_as_user(library, *argv)
            assert done.returncode == 1 and done.stdout == "", argv
            assert done.stderr == (
                "composer: cannot change the library: permission denied "
                f"({library / 'library.sqlite3'}); nothing was changed\n"
            )
        assert not out.exists()
        done = composer_as_user(library, "backup")
        assert done.returncode == 1 and "cannot write the backup: permission denied" in done.stderr
    finally:
        _make_writable(library)
    assert _snapshot(library) == before


def test_a_read_only_file_in_a_writable_folder_opens_read_only(library, composer_as_user):
    lib = library / "library.sqlite3"
    lib.chmod(0o444)
    try:
        assert composer_as_user(library, "history").returncode == 0
        done = composer_as_user(library, "approve", "1")
        assert done.returncode == 1 and "cannot change the library" in done.stderr
    finally:
        lib.chmod(0o644)
    assert not list(library.glob("*.damaged-*"))


def test_an_io_error_is_not_damage(library, monkeypatch):
    def failing_open(*_args, **_kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(library_file, "open", failing_open, raising=False)
    with pytest.raises(LibraryAccessError, match=r"cannot read the library: the disk could not"):
        open_library(library / "library.sqlite3")
    assert not list(library.glob("*.damaged-*"))


def test_a_sqlite_io_error_while_probing_is_not_damage(library, monkeypatch):
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode = 10  # SQLITE_IOERR
        raise error

    monkeypatch.setattr("composer.storage.database.sqlite3.connect", connect)
    with pytest.raises(LibraryAccessError, match="input/output error"):
        open_library(library / "library.sqlite3")
    monkeypatch.setattr("composer.storage.database.sqlite3.connect", real_connect)
    assert not list(library.glob("*.damaged-*"))


@pytest.mark.parametrize("content", [b"", b"\x00" * 4096, b"PK\x03\x04 a zip file" * 100])
def test_empty_or_headerless_library_with_backups_is_restored(library, clock, engine, content):
    lib = library / "library.sqlite3"
    with Services.open(library, engine_loader=lambda: engine, clock=clock) as services:
        services.database.backup_to(library / "backups" / "library-manual-1.sqlite3")
    lib.write_bytes(content)
    with Services.open(library, engine_loader=lambda: engine, clock=clock) as services:
        report = services.database.report
        assert report.moved_aside is not None and report.moved_aside.read_bytes() == content
        assert report.restored_from == library / "backups" / "library-manual-1.sqlite3"
        notice = services.notices[0]
        assert "library-manual-1.sqlite3" in notice and str(report.moved_aside) in notice
        assert ("was empty (0 bytes)" in notice) == (content == b"")
        assert [p.body for p in services.history.page(PostQuery())] == ["Storm kit tips?"]


def test_an_empty_library_without_backups_is_simply_started(tmp_path):
    lib = tmp_path / "library.sqlite3"
    lib.write_bytes(b"")
    db = open_library(lib)
    try:
        assert db.report.created and db.report.moved_aside is None and not db.report.notices
    finally:
        db.close()


def _posts_in(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        count = conn.execute("SELECT count(*) FROM posts").fetchone()[0]
    conn.close()
    return count


def test_rotation_never_drops_the_newest_backup_with_posts(tmp_path, clock, engine):
    from datetime import UTC, datetime, timedelta

    data = tmp_path / "data"
    day = datetime(2026, 5, 1, 12, tzinfo=UTC)
    with Services.open(data, engine_loader=lambda: engine, clock=clock) as services:
        services.library.create(PostDraft(body="the only post"))
        services.database.daily_backup(day, keep=3)
    (data / "library.sqlite3").unlink()  # the agent starts over with an empty library
    with Services.open(data, engine_loader=lambda: engine, clock=clock) as services:
        for n in range(1, 6):
            services.database.daily_backup(day + timedelta(days=n), keep=3)
    names = sorted(p.name for p in (data / "backups").glob("library-2026-*.sqlite3"))
    assert names == [
        "library-2026-05-01.sqlite3",  # kept: the newest backup that holds posts
        "library-2026-05-04.sqlite3",
        "library-2026-05-05.sqlite3",
        "library-2026-05-06.sqlite3",
    ]
    assert _posts_in(data / "backups" / names[0]) == 1


KILLED_BACKUP = r"""
import os, signal, sys
from pathlib import Path
from composer.storage import backup
from composer.storage.database import open_library

def die(*_args):
    os.kill(os.getpid(), signal.SIGKILL)  # killed after the copy, before it is renamed in

backup.os.replace = die
db = open_library(Path(sys.argv[1]) / "library.sqlite3")
db.backup_to(Path(sys.argv[1]) / "backups" / "library-manual-killed.sqlite3")
"""


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_a_killed_backup_leaves_a_partial_that_is_cleaned_up(library, clock, engine):
    done = subprocess.run(
        [sys.executable, "-c", KILLED_BACKUP, str(library)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -9, done.stderr
    partial = library / "backups" / "library-manual-killed.sqlite3.partial"
    assert partial.exists()
    (library / "backups" / "library-x.sqlite3.partial-journal").write_bytes(b"orphan")
    with Services.open(library, engine_loader=lambda: engine, clock=clock):
        pass
    assert not list((library / "backups").glob("*.partial*"))
    assert not (library / "backups" / "library-manual-killed.sqlite3").exists()


def test_a_partial_being_written_is_left_alone(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    busy = folder / "library-2026-05-01.sqlite3.partial"
    writer = sqlite3.connect(busy, isolation_level=None)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        writer.execute("CREATE TABLE t (x)")
        assert storage_backup.clean_partials(folder) == []
        assert busy.exists()
        writer.execute("COMMIT")
    finally:
        writer.close()
    assert storage_backup.clean_partials(folder) == [busy]


def test_read_only_mode_reads_through_a_read_only_connection(library, monkeypatch):
    """As root chmod cannot stop us, so the read-only decision is forced here; the
    connection itself is SQLite's read-only one, which refuses writes on its own."""
    from composer.storage.database import ReadOnlyLibraryError

    reason = f"permission denied ({library / 'library.sqlite3'})"
    monkeypatch.setattr(library_file, "write_problem", lambda _path: reason)
    before = _snapshot(library)
    with Services.open(library) as services:
        assert [p.body for p in services.history.page(PostQuery())] == ["Storm kit tips?"]
        assert services.audit.verify().ok
        assert any("can be read but not changed" in n for n in services.notices)
        assert not services.database.report.notices  # nothing for the command line to say
        with pytest.raises(ReadOnlyLibraryError, match="nothing was changed"):
            services.library.create(PostDraft(body="new"))
        with services.database._driver_connection() as raw, pytest.raises(sqlite3.Error):
            raw.execute("DELETE FROM posts")

    def files(snapshot: dict[str, str]) -> dict[str, str]:  # SQLite's empty WAL index aside
        return {k: v for k, v in snapshot.items() if not k.endswith(("-shm", "-wal"))}

    assert files(_snapshot(library)) == files(before)


def test_check_works_on_a_read_only_data_folder(tmp_path, composer_as_user):
    empty = tmp_path / "empty"
    empty.mkdir()
    empty.chmod(0o555)
    old = tmp_path / "old"  # a library from an older Composer, which cannot be updated here
    old.mkdir()
    fixture = FIXTURES / "library-0001.sqlite3"
    shutil.copy(fixture, old / "library.sqlite3")
    _make_read_only(old)
    try:
        for data in (empty, old):
            claim = "Your claim will definitely be approved."
            done = composer_as_user(data, "check", "-", stdin=claim)
            assert done.returncode == 1 and "claims-promise" in done.stdout, done.stderr
        assert "library not used: the library must be updated" in done.stderr
    finally:
        empty.chmod(0o755)
        _make_writable(old)
    assert list(old.iterdir()) == [old / "library.sqlite3"]
