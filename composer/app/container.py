"""The service container: open the library in a data folder once, hand out the services.

Storage (and with it SQLAlchemy) is imported only when a library is opened, so commands
that never open it stay quick; `composer check` reads a current library through
`composer.services.check_context` (plain sqlite3) instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.domain.layout import (
    LIBRARY_FILE,
    library_path,
    user_dictionary_path,
    user_rules_dir,
)

if TYPE_CHECKING:
    from composer.domain.accounts import AccountRepository
    from composer.guidelines.engine import Engine
    from composer.services.accounts import AccountsService
    from composer.services.approval import ApprovalService
    from composer.services.audit import AuditService
    from composer.services.conversations import ConversationService
    from composer.services.evergreen import EvergreenService
    from composer.services.guidelines import GuidelineService
    from composer.services.history import HistoryService
    from composer.services.images import ImageStore
    from composer.services.importer import ImportService
    from composer.services.library import LibraryService
    from composer.services.maintenance import MaintenanceService
    from composer.services.planning import PlanningService
    from composer.services.preferences import PreferencesService
    from composer.services.profile_file import ProfileFiles
    from composer.services.records import RecordsService
    from composer.services.review import ReviewService
    from composer.services.threads import ThreadService
    from composer.storage.database import Database


log = logging.getLogger(__name__)

LIBRARY_ID_SETTING = "library_id"


def library_exists(data_dir: Path) -> bool:
    """Whether a library was ever made here, checked without importing storage."""
    return (data_dir / LIBRARY_FILE).exists()


def load_engine(data_dir: Path) -> Engine:
    """The guideline engine with the shipped packs, the user's own rule folder and
    dictionary: what a library's guideline service builds unless told otherwise."""
    from composer.services.guidelines import build_engine

    return build_engine(data_dir)


