"""The examiner's record in the services: the rules version on every approval, publications,
the legal hold, the retention period and deletion refused inside it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from composer.domain.profile import Profile
from composer.services.records import (
    IN_RETENTION,
    LEGAL_HOLD,
    NOT_APPROVED,
    PLATFORM_NOT_APPROVED,
    RecordRefusedError,
)
from composer.services.retention import retention_period

CUSTOM_PACK = """
[pack]
id = "house"
title = "House rules"
"""


def test_an_approval_records_the_rule_packs_in_force(services, make_post, clock):
    first = make_post("Storm kit tips?")
    rules = services.approval.active_approval(first.id).rules
    assert rules is not None and len(rules.sha256) == 64
    assert {p.source for p in rules.packs} == {"shipped"}
    assert "guarantee.toml" in {p.file for p in rules.packs}

    (services.data_dir / "guidelines").mkdir()
    (services.data_dir / "guidelines" / "house.toml").write_text(CUSTOM_PACK)
    services.guidelines.reload()
    second = make_post("Flood tips?")
    later = services.approval.active_approval(second.id).rules
    assert later is not None and later.sha256 != rules.sha256
    assert [p.file for p in later.custom] == ["house.toml"]
    [entry] = [e for e in services.audit.entries() if e.post_id == second.id]
    assert entry.data["rules"] == {"version": later.version, "sha256": later.sha256}
    assert services.audit.verify().ok


def test_a_rules_version_changed_after_approval_breaks_the_audit_check(services, make_post):
    post = make_post("Storm kit tips?")
    with services.database.write() as tx:
        tx.session.execute(text("UPDATE approvals SET rules_sha256 = :x"), {"x": "0" * 64})
    report = services.audit.verify()
    assert not report.ok
    assert f"approval {services.approval.active_approval(post.id).id}" in report.problem


def test_publish_records_the_run_and_the_last_use(services, make_post, clock):
    post = make_post("Storm kit tips?", platforms=("linkedin", "x"))
    when = datetime(2026, 6, 1, 15, 0, tzinfo=UTC)
    publication = services.records.publish(
        post.id, "LinkedIn", url="https://lnkd.in/x", at=when, audience="boosted", spend="$1,250.5"
    )
    assert (publication.platform, publication.spend, publication.audience) == (
        "linkedin",
        "1250.50",
        "boosted",
    )
    assert services.records.publications(post.id) == [publication]
    assert services.records.retention(post.id).last_used == when
    [entry] = [e for e in services.audit.entries() if e.action == "publish"]
    approval = services.approval.active_approval(post.id)
    assert entry.data["text_sha256"] == approval.hashes["linkedin"]
    assert services.audit.verify().ok


@pytest.mark.parametrize(
    ("platform", "approve", "code"),
    [("facebook", True, PLATFORM_NOT_APPROVED), ("x", False, NOT_APPROVED)],
)
def test_publish_is_refused_for_what_was_not_approved(make_post, services, platform, approve, code):
    post = make_post("Storm kit tips?", platforms=("x",), approve=approve)
    with pytest.raises(RecordRefusedError) as refused:
        services.records.publish(post.id, platform)
    assert refused.value.code == code
    assert services.records.publications(post.id) == []


def test_retention_is_three_years_at_least_and_longer_where_a_state_asks():
    assert retention_period(None).years == 3
    assert retention_period(Profile(states=("CA",))).basis == ("minimum",)
    finra = retention_period(Profile(broker_dealer_disclosure="Securities offered through X"))
    assert finra.years == 3 and "finra" in finra.basis
    assert retention_period(Profile(states=("CA", "SD"))).years == 5
    assert retention_period(None).until(date(2028, 2, 29)) == date(2031, 2, 28)


def test_delete_is_refused_inside_retention_naming_the_date(services, make_post, clock):
    services.library.set_profile(Profile(name="Sam", states=("SD",)))
    post = make_post("Storm kit tips?")
    services.records.publish(post.id, "x", at=datetime(2026, 5, 20, 12, 0, tzinfo=UTC))
    with pytest.raises(RecordRefusedError) as refused:
        services.records.delete(post.id)
    assert refused.value.code == IN_RETENTION and refused.value.until == date(2031, 5, 20)
    assert services.library.get(post.id).deleted_at is None
    clock.now = datetime(2031, 5, 21, 9, 0, tzinfo=UTC)
    services.records.delete(post.id)
    assert services.library.get(post.id).deleted_at is not None
    assert [e.action for e in services.audit.entries()][-1] == "delete"


def test_a_legal_hold_blocks_deletion_until_lifted(services, make_post, clock):
    never_used = make_post("A draft nobody saw", approve=False)
    assert services.records.set_hold(never_used.id, True) is True
    assert services.records.set_hold(never_used.id, True) is False  # no change, no entry
    with pytest.raises(RecordRefusedError) as refused:
        services.records.delete(never_used.id)
    assert refused.value.code == LEGAL_HOLD
    services.records.set_hold(never_used.id, False)
    services.records.delete(never_used.id)  # never used: no retention period runs
    holds = [e.data["on"] for e in services.audit.entries() if e.action == "hold"]
    assert holds == [True, False]


def test_the_report_lists_first_and_last_use_and_the_keep_until_date(
    services, make_post, exporter, clock, tmp_path
):
    from composer.services.export import ExportRequest

    used = make_post("Storm kit tips?")
    exporter.export(ExportRequest("csv", post_ids=(used.id,)), tmp_path / "a.csv")
    clock.advance(timedelta(days=30).total_seconds())
    services.records.publish(used.id, "x")
    published = clock.now
    idle = make_post("Not used", approve=False)
    report = services.records.report()
    rows = {row.post_id: row for row in report.rows}
    assert rows[used.id].first_used == datetime(2026, 5, 13, 17, 0, 20, tzinfo=UTC)
    assert rows[used.id].last_used == published
    assert rows[used.id].keep_until == published.astimezone().date().replace(year=2029)
    assert rows[idle.id].keep_until is None and rows[idle.id].may_delete(date(2026, 6, 1))
