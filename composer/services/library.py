"""Drafts: create, autosave, duplicate, archive, delete and restore, plus profile and settings.

Each method is one short transaction. Autosave is on the typing path (every couple of
seconds), so it does a handful of statements and nothing else; edits made within a few
seconds of each other are folded into one revision. Changing what an approval covers (the
text for any platform, the platforms, the link or the images) voids the approval and
returns the post to draft; the approval stays on record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from composer.domain.accounts import PLATFORMS
from composer.domain.attachments import Attachment
from composer.domain.conversations import Comment
from composer.domain.planning import wall_instant
from composer.domain.posts import Post, PostDraft, PostStatus, Revision
from composer.domain.profile import Profile
from composer.domain.workflow import review_outcome_pending
from composer.services.workflow import workflow_facts

if TYPE_CHECKING:
    from composer.storage.database import Database
    from composer.storage.repositories import Repositories

Clock = Callable[[], datetime]

# One version per pause: edits less than a minute apart join the version being typed, which
# spans ten minutes at most, so a long session still leaves points to go back to.
COALESCE_SECONDS = 60.0
MAX_REVISION_SPAN_SECONDS = 600.0


def utc_now() -> datetime:
    return datetime.now(UTC)


class LibraryError(Exception):
    """A library operation that cannot go ahead; the message is one plain line."""


class PostNotFoundError(LibraryError, LookupError):
    """No post has that id."""


class InvalidPostError(LibraryError, ValueError):
    """The post's content is not acceptable (unknown platform, empty text...)."""


def normalise_draft(draft: PostDraft) -> PostDraft:
    """One spelling for platforms, tags and variants, so equal content compares equal."""
    platforms: list[str] = []
    for platform in draft.platforms:
        name = platform.strip().casefold()
        if name not in PLATFORMS:
            raise InvalidPostError(
                f"unknown platform {platform!r}; choose from: {', '.join(PLATFORMS)}"
            )
        if name not in platforms:
            platforms.append(name)
    variants: dict[str, str] = {}
    for platform, text in draft.variants.items():
        name = platform.strip().casefold()
        if name not in PLATFORMS:
            raise InvalidPostError(f"a variant is for an unknown platform {platform!r}")
        if text.strip():
            variants[name] = text
    tags = sorted({t.strip().lstrip("#").strip() for t in draft.tags} - {""})
    return replace(
        draft,
        in_reply_to=normalise_comment(draft.in_reply_to) if draft.in_reply_to else None,
        title=draft.title.strip(),
        platforms=tuple(platforms),
        variants=variants,
        link=draft.link.strip(),
        tags=tuple(tags),
    )


def normalise_comment(comment: Comment) -> Comment:
    """The comment's text exactly as given (it is a record); its facts tidied, its time UTC.

    A time without a zone is the agent's local time. The text may be empty while a new
    reply is being written (the comment not pasted yet); the register refuses that.
    """
    at = comment.at
    if at is not None:
        at = (at if at.tzinfo is not None else at.astimezone()).astimezone(UTC)
        at = at.replace(microsecond=0)
    return Comment(
        text=comment.text,
        author=comment.author.strip(),
        platform=comment.platform.strip().casefold(),
        url=comment.url.strip(),
        at=at,
        on_post_id=comment.on_post_id,
        rating=comment.rating,
    )


def covered_by_approval(before: PostDraft, after: PostDraft) -> bool:
    """True when the change leaves everything an approval signs off untouched: the texts,
    the link, and the images (which bytes, in which order, with which alt text)."""
    return (
        before.published_texts() == after.published_texts()
        and before.link == after.link
        and before.approved_images() == after.approved_images()
    )


def void_approvals(tx: Repositories, post_id: int, now: datetime, reason: str) -> None:
    """Mark the post's approvals as no longer applying, and say so in the audit log."""
    for approval in tx.approvals.void_active(post_id, now):
        tx.audit.append(
            "approval-voided",
            post_id,
            {"approval_id": approval.id, "reason": reason},
            now,
        )


def answer_review(tx: Repositories, before: Post, now: datetime) -> None:
    """When this change is the agent's first revision after a reviewer asked for changes
    (or rejected the post), say so in the audit log: the post is a plain draft again,
    needing approval (see composer.domain.workflow)."""
    if before.status != "draft":
        return
    facts = workflow_facts(tx, [before])[before.id]
    decision = review_outcome_pending(facts)
    if decision is not None and facts.review is not None:
        data = {"decision": decision, "submission_id": facts.review.id}
        tx.audit.append("review-revised", before.id, data, now)


