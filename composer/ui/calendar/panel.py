"""The calendar: week, month and agenda views of the scheduled posts, beside the editor.

It reads only the days it shows (`PlanningService.calendar`, through the schedule index),
so it opens as fast with 10,000 posts as with ten. Clicking a post opens it in the editor
(`postActivated`); dragging it to another day keeps its time of day and sets the new date
through the planning service (an approval stays; the change is logged once approved).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.domain.errors import StorageError
from composer.domain.planning import CalendarEntry, Idea
from composer.services.ideas import IdeasFileError, ideas_between
from composer.services.library import LibraryError
from composer.services.planning import PlanningError, PlanningService
from composer.ui import alerts
from composer.ui.calendar.grid import CalendarGrid, chip_text, expiry_text, spoken
from composer.ui.platform_icons import platform_words, platforms_icon, strip_width

MODES = ("week", "month", "agenda")
PlatformsRole = Qt.ItemDataRole.UserRole + 1  # an agenda row's platforms, as icons
AGENDA_DAYS = 28


class CalendarPanel(QWidget):
    """Week / Month / Agenda over the planning service; shown in the window's left column
    in place of the history (shell/side_panel.py), a plain widget in tests."""

    postActivated = Signal(int)
    postMoved = Signal(int)  # a post's time changed here (the history refreshes)

    def __init__(self, planning: PlanningService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Calendar")
        self._planning = planning
        self.mode = "month"
        self.anchor = date.today()
        self.grid = CalendarGrid(self)
        self.agenda = QListWidget(self)
        self.agenda.setAccessibleName("Agenda")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.agenda)
        self.title = QLabel(self)
        self.title.setAccessibleName("Period shown")
        self.buttons: dict[str, QToolButton] = {}
        group = QButtonGroup(self)
        bar = QHBoxLayout()  # two short rows: it fits beside the editor in a small window
        for mode, label in zip(MODES, ("&Week", "&Month", "&Agenda"), strict=True):
            button = QToolButton(self)
            button.setText(label)
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            group.addButton(button)
            self.buttons[mode] = button
            bar.addWidget(button)
        bar.addStretch(1)
        for text, step, name in (("‹", -1, "Previous"), ("Today", 0, "Today"), ("›", 1, "Next")):
            button = QToolButton(self)
            button.setText(text)
            button.setAccessibleName(name)
            button.setToolTip(f"{name} (Page Up, Home, Page Down)")
            button.clicked.connect(lambda _=False, s=step: self.go(s))
            bar.addWidget(button)
        self.new_from_idea = QPushButton("New &Draft from Idea", self)
        self.new_from_idea.setAutoDefault(False)
        self.new_from_idea.setToolTip("A draft of the chosen day's seasonal idea")
        self.new_from_idea.clicked.connect(self.insert_idea)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.new_from_idea)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        self.grid.postActivated.connect(self.postActivated)
        self.grid.postMoved.connect(self.move_post)
        self.grid.periodRequested.connect(self._period_requested)
        self.grid.currentDayChanged.connect(self._day_changed)
        self.agenda.itemActivated.connect(self._agenda_activated)
        QShortcut(QKeySequence("Ctrl+1"), self, lambda: self.set_mode("week"))
        QShortcut(QKeySequence("Ctrl+2"), self, lambda: self.set_mode("month"))
        QShortcut(QKeySequence("Ctrl+3"), self, lambda: self.set_mode("agenda"))
        self.resize(900, 640)
        self.set_mode("month")

    # --- periods ------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.buttons[mode].setChecked(True)
        self.stack.setCurrentWidget(self.agenda if mode == "agenda" else self.grid)
        self.reload()
        (self.agenda if mode == "agenda" else self.grid).setFocus()

    def focus_view(self) -> None:
        """Keyboard focus to the grid or the agenda, whichever shows."""
        (self.agenda if self.mode == "agenda" else self.grid).setFocus()

    def go(self, step: int) -> None:
        """A period back (-1), on (+1), or to today (0)."""
        if step == 0:
            self.anchor = date.today()
            self.grid.current = self.anchor
        elif self.mode == "month":
            month = self.anchor.month - 1 + step
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        else:
            self.anchor += timedelta(days=7 * step if self.mode == "week" else AGENDA_DAYS * step)
        self.reload()

    def _period_requested(self, step: int) -> None:
        if step and not self.grid.first <= self.grid.current < self.grid.last():
            self.anchor = self.grid.current  # the arrows left the period: follow them
            self.reload()
        else:
            self.go(step)

    def period(self) -> tuple[date, date]:
        """The first and last day shown."""
        if self.mode == "month":
            first_of_month = self.anchor.replace(day=1)
            start = first_of_month - timedelta(days=first_of_month.weekday())
            return start, start + timedelta(days=41)
        if self.mode == "week":
            start = self.anchor - timedelta(days=self.anchor.weekday())
            return start, start + timedelta(days=6)
        return self.anchor, self.anchor + timedelta(days=AGENDA_DAYS - 1)

    def reload(self) -> None:
        start, end = self.period()
        try:
            entries = self._planning.calendar(start, end)
            slots = self._planning.slots()
        except (LibraryError, StorageError) as exc:
            self.status.setText(f"The calendar could not be read: {exc}")
            return
        if self.mode == "agenda":
            self._fill_agenda(entries)
            self.title.setText(f"{start:%a %d %b %Y} to {end:%a %d %b %Y}")
        else:
            rows = 6 if self.mode == "month" else 1
            month = self.anchor.month if self.mode == "month" else None
            self.grid.show_days(start, rows, month)
            self.grid.set_entries(entries, slots, self._ideas(start, end))
            self.title.setText(
                f"{self.anchor:%B %Y}" if self.mode == "month" else f"Week of {start:%d %B %Y}"
            )
        self._day_changed()
        count = len(entries)
        self.status.setText(
            f"{count} scheduled post{'s' if count != 1 else ''} shown. Drag a post to another "
            "day (or Tab to it and press Ctrl+arrow) to move it; Enter opens it."
        )

    def _ideas(self, start: date, end: date) -> dict[date, list[Idea]]:
        try:
            return ideas_between(start, end)
        except IdeasFileError as exc:  # shown, never fatal: the calendar works without
            self.status.setText(f"The seasonal ideas could not be read: {exc}")
            return {}

    def _day_changed(self, *_: object) -> None:
        ideas = self.grid.ideas(self.grid.current) if self.mode != "agenda" else []
        self.new_from_idea.setEnabled(bool(ideas))
        self.new_from_idea.setToolTip(ideas[0].prompt if ideas else "No seasonal idea that day")

    def insert_idea(self) -> None:
        """A draft of the current day's idea, planned that day; opened in the editor."""
        ideas = self.grid.ideas(self.grid.current)
        if not ideas:
            return
        try:
            post = self._planning.draft_from_idea(ideas[0], self.grid.current)
        except (LibraryError, StorageError) as exc:
            alerts.warning(self, "No draft made", str(exc))
            return
        self.reload()
        self.postMoved.emit(post.id)
        self.postActivated.emit(post.id)

    def _fill_agenda(self, entries: Sequence[CalendarEntry]) -> None:
        self.agenda.clear()
        size = self.agenda.fontMetrics().height()
        slots = max((len(e.platforms) for e in entries), default=0)
        self.agenda.setIconSize(QSize(strip_width(slots, size), size))
        day: date | None = None
        for entry in entries:
            if entry.wall.date() != day:
                day = entry.wall.date()
                heading = QListWidgetItem(f"{day:%A %d %B %Y}", self.agenda)
                heading.setFlags(Qt.ItemFlag.NoItemFlags)
            expiry = expiry_text(entry)
            text = f"    {chip_text(entry)}" + (f"  ({expiry})" if expiry else "")
            item = QListWidgetItem(text, self.agenda)
            item.setData(Qt.ItemDataRole.UserRole, entry.post_id)
            item.setData(PlatformsRole, entry.platforms)  # shown as icons, named in words
            if entry.platforms:
                ink = self.agenda.palette().text().color()
                item.setIcon(platforms_icon(entry.platforms, ink, size, slots))
                item.setToolTip(platform_words(entry.platforms))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken(entry))
        if not entries:
            empty = QListWidgetItem("No posts are scheduled in these four weeks.", self.agenda)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)

    def _agenda_activated(self, item: QListWidgetItem) -> None:
        post_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(post_id, int):
            self.postActivated.emit(post_id)

    # --- moving -------------------------------------------------------------------------

    def move_post(self, post_id: int, day: date) -> None:
        """Same time of day, another date."""
        entry = next(
            (e for d in self.grid.days() for e in self.grid.entries(d) if e.post_id == post_id),
            None,
        )
        if entry is None:
            return
        when = datetime.combine(day, entry.wall.time())
        try:
            self._planning.schedule(post_id, when)
        except PlanningError:  # a time the clocks skip on that day
            alerts.warning(self, "Not moved", "That time does not exist on that day here.")
            return
        except (LibraryError, StorageError) as exc:
            alerts.warning(self, "Not moved", str(exc))
            return
        self.reload()
        self.postMoved.emit(post_id)
