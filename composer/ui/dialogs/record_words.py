"""The window's words for outside review and the record's refusal codes.

The services (composer.services.review, composer.services.records) hand back codes; the
command line words them with ids and flags (cli/review.py, cli/record_words.py), the window
here with its own controls and menu names. One plain line each, never a traceback.
"""

from __future__ import annotations

from datetime import date

from composer.domain.platforms import display_name

REVIEW_REFUSALS = {
    "not-approved": "This post has no approval that applies: approve it first (Post > Approve…).",
    "not-submitted": "This post was not sent for review (Post > Submit for Review…).",
    "in-bin": "This post is in the bin: restore it first.",
    "hash-mismatch": "The text was changed after it was sent for review, so the reviewer "
    "did not see this text.",
    "no-post": "There is no such post in this library.",
    "bad-decision": "The decision is not approved, rejected or changes.",
    "bad-expires": "The expiry date is not a date (it is written like 2027-05-31).",
    "no-reviewer": "Write who reviews it: a name, and the organisation if there is one.",
}

DECISION_NAMES = {
    "approved": "approved",
    "rejected": "rejected",
    "changes": "changes requested (the post is a draft again)",
}


def review_refusal(code: str) -> str:
    return REVIEW_REFUSALS.get(code, "The review could not be recorded.")


def decision_refusal(row: int, post_id: int | None, code: str) -> str:
    """One refused row of a decisions file, in plain words."""
    who = f"Row {row}" + (f" (post {post_id})" if post_id else "")
    words = {
        "not-approved": "the post has no approval that applies.",
        "not-submitted": "the post is not waiting for a review decision.",
        "in-bin": "the post is in the bin.",
        "hash-mismatch": "the text it names is not the text sent for review "
        "(the post was changed since, or the row is for another text).",
        "no-post": "it names no post in this library.",
        "bad-decision": "its decision is not approved, rejected or changes.",
        "bad-expires": "its expiry is not a date like 2027-05-31.",
    }
    return f"{who}: not applied, {words.get(code, code)}"


def record_refusal(code: str, *, value: str = "", until: date | None = None) -> str:
    """A refusal of the records service (publish, retire, compare) in plain words."""
    words = {
        "not-approved": "This post has no approval that applies: approve it first.",
        "platform-not-approved": f"This post was not approved for {display_name(value)}.",
        "in-bin": "This post is in the bin: restore it first.",
        "retired": "This post is retired: it is no longer in use.",
        "before-last-use": f"The post was in use until {until:%d %b %Y}: choose that day "
        "or a later one."
        if until
        else "Choose a later day.",
        "future-date": "Choose today or an earlier day: the last day it was in use.",
    }
    return words.get(code, "This could not be recorded.")
