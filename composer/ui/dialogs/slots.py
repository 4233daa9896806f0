"""Posting slots: the agent's weekly pattern ("Tue 09:30, Thu 12:00"), for all platforms or one.

"Add to Next Free Slot" fills these in turn. The times are local wall time, so 09:30 stays
09:30 when the clocks change. Nothing is saved until Save; the dialog is freed on close.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from composer.domain.accounts import PLATFORMS
from composer.domain.errors import StorageError
from composer.domain.planning import WEEKDAYS, Slot
from composer.domain.platforms import PLATFORM_NAMES
from composer.services.library import LibraryError
from composer.services.planning import PlanningService
from composer.ui import alerts

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class SlotsDialog(QDialog):
    """Edit the weekly slots of each platform (or all); Save writes the ones changed."""

    def __init__(self, planning: PlanningService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Posting slots")
        self._planning = planning
        self._slots: dict[str, list[Slot]] = {}
        for slot in planning.slots():
            self._slots.setdefault(slot.platform, []).append(slot)
        self._changed: set[str] = set()

        intro = QLabel(
            "The times you like to post each week. “Add to Next Free Slot” (Ctrl+Shift+T) "
            "gives a post the first one still free. Times are your computer's.",
            self,
        )
        intro.setWordWrap(True)
        self.platform = QComboBox(self)
        self.platform.setAccessibleName("Slots for")
        self.platform.addItem("All platforms", "")
        for key in PLATFORMS:
            self.platform.addItem(PLATFORM_NAMES.get(key, key), key)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Weekly slots")
        self.day = QComboBox(self)
        self.day.setAccessibleName("Day")
        for number, name in enumerate(DAY_NAMES):
            self.day.addItem(name, number)
        self.time = QTimeEdit(QTime(9, 30), self)
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName("Time")
        self.add = QPushButton("&Add", self)
        self.add.setAutoDefault(False)
        self.remove = QPushButton("&Remove", self)
        self.remove.setAutoDefault(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )

        row = QHBoxLayout()
        row.addWidget(self.day)
        row.addWidget(self.time)
        row.addWidget(self.add)
        form = QFormLayout()
        form.addRow("&Slots for", self.platform)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)

        self.platform.currentIndexChanged.connect(self._show)
        self.add.clicked.connect(self.add_slot)
        self.remove.clicked.connect(self.remove_slot)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self._show()

    def current_platform(self) -> str:
        return str(self.platform.currentData() or "")

    def shown(self) -> list[str]:
        """The slots listed, as the list shows them."""
        return [self.list.item(n).text() for n in range(self.list.count())]

    def _show(self) -> None:
        self.list.clear()
        for slot in sorted(self._slots.get(self.current_platform(), [])):
            item = QListWidgetItem(f"{DAY_NAMES[slot.weekday]} {slot.at:%H:%M}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, slot)
        self.remove.setEnabled(self.list.count() > 0)

    def add_slot(self) -> None:
        platform = self.current_platform()
        chosen = self.time.time()
        slot = Slot(int(self.day.currentData()), time(chosen.hour(), chosen.minute()), platform)
        slots = self._slots.setdefault(platform, [])
        if slot not in slots:
            slots.append(slot)
            self._changed.add(platform)
        self._show()

    def remove_slot(self) -> None:
        item = self.list.currentItem() or self.list.item(0)
        if item is None:
            return
        slot = item.data(Qt.ItemDataRole.UserRole)
        platform = self.current_platform()
        self._slots[platform] = [s for s in self._slots.get(platform, []) if s != slot]
        self._changed.add(platform)
        self._show()

    def save(self) -> None:
        try:
            for platform in sorted(self._changed):
                labels = [f"{WEEKDAYS[s.weekday]} {s.at:%H:%M}" for s in self._slots[platform]]
                self._planning.set_slots(labels, platform)
        except (LibraryError, StorageError) as exc:
            alerts.warning(self, "Slots not saved", str(exc))
            return
        self.accept()
