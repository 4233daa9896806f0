"""Where a post stands in its life, as the examiner's record defines it: one value.

draft -> in review (submitted to a named reviewer) -> approved (by the agent or an outside
reviewer) -> published -> retired; a reviewer's "rejected" or "changes requested" sends the
post back to draft (it shows as such until the agent revises the text, when it is a plain
draft again, needing approval). "exported" (handed to a scheduler, not yet recorded as
published) and "archived" (put away by the agent) keep their old meaning.

The value is derived, never stored: it follows from facts that are each written once and
logged in the audit chain (the approval and its voiding, the submission and its decision,
each publication, the retirement), so it cannot disagree with them. `workflow_status` is
the one rule; services gather the facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from composer.domain.record import Submission

WorkflowStatus = Literal[
    "draft",
    "changes_requested",
    "rejected",
    "in_review",
    "approved",
    "exported",
    "published",
    "retired",
    "archived",
]
WORKFLOW_STATUSES: tuple[WorkflowStatus, ...] = (
    "draft",
    "changes_requested",
    "rejected",
    "in_review",
    "approved",
    "exported",
    "published",
    "retired",
    "archived",
)
# The stored statuses a post of each workflow status can have (a narrowing for queries).
STORED_FOR: dict[WorkflowStatus, tuple[str, ...]] = {
    "draft": ("draft",),
    "changes_requested": ("draft",),
    "rejected": ("draft",),
    "in_review": ("approved", "exported"),
    "approved": ("approved",),
    "exported": ("exported",),
    "published": ("approved", "exported"),
    "retired": (),  # any
    "archived": ("archived",),
}


@dataclass(frozen=True, slots=True)
class WorkflowFacts:
    """What decides a post's workflow status.

    `stored` is the post's own status (draft, approved, exported, archived);
    `active_approval_id` the approval that applies (None: none does); `review` the post's
    latest submission; `revised_at` when its content was last saved (its latest revision);
    `published` whether the approved text was recorded as running; `retired_at` when the
    agent said it is no longer in use."""

    stored: str
    active_approval_id: int | None = None
    review: Submission | None = None
    revised_at: datetime | None = None
    published: bool = False
    retired_at: datetime | None = None


def workflow_status(facts: WorkflowFacts) -> WorkflowStatus:
    """The one rule; see the module docstring for the order of precedence."""
    if facts.retired_at is not None:
        return "retired"
    if facts.stored == "archived":
        return "archived"
    review = facts.review
    if facts.active_approval_id is None or facts.stored == "draft":
        if review is not None and review.state in ("changes", "rejected"):
            decided = review.decided_at
            untouched = facts.revised_at is None or decided is None or facts.revised_at <= decided
            if untouched:
                return "changes_requested" if review.state == "changes" else "rejected"
        return "draft"
    if (
        review is not None
        and review.state == "in-review"
        and review.approval_id == facts.active_approval_id
    ):
        return "in_review"
    if facts.published:
        return "published"
    return "exported" if facts.stored == "exported" else "approved"


def review_outcome_pending(facts: WorkflowFacts) -> str | None:
    """The reviewer's decision ("changes" or "rejected") a content change now answers, or
    None: what the audit log records when the agent first revises the post after it."""
    status = workflow_status(facts)
    if status == "changes_requested":
        return "changes"
    if status == "rejected":
        return "rejected"
    return None
