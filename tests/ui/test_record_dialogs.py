"""The record's window screens: Submit for Review…, Import Review Decisions…, Compare with
Live Text…, Retire… and Legal Hold. Each drives the dialog and checks the library."""

from __future__ import annotations

import json
import zipfile

from PySide6.QtWidgets import QDialog

from composer.domain.posts import PostDraft
from composer.ui.dialogs.live_compare import CompareDialog
from composer.ui.dialogs.retire import RetireDialog
from composer.ui.dialogs.review_decisions import DecisionsDialog
from composer.ui.dialogs.review_submit import SubmitDialog

TEXT = "Storm season: photograph every room now, so an inventory is ready."


def _post(services, body: str = TEXT, approve: bool = True, platforms=("facebook",)) -> int:
    post = services.library.create(PostDraft(body=body, platforms=platforms))
    if approve:
        services.approval.approve(post.id)
    return post.id


def test_submit_names_the_reviewer_and_saves_the_packet(qtbot, services, tmp_path):
    post = _post(services)
    dialog = SubmitDialog(services.review, post, "Sam Ortiz")
    qtbot.addWidget(dialog)
    assert [dialog.kind.itemText(i) for i in range(dialog.kind.count())] == [
        "Agency principal",
        "Carrier or IMO",
        "Broker-dealer",
        "Someone else",
    ]
    dialog.save()  # no name yet
    assert dialog.message.text().startswith("Write who reviews it")
    assert services.review.submissions(post) == []

    dialog.name.setCurrentText("Jo  Park")
    dialog.save_packet.setChecked(True)
    dialog.save()  # no file chosen: nothing submitted, the name is kept
    assert dialog.message.text() == "Choose where to save the packet, or untick it."
    assert services.review.submissions(post) == [] and dialog.name.currentText() == "Jo  Park"

    dialog.packet_path.setText(str(tmp_path / "no such folder" / "packet.zip"))
    dialog.save()  # submitted, but the packet cannot be written there
    assert "could not be saved" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    [submission] = services.review.submissions(post)
    assert submission.submitted_to == "Jo Park, agency principal"
    assert services.history.status(post) == "in_review"

    dialog.packet_path.setText(str(tmp_path / "packet.zip"))
    dialog.save()  # only the packet now: still one submission
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(services.review.submissions(post)) == 1
    with zipfile.ZipFile(tmp_path / "packet.zip") as archive:
        assert sorted(archive.namelist()) == ["packet.json", "record.pdf"]


def test_submit_never_saves_the_packet_in_the_data_folder(qtbot, services):
    post = _post(services)
    dialog = SubmitDialog(services.review, post, data_dir=services.data_dir)
    qtbot.addWidget(dialog)
    dialog.name.setCurrentText("Jo Park")
    dialog.save_packet.setChecked(True)
    dialog.packet_path.setText(str(services.data_dir / "packet.zip"))
    dialog.save()
    assert "Composer's own data folder" in dialog.message.text()
    assert services.review.submissions(post) == []
    assert not (services.data_dir / "packet.zip").exists()


def test_submit_offers_earlier_reviewers_and_refuses_a_draft(qtbot, services):
    earlier = _post(services)
    services.review.submit([earlier], "Acme Mutual home office")
    draft = _post(services, "A draft about flood cover.", approve=False)
    dialog = SubmitDialog(services.review, draft)
    qtbot.addWidget(dialog)
    assert dialog.name.itemText(0) == "Acme Mutual home office"
    dialog.kind.setCurrentIndex(dialog.kind.findText("Carrier or IMO"))
    dialog.name.setCurrentText("Acme Mutual home office")
    dialog.save()
    assert dialog.message.text().startswith("This post has no approval that applies")
    assert services.review.submissions(draft) == []


def test_import_decisions_lists_applied_and_refused_rows_in_plain_words(qtbot, services, tmp_path):
    first, second = _post(services), _post(services, TEXT + " Ask me.")
    services.review.submit([first, second], "Acme Mutual")
    dialog = DecisionsDialog(services.review)
    qtbot.addWidget(dialog)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    dialog.path.setText(str(broken))
    dialog.run_import()
    assert dialog.message.text().startswith("Nothing was imported:")
    assert "not valid JSON" in dialog.message.text() and dialog.details.isHidden()

    [submitted] = services.review.submissions(first)
    rows = [
        {"post_id": first, "decision": "approved", "text_sha256": submitted.text_sha256},
        {"post_id": second, "decision": "approved", "text_sha256": "0" * 64},
    ]
    good = tmp_path / "decisions.json"
    good.write_text(json.dumps(rows), encoding="utf-8")
    dialog.path.setText(str(good))
    dialog.run_import()
    assert dialog.message.text() == "1 decision applied, 1 not applied (see why below)."
    lines = dialog.details.toPlainText().splitlines()
    assert lines[0] == f"Post {first}: approved."
    assert lines[1].startswith(f"Row 2 (post {second}): not applied, the text it names")
    assert services.history.status(first) == "approved"
    assert services.history.status(second) == "in_review"


