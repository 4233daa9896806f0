"""The export use case: approved snapshots only, refusals, scheduler checks, audit record."""

from __future__ import annotations

import csv
import hashlib
import io
import os
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from composer.services.approval import NotApprovedError
from composer.services.export import (
    ExportRefusedError,
    ExportRequest,
    ExportTargetExistsError,
    ExportWriteError,
    ProblemCode,
    approved_text,
)


def rows(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))


def hootsuite(*ids: int, **options) -> ExportRequest:
    return ExportRequest("hootsuite", post_ids=ids, **options)


def codes(problems) -> list[tuple[ProblemCode, tuple[int, ...]]]:
    """Each problem's code and posts: what the service says, before any front end words it."""
    return [(p.code, p.post_ids) for p in problems]


# --- approved snapshots only ---------------------------------------------------------------


def test_an_edit_after_approval_is_not_exported(services, exporter, make_post, tmp_path):
    post = make_post("Approved words. Questions?")
    exported_draft = services.library.get(post.id).draft
    services.library.autosave(post.id, replace(exported_draft, body="Edited words"))
    with pytest.raises(ExportRefusedError) as caught:
        exporter.export(hootsuite(post.id), tmp_path / "h.csv")
    assert codes(caught.value.problems)[0] == (ProblemCode.EDITED, (post.id,))
    assert not (tmp_path / "h.csv").exists()


def test_only_the_approved_text_even_when_the_schedule_changes(
    services, exporter, make_post, tmp_path
):
    post = make_post("Approved words. Questions?", when=datetime(2026, 5, 13, 19, 0))
    draft = services.library.get(post.id).draft
    services.library.autosave(post.id, replace(draft, scheduled_at=datetime(2026, 5, 20, 8, 0)))
    assert services.library.get(post.id).status == "approved"  # a new time is not a new text
    exporter.export(hootsuite(post.id), tmp_path / "h.csv")
    assert rows(tmp_path / "h.csv") == [["05/20/2026 08:00", "Approved words. Questions?", ""]]


def test_unapproved_posts_are_refused_with_the_reason(exporter, make_post, tmp_path):
    good = make_post()
    draft = make_post(approve=False)
    with pytest.raises(ExportRefusedError) as caught:
        exporter.export(hootsuite(good.id, draft.id), tmp_path / "h.csv")
    assert codes(caught.value.problems) == [
        (ProblemCode.NOT_APPROVED, (draft.id,)),
        (ProblemCode.NAMED_POSTS_LEFT, ()),  # the command line adds --skip-unapproved
    ]
    assert all(p.blocking for p in caught.value.problems)
    assert not (tmp_path / "h.csv").exists()


def test_skip_unapproved_exports_the_rest_and_lists_the_skipped(
    services, exporter, make_post, tmp_path
):
    good = make_post()
    draft = make_post(approve=False)
    result = exporter.export(hootsuite(good.id, draft.id, skip_unapproved=True), tmp_path / "h")
    assert result.post_ids == (good.id,)
    assert [(s.post_id, s.code) for s in result.skipped] == [(draft.id, ProblemCode.NOT_APPROVED)]
    assert services.library.get(draft.id).status == "draft"


def test_deleted_and_missing_posts(services, exporter, make_post, tmp_path):
    binned = make_post()
    services.library.delete(binned.id)
    plan = exporter.plan(hootsuite(binned.id, skip_unapproved=True))
    assert plan.skipped[0].code is ProblemCode.IN_BIN
    from composer.services.library import PostNotFoundError

    with pytest.raises(PostNotFoundError):
        exporter.plan(hootsuite(999))


def test_status_selection_takes_every_approved_post_soonest_first(exporter, make_post, tmp_path):
    late = make_post("Late one?", when=datetime(2026, 6, 1, 9, 0))
    early = make_post("Early one?", when=datetime(2026, 5, 20, 9, 0))
    make_post("Not approved", approve=False)
    plan = exporter.plan(ExportRequest("hootsuite", status="approved"))
    assert [i.post_id for i in plan.items] == [early.id, late.id] and not plan.problems


