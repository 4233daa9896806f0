"""When an approval stops covering use: an outside approval on its expiry date, a
self-approval a set number of days after it was given (a year unless the library's
`self_approval_valid_days` setting says otherwise).

Carriers' approvals typically lapse after a year; an agent's own sign-off should be looked
at again as often. The expiry day is the last day the approval covers; from the day after,
exports other than the PDF record (which documents, not uses) are refused.
"""

from __future__ import annotations

from datetime import date, timedelta

from composer.domain.posts import Approval

SELF_APPROVAL_SETTING = "self_approval_valid_days"
DEFAULT_SELF_APPROVAL_DAYS = 365


def valid_days(value: object) -> int:
    """The setting's value when it is a whole number of days from 1, else the default."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return DEFAULT_SELF_APPROVAL_DAYS


def expires_on(approval: Approval, self_days: int = DEFAULT_SELF_APPROVAL_DAYS) -> date | None:
    """The last day the approval covers (None: an outside approval without an expiry)."""
    if approval.review is not None:
        return approval.review.expires_on
    return approval.approved_at.astimezone().date() + timedelta(days=self_days)


def expired(
    approval: Approval, today: date, self_days: int = DEFAULT_SELF_APPROVAL_DAYS
) -> date | None:
    """The expiry date when the approval no longer covers `today`, else None."""
    last = expires_on(approval, self_days)
    return last if last is not None and today > last else None


SOON_DAYS = 30  # how far ahead the history marks an approval that is about to lapse


def expiry_note(last: date | None, today: date, soon_days: int = SOON_DAYS) -> str:
    """ "expired" when `last` has passed, "soon" within `soon_days`, else ""."""
    if last is None:
        return ""
    if today > last:
        return "expired"
    return "soon" if (last - today).days <= soon_days else ""