@dataclass
class Services:
    data_dir: Path
    database: Database
    library: LibraryService
    history: HistoryService
    approval: ApprovalService
    guidelines: GuidelineService
    preferences: PreferencesService
    audit: AuditService
    importer: ImportService
    account_repository: AccountRepository
    planning: PlanningService
    conversations: ConversationService  # replies' comments and the complaint register
    clock: Callable[[], Any] | None = None  # the library's clock (tests set one)

    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        engine_loader: Callable[[], Engine] | None = None,
        clock: Callable[[], Any] | None = None,
    ) -> Services:
        """Open (or create, recover, migrate) the library in `data_dir` and wire services.

        Raises `composer.domain.errors.LibraryOpenError` with a plain message when the
        library cannot be used; `notices` says what recovery did, if anything.
        """
        from composer.secrets import CredentialStore
        from composer.services.approval import ApprovalService
        from composer.services.audit import AuditService
        from composer.services.audit_keys import AuditKeys
        from composer.services.conversations import ConversationService
        from composer.services.guidelines import GuidelineService
        from composer.services.history import HistoryService
        from composer.services.importer import ImportService
        from composer.services.library import LibraryService, utc_now
        from composer.services.planning import PlanningService
        from composer.services.preferences import PreferencesService
        from composer.storage.accounts import SqlAccountRepository
        from composer.storage.database import StorageError, open_library

        now = clock or utc_now
        database = open_library(library_path(data_dir))
        history = HistoryService(database, now)
        library = LibraryService(database, now)
        # The one guideline engine of this library: approval, the window's live checks and
        # the rules reload all go through this service (built on first use).
        guidelines = GuidelineService(
            history=history.recent_for_checks,
            profile_source=library.profile,
            loader=engine_loader or (lambda: load_engine(data_dir)),
            user_dictionary=user_dictionary_path(data_dir),
            custom_rules=(user_rules_dir(data_dir),),
        )

        preferences = PreferencesService(library)

        def approver() -> str:
            """The approver named in Settings; empty means the profile name."""
            return preferences.load().approver

        # The audit key sits in the keyring under the library's own id, next to its
        # account credentials; it is looked up only when an entry is written or checked.
        keys = AuditKeys(lambda: CredentialStore(namespace=services.library_id))
        database.audit_keys = keys
        services = cls(
            data_dir=data_dir,
            database=database,
            library=library,
            history=history,
            approval=ApprovalService(
                database,
                lambda: guidelines.engine,
                history,
                now,
                approver=approver,
                rules=guidelines.rules_version,
            ),
            guidelines=guidelines,
            preferences=preferences,
            audit=AuditService(database, now, keys),
            importer=ImportService(database, now),
            account_repository=SqlAccountRepository(database, now),
            planning=PlanningService(database, library, now),
            conversations=ConversationService(database, guidelines.read_comment, now),
            clock=now,
        )
        try:  # made now: the audit key is asked for inside write transactions
            services.library_id  # noqa: B018
        except StorageError as exc:  # a library that cannot be written to still opens
            log.warning("could not give the library an id: %s", exc)
        services.audit.settle_anchor(restored=database.report.restored_from is not None)
        return services

    @property
    def notices(self) -> tuple[str, ...]:
        """Things the user should be told about opening the library (a recovery, or that
        it can only be read)."""
        report = self.database.report
        return report.notices + ((report.read_only_notice,) if report.read_only else ())

    @cached_property
    def maintenance(self) -> MaintenanceService:
        """Backups, the integrity check, the schema, and what opening the library found."""
        from composer.services.maintenance import MaintenanceService

        return MaintenanceService(self.database)

    @cached_property
    def images(self) -> ImageStore:
        """Image files in this data folder, stored once by content hash (QtGui, loaded late)."""
        from composer.services.images import ImageStore

        return ImageStore(self.data_dir)

    @cached_property
    def evergreen(self) -> EvergreenService:
        """Evergreen posts: copies that come back after a cooldown (issue 15)."""
        from composer.services.evergreen import EvergreenService

        return EvergreenService(
            self.database, self.library, self.approval, self.planning, self.planning.clock
        )

    @cached_property
    def threads(self) -> ThreadService:
        """A post's replies seen together (made on first use)."""
        from composer.services.threads import ThreadService

        return ThreadService(self.database)

    @cached_property
    def records(self) -> RecordsService:
        """Publications, legal hold, retention and deletion (the examiner's record)."""
        from composer.services.library import utc_now
        from composer.services.records import RecordsService

        return RecordsService(self.database, self.clock or utc_now)

    @cached_property
    def review(self) -> ReviewService:
        """Outside review: submissions, the reviewer's packet, decisions brought back."""
        from composer.services.export import ExportService
        from composer.services.library import utc_now
        from composer.services.review import ReviewService

        clock = self.clock or utc_now
        exports = ExportService.over(self, clock)
        return ReviewService(self.database, exports.snapshots, exports.record_pdf, clock)

    @cached_property
    def profile_files(self) -> ProfileFiles:
        """The profile shown, imported and exported as TOML (the command line's)."""
        from composer.services.library import utc_now
        from composer.services.profile_file import ProfileFiles

        return ProfileFiles(self.database, self.clock or utc_now)

    # --- accounts (issue 4) -------------------------------------------------------------
    @cached_property
    def accounts(self) -> AccountsService:
        """Accounts over this library, credentials in the OS keyring (imported on first use)."""
        from composer.secrets import CredentialStore
        from composer.services.accounts import AccountsService

        return AccountsService(self.account_repository, CredentialStore(namespace=self.library_id))

    @cached_property
    def library_id(self) -> str:
        """A random id made once per library, naming its entries in the keyring."""
        value = self.library.setting(LIBRARY_ID_SETTING)
        if not isinstance(value, str) or not value:
            import uuid  # here, not at import: `composer check` imports this module

            value = uuid.uuid4().hex
            self.library.set_setting(LIBRARY_ID_SETTING, value)
        return value

    # ---------------------------------------------------------------------------------------

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
