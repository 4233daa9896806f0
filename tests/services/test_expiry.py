"""Expiry: an outside approval past its date, or a self-approval older than the set period
(a year by default), blocks export naming the date; the PDF record still documents it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from composer.domain.record import OutsideReview
from composer.services.expiry import SELF_APPROVAL_SETTING
from composer.services.export import ExportRefusedError, ExportRequest
from composer.services.export_checks import ProblemCode


def _refusal(exporter, post_id, tmp_path, format="csv"):
    with pytest.raises(ExportRefusedError) as refused:
        exporter.export(ExportRequest(format, post_ids=(post_id,)), tmp_path / f"out.{format}")
    [problem] = [p for p in refused.value.problems if p.code is ProblemCode.APPROVAL_EXPIRED]
    return problem


def test_a_self_approval_lapses_after_a_year(exporter, make_post, clock, tmp_path):
    post = make_post("Storm kit tips?")  # approved 2026-05-13
    clock.now = datetime(2027, 5, 13, 12, 0, tzinfo=UTC)  # the last day it covers
    exporter.export(ExportRequest("csv", post_ids=(post.id,)), tmp_path / "ok.csv")
    clock.now = datetime(2027, 5, 14, 12, 0, tzinfo=UTC)
    problem = _refusal(exporter, post.id, tmp_path)
    assert (problem.value, problem.detail, problem.post_ids) == ("2027-05-13", "self", (post.id,))
    assert not (tmp_path / "out.csv").exists()
    exporter.export(ExportRequest("pdf", post_ids=(post.id,)), tmp_path / "record.pdf")


def test_the_self_approval_period_is_a_setting(services, exporter, make_post, clock, tmp_path):
    services.library.set_setting(SELF_APPROVAL_SETTING, 30)
    post = make_post("Storm kit tips?")
    clock.now = datetime(2026, 6, 13, 12, 0, tzinfo=UTC)
    assert _refusal(exporter, post.id, tmp_path).value == "2026-06-12"


def test_an_outside_approval_lapses_on_its_date(services, exporter, make_post, clock, tmp_path):
    post = make_post("Home insurance questions?", approve=False)
    with services.database.write() as tx:
        tx.approvals.add(
            post.id,
            {"x": post.body},
            "",
            [],
            {},
            "Sam",
            clock(),
            review=OutsideReview("Dana Lee", "Acme Mutual", "AM-1", date(2026, 6, 1)),
        )
        tx.posts.set_status(post.id, "approved", clock())
    clock.now = datetime(2026, 6, 2, 12, 0, tzinfo=UTC)
    problem = _refusal(exporter, post.id, tmp_path, "hootsuite")
    assert (problem.value, problem.detail) == ("2026-06-01", "outside")
