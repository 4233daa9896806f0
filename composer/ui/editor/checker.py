"""Live checks: debounced, run on a worker thread, tagged with revisions.

Each edit bumps the revision and (re)starts a short single-shot timer. When it fires, the
text is checked on a private one-thread pool; a result whose revision is no longer the
latest is dropped, and a queued run that is already stale skips the work altogether.
Like novelWriter's document checks, nothing the user types ever waits for a check.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from composer.domain.attachments import AttachmentInfo
from composer.domain.conversations import Comment
from composer.domain.findings import Finding, PlatformCount
from composer.domain.history import HistoryItem
from composer.guidelines.inputs import CheckInput

if TYPE_CHECKING:
    # The engine (regex, entity tables) loads on the start-up worker, not before paint.
    from composer.services.guidelines import GuidelineService

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """Everything one check needs, captured on the GUI thread (no database in the worker)."""

    body: str
    platforms: tuple[str, ...] = ()
    variants: Mapping[str, str] = field(default_factory=dict)
    history: tuple[HistoryItem, ...] = ()
    post_id: int | None = None
    attachments: tuple[AttachmentInfo, ...] = ()  # the images, for the media checks
    comment: Comment | None = None  # for a reply, the comment it answers (read, not flagged)


@dataclass(frozen=True, slots=True)
class LiveResult:
    """Findings for the body and for each variant, and each target platform's count."""

    revision: int
    request: CheckRequest
    findings: tuple[Finding, ...] = ()
    variant_findings: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)
    counts: Mapping[str, PlatformCount] = field(default_factory=dict)
    seconds: float = 0.0
    failed: bool = False


def run_checks(
    service: GuidelineService, request: CheckRequest
) -> tuple[tuple[Finding, ...], dict[str, tuple[Finding, ...]], dict[str, PlatformCount]]:
    """The pure part, shared by the worker and tests: body then each variant."""
    variants = {p: t for p, t in request.variants.items() if p in request.platforms and t.strip()}
    body_targets = tuple(p for p in request.platforms if p not in variants)
    if not body_targets:
        body_targets = request.platforms
    body = service.check(
        CheckInput(
            text=request.body,
            platforms=body_targets,
            history=request.history,
            post_id=request.post_id,
            attachments=request.attachments,
            comment=request.comment,
        )
    )
    counts = dict(body.platforms)
    variant_findings: dict[str, tuple[Finding, ...]] = {}
    for platform, text in variants.items():
        result = service.check(
            CheckInput(
                text=text,
                platforms=(platform,),
                history=request.history,
                post_id=request.post_id,
                attachments=request.attachments,
                comment=request.comment,
            )
        )
        variant_findings[platform] = result.findings
        counts.update(result.platforms)
    ordered = {p: counts[p] for p in request.platforms if p in counts}
    return body.findings, variant_findings, ordered


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it (a queued connection)."""

    done = Signal(object)


class _Revision:
    """A plain holder the worker may read without touching a QObject."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = 0


class LiveChecker(QObject):
    resultReady = Signal(object)  # LiveResult

    def __init__(self, parent: QObject | None = None, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._service: GuidelineService | None = None
        self._revision = _Revision()
        self._pending: CheckRequest | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._submit)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self.runs = 0
        self.dropped = 0

    @property
    def ready(self) -> bool:
        return self._service is not None

    @property
    def service(self) -> GuidelineService | None:
        return self._service

    def set_service(self, service: GuidelineService | None) -> None:
        self._service = service
        if service is not None and self._pending is not None:
            self._timer.start(0)

    @property
    def revision(self) -> int:
        return self._revision.value

    def request(self, request: CheckRequest, *, now: bool = False) -> int:
        """Ask for a check of this content; returns its revision."""
        self._revision.value += 1
        self._pending = request
        self._timer.start(0 if now else self._timer.interval())
        return self._revision.value

    def busy(self) -> bool:
        return self._timer.isActive() or self._pool.activeThreadCount() > 0

    def shutdown(self, wait_ms: int = 2000) -> None:
        """Stop the timer, forget queued work and wait briefly for a running check."""
        self._timer.stop()
        self._revision.value += 1
        self._pool.clear()
        self._pool.waitForDone(wait_ms)

    def _submit(self) -> None:
        service, request = self._service, self._pending
        if service is None or request is None:
            return
        revision = self._revision.value
        holder, relay = self._revision, self._relay

        def work() -> None:
            if holder.value != revision:
                return  # the text moved on while this run waited in the queue
            started = time.perf_counter()
            try:
                findings, variants, counts = run_checks(service, request)
                result = LiveResult(
                    revision, request, findings, variants, counts, time.perf_counter() - started
                )
            except Exception:
                log.exception("live check failed")
                result = LiveResult(revision, request, failed=True)
            relay.done.emit(result)

        self.runs += 1
        self._pool.start(work)

    def _deliver(self, result: LiveResult) -> None:
        if result.revision != self._revision.value:
            self.dropped += 1
            return
        self._pending = None
        self.resultReady.emit(result)
