"""The PDF record's words for the engine's codes: categories, severities, statuses.

The record is read by examiners and carriers, not by pack authors, so no rule id or
category code reaches the page: each category has a plain name here (a test keeps this
list in step with `composer.domain.findings.CATEGORIES`).
"""

from __future__ import annotations

CATEGORY_NAMES: dict[str, str] = {
    "compliance.guarantee": "Guarantee or promise",
    "compliance.free": "Something offered as free",
    "compliance.inducement": "Inducement or rebate",
    "compliance.exaggeration": "Exaggeration",
    "compliance.product-label": "How the product is named",
    "compliance.competitor": "Mention of a competitor",
    "compliance.testimonial": "Testimonial",
    "compliance.claims-promise": "Promise about claims",
    "compliance.coverage-advice": "Coverage advice",
    "compliance.privacy": "Personal information",
    "compliance.disclosure": "Required disclosure",
    "compliance.securities": "Securities",
    "compliance.endorsement": "Endorsement",
    "compliance.licensing": "Licensing",
    "compliance.review-incentive": "Reward for reviews",
    "etiquette.hard-sell": "Hard sell",
    "etiquette.spam": "Spam-like wording",
    "etiquette.offensive": "Offensive wording",
    "etiquette.conversation": "Conversation",
    "etiquette.promo-mix": "Too many promotional posts",
    "etiquette.duplicate": "Repeats an earlier post",
    "conversation.liability": "Admits fault or offers to pay",
    "conversation.tone": "Tone of a reply",
    "conversation.private": "Take it private",
    "platform.length": "Length for the platform",
    "platform.hashtags": "Hashtags",
    "platform.links": "Links",
    "platform.fold": "Cut off in the feed",
    "platform.media": "Images for the platform",
    "platform.characters": "Characters the platform may not show",
    "style.spelling": "Spelling",
    "style.readability": "Readability",
    "style.caps": "Capital letters",
    "style.punctuation": "Punctuation",
    "accessibility.alt-text": "Image description",
}

SEVERITY_NAMES: dict[str, str] = {
    "error": "Must be fixed or justified",
    "warning": "Warning",
    "suggestion": "Suggestion",
}

STATUS_NAMES: dict[str, str] = {
    "draft": "Draft",
    "approved": "Approved",
    "exported": "Approved and exported",
    "archived": "Archived",
    "in_review": "In review",
    "changes_requested": "Changes requested",
    "rejected": "Rejected",
    "published": "Published",
    "retired": "Retired (no longer in use)",
}

AUDIENCE_NAMES: dict[str, str] = {
    "public": "Public",
    "group": "A group",
    "boosted": "Boosted (paid)",
}


def category_name(code: str) -> str:
    """A category in plain words; an unknown one by its last part, capitalised."""
    if code in CATEGORY_NAMES:
        return CATEGORY_NAMES[code]
    last = code.rsplit(".", 1)[-1].replace("-", " ").strip()
    return last[:1].upper() + last[1:] if last else "Other"


def severity_name(code: str) -> str:
    return SEVERITY_NAMES.get(code, code.capitalize())


def status_name(code: str) -> str:
    return STATUS_NAMES.get(code, code.replace("-", " ").replace("_", " ").capitalize())


def audience_name(code: str) -> str:
    return AUDIENCE_NAMES.get(code, code.capitalize())
