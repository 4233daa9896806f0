"""Opening the library: engine settings, recovery from damage, and migrations at start-up.

`open_library()` is the one way in. It never overwrites a database it cannot read: a
damaged file is moved aside and the newest good backup (or a fresh library) is opened
instead, and a file written by a newer Composer is refused and left untouched. What
happened is returned in `Database.report` so the window or command line can say so.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from composer.domain.layout import BACKUPS_FOLDER
from composer.domain.layout import LIBRARY_FILE as LIBRARY_FILE
from composer.domain.layout import backups_dir as backups_dir
from composer.domain.layout import library_path as library_path
from composer.domain.planning import local_zone
from composer.domain.posts import AuditHead
from composer.storage import anchor, backup, library_file
from composer.storage.errors import (
    BackupError,
    LibraryAccessError,
    LibraryOpenError,
    NewerSchemaError,
    ReadOnlyLibraryError,
    StorageError,
)
from composer.storage.library_file import FileState
from composer.storage.repositories import Repositories

if TYPE_CHECKING:
    from alembic.config import Config

    from composer.storage.audit import KeySource

__all__ = [  # the errors live in storage.errors; callers import them from here too
    "LibraryAccessError",
    "LibraryOpenError",
    "NewerSchemaError",
    "ReadOnlyLibraryError",
    "StorageError",
]

BUSY_TIMEOUT_MS = 5000
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What happened while opening, in plain words for the user when it matters."""

    created: bool = False
    migrated_from: str | None = None
    pre_migration_backup: Path | None = None
    moved_aside: Path | None = None
    restored_from: Path | None = None
    read_only: str = ""  # why the library cannot be written, e.g. "permission denied (PATH)"
    damage: str = "was damaged and could not be read"  # or "was empty (0 bytes)"

    @property
    def read_only_notice(self) -> str:
        if not self.read_only:
            return ""
        return (
            f"The library can be read but not changed ({self.read_only}): posts can be "
            "looked at, but edits, approvals and exports cannot be saved."
        )

    @property
    def notices(self) -> tuple[str, ...]:
        """What recovery did, if anything (the read-only notice is separate)."""
        if self.moved_aside is None:
            return ()
        if self.restored_from is not None:
            then = self.restored_from.name
            return (
                f"The library file {self.damage}. It was moved to "
                f"{self.moved_aside} and the latest good backup ({then}) was opened "
                f"instead; changes made after that backup may be missing.",
            )
        return (
            f"The library file {self.damage}. It was moved to "
            f"{self.moved_aside} and a new, empty library was started (no good backup "
            f"was found).",
        )


# The newest schema, named here so that opening an up-to-date library never imports Alembic
# (half a second of every command); tests/migrations checks it against the scripts.
SCHEMA_HEAD = "0010"


def migrations_config() -> Config:
    """Alembic configuration built in code: no alembic.ini, no fileConfig."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The schema this Composer writes (the migrations' head)."""
    return SCHEMA_HEAD