def test_since_and_until_pick_a_scheduled_week(exporter, make_post):
    before = make_post(when=datetime(2026, 5, 10, 9, 0))
    inside = make_post(when=datetime(2026, 5, 12, 9, 0))
    after = make_post(when=datetime(2026, 5, 18, 9, 0))
    week = ExportRequest(
        "csv",
        status="approved",
        since=datetime(2026, 5, 11),
        until=datetime(2026, 5, 18),
    )
    assert [i.post_id for i in exporter.plan(week).items] == [inside.id]
    assert before.id != after.id


# --- scheduler checks ----------------------------------------------------------------------


def test_hootsuite_refuses_posts_without_a_time(exporter, make_post, tmp_path):
    post = make_post(when=None)
    plan = exporter.plan(hootsuite(post.id))
    assert [(p.code, p.post_ids, p.tool) for p in plan.refusals] == [
        (ProblemCode.NOT_SCHEDULED, (post.id,), "hootsuite")
    ]
    with pytest.raises(ExportRefusedError) as caught:
        exporter.write(plan, tmp_path / "h.csv")
    assert caught.value.problems == plan.refusals
    exporter.export(replace(hootsuite(post.id), format="csv"), tmp_path / "all.csv")  # fine


def test_identical_texts_are_warned_and_the_same_minute_refused(exporter, make_post):
    a = make_post("Same words?", when=datetime(2026, 5, 13, 19, 0))
    b = make_post("same   WORDS?", when=datetime(2026, 5, 13, 19, 0, 30))
    plan = exporter.plan(hootsuite(a.id, b.id))
    assert codes(plan.warnings) == [(ProblemCode.DUPLICATE_TEXT, (a.id, b.id))]
    assert codes(plan.refusals) == [(ProblemCode.TOO_CLOSE, (a.id, b.id))]


def test_text_over_the_platform_limit_is_warned(exporter, make_post):
    post = make_post("word " * 70, reason="long on purpose")  # 350 characters for X
    plan = exporter.plan(hootsuite(post.id))
    [long] = [p for p in plan.warnings if p.code is ProblemCode.TOO_LONG]
    assert (long.post_ids, long.platform, long.count, long.limit) == ((post.id,), "x", 350, 280)


def test_times_in_the_past_or_too_soon_are_refused(exporter, make_post, clock):
    past = make_post(when=datetime(2026, 4, 1, 9, 0))  # the clock says 13 May 2026, 17:00
    soon = make_post(when=clock.now.astimezone().replace(tzinfo=None) + timedelta(minutes=9))
    plan = exporter.plan(hootsuite(past.id, soon.id))
    assert (ProblemCode.IN_THE_PAST, (past.id, soon.id)) in codes(plan.refusals)


def test_sprout_wants_ten_minutes_between_posts(exporter, make_post):
    a = make_post(when=datetime(2026, 5, 13, 19, 0))
    b = make_post(when=datetime(2026, 5, 13, 19, 5))
    c = make_post(when=datetime(2026, 5, 13, 19, 15))
    plan = exporter.plan(ExportRequest("sprout", post_ids=(a.id, b.id, c.id)))
    assert [(p.code, p.post_ids, p.tool, p.limit) for p in plan.refusals] == [
        (ProblemCode.TOO_CLOSE, (a.id, b.id), "sprout", 10)
    ]


def test_hootsuite_wants_minutes_in_five_minute_steps(exporter, make_post):
    a = make_post(when=datetime(2026, 5, 13, 19, 3))
    b = make_post(when=datetime(2026, 5, 13, 19, 30))
    plan = exporter.plan(hootsuite(a.id, b.id))
    assert codes(plan.refusals) == [(ProblemCode.OFF_STEP, (a.id,))]
    assert not exporter.plan(ExportRequest("sprout", post_ids=(a.id, b.id))).refusals


