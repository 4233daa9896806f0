"""Reading the comment a reply answers: is it a complaint, does it hold personal details.

The comment is never flagged (the agent did not write it), but it decides which reply
checks apply: a complaint, or a comment about someone's policy, claim or health, is a
conversation to take to a private channel. The wording lives in `signals.toml` (the
`comment-*` signals) so compliance desks can extend it like any other signal; star
ratings are read here because they are symbols and numbers rather than words, and so is
the review's own rating when the agent gave it (the plainest sign of a complaint).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from composer.domain.conversations import CommentReading
from composer.guidelines.regex_cache import compile_cached

# Signals read on the comment (not the reply), in the order their reasons are preferred.
COMMENT_SIGNALS: tuple[tuple[str, str], ...] = (
    ("comment-unanswered", "unanswered"),
    ("comment-grievance", "grievance"),
)
PERSONAL_SIGNAL = "comment-personal"
PRAISE_SIGNAL = "comment-praise"  # the comment reader alone never overrules praise

# Signals a rule may name in `when` / `unless_signal` that describe the conversation
# rather than the text: set by the engine from the check's comment.
CONTEXT_SIGNALS: tuple[str, ...] = ("reply", "complaint", "personal-comment", "sensitive-comment")

_STARS = compile_cached(
    r"(?<![\d.])[0-2](?:\.\d)?\s*(?:/|out of)\s*5\b"  # 1/5, 2 out of 5
    r"|[★⭐]\s*[☆✩]{2,}"  # ★☆☆☆☆
    r"|^\s*[★⭐](?!\s*[★⭐])",  # one star, first thing in the comment
    re.IGNORECASE | re.MULTILINE,
)

LOW_RATINGS = (1, 2)  # a review's stars that make it a complaint on their own

Finder = Callable[[str], str]  # signal name -> the first words of it in the comment, or ""


def read_comment(text: str, find: Finder, rating: int | None = None) -> CommentReading:
    """Whether the comment is a complaint (and why), and whether it holds personal details.

    `find(signal)` returns the wording of the signal's first hit in the comment, or "".
    `rating` is the review's stars when known: 1 or 2 is a complaint (`low-rating`, the
    evidence "1-star rating") unless the words gave a reason first; 3 to 5 add nothing,
    so a kind five-star review stays what its words make it.
    """
    personal = bool(find(PERSONAL_SIGNAL))
    for signal, reason in COMMENT_SIGNALS:
        evidence = find(signal)
        if evidence:
            return CommentReading(True, reason, evidence, personal)
    if rating in LOW_RATINGS:
        return CommentReading(True, "low-rating", rating_evidence(rating), personal)
    stars = _STARS.search(text)
    if stars:
        return CommentReading(True, "low-rating", stars.group().strip(), personal)
    return CommentReading(False, "", "", personal)


def rating_evidence(rating: int) -> str:
    """The evidence of a low rating given as stars, not words: "1-star rating"."""
    return f"{rating}-star rating"


def context_signals(reading: CommentReading | None) -> dict[str, bool]:
    """The conversation signals for one check: all false when the text is not a reply."""
    if reading is None:
        return dict.fromkeys(CONTEXT_SIGNALS, False)
    return {
        "reply": True,
        "complaint": reading.complaint,
        "personal-comment": reading.personal,
        "sensitive-comment": reading.complaint or reading.personal,
    }
