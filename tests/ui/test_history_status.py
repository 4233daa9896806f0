"""The history list names each post's workflow status in plain words and its own colour,
and its filters follow it (in review, changes requested, published, retired)."""

from __future__ import annotations

import json

from PySide6.QtGui import QPalette

from composer.domain.posts import PostDraft
from composer.ui.history.history_delegate import badge_colors
from composer.ui.history.history_model import STATUS_NAMES, StatusRole
from composer.ui.history.history_panel import HistoryPanel

TEXT = "Storm season: photograph every room now, so an inventory is ready."


def _post(services, body: str, approve: bool = True) -> int:
    post = services.library.create(PostDraft(body=body, platforms=("facebook",)))
    if approve:
        services.approval.approve(post.id)
    return post.id


def _decide(services, tmp_path, post_id: int, decision: str) -> None:
    [submission] = services.review.submissions(post_id)[:1]
    path = tmp_path / f"decision-{post_id}.json"
    row = {"post_id": post_id, "decision": decision, "text_sha256": submission.text_sha256}
    path.write_text(json.dumps([row]), encoding="utf-8")
    assert services.review.import_decisions(path).refused == ()


def test_rows_say_the_workflow_status_and_the_filters_follow_it(qtbot, services, tmp_path):
    draft = _post(services, "A draft about flood cover.", approve=False)
    review = _post(services, TEXT)
    services.review.submit([review], "Jo Park, agency principal")
    changes = _post(services, TEXT + " Ask me.")
    services.review.submit([changes], "Acme Mutual")
    _decide(services, tmp_path, changes, "changes")
    published = _post(services, TEXT + " Call me.")
    services.records.publish(published, "facebook")
    retired = _post(services, TEXT + " Write to me.")
    services.records.retire(retired)

    panel = HistoryPanel(services)
    qtbot.addWidget(panel)
    panel.status_filter.setCurrentText("All posts")
    panel.model.reload()
    shown = {
        panel.model.index(r, 0).data(StatusRole): panel.model.post_at(r).id
        for r in range(panel.model.rowCount())
    }
    assert shown == {
        "draft": draft,
        "in_review": review,
        "changes_requested": changes,
        "published": published,
        "retired": retired,
    }
    row = panel.model.index(panel.model.row_of(review), 0)
    assert ", In review," in row.data(0x0B)  # AccessibleTextRole
    palette = QPalette()
    fills = {badge_colors(status, palette)[0].name() for status in shown if status != "draft"}
    assert len(fills) == 4  # a colour of its own for each
    assert all(status in STATUS_NAMES for status in shown)

    for label, expected in (
        ("In review", [review]),
        ("Sent back to draft", [changes]),
        ("Published", [published]),
        ("Retired", [retired]),
    ):
        panel.status_filter.setCurrentText(label)
        panel.model.reload()
        ids = [panel.model.post_at(r).id for r in range(panel.model.rowCount())]
        assert ids == expected, label
        assert panel.count_label.text() == "1 post"
    panel.status_filter.setCurrentText("Current posts")
    panel.model.reload()
    ids = {panel.model.post_at(r).id for r in range(panel.model.rowCount())}
    assert retired not in ids and {draft, review, changes, published} <= ids


def test_rows_mark_approvals_that_lapse_within_30_days_or_have_lapsed(qtbot, services, tmp_path):
    from datetime import date, timedelta

    from PySide6.QtCore import Qt

    from composer.services.expiry import SELF_APPROVAL_SETTING
    from composer.ui.history.history_model import ExpiryKindRole, ExpiryRole

    def outside(body: str, expires: date) -> int:
        post_id = _post(services, body)
        services.review.submit([post_id], "Acme Mutual")
        [submission] = services.review.submissions(post_id)[:1]
        row = {
            "post_id": post_id,
            "decision": "approved",
            "text_sha256": submission.text_sha256,
            "expires": expires.isoformat(),
        }
        path = tmp_path / f"decision-{post_id}.json"
        path.write_text(json.dumps([row]), encoding="utf-8")
        assert services.review.import_decisions(path).refused == ()
        return post_id

    today = date.today()
    services.library.set_setting(SELF_APPROVAL_SETTING, 12)
    soon = _post(services, TEXT)  # a self-approval given today, good for 12 days
    lapsed = outside(TEXT + " Ask me.", today - timedelta(days=1))
    later = outside(TEXT + " Call me.", today + timedelta(days=90))
    draft = _post(services, "A draft about flood cover.", approve=False)

    panel = HistoryPanel(services)
    qtbot.addWidget(panel)
    panel.resize(360, 500)
    panel.show()
    model = panel.model
    marks = {
        model.post_at(r).id: model.index(r, 0).data(ExpiryRole) for r in range(model.rowCount())
    }
    last = today + timedelta(days=12)
    assert marks == {
        soon: f"expires {last.day} {last:%b}",
        lapsed: "approval expired",
        later: "",
        draft: "",
    }
    row = model.index(model.row_of(lapsed), 0)
    assert row.data(ExpiryKindRole) == "expired"
    assert "approval expired" in row.data(Qt.ItemDataRole.AccessibleTextRole)
    panel.list.grab()  # the delegate paints the mark without error

    services.records.retire(soon)  # no longer in use: its expiry no longer matters
    panel.status_filter.setCurrentText("All posts")
    model.reload()
    assert model.index(model.row_of(soon), 0).data(ExpiryRole) == ""
