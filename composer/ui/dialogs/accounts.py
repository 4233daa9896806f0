"""The accounts the agent posts as, and whether each has a credential in the OS keyring.

The credential is typed into a password field, handed straight to the accounts service
(which stores it only in the operating system's credential store) and cleared from the
field at once, whether or not the save worked; it is never shown, logged or read back.
Every failure is one plain line in the dialog; the service's all-or-nothing rules decide
what happened to the account.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.domain.accounts import PLATFORMS, Account
from composer.domain.platforms import PLATFORM_NAMES
from composer.secrets import CredentialStoreError, Secret
from composer.services.accounts import AccountError, CredentialNotDeletedError
from composer.ui import alerts
from composer.ui.dialogs.account_words import (
    account_name,
    check_text,
    error_text,
    removed_text,
    status_text,
    store_text,
)

if TYPE_CHECKING:
    from composer.services.accounts import AccountsService

COLUMNS = ("Platform", "Handle", "Name", "Credential")
NAME_COLUMN = 2
CREDENTIAL_TIP = (
    "Composer never signs in or posts for you. A credential saved here stays in this "
    "computer's secure store, ready for a scheduler or tool you choose to hand it to; "
    "leave it empty if you do not need that."
)
NO_STORE_HINT = "You can still keep accounts here without a saved credential."
_Failure = (AccountError, CredentialStoreError)


def credential_text(account: Account) -> str:
    return "Stored" if account.has_secret else "None"


class AccountsDialog(QDialog):
    """List, add, rename, remove and check accounts; freed on close.

    Closing it returns Accepted from `exec()` when any account changed (so the window
    knows to reload its account choices), Rejected otherwise.
    """

    accountsChanged = Signal()  # an account was added, renamed or removed

    def __init__(self, accounts_service: AccountsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Accounts")
        self._service = accounts_service
        self.changed = False
        self.accountsChanged.connect(self._mark_changed)
        status = accounts_service.store_status()
        self.store_available = status.available
        self.store_location = status.location

        self.store_label = QLabel(self)
        self.store_label.setTextFormat(Qt.TextFormat.PlainText)
        self.store_label.setWordWrap(True)
        self.store_label.setAccessibleName("Where credentials are kept")
        self.store_label.setText(
            status_text(status) if status.available else f"{status_text(status)} {NO_STORE_HINT}"
        )

        self.table = QTreeWidget(self)
        self.table.setAccessibleName("Accounts")
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHeaderLabels(list(COLUMNS))
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.rename_button = QPushButton("Rename", self)
        self.check_button = QPushButton("Check credential", self)
        self.replace_button = QPushButton("Replace credential…", self)
        self.replace_button.setEnabled(status.available)
        self.remove_button = QPushButton("Remove…", self)
        for button, name in (
            (self.rename_button, "Rename the selected account"),
            (self.check_button, "Check the selected account's credential"),
            (self.replace_button, "Save a new credential for the selected account"),
            (self.remove_button, "Remove the selected account"),
        ):
            button.setAccessibleName(name)
            button.setAutoDefault(False)

        self.platform = QComboBox(self)
        for platform in PLATFORMS:
            self.platform.addItem(PLATFORM_NAMES.get(platform, platform), platform)
        self.handle = QLineEdit(self)
        self.handle.setPlaceholderText("@handle or page name")
        self.display_name = QLineEdit(self)
        self.display_name.setPlaceholderText("Optional")
        self.credential = QLineEdit(self)
        self.credential.setEchoMode(QLineEdit.EchoMode.Password)
        self.credential.setAccessibleName("Credential (access token or app password)")
        self.credential.setEnabled(status.available)
        self.credential.setPlaceholderText(
            "Optional: access token or app password"
            if status.available
            else "No secure password store on this computer"
        )
        self.credential.setToolTip(CREDENTIAL_TIP)
        self.add_button = QPushButton("Add account", self)
        self.add_button.setAccessibleName("Add account")
        self.add_button.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self._layout()

        self.add_button.clicked.connect(self.add_account)
        self.handle.returnPressed.connect(self.add_account)
        self.credential.returnPressed.connect(self.add_account)
        self.rename_button.clicked.connect(self._start_rename)
        self.check_button.clicked.connect(self.check_selected)
        self.replace_button.clicked.connect(self.replace_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemChanged.connect(self._renamed)
        self.table.currentItemChanged.connect(self._update_buttons)
        self._reload()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("&Platform", self.platform)
        form.addRow("&Handle", self.handle)
        form.addRow("&Name", self.display_name)
        form.addRow("&Credential", self.credential)
        form.addRow("", self.add_button)
        self.platform.setAccessibleName("Platform")
        self.handle.setAccessibleName("Handle")
        self.display_name.setAccessibleName("Display name")
        adding = QGroupBox("Add an account", self)
        adding.setLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.rename_button)
        row.addWidget(self.check_button)
        row.addWidget(self.replace_button)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Enter in the form adds the account; it must not also press Close.
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.store_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(adding)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def _mark_changed(self) -> None:
        self.changed = True

    def reject(self) -> None:
        """Close (Escape or Close): Accepted when something changed, so callers reload."""
        if self.changed:
            self.accept()
        else:
            super().reject()

    # The list ----------------------------------------------------------------------

    def _reload(self, select: int | None = None) -> None:
        self.table.blockSignals(True)
        self.table.clear()
        for account in self._service.list():
            item = QTreeWidgetItem(
                [
                    PLATFORM_NAMES.get(account.platform, account.platform),
                    account.handle,
                    account.display_name,
                    credential_text(account),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, account.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.table.addTopLevelItem(item)
            if account.id == select:
                self.table.setCurrentItem(item)
        self.table.blockSignals(False)
        for column in range(len(COLUMNS)):
            self.table.resizeColumnToContents(column)
        self._update_buttons()

    def accounts_shown(self) -> list[tuple[str, str, str, str]]:
        """The rows as the agent sees them (platform, handle, name, credential)."""
        rows = []
        for item in self._items():
            rows.append((item.text(0), item.text(1), item.text(2), item.text(3)))
        return rows

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.table.topLevelItem(i) for i in range(self.table.topLevelItemCount()))
        return [item for item in items if item is not None]

    def select_account(self, account_id: int) -> bool:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == account_id:
                self.table.setCurrentItem(item)
                return True
        return False

    def selected_account_id(self) -> int | None:
        item = self.table.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected_account_id() is not None
        for button in (self.rename_button, self.check_button, self.remove_button):
            button.setEnabled(chosen)
        self.replace_button.setEnabled(chosen and self.store_available)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _failed(self, exc: Exception) -> None:
        """Say what went wrong, in the window's words."""
        if isinstance(exc, AccountError):
            self._say(error_text(exc))
        elif isinstance(exc, CredentialStoreError):
            self._say(store_text(exc))
        else:
            self._say(str(exc))

    # Actions -----------------------------------------------------------------------

    def add_account(self) -> None:
        """Add from the form; the credential leaves the field before the service is called."""
        secret = Secret(self.credential.text()) if self.credential.text() else None
        self.credential.setText("")  # also drops the field's undo history
        try:
            account = self._service.add(
                self.platform.currentData(), self.handle.text(), self.display_name.text(), secret
            )
        except _Failure as exc:
            self._failed(exc)
            return
        finally:
            del secret
        self.handle.clear()
        self.display_name.clear()
        where = (
            f" Its credential is stored in the {self.store_location}." if account.has_secret else ""
        )
        self._say(f"Added {account_name(account)}.{where}")
        self._reload(select=account.id)
        self.accountsChanged.emit()

    def _start_rename(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            self.table.editItem(item, NAME_COLUMN)

    def rename_account(self, account_id: int, name: str) -> bool:
        try:
            self._service.rename(account_id, name)
        except _Failure as exc:
            self._failed(exc)
            self._reload(select=account_id)
            return False
        self._say("Renamed the account.")
        self._reload(select=account_id)
        self.accountsChanged.emit()
        return True

    def _renamed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == NAME_COLUMN:
            self.rename_account(item.data(0, Qt.ItemDataRole.UserRole), item.text(NAME_COLUMN))
        else:  # only the name is editable; put anything else back
            self._reload(select=item.data(0, Qt.ItemDataRole.UserRole))

    def check_selected(self) -> None:
        account_id = self.selected_account_id()
        if account_id is None:
            return
        try:
            result = self._service.check(account_id)
        except _Failure as exc:
            self._failed(exc)
            return
        self._say(check_text(result))

    def replace_selected(self) -> None:
        """Save a new credential for the selected account (the old one is overwritten)."""
        account_id = self.selected_account_id()
        if account_id is None:
            return
        text, ok = QInputDialog.getText(
            self,
            "Replace credential",
            "The new access token or app password (it replaces the one saved):",
            QLineEdit.EchoMode.Password,
        )
        if not ok or not text:
            return
        self.set_credential(account_id, Secret(text))

    def set_credential(self, account_id: int, secret: Secret) -> bool:
        try:
            account = self._service.set_secret(account_id, secret)
        except _Failure as exc:
            self._failed(exc)
            return False
        name = account_name(account)
        self._say(f"Saved the new credential for {name} in the {self.store_location}.")
        self._reload(select=account_id)
        self.accountsChanged.emit()
        return True

    def remove_selected(self) -> None:
        """Remove after a question; if the credential cannot be deleted, ask again."""
        account_id = self.selected_account_id()
        if account_id is None:
            return
        try:
            account = self._service.get(account_id)
        except _Failure as exc:
            self._failed(exc)
            return
        name = account_name(account)
        text = f"Remove the account {name} from Composer?"
        if account.has_secret:
            text += f" Its saved credential will be deleted from the {self.store_location}."
        if not alerts.question(self, "Remove account", text):
            return
        try:
            result = self._service.remove(account_id)
        except CredentialNotDeletedError as exc:
            why = store_text(exc.store_error) if exc.store_error is not None else ""
            insist = alerts.question(
                self,
                "Credential not deleted",
                f"{why}\n\nRemove {name} anyway? Its credential would stay in this "
                "computer's password store until you delete it there.".lstrip(),
            )
            if not insist:
                self._failed(exc)
                return
            try:
                result = self._service.remove(account_id, force=True)
            except _Failure as again:
                self._failed(again)
                return
        except _Failure as exc:
            self._failed(exc)
            return
        self._say(removed_text(result))
        self._reload()
        self.accountsChanged.emit()
