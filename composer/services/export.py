"""Export: turn approved posts into the files schedulers, spreadsheets and reviewers take.

Two steps, so the window can show what will happen before anything is written: `plan()`
gathers each post's approved snapshot (never a later edit), leaves out or refuses what is
not approved, and lists the problems; `write()` renders the file to a temporary file
beside the target, then records the export (format, file, posts, SHA-256) in the audit
log and renames the file into place inside that one transaction, which moves the posts to
`exported`. If the record cannot be written, the file is removed: no export exists that
the audit log does not know.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from composer.domain.accounts import PLATFORMS, Account
from composer.domain.errors import StorageError
from composer.domain.files import AtomicWriteError, Staged, stage_file
from composer.domain.posts import ExportRecord, PostStatus
from composer.export import FORMATS, SCHEDULERS
from composer.export.model import (
    DATE_ORDERS,
    DateOrder,
    ExportItem,
    RecordCover,
    RenderOptions,
)
from composer.services.approval import NotApprovedError
from composer.services.expiry import SELF_APPROVAL_SETTING, expired, valid_days
from composer.services.export_bundle import (
    BUNDLE,
    export_images,
    missing_images,
    render_checked,
    stage_bundle_folder,
)
from composer.services.export_checks import (
    MISSING_GLYPHS,
    Problem,
    ProblemCode,
    Skipped,
    dropped_link_problems,
    filter_items,
    fix_item_times,
    glyph_problems,
    length_problems,
    neutralised_problems,
    scheduler_problems,
)
from composer.services.export_errors import (
    ExportError,
    ExportNotRecordedError,
    ExportRefusedError,
    ExportTargetExistsError,
    ExportWriteError,
)
from composer.services.export_record import cover_of, extras
from composer.services.export_select import all_with_status, single_platform
from composer.services.library import Clock, LibraryError, PostNotFoundError, utc_now
from composer.services.output_paths import DataFolderTargetError, refuse_data_folder_target
from composer.services.scheduler_rules import TimeFix
from composer.services.workflow import workflow_statuses

if TYPE_CHECKING:
    from composer.domain.accounts import AccountRepository
    from composer.services.approval import ApprovalService
    from composer.services.audit import AuditService
    from composer.services.images import ImageStore
    from composer.services.library import LibraryService
    from composer.storage.database import Database

__all__ = [
    "ExportError",
    "ExportNotRecordedError",
    "ExportPlan",
    "ExportRefusedError",
    "ExportRequest",
    "ExportResult",
    "ExportService",
    "ExportTargetExistsError",
    "ExportWriteError",
    "Problem",
    "ProblemCode",
    "Skipped",
]

CSV_FORMATS = ("hootsuite", "sprout", "csv", BUNDLE)
SELECTABLE_STATUSES: tuple[PostStatus, ...] = ("approved", "exported")


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to export and how. Either `post_ids` or `status` selects the posts."""

    format: str
    post_ids: tuple[int, ...] = ()
    status: str | None = None
    platform: str | None = None
    account_id: int | None = None
    since: datetime | None = None  # scheduled on or after
    until: datetime | None = None  # scheduled before
    date_order: DateOrder = "mdy"
    bom: bool = False
    neutralise: bool = True
    skip_unapproved: bool = False
    scheduler: str = "hootsuite"  # the CSV inside a bundle: hootsuite or sprout
    allow_missing_glyphs: bool = False  # a PDF may show characters it has no font for
    fix_times: bool = False  # move posts to keep the scheduler's timing rules

    @property
    def scheduler_format(self) -> str | None:
        """The scheduler whose rules apply: the format itself, or a bundle's CSV."""
        if self.format == BUNDLE:
            return self.scheduler
        return self.format if self.format in SCHEDULERS else None


