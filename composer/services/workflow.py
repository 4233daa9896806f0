"""Each post's workflow status (draft, in review, approved, published, retired...), read
from the facts the library keeps: the one rule is `composer.domain.workflow`.

Every front end asks here (the history list and its filters, `composer show` and
`history`, the PDF record), so the window, the command line and the record name a post's
status alike. Only ids and a few columns are read: a filter over a large library scans
tens of thousands of posts without loading them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from composer.domain.record import texts_sha256
from composer.domain.workflow import WorkflowFacts, WorkflowStatus, workflow_status

if TYPE_CHECKING:
    from composer.storage.repositories import Repositories


class PostState(Protocol):
    """What the rule needs of a post itself (a `Post`, or a row of `posts.states`)."""

    @property
    def id(self) -> int: ...
    @property
    def status(self) -> str: ...
    @property
    def retired_at(self) -> datetime | None: ...


def workflow_facts(
    tx: Repositories,
    posts: Sequence[PostState],
    active: Mapping[int, int] | None = None,
) -> dict[int, WorkflowFacts]:
    """The facts behind each post's status, in a few queries per 500 posts (`active`:
    each post's active approval id, when the caller has read it already)."""
    ids = [post.id for post in posts]
    if not ids:
        return {}
    if active is None:
        active = tx.approvals.active_ids_for(ids)
    reviews = tx.submissions.latest_for(ids)
    # Only a reviewer's "changes" or "rejected" asks when the text was last revised, and
    # only an approved post whether it ran: most pages need neither query.
    answered = [i for i, r in reviews.items() if r.state in ("changes", "rejected")]
    saved = tx.revisions.last_saved(answered) if answered else {}
    ran = tx.publications.approval_ids(list(active)) if active else {}
    found: dict[int, WorkflowFacts] = {}
    for post in posts:
        approval_id = active.get(post.id)
        published = False
        if approval_id is not None and post.id in ran:
            published = _ran_under(tx, approval_id, ran[post.id])
        found[post.id] = WorkflowFacts(
            stored=post.status,
            active_approval_id=approval_id,
            review=reviews.get(post.id),
            revised_at=saved.get(post.id),
            published=published,
            retired_at=post.retired_at,
        )
    return found


def _ran_under(tx: Repositories, approval_id: int, under: set[int | None]) -> bool:
    """Whether a publication ran the texts of `approval_id`: under it, or under an earlier
    approval of the same texts (an outside approval replaces the agent's own)."""
    if approval_id in under:
        return True
    approval = tx.approvals.get(approval_id)
    if approval is None:
        return False
    digest = texts_sha256(approval.hashes)
    for earlier_id in under - {approval_id, None}:
        assert earlier_id is not None
        earlier = tx.approvals.get(earlier_id)
        if earlier is not None and texts_sha256(earlier.hashes) == digest:
            return True
    return False


def workflow_statuses(
    tx: Repositories, posts: Sequence[PostState], active: Mapping[int, int] | None = None
) -> dict[int, WorkflowStatus]:
    return {post_id: workflow_status(f) for post_id, f in workflow_facts(tx, posts, active).items()}
