"""A post's workflow status through every transition the examiner's record knows: draft,
in review, approved (self or outside), published, retired; rejected and changes requested
back to draft. Each change is in the audit log."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from composer.domain.posts import PostQuery
from composer.domain.workflow import WorkflowFacts, workflow_status
from composer.services.records import (
    BEFORE_LAST_USE,
    FUTURE_DATE,
    NOT_APPROVED,
    RETIRED,
    RecordRefusedError,
)

TEXT = "Storm season: photograph every room now. Questions? Ask me."


def status(services, post_id: int) -> str:
    return services.history.status(post_id)


def actions(services, post_id: int) -> list[str]:
    return [entry.action for entry in services.audit.entries(post_id)]


def decide(services, tmp_path, post_id: int, decision: str, **fields: object) -> None:
    [submission] = services.review.submissions(post_id)[:1]
    row = {"post_id": post_id, "decision": decision, "text_sha256": submission.text_sha256}
    row.update(fields)
    path = tmp_path / f"decisions-{post_id}-{decision}.json"
    path.write_text(json.dumps([row]), encoding="utf-8")
    result = services.review.import_decisions(path)
    assert result.refused == () and result.applied == ((post_id, decision),)


@pytest.fixture
def approved(services, make_post):
    return make_post(TEXT, platforms=("facebook",))


def test_a_new_post_is_a_draft_and_approval_makes_it_approved(services, make_post):
    post = make_post(TEXT, approve=False)
    assert status(services, post.id) == "draft"
    services.approval.approve(post.id)
    assert status(services, post.id) == "approved"
    assert actions(services, post.id) == ["approve"]


def test_submitted_it_is_in_review_and_an_outside_approval_makes_it_approved(
    services, approved, tmp_path
):
    services.review.submit([approved.id], "Jo Park, agency principal")
    assert status(services, approved.id) == "in_review"
    decide(services, tmp_path, approved.id, "approved", reviewer="Jo Park", code="AP-1")
    assert status(services, approved.id) == "approved"
    assert services.approval.active_approval(approved.id).review.reviewer == "Jo Park"
    assert actions(services, approved.id) == [
        "approve",
        "submit",
        "review-decision",
        "approval-voided",  # the agent's own, replaced by the outside approval
        "approve",
    ]


def test_editing_a_post_in_review_makes_it_a_draft(services, approved):
    services.review.submit([approved.id], "Acme Mutual")
    services.library.autosave(approved.id, replace(approved.draft, body=TEXT + " Call today."))
    assert status(services, approved.id) == "draft"
    assert actions(services, approved.id)[-1] == "approval-voided"


def test_published_once_it_ran_and_still_after_an_outside_approval_of_the_same_text(
    services, approved, tmp_path
):
    services.records.publish(approved.id, "facebook")
    assert status(services, approved.id) == "published"
    services.review.submit([approved.id], "Acme Mutual")
    assert status(services, approved.id) == "in_review"
    decide(services, tmp_path, approved.id, "approved")
    assert status(services, approved.id) == "published"
    assert "publish" in actions(services, approved.id)


def test_a_new_text_approved_after_publication_is_approved_not_published(services, approved):
    services.records.publish(approved.id, "facebook")
    services.library.autosave(approved.id, replace(approved.draft, body="A new text entirely."))
    services.approval.approve(approved.id)
    assert status(services, approved.id) == "approved"


def test_exported_keeps_its_meaning_until_published(services, approved):
    services.audit.record_export("hootsuite", "/tmp/x.csv", "ab" * 32, [approved.id])
    assert status(services, approved.id) == "exported"
    services.records.publish(approved.id, "facebook")
    assert status(services, approved.id) == "published"


def test_rejected_goes_back_to_draft_and_the_first_revision_is_logged(
    services, approved, tmp_path, clock
):
    services.review.submit([approved.id], "Acme Mutual")
    decide(services, tmp_path, approved.id, "rejected", note="Not for us")
    assert status(services, approved.id) == "rejected"
    assert services.approval.active_approval(approved.id) is None
    post = services.library.get(approved.id)
    clock.advance(5)
    services.library.autosave(post.id, replace(post.draft, body=TEXT + " Licensed in CA."))
    assert status(services, approved.id) == "draft"
    [entry] = [e for e in services.audit.entries(approved.id) if e.action == "review-revised"]
    assert entry.data["decision"] == "rejected"


def test_changes_requested_takes_the_reviewers_text_and_an_edit_makes_a_draft_to_approve(
    services, approved, tmp_path, clock
):
    services.review.submit([approved.id], "Acme Mutual")
    suggested = "Storm season: photograph every room. Questions? Call me."
    decide(services, tmp_path, approved.id, "changes", text=suggested)
    post = services.library.get(approved.id)
    assert post.body == suggested
    assert status(services, approved.id) == "changes_requested"
    assert services.approval.active_approval(approved.id) is None
    assert services.history.page(PostQuery(workflow=("changes_requested",))) == [post]

    clock.advance(5)
    services.library.autosave(post.id, replace(post.draft, body=suggested + " CA Lic. 0K1"))
    assert status(services, approved.id) == "draft"
    assert services.approval.active_approval(approved.id) is None  # it needs approval
    assert actions(services, approved.id)[-1] == "review-revised"
    clock.advance(5)
    services.library.autosave(post.id, replace(post.draft, body=suggested + " CA Lic. 0K12"))
    assert actions(services, approved.id).count("review-revised") == 1  # only the first
    services.approval.approve(approved.id)
    assert status(services, approved.id) == "approved"
    assert services.audit.verify().ok


def test_retire_records_the_last_day_of_use_and_retention_counts_from_it(services, approved, clock):
    ran = datetime(2026, 5, 13, 16, 0, tzinfo=UTC)
    services.records.publish(approved.id, "facebook", at=ran)
    clock.advance(86400 * 10)
    last_day = (ran + timedelta(days=3)).astimezone().date()
    assert services.records.retire(approved.id, last_day) is True
    assert status(services, approved.id) == "retired"
    retention = services.records.retention(approved.id)
    assert retention.last_used.astimezone().date() == last_day
    assert retention.keep_until == last_day.replace(year=last_day.year + 3)
    [entry] = [e for e in services.audit.entries(approved.id) if e.action == "retire"]
    assert entry.data["last_used_on"] == last_day.isoformat()
    assert entry.data["from"] == "published"
    assert services.records.retire(approved.id) is False  # already: nothing logged again
    assert actions(services, approved.id).count("retire") == 1
    with pytest.raises(RecordRefusedError) as refused:
        services.records.publish(approved.id, "facebook")
    assert refused.value.code == RETIRED
    assert services.history.page(PostQuery(workflow=("retired",))) == [
        services.library.get(approved.id)
    ]


@pytest.mark.parametrize(
    ("approve", "day", "code"),
    [
        (False, None, NOT_APPROVED),
        (True, date(2026, 5, 1), BEFORE_LAST_USE),
        (True, date(2027, 1, 1), FUTURE_DATE),
    ],
)
def test_retire_refusals_change_nothing(services, make_post, approve, day, code):
    post = make_post(TEXT, platforms=("facebook",), approve=approve)
    if approve:
        services.records.publish(post.id, "facebook", at=datetime(2026, 5, 10, tzinfo=UTC))
    with pytest.raises(RecordRefusedError) as refused:
        services.records.retire(post.id, day)
    assert refused.value.code == code
    assert services.library.get(post.id).retired_at is None
    assert "retire" not in actions(services, post.id)


def test_the_history_filter_and_count_follow_the_workflow_status(services, make_post):
    drafts = [make_post(f"Draft {n}", approve=False) for n in range(3)]
    review = make_post("Sent to the carrier")
    services.review.submit([review.id], "Acme Mutual")
    plain = make_post("Approved only")
    assert [p.id for p in services.history.page(PostQuery(workflow=("in_review",)))] == [review.id]
    assert services.history.count(PostQuery(workflow=("approved",))) == 1
    assert services.history.count(PostQuery(workflow=("draft",))) == len(drafts)
    page = services.history.page(PostQuery(workflow=("draft", "approved"), limit=2, offset=1))
    assert [p.id for p in page] == [drafts[2].id, drafts[1].id]
    assert plain.id not in [p.id for p in page]


def test_the_rule_puts_retired_and_archived_first():
    assert workflow_status(WorkflowFacts("approved", 1, retired_at=datetime.now(UTC))) == (
        "retired"
    )
    assert workflow_status(WorkflowFacts("archived", 1, published=True)) == "archived"
    assert workflow_status(WorkflowFacts("draft", None)) == "draft"


def test_the_pdf_record_names_the_workflow_status(services, exporter, make_post, tmp_path):
    from composer.services.export import ExportRequest
    from tests.helpers.pdftext import page_texts, squash

    review = make_post(TEXT, platforms=("facebook",))
    services.review.submit([review.id], "Acme Mutual")
    retired = make_post(TEXT + " Ask me.", platforms=("facebook",))
    services.records.retire(retired.id)
    out = tmp_path / "record.pdf"
    exporter.export(ExportRequest("pdf", post_ids=(review.id, retired.id)), out)
    text = squash("".join(page_texts(out.read_bytes())))
    assert squash(f"Post {review.id} · In review") in text
    assert squash(f"Post {retired.id} · Retired (no longer in use)") in text


def test_archiving_and_bringing_back_are_logged(services, approved):
    services.library.archive(approved.id)
    services.library.archive(approved.id)  # already: nothing more
    assert status(services, approved.id) == "archived"
    services.library.unarchive(approved.id)
    assert status(services, approved.id) == "approved"
    assert actions(services, approved.id)[-2:] == ["archive", "unarchive"]
    [archived] = [e for e in services.audit.entries(approved.id) if e.action == "archive"]
    assert archived.data == {"from": "approved"}
    assert services.audit.verify().ok