@dataclass(frozen=True, slots=True)
class ExportPlan:
    request: ExportRequest
    items: tuple[ExportItem, ...]
    platform: str | None  # the one platform of a scheduler file, else the --platform filter
    skipped: tuple[Skipped, ...] = ()
    problems: tuple[Problem, ...] = ()
    moved: tuple[TimeFix, ...] = ()  # with `fix_times`: the posts whose time the file changes

    @property
    def refusals(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.blocking)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.blocking)

    @property
    def missing_glyphs(self) -> tuple[Problem, ...]:
        """PDF pages with characters no font can show: asked about, not silently boxed."""
        return tuple(p for p in self.problems if p.code == MISSING_GLYPHS)

    @property
    def rows(self) -> int:
        """Rows or sections the file will hold (one per post for a scheduler)."""
        if self.request.format in (*SCHEDULERS, "json", "pdf", BUNDLE):
            return len(self.items)
        return sum(len(item.platforms) for item in self.items)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    format: str
    sha256: str
    size: int
    record: ExportRecord
    post_ids: tuple[int, ...]
    rows: int
    warnings: tuple[Problem, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    moved: tuple[TimeFix, ...] = ()  # rescheduled in the library to match the file


class OpenLibrary(Protocol):
    """What `ExportService.over` takes from an open library's services (the container)."""

    database: Database
    approval: ApprovalService
    audit: AuditService
    account_repository: AccountRepository
    data_dir: Path
    library: LibraryService

    @property
    def images(self) -> ImageStore: ...

    @property
    def library_id(self) -> str: ...


class ExportService:
    def __init__(
        self,
        database: Database,
        approval: ApprovalService,
        audit: AuditService,
        accounts: AccountRepository,
        clock: Clock = utc_now,
        images: ImageStore | Callable[[], ImageStore] | None = None,
        data_dir: Path | None = None,
        reschedule: Callable[[int, datetime], object] | None = None,
        library_id: Callable[[], str] | None = None,
    ) -> None:
        """`images` is the data folder's image store (or a function making it, so exports
        of posts without images never load Qt); without it, exports name images by hash
        but cannot show or bundle them. `data_dir` (default: the library's folder) is
        never written into. `reschedule` sets a post's time: with it, the times an export
        fixed are also set on the posts, so the library and the file agree."""
        self._db = database
        self._data_dir = data_dir if data_dir is not None else database.path.parent
        self._approval = approval
        self._audit = audit
        self._accounts = accounts
        self._clock = clock
        self._images = images
        self._reschedule = reschedule
        self._library_id = library_id

    @classmethod
    def over(cls, services: OpenLibrary, clock: Clock = utc_now) -> ExportService:
        """The export service wired to an open library's services."""
        return cls(
            services.database,
            services.approval,
            services.audit,
            services.account_repository,
            clock,
            images=lambda: services.images,
            data_dir=services.data_dir,
            reschedule=services.library.reschedule,
            library_id=lambda: services.library_id,
        )

    def _store(self) -> ImageStore | None:
        if callable(self._images):
            self._images = self._images()
        return self._images

    def approved_text(self, post_id: int, platform: str) -> str:
        """The approved text of one post for one platform (for copy to clipboard)."""
        return approved_text(self._approval, post_id, platform)

    # --- plan ------------------------------------------------------------------------

    def plan(self, request: ExportRequest) -> ExportPlan:
        """What `write` would export, what it leaves out, and every problem, in advance."""
        request = _validated(request)
        account = self._account(request.account_id)
        if account is not None and request.platform and account.platform != request.platform:
            raise ExportRefusedError(
                [
                    Problem(
                        ProblemCode.ACCOUNT_PLATFORM,
                        blocking=True,
                        accounts=(account,),
                        platform=request.platform,
                    )
                ]
            )
        platform = request.platform or (account.platform if account else None)
        candidates, skipped = self._gather(request)
        scheduler = request.scheduler_format
        if platform is None and scheduler is not None and candidates:
            platform = single_platform(scheduler, candidates)
        items, more_skipped = filter_items(
            candidates, platform, account, (request.since, request.until), bool(request.post_ids)
        )
        skipped += more_skipped
        problems: list[Problem] = []
        explicit = bool(request.post_ids)
        if skipped and explicit and not request.skip_unapproved:
            problems += [s.as_problem() for s in skipped]
            problems.append(Problem(ProblemCode.NAMED_POSTS_LEFT, blocking=True))
        if not items:
            problems.append(Problem(ProblemCode.NO_POSTS, blocking=True))
        shown = [platform] if platform else sorted({p for i in items for p in i.platforms})
        moved: list[TimeFix] = []
        if scheduler is not None and platform:
            now = self._clock()
            if request.fix_times:
                items, moved = fix_item_times(scheduler, items, now)
            problems += scheduler_problems(scheduler, items, platform, now)
            problems += length_problems(items, [platform])
        if request.format == BUNDLE:
            problems += missing_images(items)
        if request.format == "pdf":
            problems += glyph_problems(items, allowed=request.allow_missing_glyphs)
        if request.format in CSV_FORMATS and request.neutralise:
            problems += neutralised_problems(items, shown)
        problems += dropped_link_problems(items)
        if request.format != "pdf":  # the record documents expired and retired posts too
            problems += self._expired(items)
        return ExportPlan(
            request, tuple(items), platform, tuple(skipped), tuple(problems), tuple(moved)
        )

    def _expired(self, items: Sequence[ExportItem]) -> list[Problem]:
        """One blocking problem per post whose approval no longer covers use, and one for
        the posts retired (no longer in use)."""
        with self._db.read() as tx:
            days = valid_days(tx.settings.get(SELF_APPROVAL_SETTING))
            posts = tx.posts.get_many([item.post_id for item in items])
        today = self._clock().astimezone().date()
        problems = []
        retired = tuple(i.post_id for i in items if posts[i.post_id].retired_at is not None)
        if retired:
            problems.append(Problem(ProblemCode.RETIRED, blocking=True, post_ids=retired))
        for item in items:
            lapsed = expired(item.approval, today, days)
            if lapsed is not None:
                kind = "outside" if item.approval.review is not None else "self"
                problems.append(
                    Problem(
                        ProblemCode.APPROVAL_EXPIRED,
                        blocking=True,
                        post_ids=(item.post_id,),
                        value=lapsed.isoformat(),
                        detail=kind,
                    )
                )
        return problems

    def _account(self, account_id: int | None) -> Account | None:
        if account_id is None:
            return None
        account = self._accounts.get(account_id)
        if account is None:
            raise ExportRefusedError(
                [Problem(ProblemCode.NO_SUCH_ACCOUNT, blocking=True, account_id=account_id)]
            )
        return account

    def _gather(self, request: ExportRequest) -> tuple[list[ExportItem], list[Skipped]]:
        """Each selected post's approved snapshot, read in one transaction.

        The posts and their live approvals are read in a handful of bulk queries rather
        than two lookups per post.
        """
        items: list[ExportItem] = []
        skipped: list[Skipped] = []
        accounts: dict[int, Account | None] = {}
        with self._db.read() as tx:
            if request.post_ids:
                known = tx.posts.get_many(request.post_ids)
                posts = []
                for post_id in request.post_ids:
                    post = known.get(post_id)
                    if post is None:
                        raise PostNotFoundError(f"there is no post {post_id}")
                    posts.append(post)
            else:
                status = request.status or "approved"
                assert status in SELECTABLE_STATUSES  # plan() validated the request
                posts = all_with_status(tx, (status,))
            active = tx.approvals.active_for([post.id for post in posts])
            publications, dismissed = (
                extras(tx, [post.id for post in posts]) if request.format == "pdf" else ({}, {})
            )
            # The record names each post's workflow status (in review, published, retired).
            statuses: dict[int, str] = (
                dict(workflow_statuses(tx, posts)) if request.format == "pdf" else {}
            )
            for post in posts:
                if post.deleted_at is not None:
                    skipped.append(Skipped(post.id, ProblemCode.IN_BIN))
                    continue
                approval = active.get(post.id)
                if approval is None:
                    why = (
                        ProblemCode.EDITED
                        if tx.approvals.for_post(post.id)
                        else ProblemCode.NOT_APPROVED
                    )
                    skipped.append(Skipped(post.id, why))
                    continue
                if post.account_id is not None and post.account_id not in accounts:
                    accounts[post.account_id] = self._accounts.get(post.account_id)
                items.append(
                    ExportItem(
                        post_id=post.id,
                        approval=approval,
                        platforms=tuple(approval.texts),
                        title=post.title,
                        tags=post.tags,
                        scheduled_at=post.scheduled_at,
                        account=accounts.get(post.account_id) if post.account_id else None,
                        images=export_images(self._store(), post, approval)
                        if approval.images
                        else (),
                        in_reply_to=post.in_reply_to,
                        status=statuses.get(post.id, post.status),
                        publications=publications.get(post.id, ()),
                        dismissed=dismissed.get(post.id, frozenset()),
                    )
                )
        return items, skipped

    # --- write -----------------------------------------------------------------------

    def write(self, plan: ExportPlan, path: Path, *, force: bool = False) -> ExportResult:
        """Render to a temporary file, record it and rename it in place in one transaction.

        Raises ExportRefusedError (also for a file inside the data folder, even with
        `force`), ExportTargetExistsError (a FileExistsError, without `force`),
        ExportWriteError or ExportNotRecordedError; after any of them no new file is left
        behind.
        """
        if plan.refusals:
            raise ExportRefusedError(plan.refusals, path=path)
        try:
            path = refuse_data_folder_target(path, self._data_dir)
        except DataFolderTargetError as exc:
            refusal = Problem(
                ProblemCode.DATA_FOLDER, blocking=True, value=str(exc.target), detail=str(exc)
            )
            raise ExportRefusedError([refusal], path=exc.target) from None
        if not force and path.exists():
            raise ExportTargetExistsError(path=path)
        request = plan.request
        options = RenderOptions(
            platform=plan.platform,
            date_order=request.date_order,
            bom=request.bom,
            neutralise=request.neutralise,
            generated_at=self._clock(),
            scheduler=request.scheduler,
            cover=self._cover() if request.format == "pdf" else None,
        )
        staged, digest, size = self._stage(plan, options, path, force)
        post_ids = tuple(item.post_id for item in plan.items)
        try:
            record = self._audit.record_export(
                request.format, str(path), digest, post_ids, place=staged.place
            )
        except FileExistsError:
            staged.discard()
            raise ExportTargetExistsError(path=path) from None
        except AtomicWriteError as exc:
            staged.discard()
            raise ExportWriteError(path=path, detail=str(exc)) from None
        except (NotApprovedError, PostNotFoundError) as exc:
            staged.discard()  # a file the audit log does not know must not stay
            changed = Problem(ProblemCode.APPROVAL_CHANGED, blocking=True, detail=str(exc))
            raise ExportRefusedError([changed], path=path) from None
        except (LibraryError, StorageError) as exc:
            staged.discard()
            raise ExportNotRecordedError(path=path, detail=_plain(exc)) from None
        except BaseException:
            staged.discard()
            raise
        staged.finish()
        if self._reschedule is not None:
            for fix in plan.moved:
                self._reschedule(fix.post_id, fix.after)
        return ExportResult(
            path,
            request.format,
            digest,
            size,
            record,
            post_ids,
            plan.rows,
            plan.warnings,
            plan.skipped,
            plan.moved,
        )

    def snapshots(self, post_ids: Sequence[int]) -> tuple[ExportItem, ...]:
        """The approved snapshots of these posts as the PDF record shows them (posts
        without an approval that applies are left out)."""
        return self.plan(ExportRequest("pdf", post_ids=tuple(post_ids))).items

    def record_pdf(self, items: Sequence[ExportItem]) -> bytes:
        """The PDF record of `items`, with the profile's cover (for a review packet)."""
        from composer.export import render

        options = RenderOptions(generated_at=self._clock(), cover=self._cover())
        return render("pdf", items, options)

    def _cover(self) -> RecordCover:
        with self._db.read() as tx:
            profile = tx.settings.profile()
        return cover_of(profile, self._library_id() if self._library_id else "")

    def _stage(
        self, plan: ExportPlan, options: RenderOptions, path: Path, force: bool
    ) -> tuple[Staged, str, int]:
        """The finished file (or bundle folder) beside `path`, not yet in place."""
        if plan.request.format == BUNDLE and path.suffix.lower() != ".zip":
            return stage_bundle_folder(plan.items, options, path, force)
        data = render_checked(plan.request.format, plan.items, options)
        try:
            staged = stage_file(path, data, overwrite=force)
        except FileExistsError:
            raise ExportTargetExistsError(path=path) from None
        except AtomicWriteError as exc:
            raise ExportWriteError(path=path, detail=str(exc)) from None
        return staged, hashlib.sha256(data).hexdigest(), len(data)

    def export(self, request: ExportRequest, path: Path, *, force: bool = False) -> ExportResult:
        """Plan and write in one go (refusing if the plan has blocking problems)."""
        return self.write(self.plan(request), path, force=force)


def _plain(exc: BaseException) -> str:
    text = str(exc).strip().rstrip(".")
    return text[:1].lower() + text[1:]


def approved_text(approval: ApprovalService, post_id: int, platform: str) -> str:
    """The approved snapshot's text for `platform`; raises NotApprovedError otherwise."""
    snapshot = approval.approved_snapshot(post_id)
    if platform not in snapshot.texts:
        approved = ", ".join(snapshot.texts) or "no platform"
        raise NotApprovedError(f"post {post_id} was approved for {approved}, not {platform}")
    return snapshot.texts[platform]


def _validated(request: ExportRequest) -> ExportRequest:
    refused: list[tuple[ProblemCode, str]] = []
    if request.format not in FORMATS:
        refused.append((ProblemCode.UNKNOWN_FORMAT, request.format))
    if request.platform is not None and request.platform not in PLATFORMS:
        refused.append((ProblemCode.UNKNOWN_PLATFORM, request.platform))
    if request.format == BUNDLE and request.scheduler not in SCHEDULERS:
        refused.append((ProblemCode.UNKNOWN_SCHEDULER, request.scheduler))
    if request.date_order not in DATE_ORDERS:
        refused.append((ProblemCode.UNKNOWN_DATE_ORDER, str(request.date_order)))
    if request.post_ids and request.status:
        refused.append((ProblemCode.IDS_AND_STATUS, request.status))
    if request.status is not None and request.status not in SELECTABLE_STATUSES:
        refused.append((ProblemCode.UNKNOWN_STATUS, request.status))
    if refused:
        raise ExportRefusedError([Problem(code, blocking=True, value=v) for code, v in refused])
    return replace(request, post_ids=tuple(dict.fromkeys(request.post_ids)))