class LibraryService:
    def __init__(
        self,
        database: Database,
        clock: Clock = utc_now,
        coalesce_seconds: float = COALESCE_SECONDS,
        max_revision_span_seconds: float = MAX_REVISION_SPAN_SECONDS,
    ) -> None:
        self._db = database
        self._clock = clock
        self._coalesce = timedelta(seconds=coalesce_seconds)
        self._max_span = timedelta(seconds=max_revision_span_seconds)

    # Drafts -------------------------------------------------------------------

    def create(self, draft: PostDraft) -> Post:
        draft = normalise_draft(draft)
        now = self._clock()
        with self._db.write() as tx:
            check_thread_link(tx, None, draft)
            post = tx.posts.create(draft, now)
            tx.revisions.add(post.id, draft, "create", now)
            return post

    def get(self, post_id: int) -> Post:
        with self._db.read() as tx:
            return _existing(tx, post_id)

    def autosave(self, post_id: int, draft: PostDraft) -> Post:
        """Save the editor's content; cheap enough to call every couple of seconds."""
        draft = normalise_draft(draft)
        now = self._clock()
        with self._db.write() as tx:
            before = _existing(tx, post_id)
            if before.draft == draft:
                return before
            check_thread_link(tx, post_id, draft)
            status: PostStatus | None = None
            # Only approved, exported or archived posts can hold an active approval.
            if before.status != "draft" and not covered_by_approval(before.draft, draft):
                void_approvals(tx, post_id, now, "edited after approval")
                if before.status in ("approved", "exported"):
                    status = "draft"
            answer_review(tx, before, now)
            last = tx.revisions.latest(post_id)
            if last is None:  # imported posts keep their first version only once edited
                tx.revisions.add(post_id, before.draft, "import", before.created_at or now)
            post = tx.posts.update(post_id, draft, now, status=status)
            if (
                last is not None
                and last.kind == "autosave"
                and now - last.saved_at < self._coalesce
                and now - last.created_at < self._max_span
            ):
                tx.revisions.overwrite(last.id, draft, now)
            else:
                tx.revisions.add(post_id, draft, "autosave", now)
            return post

    def reschedule(self, post_id: int, when: datetime | None) -> Post:
        """Set (to the minute) or clear the time the post is planned for, as local wall time.

        Planning, not content: an approval stays (it covers the text and images), but a
        change of time after approval goes into the audit log.
        """
        when = when.replace(second=0, microsecond=0, tzinfo=None) if when else None
        now = self._clock()
        with self._db.write() as tx:
            before = _existing(tx, post_id)
            if before.scheduled_at == when:
                return before
            post = tx.posts.update(post_id, replace(before.draft, scheduled_at=when), now)
            if before.status in ("approved", "exported"):
                times = {  # ISO 8601 with the offset of the computer's zone
                    "from": self._iso(before.scheduled_at),
                    "to": self._iso(when),
                }
                tx.audit.append("reschedule", post_id, times, now)
            return post

    def _iso(self, wall: datetime | None) -> str | None:
        return wall_instant(wall, self._db.zone).isoformat() if wall is not None else None

    def attach(self, post_id: int, attachments: Sequence[Attachment]) -> Post:
        """Add images (already stored, see composer.services.images) after the post's own.

        An image already on the post is not added twice; its alt text is updated when a
        new one is given. Like any edit, this voids an approval.
        """
        post = self.get(post_id)
        current = list(post.attachments)
        for attachment in attachments:
            same = next((n for n, a in enumerate(current) if a.sha256 == attachment.sha256), None)
            if same is None:
                current.append(attachment)
            elif attachment.alt_text:
                current[same] = replace(current[same], alt_text=attachment.alt_text)
        return self.autosave(post_id, replace(post.draft, attachments=tuple(current)))

    def duplicate(self, post_id: int) -> Post:
        """A new draft with the same content (never the approval)."""
        now = self._clock()
        with self._db.write() as tx:
            source = _existing(tx, post_id)
            draft = source.draft
            if draft.title:
                draft = replace(draft, title=f"{draft.title} (copy)")
            post = tx.posts.create(draft, now)
            tx.revisions.add(post.id, draft, "duplicate", now)
            return post

    def archive(self, post_id: int) -> Post:
        now = self._clock()
        with self._db.write() as tx:
            before = _existing(tx, post_id)
            if before.status == "archived":
                return before
            tx.audit.append("archive", post_id, {"from": before.status}, now)
            return tx.posts.set_status(post_id, "archived", now)

    def unarchive(self, post_id: int) -> Post:
        """Back to what the approval record says: exported, approved or draft."""
        now = self._clock()
        with self._db.write() as tx:
            post = _existing(tx, post_id)
            if post.status != "archived":
                return post
            approval = tx.approvals.active(post_id)
            status: PostStatus = "draft"
            if approval is not None:
                status = "exported" if approval.exported_at else "approved"
            tx.audit.append("unarchive", post_id, {"to": status}, now)
            return tx.posts.set_status(post_id, status, now)

    def delete(self, post_id: int) -> Post:
        """Move to the bin (soft): hidden from history, restorable with `undelete`."""
        now = self._clock()
        with self._db.write() as tx:
            _existing(tx, post_id)
            return tx.posts.set_deleted(post_id, now, now)

    def undelete(self, post_id: int) -> Post:
        now = self._clock()
        with self._db.write() as tx:
            _existing(tx, post_id)
            return tx.posts.set_deleted(post_id, None, now)

    # Revisions ----------------------------------------------------------------

    def revisions(self, post_id: int) -> list[Revision]:
        """Newest first."""
        with self._db.read() as tx:
            _existing(tx, post_id)
            return tx.revisions.for_post(post_id)

    def restore_revision(self, post_id: int, revision_id: int) -> Post:
        """Make an old version current again, as a new revision (nothing is lost)."""
        now = self._clock()
        with self._db.write() as tx:
            before = _existing(tx, post_id)
            revision = tx.revisions.get(revision_id)
            if revision is None or revision.post_id != post_id:
                raise PostNotFoundError(f"post {post_id} has no revision {revision_id}")
            draft = revision.content
            comment = draft.in_reply_to
            linked = comment.on_post_id if comment is not None else None
            if comment is not None and linked is not None and tx.posts.get(linked) is None:
                draft = replace(draft, in_reply_to=replace(comment, on_post_id=None))  # post gone
            status: PostStatus | None = None
            if not covered_by_approval(before.draft, draft):
                void_approvals(tx, post_id, now, "an older revision was restored")
                if before.status in ("approved", "exported"):
                    status = "draft"
            answer_review(tx, before, now)
            post = tx.posts.update(post_id, draft, now, status=status)
            tx.revisions.add(post_id, draft, "restore", now)
            return post

    # Profile and settings -----------------------------------------------------

    def profile(self) -> Profile | None:
        with self._db.read() as tx:
            return tx.settings.profile()

    def set_profile(self, profile: Profile) -> None:
        with self._db.write() as tx:
            tx.settings.set_profile(profile)

    def setting(self, key: str, default: Any = None) -> Any:
        with self._db.read() as tx:
            return tx.settings.get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        with self._db.write() as tx:
            tx.settings.set(key, value)

    def settings(self, keys: Iterable[str]) -> dict[str, Any]:
        """The stored values of those of `keys` that are set, read in one transaction."""
        missing = object()
        with self._db.read() as tx:
            found = {key: tx.settings.get(key, missing) for key in keys}
        return {key: value for key, value in found.items() if value is not missing}

    def update_settings(self, values: Mapping[str, Any], remove: Iterable[str] = ()) -> None:
        """Set `values` and delete the `remove` keys, in one transaction."""
        with self._db.write() as tx:
            for key, value in values.items():
                tx.settings.set(key, value)
            for key in remove:
                if key not in values:
                    tx.settings.delete(key)


def check_thread_link(tx: Repositories, post_id: int | None, draft: PostDraft) -> None:
    """A reply's comment may be linked to one of the library's posts (its thread): one that
    exists and is not itself a reply, and never to the reply itself."""
    target = draft.in_reply_to.on_post_id if draft.in_reply_to is not None else None
    if target is None:
        return
    if target == post_id:
        raise InvalidPostError(f"a reply cannot answer a comment on itself (post {target})")
    found = tx.posts.get(target)
    if found is None:
        raise InvalidPostError(f"there is no post {target} for the comment to be on")
    if found.is_reply:
        raise InvalidPostError(f"post {target} is a reply; link the comment to a post")


def _existing(tx: Repositories, post_id: int) -> Post:
    post = tx.posts.get(post_id)
    if post is None:
        raise PostNotFoundError(f"there is no post {post_id}")
    return post
