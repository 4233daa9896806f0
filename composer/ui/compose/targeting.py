"""Where the post goes: platform checkboxes, the account, and per-platform variants."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.domain.accounts import Account
from composer.guidelines.platforms import load_platforms
from composer.ui.compose.flow_layout import FlowLayout


class TargetingBar(QWidget):
    """Checkboxes for the platforms and a combo for the account; `changed` on any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetingBar")
        # Wraps onto a second line in a narrow window rather than cutting the labels.
        layout = FlowLayout(self, spacing=10)
        layout.setContentsMargins(4, 2, 4, 2)
        label = QLabel("Post to:")
        layout.addWidget(label)
        self.boxes: dict[str, QCheckBox] = {}
        for name, platform in load_platforms().items():
            box = QCheckBox(platform.display_name)
            box.setAccessibleName(f"Post to {platform.display_name}")
            box.toggled.connect(self._emit)
            layout.addWidget(box)
            self.boxes[name] = box
        account_row = QWidget(self)
        row = QHBoxLayout(account_row)
        row.setContentsMargins(12, 0, 0, 0)
        account_label = QLabel("Account:")
        row.addWidget(account_label)
        self.account = QComboBox()
        self.account.setAccessibleName("Account")
        self.account.setMinimumContentsLength(14)
        self.account.currentIndexChanged.connect(self._emit)
        account_label.setBuddy(self.account)
        row.addWidget(self.account)
        layout.addWidget(account_row)
        self._quiet = False
        self.set_accounts([], None)

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit()

    def platforms(self) -> tuple[str, ...]:
        return tuple(name for name, box in self.boxes.items() if box.isChecked())

    def account_id(self) -> int | None:
        value = self.account.currentData()
        return int(value) if value is not None else None

    def set_platforms(self, platforms: Sequence[str]) -> None:
        self._quiet = True
        try:
            for name, box in self.boxes.items():
                box.setChecked(name in platforms)
        finally:
            self._quiet = False

    def set_accounts(self, accounts: Sequence[Account], selected: int | None) -> None:
        self._quiet = True
        try:
            self.account.clear()
            self.account.addItem("No account" if accounts else "No accounts yet", None)
            for account in accounts:
                label = account.display_name or account.handle
                self.account.addItem(f"{label} ({account.platform})", account.id)
            index = self.account.findData(selected) if selected is not None else 0
            self.account.setCurrentIndex(max(index, 0))
        finally:
            self._quiet = False


class VariantsEditor(QWidget):
    """Optional different wording for one platform; empty means "use the main text"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._variants: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        row.addWidget(QLabel("Different wording for:"))
        self.platform = QComboBox()
        self.platform.setAccessibleName("Platform of the variant")
        for name, platform in load_platforms().items():
            self.platform.addItem(platform.display_name, name)
        self.platform.currentIndexChanged.connect(self._show_current)
        row.addWidget(self.platform)
        row.addStretch(1)
        layout.addLayout(row)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("Variant text")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText("Leave empty to use the main text on this platform.")
        self.text.textChanged.connect(self._edited)
        layout.addWidget(self.text)
        self._quiet = False

    def variants(self) -> dict[str, str]:
        return {p: t for p, t in self._variants.items() if t.strip()}

    def set_variants(self, variants: Mapping[str, str]) -> None:
        self._variants = dict(variants)
        self._show_current()

    def _current(self) -> str:
        return str(self.platform.currentData())

    def _show_current(self) -> None:
        self._quiet = True
        try:
            self.text.setPlainText(self._variants.get(self._current(), ""))
        finally:
            self._quiet = False

    def _edited(self) -> None:
        if self._quiet:
            return
        self._variants[self._current()] = self.text.toPlainText()
        self.changed.emit()