def test_fix_times_moves_posts_in_the_file_and_in_the_library(
    services, exporter, make_post, tmp_path
):
    a = make_post(when=datetime(2026, 5, 1, 9, 0))  # past: the clock says 13 May, 17:00
    b = make_post(when=datetime(2026, 5, 13, 19, 3))
    c = make_post(when=datetime(2026, 5, 13, 19, 8))
    local_now = datetime.now().astimezone().utcoffset()
    plan = exporter.plan(hootsuite(a.id, b.id, c.id, fix_times=True))
    assert not plan.refusals
    result = exporter.write(plan, tmp_path / "h.csv")
    times = {item.post_id: item.scheduled_at for item in plan.items}
    assert times[b.id] == datetime(2026, 5, 13, 19, 5)  # the nearest 5 minutes
    assert times[c.id] == datetime(2026, 5, 13, 19, 15)  # 10 minutes after b
    assert times[a.id] - (datetime(2026, 5, 13, 17, 0) + local_now) >= timedelta(minutes=10)
    assert {fix.post_id for fix in result.moved} == {a.id, b.id, c.id}
    for post_id, when in times.items():  # the library says what the file says
        assert services.library.get(post_id).scheduled_at == when
    assert [row[0] for row in rows(tmp_path / "h.csv")] == [
        f"{when:%m/%d/%Y %H:%M}" for when in sorted(times.values())
    ]


def test_one_account_per_scheduler_file(services, exporter, make_post):
    first = services.account_repository.add("x", "@one", "")
    second = services.account_repository.add("x", "@two", "")
    a = make_post(account_id=first.id)
    b = make_post(account_id=second.id)
    plan = exporter.plan(hootsuite(a.id, b.id))
    several = plan.refusals[0]
    assert several.code is ProblemCode.SEVERAL_ACCOUNTS and several.accounts == (first, second)
    only_first = exporter.plan(hootsuite(a.id, b.id, account_id=first.id, skip_unapproved=True))
    assert [i.post_id for i in only_first.items] == [a.id] and not only_first.refusals
    skipped = only_first.skipped[0]
    assert (skipped.post_id, skipped.code, skipped.account) == (
        b.id,
        ProblemCode.OTHER_ACCOUNT,
        first,
    )


def test_scheduler_platform_must_be_one(services, exporter, make_post):
    post = make_post(platforms=("x", "linkedin"))
    with pytest.raises(ExportRefusedError) as caught:
        exporter.plan(hootsuite(post.id))
    [several] = caught.value.problems
    assert (several.code, several.tool, several.platforms) == (
        ProblemCode.SEVERAL_PLATFORMS,
        "hootsuite",
        ("x", "linkedin"),
    )
    assert exporter.plan(hootsuite(post.id, platform="linkedin")).platform == "linkedin"
    account = services.account_repository.add("linkedin", "agency", "")
    with pytest.raises(ExportRefusedError) as caught:
        exporter.plan(hootsuite(post.id, platform="x", account_id=account.id))
    [mismatch] = caught.value.problems
    assert (mismatch.code, mismatch.accounts, mismatch.platform) == (
        ProblemCode.ACCOUNT_PLATFORM,
        (account,),
        "x",
    )
    plan = exporter.plan(hootsuite(post.id, platform="threads"))
    refusal = plan.refusals[0]
    assert (refusal.code, refusal.post_ids, refusal.platform) == (
        ProblemCode.OTHER_PLATFORM,
        (post.id,),
        "threads",
    )


def test_bad_requests_are_refused(exporter):
    for request, code, value in (
        (ExportRequest("xlsx", post_ids=(1,)), ProblemCode.UNKNOWN_FORMAT, "xlsx"),
        (
            ExportRequest("csv", post_ids=(1,), platform="myspace"),
            ProblemCode.UNKNOWN_PLATFORM,
            "myspace",
        ),
        (
            ExportRequest("csv", post_ids=(1,), date_order="ymd"),
            ProblemCode.UNKNOWN_DATE_ORDER,
            "ymd",
        ),  # type: ignore[arg-type]
        (ExportRequest("csv", status="draft"), ProblemCode.UNKNOWN_STATUS, "draft"),
        (
            ExportRequest("csv", post_ids=(1,), status="approved"),
            ProblemCode.IDS_AND_STATUS,
            "approved",
        ),
    ):
        with pytest.raises(ExportRefusedError) as caught:
            exporter.plan(request)
        assert [(p.code, p.value) for p in caught.value.problems] == [(code, value)]


