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
        ("Changes requested", [changes]),
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
