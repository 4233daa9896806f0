"""Each post's workflow status (draft, in review, approved, published, retired...), read
from the facts the library keeps: the one rule is `composer.domain.workflow`.

Every front end asks here (the history list, `composer show` and `history`, the PDF
record), so the window, the command line and the record name a post's status alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from composer.domain.posts import Approval, Post
from composer.domain.record import texts_sha256
from composer.domain.workflow import WorkflowFacts, WorkflowStatus, workflow_status

if TYPE_CHECKING:
    from composer.storage.repositories import Repositories


def workflow_facts(
    tx: Repositories,
    posts: Sequence[Post],
    approvals: Mapping[int, Approval] | None = None,
) -> dict[int, WorkflowFacts]:
    """The facts behind each post's status, in a few queries per 500 posts (`approvals`:
    the posts' active approvals, when the caller has read them already)."""
    ids = [post.id for post in posts]
    if not ids:
        return {}
    if approvals is None:
        approvals = tx.approvals.active_for(ids)
    reviews = tx.submissions.latest_for(ids)
    # Only a reviewer's "changes" or "rejected" asks when the text was last revised, and
    # only an approved post whether it ran: most pages need neither query.
    answered = [i for i, r in reviews.items() if r.state in ("changes", "rejected")]
    saved = tx.revisions.last_saved(answered) if answered else {}
    ran = tx.publications.approval_ids(list(approvals)) if approvals else {}
    found: dict[int, WorkflowFacts] = {}
    for post in posts:
        approval = approvals.get(post.id)
        published = False
        if approval is not None and post.id in ran:
            under = ran[post.id]
            if approval.id in under:
                published = True
            else:  # an outside approval replaces the agent's own for the same texts
                digest = texts_sha256(approval.hashes)
                for approval_id in under - {approval.id, None}:
                    assert approval_id is not None
                    earlier = tx.approvals.get(approval_id)
                    if earlier is not None and texts_sha256(earlier.hashes) == digest:
                        published = True
                        break
        found[post.id] = WorkflowFacts(
            stored=post.status,
            active_approval_id=None if approval is None else approval.id,
            review=reviews.get(post.id),
            revised_at=saved.get(post.id),
            published=published,
            retired_at=post.retired_at,
        )
    return found


def workflow_statuses(tx: Repositories, posts: Sequence[Post]) -> dict[int, WorkflowStatus]:
    return {post_id: workflow_status(f) for post_id, f in workflow_facts(tx, posts).items()}