# --- writing and recording -----------------------------------------------------------------


def test_export_is_recorded_with_the_files_sha256(services, exporter, make_post, tmp_path):
    posts = [make_post(), make_post(platforms=("x", "linkedin"))]
    out = tmp_path / "record.json"
    result = exporter.export(ExportRequest("json", post_ids=tuple(p.id for p in posts)), out)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.sha256 == digest and result.size == out.stat().st_size
    assert result.record.file_sha256 == digest and result.record.path == str(out.absolute())
    assert result.record.post_ids == tuple(p.id for p in posts)
    assert [services.library.get(p.id).status for p in posts] == ["exported", "exported"]
    entry = services.audit.entries()[-1]
    assert entry.action == "export" and entry.data["file_sha256"] == digest
    assert services.audit.verify().ok
    # an exported post can be exported again (its approval still applies)
    again = exporter.export(ExportRequest("csv", status="exported"), tmp_path / "again.csv")
    assert again.post_ids == tuple(p.id for p in posts)
    assert services.audit.verify().ok and len(services.audit.entries()) == 4


def test_existing_file_needs_force(services, exporter, make_post, tmp_path):
    post = make_post()
    out = tmp_path / "h.csv"
    out.write_text("keep me")
    with pytest.raises(ExportTargetExistsError) as caught:  # also a FileExistsError
        exporter.export(hootsuite(post.id), out)
    assert caught.value.path == out.absolute() and isinstance(caught.value, FileExistsError)
    assert out.read_text() == "keep me"
    assert services.library.get(post.id).status == "approved"
    exporter.export(hootsuite(post.id), out, force=True)
    assert out.read_text().startswith("05/13/2026")


def test_a_failed_write_leaves_nothing_and_records_nothing(
    services, exporter, make_post, tmp_path, monkeypatch
):
    post = make_post()

    def no_space(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", no_space)
    with pytest.raises(ExportWriteError) as caught:
        exporter.export(ExportRequest("pdf", post_ids=(post.id,)), tmp_path / "r.pdf")
    assert caught.value.detail.endswith("the disk is full; nothing was written")
    assert caught.value.path == (tmp_path / "r.pdf").absolute()
    assert os.listdir(tmp_path) == ["data"]
    assert services.library.get(post.id).status == "approved"
    assert [e.action for e in services.audit.entries()] == ["approve"]


def test_a_post_edited_during_the_export_removes_the_file(services, exporter, make_post, tmp_path):
    post = make_post()
    plan = exporter.plan(hootsuite(post.id))
    draft = services.library.get(post.id).draft
    services.library.autosave(post.id, replace(draft, body="changed meanwhile"))
    with pytest.raises(ExportRefusedError) as caught:
        exporter.write(plan, tmp_path / "h.csv")
    assert [p.code for p in caught.value.problems] == [ProblemCode.APPROVAL_CHANGED]
    assert not (tmp_path / "h.csv").exists()
    assert services.audit.verify().ok


# --- copy to clipboard ---------------------------------------------------------------------


def test_approved_text_for_the_clipboard(services, exporter, make_post):
    post = make_post("Body text?", platforms=("x", "linkedin"), variants={"x": "Short?"})
    assert exporter.approved_text(post.id, "x") == "Short?"
    assert approved_text(services.approval, post.id, "linkedin") == "Body text?"
    with pytest.raises(NotApprovedError, match="approved for x, linkedin, not threads"):
        exporter.approved_text(post.id, "threads")
    draft = services.library.get(post.id).draft
    services.library.autosave(post.id, replace(draft, body="Edited"))
    with pytest.raises(NotApprovedError):
        exporter.approved_text(post.id, "linkedin")
