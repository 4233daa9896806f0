"""Post > Evergreen…: bring a post back as a new scheduled copy every so many days.

The cooldown is at least 30 days (the duplicate rule's window); a copy keeps the approval
only while the original's is under a year old and the rules find nothing new. Freed on
close; errors are the planning service's codes, worded for the window.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from composer.domain.errors import StorageError
from composer.services.evergreen import MIN_EVERY_DAYS, EvergreenService
from composer.services.library import LibraryError
from composer.services.planning import PlanningError
from composer.ui import alerts
from composer.ui.dialogs.planning_words import planning_words


class EvergreenDialog(QDialog):
    def __init__(
        self, evergreen: EvergreenService, post_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Evergreen")
        self._service = evergreen
        self._post_id = post_id
        mark = evergreen.of(post_id)
        intro = QLabel(
            "Bring this post back as a new scheduled copy after a cooldown. A copy made "
            "within a year of the approval, with nothing new found, is approved with the "
            "same reasons; otherwise it waits for you to approve it again.",
            self,
        )
        intro.setWordWrap(True)
        self.enabled = QCheckBox("&Bring this post back", self)
        self.enabled.setChecked(mark is not None)
        self.every = QSpinBox(self)
        self.every.setRange(MIN_EVERY_DAYS, 3650)
        self.every.setSuffix(" days")
        self.every.setValue(mark.every_days if mark else 90)
        self.every.setAccessibleName("Every")
        self.limited = QCheckBox("At &most", self)
        self.limited.setChecked(bool(mark and mark.times))
        self.times = QSpinBox(self)
        self.times.setRange(1, 100)
        self.times.setSuffix(" times")
        self.times.setValue(mark.times if mark and mark.times else 4)
        self.times.setAccessibleName("Number of copies")
        if mark is not None and mark.made:
            made = QLabel(f"{mark.made} cop{'ies' if mark.made != 1 else 'y'} made so far.")
        else:
            made = QLabel("")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout()
        form.addRow("", self.enabled)
        form.addRow("&Every", self.every)
        form.addRow(self.limited, self.times)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(made)
        layout.addWidget(buttons)
        self.buttons = buttons
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.enabled.toggled.connect(self._update)
        self.limited.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        on = self.enabled.isChecked()
        self.every.setEnabled(on)
        self.limited.setEnabled(on)
        self.times.setEnabled(on and self.limited.isChecked())

    def save(self) -> None:
        try:
            if self.enabled.isChecked():
                times = self.times.value() if self.limited.isChecked() else None
                self._service.mark(self._post_id, self.every.value(), times)
            else:
                self._service.unmark(self._post_id)
        except PlanningError as exc:
            alerts.warning(self, "Not evergreen", planning_words(exc))
            return
        except (LibraryError, StorageError) as exc:
            alerts.warning(self, "Not evergreen", str(exc))
            return
        self.accept()
