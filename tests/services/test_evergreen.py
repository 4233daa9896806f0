"""Evergreen posts: copies come back after the cooldown, approved with the original's
reasons only while that approval is under a year old and the rules find nothing new."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from composer.domain.findings import CheckResult, Finding
from composer.domain.posts import PostDraft
from composer.services.library import PostNotFoundError
from composer.services.planning import PlanningCode, PlanningError

DAY = 24 * 3600


def local_now(clock) -> datetime:
    return clock.now.astimezone().replace(tzinfo=None, second=0, microsecond=0)


@pytest.fixture
def storm(services, clock):
    """An approved post for tomorrow at 09:30 (with 'guaranteed' kept, for a reason)."""
    when = (local_now(clock) + timedelta(days=1)).replace(hour=9, minute=30)
    post = services.library.create(
        PostDraft(body="Storm kit: guaranteed peace of mind?", platforms=("x",), scheduled_at=when)
    )
    services.approval.approve(post.id, reason="Our own pledge, reviewed by compliance")
    return post.id, when


def test_marking_needs_a_time_and_a_cooldown_past_the_duplicate_window(services, storm):
    post_id, _when = storm
    for every, times, code in ((29, None, PlanningCode.COOLDOWN_TOO_SHORT),
                               (90, 0, PlanningCode.BAD_TIMES)):  # fmt: skip
        with pytest.raises(PlanningError) as caught:
            services.evergreen.mark(post_id, every, times)
        assert caught.value.code is code
    draft = services.library.create(PostDraft(body="No time yet", platforms=("x",)))
    with pytest.raises(PlanningError) as caught:
        services.evergreen.mark(draft.id, 90)
    assert caught.value.code is PlanningCode.NOT_SCHEDULED
    with pytest.raises(PostNotFoundError):
        services.evergreen.mark(999, 90)
    mark = services.evergreen.mark(post_id, 90, times=2)
    assert (mark.every_days, mark.times, mark.made) == (90, 2, 0)
    services.evergreen.unmark(post_id)
    assert services.evergreen.of(post_id) is None


def test_copies_come_back_each_cooldown_approved_until_the_count_is_reached(services, clock, storm):
    post_id, when = storm
    services.evergreen.mark(post_id, 30, times=2)
    assert services.evergreen.renew() == []  # not due for a month
    clock.advance(20 * DAY)  # due in 11 days: within the fortnight ahead
    [first] = services.evergreen.renew()
    assert (first.source_id, first.at, first.approved) == (post_id, when + timedelta(30), True)
    copy = services.library.get(first.copy_id)
    assert (copy.status, copy.scheduled_at, copy.body) == (
        "approved",
        when + timedelta(days=30),
        services.library.get(post_id).body,
    )
    assert services.evergreen.renew() == []  # made once, not again
    clock.advance(30 * DAY)
    [second] = services.evergreen.renew()
    assert second.at == when + timedelta(days=60)
    clock.advance(30 * DAY)
    assert services.evergreen.renew() == []  # two copies were asked for
    assert services.evergreen.of(post_id).made == 2


def test_an_approval_older_than_a_year_is_not_carried(services, clock, storm):
    post_id, when = storm
    services.evergreen.mark(post_id, 400)
    clock.advance(390 * DAY)
    [renewed] = services.evergreen.renew()
    assert not renewed.approved
    assert services.library.get(renewed.copy_id).status == "draft"
    assert renewed.at == when + timedelta(days=400)


def test_a_copy_with_an_error_the_rules_did_not_find_before_needs_a_fresh_approval(
    services, clock, engine, storm, monkeypatch
):
    post_id, _when = storm
    services.evergreen.mark(post_id, 30)
    checked = engine.check

    def stricter(request):  # the rules changed: "storm" is now an error
        result = checked(request)
        start = request.text.lower().find("storm")
        extra = Finding("test.storm", "compliance.storm", "error", "new", start, start + 5,
                        request.text[start : start + 5])  # fmt: skip
        return CheckResult(findings=(*result.findings, extra))

    monkeypatch.setattr(engine, "check", stricter)
    clock.advance(20 * DAY)
    [renewed] = services.evergreen.renew()
    assert not renewed.approved
    assert services.library.get(renewed.copy_id).status == "draft"
    assert services.library.get(post_id).status == "approved"  # the original is untouched