def scripts_head() -> str:
    """The head as the migration scripts say (Alembic imported): what SCHEMA_HEAD must be."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(migrations_config()).get_current_head()
    assert head is not None
    return head


def read_only_uri(path: Path, folder_writable: bool) -> str:
    """A SQLite URI opening `path` read-only. In a folder we cannot write, SQLite cannot
    make the WAL index, so the file is opened as immutable (no locking, no WAL)."""
    uri = f"{path.absolute().as_uri()}?mode=ro"
    return uri if folder_writable else uri + "&immutable=1"


def make_engine(path: Path, *, foreign_keys: bool = True, read_only_uri: str = "") -> Engine:
    """An engine with WAL, synchronous=FULL, foreign keys and a busy timeout on every
    connection; transactions are begun by us (BEGIN, or BEGIN IMMEDIATE for writers).
    With `read_only_uri`, connections open that URI instead and never change the file."""
    connect_args: dict[str, Any] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    if read_only_uri:
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(read_only_uri, uri=True, **connect_args),
            poolclass=QueuePool,
        )
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args=connect_args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        if not read_only_uri:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Writers take the write lock up front, so a read never has to be upgraded
        # half-way through (which SQLite refuses with "database is locked").
        immediate = connection.get_execution_options().get("composer_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Database:
    """An open library: short read or write transactions that hand out repositories.

    `audit_keys` (set by the app) signs new audit entries; after a write that added some,
    the head anchor file next to the library is brought up to date. `zone` is the
    computer's: posts' times are stored as UTC and handed out as wall time in it.
    """

    def __init__(
        self, path: Path, engine: Engine, report: OpenReport, zone: tzinfo | None = None
    ) -> None:
        self.path = path
        self.zone = zone if zone is not None else local_zone()
        self.report = report
        self.read_only = report.read_only  # empty, or why nothing can be written
        self.audit_keys: KeySource | None = None
        self._engine = engine
        self._reader = sessionmaker(bind=engine, expire_on_commit=False)
        self._writer = sessionmaker(
            bind=engine.execution_options(composer_write=True), expire_on_commit=False
        )

    @property
    def anchor_path(self) -> Path:
        return anchor.anchor_path(self.path)

    @property
    def backups_folder(self) -> Path:
        return self.path.parent / BACKUPS_FOLDER

    @contextlib.contextmanager
    def read(self) -> Iterator[Repositories]:
        with _plain_errors(), self._reader.begin() as session:
            yield Repositories(session, zone=self.zone)

    @contextlib.contextmanager
    def write(self) -> Iterator[Repositories]:
        """One atomic unit of work: committed on leaving the block, rolled back on error."""
        if self.read_only:
            raise ReadOnlyLibraryError(
                f"cannot change the library: {self.read_only}; nothing was changed"
            )
        repositories: Repositories | None = None
        try:
            with _plain_errors(), self._writer.begin() as session:
                repositories = Repositories(session, self.audit_keys, self.zone)
                yield repositories
        except BaseException:
            if repositories is not None and repositories.asked_for_audit_key:
                assert self.audit_keys is not None
                self.audit_keys.settled(committed=False)
            raise
        if repositories.asked_for_audit_key:
            assert self.audit_keys is not None
            self.audit_keys.settled(committed=True)
        head = repositories.audit_head
        if head is not None:
            self.write_anchor(head)

    def write_anchor(self, head: AuditHead) -> None:
        """Record the log's head next to the library; a failure is logged, not raised
        (the entries are committed; `audit verify` reports the stale anchor)."""
        try:
            anchor.write_anchor(self.anchor_path, head)
        except OSError as exc:
            log.warning("could not write the audit head record %s: %s", self.anchor_path, exc)

    def backup_to(self, destination: Path) -> Path:
        """A consistent copy through SQLite's online backup API, verified before use."""
        with self._driver_connection() as source:
            return backup.backup_database(source, destination, self._stamp)

    def daily_backup(self, today: datetime | None = None, keep: int = backup.KEEP_DAILY) -> Path:
        """Make today's rotated backup unless it exists; drop old ones only after it checks out."""
        stamp = (today or datetime.now(UTC)).astimezone().date()
        if self.read_only:
            raise BackupError(f"no backup was made: {self.read_only}")
        with self._driver_connection() as source:
            folder = self.path.parent / BACKUPS_FOLDER
            return backup.daily_backup(source, folder, stamp, keep, self._stamp)

    def _stamp(self, target: sqlite3.Connection) -> None:
        """Every backup carries the head of its own audit log, signed when there is a key."""
        keys = self.audit_keys
        anchor.stamp_backup(target, lambda: keys.key_for_check() if keys is not None else None)

    def integrity_check(self) -> str:
        with self._driver_connection() as conn:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        self._engine.dispose()

    @contextlib.contextmanager
    def _driver_connection(self) -> Iterator[sqlite3.Connection]:
        raw = self._engine.raw_connection()
        try:
            yield cast(sqlite3.Connection, raw.driver_connection)  # the pysqlite DBAPI connection
        finally:
            raw.close()


@contextlib.contextmanager
def _plain_errors() -> Iterator[None]:
    """SQLite trouble becomes a StorageError with words for people, never a traceback.

    Constraint violations pass through: callers (like the accounts repository) expect them.
    """
    try:
        yield
    except IntegrityError:
        raise
    except OperationalError as exc:
        if "locked" in str(exc.orig) or "busy" in str(exc.orig):
            raise StorageError(
                "The library is busy in another Composer window or command; try again."
            ) from exc
        raise StorageError(f"The library could not be read or written: {exc.orig}") from exc
    except DBAPIError as exc:
        raise StorageError(f"The library could not be read or written: {exc.orig}") from exc


