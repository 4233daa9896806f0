"""The repositories of one transaction, handed to a service inside `Database.read()/write()`."""

from __future__ import annotations

from datetime import UTC, tzinfo
from functools import cached_property

from sqlalchemy.orm import Session

from composer.domain.posts import AuditHead
from composer.storage.accounts import AccountRows
from composer.storage.approvals import ApprovalRepository, ExportRepository
from composer.storage.audit import AuditRepository, KeySource
from composer.storage.complaints import ComplaintRepository
from composer.storage.planning import PlanningRows
from composer.storage.posts import PostRepository, RevisionRepository
from composer.storage.publications import PublicationRepository
from composer.storage.settings import SettingsRepository
from composer.storage.submissions import SubmissionRepository
from composer.storage.threads import ThreadRows


class Repositories:
    """Built per transaction; every repository shares the one session."""

    def __init__(
        self, session: Session, audit_keys: KeySource | None = None, zone: tzinfo = UTC
    ) -> None:
        self.session = session
        self._audit_keys = audit_keys
        self.zone = zone  # posts' times are stored as UTC, handed out as wall time here

    @cached_property
    def posts(self) -> PostRepository:
        return PostRepository(self.session, self.zone)

    @cached_property
    def revisions(self) -> RevisionRepository:
        return RevisionRepository(self.session, self.zone)

    @cached_property
    def approvals(self) -> ApprovalRepository:
        return ApprovalRepository(self.session)

    @cached_property
    def exports(self) -> ExportRepository:
        return ExportRepository(self.session)

    @cached_property
    def complaints(self) -> ComplaintRepository:
        return ComplaintRepository(self.session)

    @cached_property
    def threads(self) -> ThreadRows:
        return ThreadRows(self.session, self.zone)

    @cached_property
    def audit(self) -> AuditRepository:
        return AuditRepository(self.session, self._audit_keys)

    @property
    def audit_head(self) -> AuditHead | None:
        """The log's new head when this transaction appended entries, else None."""
        return self.audit.head if "audit" in self.__dict__ else None

    @property
    def asked_for_audit_key(self) -> bool:
        return "audit" in self.__dict__ and self.audit.asked_for_key

    @cached_property
    def settings(self) -> SettingsRepository:
        return SettingsRepository(self.session)

    @cached_property
    def accounts(self) -> AccountRows:
        return AccountRows(self.session)

    @cached_property
    def planning(self) -> PlanningRows:
        return PlanningRows(self.session, self.zone)

    @cached_property
    def publications(self) -> PublicationRepository:
        """Publications, and each post's legal hold and use (for retention)."""
        return PublicationRepository(self.session)

    @cached_property
    def submissions(self) -> SubmissionRepository:
        """Posts sent to an outside reviewer, and the decisions that came back."""
        return SubmissionRepository(self.session)