def test_compare_with_live_text_says_whether_it_is_the_approved_text(qtbot, services):
    post = _post(services, platforms=("facebook", "linkedin"))
    dialog = CompareDialog(services.records, post, ("facebook", "linkedin"))
    qtbot.addWidget(dialog)
    dialog.compare()
    assert dialog.verdict.text() == "Paste the text from the network first."
    dialog.live_text.setPlainText("  " + TEXT + "\n")
    dialog.compare()
    assert dialog.verdict.text() == "The text on Facebook is the approved text."
    dialog.platform.setCurrentIndex(1)
    dialog.live_text.setPlainText(TEXT.replace("now", "today"))
    dialog.compare()
    words = dialog.verdict.text().splitlines()
    assert words[0] == "The text on LinkedIn is not the approved text."
    assert words[1] == f"Approved, missing there: {TEXT}"
    assert services.records.publications(post) == []  # nothing recorded


def test_retire_records_the_last_day_and_refuses_a_draft_in_words(qtbot, services):
    draft = _post(services, "A draft about flood cover.", approve=False)
    dialog = RetireDialog(services.records, draft)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.message.text().startswith("This post has no approval that applies")
    assert services.history.status(draft) == "draft"

    post = _post(services)
    dialog = RetireDialog(services.records, post)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.retired
    assert services.history.status(post) == "retired"
    assert services.records.retention(post).last_used is not None


def test_the_post_menu_has_the_record_actions_and_legal_hold_follows_the_post(
    qtbot, window, services
):
    titles = [a.text() for a in window.menuBar().actions()]
    post_menu = window.menuBar().actions()[titles.index("&Post")].menu()
    names = [a.text() for a in post_menu.actions()]
    for name in (
        "Su&bmit for Review…",
        "I&mport Review Decisions…",
        "Compare with &Live Text…",
        "Le&gal Hold",
        "Re&tire…",
    ):
        assert name in names
    post = _post(services)
    assert window.posts.open(post)
    hold = window.actions_.legal_hold
    assert hold.isCheckable() and hold.isEnabled()
    hold.trigger()
    assert services.records.retention(post).legal_hold is True
    hold.setChecked(False)
    post_menu.aboutToShow.emit()  # the menu reads the post's hold when it opens
    assert hold.isChecked()
    hold.trigger()
    assert services.records.retention(post).legal_hold is False


def test_the_editor_badge_names_the_workflow_status(qtbot, window, services):
    post = _post(services)
    assert window.posts.open(post)
    assert window.centre.status.text() == "Approved"
    services.review.submit([post], "Jo Park, agency principal")
    window.posts.reload()
    assert window.centre.status.text() == "In review"
    services.records.retire(post)
    window.posts.reload()
    assert window.centre.status.text() == "Retired"


def _answer(dialog_type, act) -> list[object]:
    """Run `act` on the dialog of `dialog_type` once the window opens it (modal)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[object] = []

    def when_open() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, dialog_type):
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, when_open)

    QTimer.singleShot(0, when_open)
    return seen


def test_the_post_menu_actions_open_their_dialogs_for_the_open_post(
    qtbot, window, services, tmp_path
):
    post = _post(services)
    assert window.posts.open(post)

    def submit(dialog: SubmitDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findText("Broker-dealer"))
        dialog.name.setCurrentText("Lee Chan, Northway Securities")
        dialog.save()
        if dialog.isVisible():  # refused: close it so the test goes on
            dialog.reject()

    seen = _answer(SubmitDialog, submit)
    window.actions_.submit_review.trigger()
    assert len(seen) == 1
    [submission] = services.review.submissions(post)
    assert submission.submitted_to == "Lee Chan, Northway Securities, broker-dealer"
    assert window.centre.status.text() == "In review"
    assert "Sent for review to Lee Chan" in window.statusBar().currentMessage()

    decisions = tmp_path / "decisions.csv"
    decisions.write_text(
        f"post_id,text_sha256,decision,text\n{post},{submission.text_sha256},changes,"
        "Storm season: photograph every room. Questions? Call me.\n",
        encoding="utf-8",
    )

    said: list[str] = []

    def load(dialog: DecisionsDialog) -> None:
        try:
            dialog.path.setText(str(decisions))
            dialog.run_import()
            said.append(dialog.message.text())
        finally:
            dialog.reject()

    seen = _answer(DecisionsDialog, load)
    window.actions_.review_decisions.trigger()
    assert len(seen) == 1 and said == ["1 decision applied."]
    assert window.centre.status.text() == "Changes requested"
    assert window.centre.editor.toPlainText().endswith("Call me.")  # the reviewer's text

    def retire(dialog: RetireDialog) -> None:
        try:
            dialog.save()
            said.append(dialog.message.text())
        finally:
            dialog.reject()

    _answer(RetireDialog, retire)
    window.actions_.retire.trigger()  # refused: no approval applies now
    assert said[-1].startswith("This post has no approval that applies")
    assert services.history.status(post) == "changes_requested"