def open_library(
    path: Path,
    *,
    backups: Path | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    zone: tzinfo | None = None,
) -> Database:
    """Open (creating, recovering or migrating as needed) the library at `path`.

    Only damage (no SQLite header, a corrupt file, or an empty file while a good backup
    exists) moves the file aside; a file or folder that cannot be read or written raises
    LibraryAccessError and changes nothing. A library we may read but not write opens
    read-only: `Database.read_only` says why, and every write is refused. `zone` (the
    computer's when None) is the one posts' times are read in, and the one 0007 takes an
    older library's wall times to be in.
    """
    zone = zone if zone is not None else local_zone()
    backups = backups if backups is not None else path.parent / BACKUPS_FOLDER
    _make_folder(path.parent)
    state = library_file.inspect(path)
    read_only = library_file.write_problem(path)
    moved_aside = restored_from = None
    created = False
    current: str | None = None

    damaged = state is FileState.NOT_SQLITE
    if state is FileState.EMPTY:
        damaged = backup.latest_good_backup(backups) is not None
    elif state is FileState.SQLITE:
        try:
            current = _probe(path, _probe_uri(path, read_only))
        except _DamagedError:
            damaged = True
    if damaged:
        if read_only:
            raise LibraryAccessError(
                f"the library file is damaged, and cannot be moved aside: {read_only}; "
                "nothing was changed"
            )
        try:
            moved_aside = library_file.move_aside(path, now())
        except OSError as exc:
            raise LibraryAccessError(
                f"the library file is damaged, and cannot be moved aside: "
                f"{library_file.why(exc)} ({path}); nothing was changed"
            ) from None
        restored_from = backup.latest_good_backup(backups)
        if restored_from is not None:
            backup.restore_file(restored_from, path)
            current = _probe(path)
        else:
            created = True
    elif state is not FileState.SQLITE:
        created = True
    if created and read_only:
        raise LibraryAccessError(f"cannot create the library: {read_only}")

    head = head_revision()
    pre_backup = None
    if current is not None and current != head:
        _refuse_unknown(path, current)
    if current != head and read_only:
        raise LibraryAccessError(
            f"the library must be updated for this version of Composer, but it cannot "
            f"be changed: {read_only}; nothing was changed"
        )
    if current is not None and current != head:
        stamp = now().strftime("%Y%m%dT%H%M%S")
        pre_backup = backups / f"library-before-{head}-{stamp}.sqlite3"
        try:
            with contextlib.closing(sqlite3.connect(path)) as source:
                backup.backup_database(source, pre_backup)
        except BackupError as exc:
            raise LibraryAccessError(f"the library was not updated: {exc}") from None
    if current != head:
        migrate(path, zone=zone)
    if not read_only:
        backup.clean_partials(backups)

    report = OpenReport(
        created=created,
        migrated_from=current if current not in (None, head) else None,
        pre_migration_backup=pre_backup,
        moved_aside=moved_aside,
        restored_from=restored_from,
        read_only=read_only,
        **({"damage": "was empty (0 bytes)"} if state is FileState.EMPTY else {}),
    )
    engine = make_engine(path, read_only_uri=_probe_uri(path, read_only))
    return Database(path, engine, report, zone)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryAccessError(
            f"cannot use the data folder: {library_file.why(exc)} ({folder})"
        ) from None


def _probe_uri(path: Path, read_only: str) -> str:
    """Empty (open normally) for a writable library, else a read-only URI."""
    if not read_only:
        return ""
    return read_only_uri(path, folder_writable=os.access(path.parent, os.W_OK))


def migrate(path: Path, revision: str = "head", zone: tzinfo | None = None) -> None:
    """Run Alembic in one transaction, foreign keys off (batch mode copies tables).
    `zone` (the computer's when None) is the zone 0007 reads older wall times in."""
    engine = make_engine(path, foreign_keys=False)
    try:
        from alembic import command

        with engine.connect() as connection, connection.begin():
            config = migrations_config()
            config.attributes["connection"] = connection
            config.attributes["zone"] = zone if zone is not None else local_zone()
            command.upgrade(config, revision)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise LibraryOpenError(
                    f"Updating the library left broken references ({len(problems)}); "
                    "the update was undone."
                )
    finally:
        engine.dispose()


class _DamagedError(Exception):
    pass


def _probe(path: Path, uri: str = "") -> str | None:
    """Read the schema revision without changing the file; raise _DamagedError only for
    damage, and LibraryOpenError (busy, permission, I/O) for anything else.

    Returns None for an empty database; raises LibraryOpenError for a foreign one.
    """
    try:
        connection = sqlite3.connect(uri or path, uri=bool(uri), timeout=BUSY_TIMEOUT_MS / 1000)
        with contextlib.closing(connection) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise _DamagedError(result)
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "alembic_version" not in tables:
                if tables:
                    raise LibraryOpenError(
                        f"{path} is not a Composer library (it holds other data); "
                        "it was left untouched."
                    )
                return None
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            return rows[0][0] if rows else None
    except sqlite3.Error as exc:
        if library_file.is_damage(exc):
            raise _DamagedError(str(exc)) from exc
        raise library_file.plain_error(exc, path) from exc


def _refuse_unknown(path: Path, current: str) -> None:
    from alembic.script import ScriptDirectory

    try:
        ScriptDirectory.from_config(migrations_config()).get_revision(current)
    except Exception as exc:  # alembic raises several kinds for an unknown revision
        raise NewerSchemaError(
            f"{path} was written by a newer version of Composer (schema {current}). "
            "Please update Composer to open it; the file was left untouched."
        ) from exc
