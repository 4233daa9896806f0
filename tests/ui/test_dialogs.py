"""The revisions, accounts and profile dialogs over a real library and an in-memory keyring."""

from __future__ import annotations

import logging

import pytest
from keyring.backends import fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from composer.domain.posts import PostDraft
from composer.domain.preferences import Preferences
from composer.domain.profile import Profile
from composer.secrets import MemoryKeyring, Secret
from composer.secrets.store import SERVICE_ENV
from composer.services.library import LibraryError
from composer.ui import alerts
from composer.ui.dialogs.accounts import NAME_COLUMN, NO_STORE_HINT, AccountsDialog
from composer.ui.dialogs.profile import (
    ProfileDialog,
    disclosure_preview,
    licence_mismatch,
    parse_states,
)
from composer.ui.dialogs.revisions import NO_REVISIONS, RevisionsDialog
from tests.helpers.keyrings import installed_keyring
from tests.helpers.library import import_posts, open_library
from tests.helpers.widgets import assert_freed_on_close, widget_texts

SECRET = "li-token-S3CRET-value"
SERVICE = "Composer-ui-tests"


@pytest.fixture
def services(tmp_path):
    services = open_library(tmp_path / "library")
    yield services
    services.close()


@pytest.fixture
def memory_keyring(monkeypatch):
    monkeypatch.setenv(SERVICE_ENV, SERVICE)
    with installed_keyring(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def answers(monkeypatch):
    """Stub the one alerts function: each question takes the next answer; records questions."""
    asked: list[str] = []
    replies: list[bool] = []

    def show(kind, parent, title, text, details=""):
        asked.append(text)
        return replies.pop(0) if replies else False

    monkeypatch.setattr(alerts, "show", show)
    return asked, replies


def _close(dialog: QDialog) -> None:
    dialog.close()


@pytest.fixture
def owner(qtbot):
    """A parent, as the main window will be: a dialog it owns must still be freed on close."""
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


# --- revisions ---------------------------------------------------------------------------


def _post_with_three_versions(services):
    post = services.library.create(PostDraft(body="Version one", platforms=("x",)))
    services.library.autosave(post.id, PostDraft(body="Version two", platforms=("x",)))
    services.library.restore_revision(post.id, services.library.revisions(post.id)[-1].id)
    services.library.autosave(post.id, PostDraft(body="Version three", platforms=("linkedin",)))
    return post


def test_revisions_newest_first_with_kind_preview_and_current(qtbot, services):
    post = _post_with_three_versions(services)
    dialog = RevisionsDialog(services.library, post.id)
    qtbot.addWidget(dialog)
    labels = [dialog.versions.item(i).text() for i in range(dialog.versions.count())]
    assert [label.split(" — ")[1] for label in labels] == [
        "Edited (current)",
        "Restored from an earlier version",
        "Edited",
        "Created",
    ]
    assert "Version three" in dialog.preview.toPlainText()
    assert "Platforms: LinkedIn" in dialog.preview.toPlainText()
    assert dialog.preview.isReadOnly()
    assert not dialog.restore_button.isEnabled()  # the current text is not "restorable"
    dialog.versions.setCurrentRow(2)
    assert "Version two" in dialog.preview.toPlainText()
    assert dialog.restore_button.isEnabled()


def test_a_version_can_be_compared_with_the_current_text(qtbot, services):
    from composer.ui.dialogs.revisions import diff_html

    post = _post_with_three_versions(services)
    dialog = RevisionsDialog(services.library, post.id)
    qtbot.addWidget(dialog)
    dialog.versions.setCurrentRow(dialog.versions.count() - 1)
    dialog.compare.setChecked(True)
    shown = dialog.preview.toHtml()
    assert "<s" in shown or "line-through" in shown
    assert "Version three" in dialog.preview.toPlainText()  # the current words, struck
    html = diff_html("Call me today", "Call us today")
    assert "<s style='color:#c0392b'>me</s>" in html and "<u style='color:#1e8449'>us</u>" in html
    assert html.count("Call") == 1 and "today" in html


def test_a_versions_images_are_listed_in_its_preview():
    from composer.domain.attachments import Attachment
    from composer.ui.dialogs.revisions import preview_text

    images = (
        Attachment("a" * 64, "jpeg", 800, 600, 1000, "Runners at the start", False, "race.jpg"),
        Attachment("b" * 64, "png", 400, 300, 500),
    )
    shown = preview_text(PostDraft(body="Race day!", attachments=images))
    assert "— Images (2) —" in shown
    assert "1. race.jpg: “Runners at the start”" in shown and "2. image 2 (no description)" in shown


def test_an_approved_version_is_named_so():
    from datetime import UTC, datetime

    from composer.domain.posts import Revision
    from composer.ui.dialogs.revisions import revision_label

    moment = datetime(2030, 5, 13, 19, 0, tzinfo=UTC)
    approved = Revision(1, 1, "approve", PostDraft(body="Storm kit tips?"), moment, moment)
    assert revision_label(approved, current=True).endswith("Approved (current)")
    assert revision_label(approved, current=False, exported=True).endswith("Approved and exported")


def test_restore_hands_the_post_back_and_exec_returns_accepted(qtbot, services):
    post = _post_with_three_versions(services)
    dialog = RevisionsDialog(services.library, post.id)
    created = services.library.revisions(post.id)[-1]

    def choose_and_restore():
        assert dialog.select_revision(created.id)
        dialog.restore_button.click()

    QTimer.singleShot(0, choose_and_restore)
    with qtbot.waitSignal(dialog.restored) as restored:
        result = dialog.exec()
    assert result == QDialog.DialogCode.Accepted
    assert restored.args[0].body == "Version one"
    current = services.library.get(post.id)
    assert (current.body, current.platforms) == ("Version one", ("x",))
    assert services.library.revisions(post.id)[0].kind == "restore"


def test_an_imported_post_explains_there_is_no_earlier_version(qtbot, services):
    [post_id] = import_posts(services, 1)
    dialog = RevisionsDialog(services.library, post_id)
    qtbot.addWidget(dialog)
    assert dialog.versions.count() == 0
    assert dialog.message.text() == NO_REVISIONS
    assert "Post number 0" in dialog.preview.toPlainText()
    assert not dialog.restore_button.isEnabled()


def test_a_failed_restore_stays_open_with_one_line(qtbot, services, monkeypatch):
    post = _post_with_three_versions(services)
    dialog = RevisionsDialog(services.library, post.id)
    qtbot.addWidget(dialog)
    dialog.show()

    def refuse(*_args):
        raise LibraryError("post 1 has no revision 99")

    monkeypatch.setattr(services.library, "restore_revision", refuse)
    dialog.versions.setCurrentRow(3)
    dialog.restore_button.click()
    assert dialog.message.text() == "post 1 has no revision 99"
    assert dialog.isVisible()
    assert dialog.restored_post is None


def test_revisions_dialog_is_freed_on_close(services, owner):
    post = _post_with_three_versions(services)
    assert_freed_on_close(lambda: _shown(RevisionsDialog(services.library, post.id, owner)), _close)


def test_revisions_dialog_is_freed_after_a_restore(services, owner):
    post = _post_with_three_versions(services)

    def restore(dialog):
        dialog.versions.setCurrentRow(3)
        dialog.restore_button.click()

    assert_freed_on_close(
        lambda: _shown(RevisionsDialog(services.library, post.id, owner)), restore
    )
    assert services.library.get(post.id).body == "Version one"


def _shown(dialog: QDialog) -> QDialog:
    dialog.show()
    return dialog


# --- accounts ----------------------------------------------------------------------------


def _accounts_dialog(qtbot, services) -> AccountsDialog:
    dialog = AccountsDialog(services.accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(dialog: AccountsDialog, platform: str, handle: str, name: str = "", secret: str = ""):
    dialog.platform.setCurrentIndex(dialog.platform.findData(platform))
    dialog.handle.setText(handle)
    dialog.display_name.setText(name)
    dialog.credential.setText(secret)


def test_accounts_lists_each_with_whether_a_credential_is_stored(qtbot, services, memory_keyring):
    services.accounts.add("linkedin", "jane", "Jane Agent", SECRET)
    services.accounts.add("x", "@janeagent")
    dialog = _accounts_dialog(qtbot, services)
    assert dialog.accounts_shown() == [
        ("LinkedIn", "jane", "Jane Agent", "Stored"),
        ("X", "janeagent", "", "None"),
    ]
    assert dialog.store_label.text() == (
        "Credentials are kept in the in-memory test store (nothing is saved)."
    )
    assert SECRET not in widget_texts(dialog)


def test_a_stored_credential_can_be_replaced(qtbot, services, memory_keyring):
    account = services.accounts.add("linkedin", "jane", "Jane Agent", SECRET)
    dialog = _accounts_dialog(qtbot, services)
    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    assert dialog.replace_button.isEnabled()
    assert "never signs in or posts" in dialog.credential.toolTip()
    assert dialog.set_credential(account.id, Secret("a-newer-token"))
    [entry] = memory_keyring.usernames(SERVICE)
    assert memory_keyring.get_password(SERVICE, entry) == "a-newer-token"
    assert dialog.message.text().startswith("Saved the new credential for LinkedIn jane")
    assert "a-newer-token" not in widget_texts(dialog)


def test_enter_in_the_credential_field_adds_and_keeps_the_dialog_open(
    qtbot, services, memory_keyring
):
    from PySide6.QtCore import Qt

    dialog = _accounts_dialog(qtbot, services)
    _fill(dialog, "facebook", "JaneAgency", "Jane's page", SECRET)
    dialog.credential.setFocus()
    qtbot.keyClick(dialog.credential, Qt.Key.Key_Return)
    assert [a.handle for a in services.accounts.list()] == ["JaneAgency"]
    assert dialog.isVisible() and dialog.result() == 0


def test_adding_with_a_credential_stores_it_only_in_the_keyring_and_clears_the_field(
    qtbot, services, memory_keyring, caplog
):
    caplog.set_level(logging.DEBUG)
    dialog = _accounts_dialog(qtbot, services)
    _fill(dialog, "facebook", "JaneAgency", "Jane's page", SECRET)
    with qtbot.waitSignal(dialog.accountsChanged):
        dialog.add_button.click()
    [account] = services.accounts.list()
    assert (account.platform, account.handle, account.has_secret) == (
        "facebook",
        "JaneAgency",
        True,
    )
    [entry] = memory_keyring.usernames(SERVICE)
    assert entry.endswith(str(account.id))
    assert memory_keyring.get_password(SERVICE, entry) == SECRET
    assert dialog.credential.text() == ""
    assert not dialog.credential.isUndoAvailable()  # no way to bring the secret back
    assert dialog.accounts_shown() == [("Facebook", "JaneAgency", "Jane's page", "Stored")]
    assert "in-memory test store" in dialog.message.text()
    assert SECRET not in widget_texts(dialog) + caplog.text


def test_adding_without_a_credential(qtbot, services, memory_keyring):
    dialog = _accounts_dialog(qtbot, services)
    _fill(dialog, "x", "@agent")
    dialog.add_button.click()
    assert dialog.accounts_shown() == [("X", "agent", "", "None")]
    assert memory_keyring.usernames(SERVICE) == []
    assert dialog.handle.text() == ""


def test_a_refused_add_is_one_plain_line(qtbot, services, memory_keyring):
    services.accounts.add("x", "agent")
    dialog = _accounts_dialog(qtbot, services)
    _fill(dialog, "x", "AGENT", secret=SECRET)
    dialog.add_button.click()
    assert dialog.message.text() == "X agent is already in your accounts."
    assert "Traceback" not in dialog.message.text()
    assert dialog.credential.text() == ""
    assert len(services.accounts.list()) == 1


def test_a_keyring_that_fails_on_write_adds_nothing(qtbot, services, memory_keyring):
    memory_keyring.fail_on = frozenset({"set"})
    dialog = _accounts_dialog(qtbot, services)
    _fill(dialog, "linkedin", "jane", secret=SECRET)
    dialog.add_button.click()
    assert dialog.message.text() == (
        "The in-memory test store (nothing is saved) could not save the credential. "
        "LinkedIn jane was not added."
    )
    assert services.accounts.list() == []
    assert dialog.accounts_shown() == []
    assert dialog.credential.text() == ""
    assert SECRET not in widget_texts(dialog)


def test_without_a_secure_store_accounts_are_kept_without_credentials(qtbot, services, monkeypatch):
    monkeypatch.setenv(SERVICE_ENV, SERVICE)
    with installed_keyring(fail.Keyring()):
        dialog = _accounts_dialog(qtbot, services)
        label = dialog.store_label.text()
        assert label == (
            "This computer has no secure password store, so passwords cannot be saved here. "
            f"Composer never keeps them anywhere else. {NO_STORE_HINT}"
        )
        assert "keyring" not in label.casefold() and "backend" not in label
        assert not dialog.credential.isEnabled()
        _fill(dialog, "instagram", "agent.jane")
        dialog.add_button.click()
        assert dialog.accounts_shown() == [("Instagram", "agent.jane", "", "None")]


def test_rename_by_editing_the_name(qtbot, services, memory_keyring):
    account = services.accounts.add("x", "agent", "Old")
    dialog = _accounts_dialog(qtbot, services)
    item = dialog.table.topLevelItem(0)
    item.setText(NAME_COLUMN, "New name")
    assert services.accounts.get(account.id).display_name == "New name"
    assert dialog.message.text() == "Renamed the account."
    dialog.table.topLevelItem(0).setText(NAME_COLUMN, "two\nlines")
    assert dialog.message.text() == "The name must be one line of visible text."
    assert dialog.accounts_shown()[0][NAME_COLUMN] == "New name"


def test_remove_asks_then_deletes_the_account_and_its_credential(
    qtbot, services, memory_keyring, answers
):
    asked, replies = answers
    account = services.accounts.add("linkedin", "jane", "", SECRET)
    dialog = _accounts_dialog(qtbot, services)
    dialog.select_account(account.id)
    replies.append(False)
    dialog.remove_button.click()
    assert len(services.accounts.list()) == 1
    assert "deleted from the in-memory test store" in asked[0]
    replies.append(True)
    dialog.remove_button.click()
    assert services.accounts.list() == []
    assert memory_keyring.usernames(SERVICE) == []
    assert dialog.accounts_shown() == []
    assert dialog.message.text() == "Removed LinkedIn jane."


def test_remove_when_the_credential_cannot_be_deleted(qtbot, services, memory_keyring, answers):
    asked, replies = answers
    account = services.accounts.add("linkedin", "jane", "", SECRET)
    memory_keyring.fail_on = frozenset({"delete"})
    dialog = _accounts_dialog(qtbot, services)
    dialog.select_account(account.id)
    replies += [True, False]  # yes, remove; no, not if the credential stays behind
    dialog.remove_button.click()
    assert len(asked) == 2
    assert services.accounts.get(account.id).has_secret
    assert dialog.message.text() == (
        "The in-memory test store (nothing is saved) could not delete the credential. "
        "LinkedIn jane was kept so its credential is not left behind."
    )
    assert "--force" not in dialog.message.text()

    replies += [True, True]  # now insist
    dialog.remove_button.click()
    assert services.accounts.list() == []
    assert dialog.message.text().startswith(
        "Removed LinkedIn jane, but its credential could not be deleted."
    )
    assert "account 1" not in dialog.message.text()
    assert SECRET not in widget_texts(dialog) + "".join(asked)


def test_check_says_whether_the_credential_is_there(qtbot, services, memory_keyring):
    account = services.accounts.add("linkedin", "jane", "", SECRET)
    dialog = _accounts_dialog(qtbot, services)
    dialog.select_account(account.id)
    dialog.check_button.click()
    assert dialog.message.text() == (
        "The credential for LinkedIn jane is stored in the in-memory test store (nothing is saved)."
    )
    [entry] = memory_keyring.usernames(SERVICE)
    memory_keyring.delete_password(SERVICE, entry)  # gone behind Composer's back
    dialog.check_button.click()
    assert "is missing from" in dialog.message.text()
    memory_keyring.fail_on = frozenset({"get"})
    dialog.check_button.click()
    assert dialog.message.text() == (
        "The in-memory test store (nothing is saved) could not read the credential."
    )


def test_account_buttons_wait_for_a_selection(qtbot, services, memory_keyring):
    services.accounts.add("x", "agent")
    dialog = _accounts_dialog(qtbot, services)
    assert not dialog.remove_button.isEnabled()
    dialog.select_account(1)
    assert dialog.remove_button.isEnabled() and dialog.check_button.isEnabled()


def test_accounts_dialog_result_says_whether_anything_changed(qtbot, services, memory_keyring):
    unchanged = _accounts_dialog(qtbot, services)
    unchanged.close()
    assert unchanged.result() == QDialog.DialogCode.Rejected

    dialog = _accounts_dialog(qtbot, services)
    _fill(dialog, "threads", "agent")

    def add_then_close():
        dialog.add_button.click()
        dialog.reject()  # Escape or the Close button

    QTimer.singleShot(0, add_then_close)
    assert dialog.exec() == QDialog.DialogCode.Accepted


def test_accounts_dialog_is_freed_on_close(services, memory_keyring, owner):
    services.accounts.add("x", "agent")
    assert_freed_on_close(lambda: _shown(AccountsDialog(services.accounts, owner)), _close)


# --- profile -----------------------------------------------------------------------------


def test_profile_round_trip_with_settings(qtbot, services):
    dialog = ProfileDialog(services.library)
    qtbot.addWidget(dialog)
    dialog.name.setText("  Jane Q. Agent ")
    dialog.agency.setText("Agent Insurance Group")
    dialog.license_number.setText("1234567")
    dialog.states.setText("tx, ok ny tx")
    dialog.disclosure.setPlainText("Not FDIC insured.")
    dialog.broker_dealer.setPlainText("Securities offered through Example BD, member FINRA/SIPC.")
    dialog.platform_boxes["linkedin"].setChecked(True)
    dialog.platform_boxes["x"].setChecked(True)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.approver.setText("J. Agent")
    with qtbot.waitSignal(dialog.profileSaved) as saved:
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    expected = Profile(
        name="Jane Q. Agent",
        agency="Agent Insurance Group",
        license_number="1234567",
        states=("TX", "OK", "NY"),
        disclosure="Not FDIC insured.",
        broker_dealer_disclosure="Securities offered through Example BD, member FINRA/SIPC.",
    )
    assert saved.args == [expected]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.library.profile() == expected
    assert services.preferences.load() == Preferences(
        theme="dark", approver="J. Agent", default_platforms=("x", "linkedin")
    )

    again = ProfileDialog(services.library)
    qtbot.addWidget(again)
    assert again.profile() == expected
    assert again.states.text() == "TX, OK, NY"
    assert again.theme.currentData() == "dark"
    assert [p for p, box in again.platform_boxes.items() if box.isChecked()] == ["x", "linkedin"]


def test_profile_dialog_keeps_lines_and_medicare_numbers(qtbot, services) -> None:
    dialog = ProfileDialog(services.library)
    qtbot.addWidget(dialog)
    assert not dialog.medicare_plans.isEnabled()  # only for Medicare agents
    dialog.line_boxes["medicare"].setChecked(True)
    dialog.line_boxes["life"].setChecked(True)
    assert dialog.medicare_plans.isEnabled()
    dialog.medicare_organizations.setValue(6)
    dialog.medicare_plans.setValue(42)
    with qtbot.waitSignal(dialog.profileSaved):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    stored = services.library.profile()
    assert stored is not None
    assert stored.lines == ("life", "medicare")
    assert "represent 6 organizations which offer 42 products" in stored.tpmo_disclaimer
    again = ProfileDialog(services.library)
    qtbot.addWidget(again)
    ticked = [line for line, box in again.line_boxes.items() if box.isChecked()]
    assert ticked == ["life", "medicare"]
    assert again.medicare_plans.value() == 42 and again.medicare_plans.isEnabled()


def test_profile_preview_is_live_and_names_what_is_missing(qtbot, services):
    dialog = ProfileDialog(services.library)
    qtbot.addWidget(dialog)
    assert "your name as licensed and your license number" in dialog.missing.text()
    dialog.name.setText("Jane Agent")
    dialog.states.setText("TX")
    assert dialog.preview.text() == "Jane Agent · Licensed in TX"
    assert dialog.missing.text() == "Still missing: your license number."
    dialog.license_number.setText("42")
    dialog.disclosure.setPlainText("Not a deposit.")
    assert dialog.preview.text() == "Jane Agent · License #42 · Licensed in TX\nNot a deposit."
    assert dialog.missing.text() == "Ready for your posts."
    assert "license number" in dialog.why.text()


def test_a_bad_state_code_is_not_saved(qtbot, services):
    dialog = ProfileDialog(services.library)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("Jane")
    dialog.states.setText("TX, Texas")
    dialog.save()
    assert dialog.message.text() == "“Texas” is not a two-letter state code (for example TX)."
    assert dialog.isVisible()
    assert services.library.profile() is None


def test_profile_helpers():
    assert parse_states(" ca;ny ,  CA ") == ("CA", "NY")
    assert disclosure_preview(Profile()) == ""
    assert disclosure_preview(Profile(agency="A", broker_dealer_disclosure="BD")) == "A\nBD"


def test_the_sign_off_preview_says_name_and_agency_once():
    profile = Profile(
        name="Jane Q. Agent",
        agency="Harbor Insurance",
        license_number="TX-2049381",
        states=("TX",),
        disclosure="Jane Q. Agent, Harbor Insurance, License #TX-2049381.",
    )
    preview = disclosure_preview(profile)
    assert preview.count("Jane Q. Agent") == 1 and preview.count("Harbor Insurance") == 1
    assert preview.count("TX-2049381") == 1 and "Licensed in TX" in preview


def test_a_licence_in_the_disclosure_that_differs_from_the_field_is_named():
    same = Profile(license_number="TX-2049381", disclosure="Lic. #TX-2049381")
    assert licence_mismatch(same) is None
    other = Profile(license_number="TX-2049381", disclosure="License No. 0H12345, CA")
    assert licence_mismatch(other) == "0H12345"
    assert licence_mismatch(Profile(disclosure="Licensed in Texas.")) is None


def test_profile_dialog_is_freed_on_close(services, owner):
    assert_freed_on_close(lambda: _shown(ProfileDialog(services.library, owner)), _close)


def test_profile_dialog_is_freed_after_save(services, owner):
    def save(dialog):
        dialog.name.setText("Jane")
        dialog.save()

    assert_freed_on_close(lambda: _shown(ProfileDialog(services.library, owner)), save)
    assert services.library.profile().name == "Jane"


def test_account_errors_are_worded_for_the_window_without_ids_or_jargon():
    """The service hands back codes; the window names the account by platform and handle
    and the store in plain words (the command line keeps ids, flags and keyring terms)."""
    from composer.domain.accounts import Account
    from composer.secrets import NoSecureStoreError, StoreProblem
    from composer.services.accounts import AccountError, AccountProblem
    from composer.ui.dialogs.account_words import error_text, store_text

    jane = Account(1, "linkedin", "jane")
    for code in AccountProblem:
        text = error_text(AccountError(code, account=jane, field="name", limit=100))
        assert text[:1].isupper() and text.endswith("."), (code, text)
        assert "account 1" not in text.casefold() and "linkedin " not in text, (code, text)
        assert "--" not in text, (code, text)
    for problem in StoreProblem:
        text = store_text(NoSecureStoreError(problem, location="macOS Keychain", action="read"))
        assert "keyring" not in text.casefold() and "backend" not in text, (problem, text)
