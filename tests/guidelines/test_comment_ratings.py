"""A review's rating read as context: one or two stars make the comment a complaint (so the
reply is asked to take it private), three to five change nothing on their own."""

from __future__ import annotations

import pytest

from composer.domain.conversations import Comment
from composer.guidelines.engine import Engine
from composer.guidelines.inputs import CheckInput

ENGINE = Engine.load(style_checks=False)
PLAIN = "Got my renters quote here."  # no grievance in the words
KIND = "Five stars, Pat sorted out our home policy in ten minutes. Would recommend!"
PRIVATE = "conversation.private.take-it-private"


@pytest.mark.parametrize("rating", [1, 2])
def test_one_or_two_stars_make_a_plain_comment_a_complaint(rating: int) -> None:
    assert not ENGINE.read_comment(PLAIN).complaint
    reading = ENGINE.read_comment(PLAIN, rating)
    assert (reading.complaint, reading.reason, reading.evidence) == (
        True,
        "low-rating",
        f"{rating}-star rating",
    )


@pytest.mark.parametrize("rating", [None, 3, 4, 5])
def test_three_to_five_stars_change_nothing_on_their_own(rating: int | None) -> None:
    assert ENGINE.read_comment(PLAIN, rating) == ENGINE.read_comment(PLAIN)
    assert not ENGINE.read_comment(KIND, rating).complaint  # a kind review stays kind


def test_the_words_own_reason_comes_before_the_rating() -> None:
    text = "Nobody ever calls me back."
    for rating in (None, 1, 2, 5):
        reading = ENGINE.read_comment(text, rating)
        assert (reading.complaint, reading.reason) == (True, "unanswered")
        assert reading.evidence in text
    assert ENGINE.read_comment("Worst agency in town!", 1).reason == "grievance"


def test_personal_details_are_still_read_beside_a_rating() -> None:
    reading = ENGINE.read_comment("Quick question about my claim from the hail storm", 2)
    assert (reading.complaint, reading.reason, reading.personal) == (True, "low-rating", True)


def _found(reply: str, comment: Comment) -> list[str]:
    result = ENGINE.check(CheckInput(reply, ("facebook",), comment=comment))
    return [f.rule for f in result.findings if not f.category.startswith("platform.")]


def test_the_check_reads_the_comments_rating() -> None:
    reply = "Thanks, Dana. Glad we could help with the quote."
    assert PRIVATE not in _found(reply, Comment(PLAIN))
    assert PRIVATE in _found(reply, Comment(PLAIN, rating=1))
    assert PRIVATE in _found(reply, Comment(PLAIN, rating=2))
    assert _found(reply, Comment(PLAIN, rating=5)) == _found(reply, Comment(PLAIN))


def test_a_kind_five_star_review_raises_nothing_on_a_kind_reply() -> None:
    reply = "Thank you so much, we loved helping you!"
    assert _found(reply, Comment(KIND, rating=5)) == []
