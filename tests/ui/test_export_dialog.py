"""The export dialog over a real library: problems shown first, yes needed, result in words."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from composer.app.container import Services
from composer.domain.findings import CheckResult
from composer.domain.posts import PostDraft
from composer.ui import alerts
from composer.ui.dialogs.export import ExportDialog
from tests.helpers.widgets import assert_freed_on_close


class QuietEngine:
    def check(self, request):
        return CheckResult(findings=())


@pytest.fixture
def services(tmp_path):
    with Services.open(tmp_path / "data", engine_loader=QuietEngine) as opened:
        yield opened


@pytest.fixture
def answers(monkeypatch):
    """Every question the dialog asks, answered from this list (default: yes)."""
    asked: list[tuple[str, str]] = []
    replies: list[bool] = []

    def fake(kind, parent, title, text, details=""):
        asked.append((title, text))
        return replies.pop(0) if replies else True

    monkeypatch.setattr(alerts, "show", fake)
    return asked, replies


def make(services, body, *, approve=True, when=datetime(2030, 5, 13, 19, 0), **fields):
    fields.setdefault("platforms", ("x",))
    post = services.library.create(PostDraft(body=body, scheduled_at=when, **fields))
    if approve:
        services.approval.approve(post.id)
    return post.id


def open_dialog(qtbot, services, ids, path):
    dialog = ExportDialog(services, ids)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    return dialog


def choose(combo, data):
    combo.setCurrentIndex(combo.findData(data))


def test_exports_hootsuite_and_reports_in_plain_words(qtbot, services, tmp_path, answers):
    ids = [
        make(services, "Storm kit tips?"),
        make(services, "Flood cover?", when=datetime(2030, 5, 14, 8, 0)),
    ]
    out = tmp_path / "week.csv"
    dialog = open_dialog(qtbot, services, ids, out)
    choose(dialog.format, "hootsuite")
    assert dialog.summary.text() == "Ready to export 2 approved posts."
    assert dialog.problems.toPlainText() == "No problems found."
    results = []
    dialog.exported.connect(results.append)
    dialog.export_button.click()
    assert answers[0] == []  # nothing to agree to
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert rows == [
        ["05/13/2030 19:00", "Storm kit tips?", ""],
        ["05/14/2030 08:00", "Flood cover?", ""],
    ]
    assert dialog.message.text().startswith(f"Exported 2 posts to {out}.")
    assert results and results[0].path == out
    assert services.library.get(ids[0]).status == "exported"
    assert not dialog.export_button.isEnabled()
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert close.text() == "Close"


def test_warnings_and_skipped_shown_first_and_need_a_yes(qtbot, services, tmp_path, answers):
    asked, replies = answers
    good = make(services, "@Tom thanks for the referral!")
    draft = make(services, "Not approved", approve=False)
    out = tmp_path / "out.csv"
    dialog = open_dialog(qtbot, services, [good, draft], out)
    choose(dialog.format, "csv")
    shown = dialog.problems.toPlainText()
    assert "Left out: “Not approved” is not approved." in shown
    assert "Check: “@Tom thanks for the referral!” begins with =, +, - or @" in shown
    assert "Protect spreadsheet cells" in shown and "--no-neutralise" not in shown
    replies.append(False)
    dialog.export_button.click()
    assert asked[0][0] == "Export anyway?" and "is not approved" in asked[0][1]
    assert not out.exists() and dialog.message.text() == "Nothing was exported."
    dialog.export_button.click()  # yes this time
    assert out.exists() and services.library.get(good).status == "exported"
    assert services.library.get(draft).status == "draft"


def test_refusals_disable_export(qtbot, services, tmp_path, answers):
    post = make(services, "No time yet?", when=None)
    dialog = open_dialog(qtbot, services, [post], tmp_path / "h.csv")
    choose(dialog.format, "hootsuite")
    assert (
        "Cannot export: “No time yet?” has no date and time; Hootsuite needs one on every "
        "post. Set one (Post > Schedule, or Add to Next Free Slot), or leave it out by "
        "choosing the days above." in dialog.problems.toPlainText()
    )
    assert not dialog.export_button.isEnabled()
    choose(dialog.format, "pdf")
    assert dialog.export_button.isEnabled()
    assert dialog.path.text().endswith("h.pdf")  # the extension follows the format


def test_overwrite_is_asked_and_no_keeps_the_file(qtbot, services, tmp_path, answers):
    asked, replies = answers
    post = make(services, "Storm kit tips?")
    out = tmp_path / "record.pdf"
    out.write_bytes(b"keep")
    dialog = open_dialog(qtbot, services, [post], out)
    choose(dialog.format, "pdf")
    replies.append(False)
    dialog.export_button.click()
    assert asked[-1][0] == "Replace the file?" and out.read_bytes() == b"keep"
    assert "the existing file was kept" in dialog.message.text()
    dialog.export_button.click()
    assert out.read_bytes().startswith(b"%PDF")
    assert services.audit.verify().ok


def test_a_write_error_is_one_plain_sentence(qtbot, services, tmp_path, answers, monkeypatch):
    post = make(services, "Storm kit tips?")
    dialog = open_dialog(qtbot, services, [post], tmp_path / "missing" / "out.json")
    choose(dialog.format, "json")
    dialog.export_button.click()
    text = dialog.message.text()
    assert text.startswith("Nothing was exported. Cannot write") and "there is no folder" in text
    assert services.library.get(post).status == "approved"


def test_choose_file_adds_the_extension(qtbot, services, tmp_path, monkeypatch):
    post = make(services, "Storm kit tips?")
    dialog = open_dialog(qtbot, services, [post], tmp_path / "x.csv")
    choose(dialog.format, "json")
    monkeypatch.setattr(
        "composer.ui.dialogs.export.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(tmp_path / "picked"), ""),
    )
    dialog.choose_file()
    assert dialog.path.text() == str(tmp_path / "picked.json")


def test_a_file_in_the_data_folder_is_refused_even_when_replacing(
    qtbot, services, tmp_path, answers, monkeypatch
):
    asked, _ = answers
    post = make(services, "Storm kit tips?")
    library = services.data_dir / "library.sqlite3"
    before = library.read_bytes()
    dialog = open_dialog(qtbot, services, [post], services.data_dir / ".." / "data" / "x.csv")
    choose(dialog.format, "csv")
    dialog.export_button.click()  # a new file, through ".."
    assert asked[-1][0] == "Choose another place" and not (services.data_dir / "x.csv").exists()
    dialog.path.setText(str(library))
    dialog.export_button.click()  # "Replace the file?" would be answered yes
    assert asked[-1][0] == "Choose another place" and "data folder" in asked[-1][1]
    assert dialog.message.text().startswith("Nothing was exported.")
    assert library.read_bytes() == before and services.library.get(post).status == "approved"
    monkeypatch.setattr(
        "composer.ui.dialogs.export.QFileDialog.getSaveFileName",
        lambda *args, **kwargs: (str(services.data_dir / "backups" / "out.csv"), ""),
    )
    dialog.path.setText(str(tmp_path / "fine.csv"))
    dialog.choose_file()
    assert dialog.path.text() == str(tmp_path / "fine.csv")  # the refused choice is not taken
    assert asked[-1][0] == "Choose another place"


def test_freed_on_close(qtbot, services, tmp_path):
    post = make(services, "Storm kit tips?")
    assert_freed_on_close(lambda: ExportDialog(services, [post]), lambda d: d.close())


def test_pdf_with_characters_without_a_font_asks_naming_post_and_characters(
    qtbot, services, tmp_path, answers
):
    asked, replies = answers
    post = make(services, "Ancient wisdom 𓀀 says insure")
    out = tmp_path / "record.pdf"
    dialog = open_dialog(qtbot, services, [post], out)
    choose(dialog.format, "pdf")
    assert (
        "Check: “Ancient wisdom 𓀀 says insure” has characters no font here can show"
        in dialog.problems.toPlainText()
    )
    assert dialog.export_button.isEnabled()
    replies.append(False)
    dialog.export_button.click()
    title, text = asked[0]
    assert title == "Characters without a font"
    assert "• “Ancient wisdom 𓀀 says insure”: 𓀀 (U+13000)" in text
    assert not out.exists() and dialog.message.text() == "Nothing was exported."
    dialog.export_button.click()  # yes this time: no second question about the same thing
    assert [t for t, _ in asked] == ["Characters without a font"] * 2
    assert out.read_bytes().startswith(b"%PDF")


def test_a_suggested_file_name_follows_the_format_and_a_chosen_one_keeps_its_stem(
    qtbot, services, tmp_path
):
    ids = [make(services, "Storm kit tips?")]
    dialog = ExportDialog(services, ids)
    qtbot.addWidget(dialog)
    choose(dialog.format, "hootsuite")
    choose(dialog.format, "pdf")
    name = Path(dialog.path.text()).name
    assert name.startswith("composer-pdf-") and name.endswith(".pdf")
    dialog.path.setText(str(tmp_path / "may-week.pdf"))
    choose(dialog.format, "json")
    assert Path(dialog.path.text()).name == "may-week.json"


def test_posts_exported_before_are_left_out_unless_included(qtbot, services, tmp_path, answers):
    first = make(services, "Storm kit tips?")
    dialog = open_dialog(qtbot, services, [first], tmp_path / "one.csv")
    choose(dialog.format, "hootsuite")
    dialog.export_button.click()
    assert services.library.get(first).status == "exported"

    second = make(services, "Flood cover?", when=datetime(2030, 5, 14, 8, 0))
    dialog = open_dialog(qtbot, services, [first, second], tmp_path / "two.csv")
    choose(dialog.format, "hootsuite")
    assert dialog.include_exported.isVisibleTo(dialog)
    assert dialog.chosen_ids() == (second,)
    assert dialog.summary.text() == "Ready to export 1 approved post."
    dialog.include_exported.setChecked(True)
    assert dialog.chosen_ids() == (first, second)
    assert dialog.summary.text() == "Ready to export 2 approved posts."


def test_choices_are_remembered_and_the_file_can_be_opened(
    qtbot, services, tmp_path, answers, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    ids = [make(services, "Storm kit tips?")]
    out = tmp_path / "records" / "may.json"
    out.parent.mkdir()
    dialog = open_dialog(qtbot, services, ids, out)
    choose(dialog.format, "json")
    choose(dialog.date_order, "dmy")
    dialog.path.setText(str(out))
    assert not dialog.open_file.isVisibleTo(dialog)
    dialog.export_button.click()
    assert out.exists() and dialog.open_file.isVisibleTo(dialog)
    dialog.open_file.click()
    dialog.show_folder.click()
    assert [u.toLocalFile() for u in opened] == [str(out), str(out.parent)]

    again = ExportDialog(services, ids)
    qtbot.addWidget(again)
    assert again.format.currentData() == "json"
    assert again.date_order.currentData() == "dmy"
    assert Path(again.path.text()).parent == out.parent


def test_service_problems_are_worded_for_the_window_without_flags_or_ids(qtbot, services, tmp_path):
    """The service hands back codes; the window names posts, platforms and accounts as the
    agent knows them and points at its own controls, never at command-line flags."""
    jane = services.account_repository.add("linkedin", "jane", "")
    agent = services.account_repository.add("x", "agent", "")
    both = make(services, "Both places?", platforms=("x", "linkedin"))
    dialog = open_dialog(qtbot, services, [both], tmp_path / "h.csv")
    choose(dialog.format, "hootsuite")
    shown = dialog.problems.toPlainText()
    assert shown == (
        "Hootsuite takes one platform per file and these posts go to X and LinkedIn. "
        "Choose a platform above."
    )
    choose(dialog.platform, "x")
    choose(dialog.account, jane.id)
    shown = dialog.problems.toPlainText()
    assert (
        shown == "LinkedIn jane posts to LinkedIn, not X. Choose another platform or account above."
    )
    first = make(services, "For Jane?", account_id=jane.id)
    second = make(services, "For the agency?", account_id=agent.id)
    dialog = open_dialog(qtbot, services, [first, second], tmp_path / "h.csv")
    choose(dialog.format, "hootsuite")
    choose(dialog.platform, "x")
    shown = dialog.problems.toPlainText()
    assert "These posts are for 2 accounts (LinkedIn jane and X agent)" in shown
    assert "Choose an account above." in shown
    choose(dialog.account, agent.id)
    assert "Left out: “For Jane?” is not for X agent." in dialog.problems.toPlainText()
    for text in (shown, dialog.problems.toPlainText()):
        assert "--" not in text and "account 1" not in text and "post 1" not in text
        assert "linkedin" not in text


def test_every_problem_code_has_window_words_without_flags_or_ids():
    from composer.domain.accounts import Account
    from composer.services.export_checks import Problem, ProblemCode
    from composer.ui.dialogs.export_words import ExportWords

    words = ExportWords({7: "Storm kit tips?", 8: "Flood cover?"})
    for code in ProblemCode:
        problem = Problem(
            code,
            post_ids=(7, 8),
            tool="hootsuite",
            platform="linkedin",
            platforms=("x", "linkedin"),
            accounts=(Account(1, "linkedin", "jane"), Account(2, "x", "agent")),
            account_id=1,
            count=351,
            limit=350,
            characters=("𓀀",),
            value="abc",
            detail="Plain words from below",
        )
        text = words.problem(problem)
        first = text.lstrip("“")[:1]
        assert (first.isupper() or first.isdigit()) and text.endswith("."), (code, text)
        assert "--" not in text and "(" + code.value not in text, (code, text)
        for internal in ("post 7", "account 1", "linkedin ", " x "):
            assert internal not in text, (code, text)
    assert words.problem(
        Problem(ProblemCode.TOO_MANY_POSTS, tool="sprout", count=351, limit=350)
    ) == (
        "351 posts: Sprout Social takes at most 350 in one file. Choose fewer days above, and "
        "export the rest in another file."
    )


def test_crowded_and_past_times_are_fixed_from_the_dialog(qtbot, services, tmp_path, answers):
    first = make(services, "Storm kit tips?", when=datetime(2030, 5, 13, 19, 3))
    second = make(services, "Flood cover?", when=datetime(2030, 5, 13, 19, 6))
    out = tmp_path / "week.csv"
    dialog = open_dialog(qtbot, services, [first, second], out)
    choose(dialog.format, "hootsuite")
    assert not dialog.export_button.isEnabled()
    assert "Tick “Fix the times”" in dialog.summary.text()
    assert "less than 10 minutes apart" in dialog.problems.toPlainText()
    choose(dialog.format, "pdf")
    assert not dialog.fix_times.isEnabled()  # only a scheduler's file has these rules
    choose(dialog.format, "hootsuite")
    dialog.fix_times.setChecked(True)
    assert dialog.summary.text() == "Ready to export 2 approved posts."
    assert dialog.problems.toPlainText().splitlines() == [
        "New time: “Storm kit tips?” from Mon 13 May 2030, 19:03 to Mon 13 May 2030, 19:05",
        "New time: “Flood cover?” from Mon 13 May 2030, 19:06 to Mon 13 May 2030, 19:15",
    ]
    dialog.export_button.click()
    asked, _ = answers
    assert asked[0][0] == "Export anyway?" and "in the library" in asked[0][1]
    assert "2 posts got a new time" in dialog.message.text()
    assert services.library.get(second).scheduled_at == datetime(2030, 5, 13, 19, 15)
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8"), newline="")))
    assert [row[0] for row in rows] == ["05/13/2030 19:05", "05/13/2030 19:15"]


def test_every_approved_post_of_chosen_days_from_one_open_post(qtbot, services, tmp_path, answers):
    from PySide6.QtCore import QDate

    may = [
        make(services, "Storm kit tips?", when=datetime(2030, 5, 13, 19, 0)),
        make(services, "Flood cover?", when=datetime(2030, 5, 20, 8, 0)),
    ]
    june = make(services, "Teen drivers?", when=datetime(2030, 6, 3, 9, 0))
    make(services, "Not approved yet", when=datetime(2030, 5, 14, 9, 0), approve=False)
    dialog = open_dialog(qtbot, services, [may[0]], tmp_path / "may.csv")
    choose(dialog.format, "hootsuite")
    assert dialog.chosen_ids() == (may[0],)
    choose(dialog.selection.scope, "every")
    assert sorted(dialog.chosen_ids()) == sorted([*may, june])
    dialog.selection.start.setDate(QDate(2030, 5, 1))
    dialog.selection.end.setDate(QDate(2030, 5, 31))
    dialog.selection.dated.setChecked(True)
    assert sorted(dialog.chosen_ids()) == sorted(may)
    assert dialog.summary.text() == "Ready to export 2 approved posts."
    dialog.export_button.click()
    assert services.library.get(may[1]).status == "exported"
    assert services.library.get(june).status == "approved"
