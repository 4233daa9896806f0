"""Which posts the export dialog takes: the open post or every approved one, and the dates.

Opened on one approved post, the dialog can widen to every approved post; either way the
agent can keep only the posts scheduled between two days (a month for a scheduler file,
which takes at most 350 posts). Posts exported before stay out unless the dialog's own
box asks for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from composer.domain.posts import Post, PostQuery
from composer.services.library import LibraryError

if TYPE_CHECKING:
    from composer.app.container import Services

PAGE = 1000


class ExportSelection(QWidget):
    """The scope (this post or every approved one) and an optional range of days."""

    changed = Signal()

    def __init__(
        self, services: Services, posts: Sequence[Post], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._given = list(posts)
        self._every: list[Post] | None = None
        self.scope = QComboBox(self)
        self.scope.setAccessibleName("Posts to export")
        self.scope.addItem("This post" if len(posts) == 1 else "The chosen posts", "given")
        self.scope.addItem("Every approved post", "every")
        self.dated = QCheckBox("Only posts scheduled from", self)
        today = date.today()
        self.start = QDateEdit(QDate(today.year, today.month, today.day), self)
        later = today + timedelta(days=30)
        self.end = QDateEdit(QDate(later.year, later.month, later.day), self)
        for edit, name in ((self.start, "First day"), (self.end, "Last day")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self._dates_changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scope)
        row.addWidget(self.dated)
        row.addWidget(self.start)
        row.addWidget(QLabel("to", self))
        row.addWidget(self.end)
        row.addStretch(1)
        self.scope.currentIndexChanged.connect(self.changed)
        self.dated.toggled.connect(self._dates_changed)
        self._dates_changed()

    def posts(self) -> list[Post]:
        """The posts in scope (before the dates, which the export plan applies)."""
        if self.scope.currentData() != "every":
            return self._given
        if self._every is None:
            self._every = self._approved()
        return self._every

    def since(self) -> datetime | None:
        return datetime.combine(self._day(self.start), time()) if self.dated.isChecked() else None

    def until(self) -> datetime | None:
        if not self.dated.isChecked():
            return None
        return datetime.combine(self._day(self.end) + timedelta(days=1), time())

    def _dates_changed(self, *_: object) -> None:
        for edit in (self.start, self.end):
            edit.setEnabled(self.dated.isChecked())
        self.changed.emit()

    def _approved(self) -> list[Post]:
        found: list[Post] = []
        offset = 0
        try:
            while True:
                query = PostQuery(statuses=("approved", "exported"), limit=PAGE, offset=offset)
                page = self._services.history.page(query)
                found += page
                if len(page) < PAGE:
                    return found
                offset += PAGE
        except LibraryError:
            return found

    @staticmethod
    def _day(edit: QDateEdit) -> date:
        value = edit.date().toPython()
        assert isinstance(value, date)
        return value
