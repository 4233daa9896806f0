"""The calendar's week and month grid: days as cells, posts as coloured chips in time order.

Painted rather than built from a widget per post, so a month with hundreds of posts costs
one paint, not hundreds of widgets. Everything a test or a screen reader needs is asked
of the grid by date and post (`cell_rect`, `chip_rect`), never by pixel.

Keyboard: arrows move between days (Up/Down by a week), Tab and Shift+Tab step through the
day's posts, Enter opens the chosen one, Ctrl+arrows move it to another day (as a drag
does), Page Up/Down go a period back or on, Home goes to today. Mouse: click a post to
open it, drag it to another day to move it (same time of day).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, time, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from composer.domain.planning import CalendarEntry, Idea, Slot
from composer.ui.platform_icons import has_icon, paint_platform, platform_words

# Status colours: light fills that keep dark text readable, told apart by hue and a mark.
STATUS_COLOURS = {
    "draft": "#e4e4e7",
    "approved": "#c7ebd1",
    "exported": "#c9dcf5",
    "archived": "#f1ece1",
}
EXPIRY = "#d97706"  # the edge of a post whose approval lapses soon (amber)
STATUS_MARKS = {"draft": "", "approved": "✓ ", "exported": "↗ ", "archived": "▫ "}


class CalendarGrid(QWidget):
    """Seven columns and one row (a week) or six (a month) of days, starting on a Monday."""

    postActivated = Signal(int)
    postMoved = Signal(int, object)  # post id, the new date
    periodRequested = Signal(int)  # -1 back, +1 on, 0 today
    currentDayChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setAccessibleName("Calendar")
        self.first = date.today() - timedelta(days=date.today().weekday())
        self.rows = 1
        self.month: int | None = None  # the month shown, for dimming the days around it
        self.current = date.today()
        self.current_post: int | None = None
        self._by_day: dict[date, list[CalendarEntry]] = {}
        self._place: dict[int, tuple[date, int]] = {}  # post id: its day and place in it
        self._slots: dict[int, list[time]] = {}
        self._ideas: dict[date, list[Idea]] = {}
        self._press: tuple[int, QPoint] | None = None
        self._dragging = False

    # --- what is shown ----------------------------------------------------------------

    def show_days(self, first: date, rows: int, month: int | None = None) -> None:
        """Show `rows` weeks from the Monday `first`."""
        self.first, self.rows, self.month = first, rows, month
        if not self.first <= self.current < self.last():
            self.current = next(d for d in self.days() if month is None or d.month == month)
            self.current_post = None
        self._changed()

    def set_entries(
        self,
        entries: Sequence[CalendarEntry],
        slots: Sequence[Slot] = (),
        ideas: Mapping[date, list[Idea]] | None = None,
    ) -> None:
        by_day: dict[date, list[CalendarEntry]] = defaultdict(list)
        for entry in entries:
            by_day[entry.wall.date()].append(entry)
        self._by_day = dict(by_day)
        self._place = {
            entry.post_id: (day, n) for day, day_entries in by_day.items()
            for n, entry in enumerate(day_entries)
        }  # fmt: skip
        self._ideas = dict(ideas or {})
        self._slots = defaultdict(list)
        for slot in slots:
            self._slots[slot.weekday].append(slot.at)
        if self.current_post not in {e.post_id for e in self.entries(self.current)}:
            self.current_post = None
        self._changed()

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(7 * self.rows)]

    def last(self) -> date:
        return self.first + timedelta(days=7 * self.rows)

    def entries(self, day: date) -> list[CalendarEntry]:
        return self._by_day.get(day, [])

    def ideas(self, day: date) -> list[Idea]:
        """The seasonal ideas for that day (shown when the day has no post)."""
        return self._ideas.get(day, [])

    def chip_icons(self, post_id: int) -> tuple[str, ...]:
        """The platforms whose icons the post's chip shows, in the post's order."""
        entry = next((e for d in self._by_day.values() for e in d if e.post_id == post_id), None)
        return tuple(p for p in entry.platforms if has_icon(p)) if entry else ()

    def describe_current(self) -> str:
        """The chosen day (and post) in words, for screen readers: the grid is painted."""
        day = self.current
        entries = self.entries(day)
        words = [f"{day:%A} {day.day} {day:%B %Y}"]
        chosen = next((e for e in entries if e.post_id == self.current_post), None)
        if chosen is not None:
            words.append(f"chosen: {spoken(chosen)}")
        words.append(f"{len(entries)} post{'s' if len(entries) != 1 else ''}")
        words += [spoken(e) for e in entries if e is not chosen]
        words += [f"idea: {idea.title}" for idea in self.ideas(day)]
        words += [f"{free:%H:%M} free slot" for free in self.free_slots(day)]
        return "; ".join(words)

    def _changed(self) -> None:
        """Repaint, and keep what a screen reader says in step."""
        self.setAccessibleDescription(self.describe_current())
        self.update()

    def free_slots(self, day: date) -> list[time]:
        """The day's weekly slots that no post of that day is at."""
        taken = {e.wall.time() for e in self.entries(day)}
        return sorted(t for t in set(self._slots.get(day.weekday(), ())) if t not in taken)

    # --- geometry ---------------------------------------------------------------------

    def _header(self) -> int:
        return self.fontMetrics().height() + 6

    def _line(self) -> int:
        return self.fontMetrics().height() + 4

    def cell_rect(self, day: date) -> QRect:
        index = (day - self.first).days
        if not 0 <= index < 7 * self.rows:
            return QRect()
        width = self.width() / 7
        height = (self.height() - self._header()) / self.rows
        row, column = divmod(index, 7)
        top = self._header() + int(row * height)
        return QRect(int(column * width), top, int(width), int(height))

    def chip_rect(self, post_id: int) -> QRect:
        """Where the post's chip is; empty when it is not shown (another period, or a
        full day's "+ n more")."""
        if post_id not in self._place:
            return QRect()
        day, n = self._place[post_id]
        cell = self.cell_rect(day)
        if cell.isNull():
            return QRect()
        entries = self.entries(day)
        above = sum(self._chip_lines(e) for e in entries[:n])
        top = cell.top() + self._line() * (1 + above)
        step = self._chip_lines(entries[n]) * self._line()
        if top + step > cell.bottom():
            return QRect()
        return QRect(cell.left() + 3, top, cell.width() - 6, step - 2)

    def _chip_lines(self, entry: CalendarEntry) -> int:
        """A week's tall days give each post two lines (time and icons, then the title),
        and a third for when its approval ends if that needs a look."""
        if self.rows != 1:
            return 1
        return 3 if expiry_text(entry) else 2

    def day_at(self, point: QPoint) -> date | None:
        for day in self.days():
            if self.cell_rect(day).contains(point):
                return day
        return None

    def post_at(self, point: QPoint) -> int | None:
        day = self.day_at(point)
        for entry in self.entries(day) if day else []:
            if self.chip_rect(entry.post_id).contains(point):
                return entry.post_id
        return None

    def sizeHint(self) -> QSize:
        return QSize(7 * 120, self._header() + self.rows * 8 * self._line())

    # --- painting ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        text = palette.windowText().color()
        dim = QColor(text)
        dim.setAlpha(110)
        for column, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
            painter.setPen(text)
            width = self.width() / 7
            painter.drawText(
                QRect(int(column * width), 0, int(width), self._header()),
                Qt.AlignmentFlag.AlignCenter,
                name,
            )
        today = date.today()
        for day in self.days():
            self._paint_day(painter, day, text, dim, day == today)
        painter.end()

    def _paint_day(
        self, painter: QPainter, day: date, text: QColor, dim: QColor, today: bool
    ) -> None:
        cell = self.cell_rect(day)
        painter.setPen(QPen(dim))
        painter.drawRect(cell.adjusted(0, 0, -1, -1))
        if day == self.current and self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(cell.adjusted(1, 1, -2, -2))
        outside = self.month is not None and day.month != self.month
        painter.setPen(dim if outside else text)
        label = f"{day.day}" if day.day != 1 else f"{day:%b} 1"
        font = painter.font()
        font.setBold(today)
        painter.setFont(font)
        painter.drawText(cell.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignLeft, label)
        font.setBold(False)
        painter.setFont(font)
        shown = 0
        entries = self.entries(day)
        for entry in entries:
            chip = self.chip_rect(entry.post_id)
            if chip.isNull():
                break
            shown += 1
            painter.fillRect(chip, QColor(STATUS_COLOURS.get(entry.status, "#e4e4e7")))
            if entry.post_id == self.current_post:
                painter.setPen(QPen(self.palette().highlight().color(), 2))
                painter.drawRect(chip)
            self._paint_chip(painter, chip, entry)
        bottom = cell.top() + self._line() * (1 + sum(map(self._chip_lines, entries[:shown])))
        if shown < len(entries):
            painter.setPen(text)
            painter.drawText(
                QRect(cell.left() + 4, cell.bottom() - self._line(), cell.width(), self._line()),
                Qt.AlignmentFlag.AlignLeft,
                f"+ {len(entries) - shown} more",
            )
            return
        painter.setPen(dim)
        lines = [f"Idea: {idea.title}" for idea in self.ideas(day) if not entries]
        lines += [f"{free:%H:%M} free slot" for free in self.free_slots(day)]
        for line in lines:
            if bottom + self._line() > cell.bottom():
                break
            room = QRect(cell.left() + 6, bottom, cell.width() - 8, self._line())
            line = painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, room.width())
            painter.drawText(room, Qt.AlignmentFlag.AlignLeft, line)
            bottom += self._line()

    def _paint_chip(self, painter: QPainter, chip: QRect, entry: CalendarEntry) -> None:
        """`✓ 09:30`, an icon per platform, then the title (on a line of its own in a
        week), each cut short to fit."""
        ink = QColor("#1f1f23")
        painter.setPen(ink)
        metrics = painter.fontMetrics()
        lines = self._chip_lines(entry)
        two = lines > 1
        room = chip.adjusted(3, 0, -2, 0)
        first = QRect(room.left(), room.top(), room.width(), self._line() - 2)
        head = f"{STATUS_MARKS.get(entry.status, '')}{entry.wall:%H:%M}"
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        cut = Qt.TextElideMode.ElideRight
        painter.drawText(first, align, metrics.elidedText(head, cut, first.width()))
        x = first.left() + metrics.horizontalAdvance(head) + 4
        side = max(8, first.height() - 4)
        line = first
        second = first.translated(0, first.height() + 1)
        if two and x + len(entry.platforms) * (side + 2) > first.right():
            x, line = second.left(), second  # no room beside the time: the icons lead line 2
        ratio = self.devicePixelRatioF()
        for platform in entry.platforms:
            if x + side > line.right():
                break
            paint_platform(painter, platform, QRect(x, line.top() + 2, side, side), ink, ratio)
            x += side + 2
        if two and line is first:
            title = second
        else:
            title = QRect(x + 2, line.top(), room.right() - x - 2, line.height())
        if title.width() > metrics.horizontalAdvance("Mm…"):  # else not even a word's start
            painter.drawText(title, align, metrics.elidedText(entry.title, cut, title.width()))
        expiry = expiry_text(entry)
        if expiry:  # an amber edge, and in a week a line saying when
            painter.fillRect(QRect(chip.left(), chip.top(), 3, chip.height()), QColor(EXPIRY))
        if lines == 3:
            third = second.translated(0, second.height() + 1)
            painter.setPen(QColor(EXPIRY).darker(160))
            verb, _, day = expiry.partition(" ")  # shorter forms for a narrow day
            for words in (expiry, f"{verb[:3]}. {day}", day):
                if metrics.horizontalAdvance(words) <= third.width():
                    break
            painter.drawText(third, align, metrics.elidedText(words, cut, third.width()))

    def event(self, event: QEvent) -> bool:
        """A post's tooltip says it all (the chip may be too narrow): time, title,
        status, platforms and, when it needs a look, when its approval ends."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            post = self.post_at(event.pos())
            entry = next((e for e in self.entries(self.day_at(event.pos()) or self.first)
                          if e.post_id == post), None)  # fmt: skip
            if entry is None:
                QToolTip.hideText()
                event.ignore()
                return True
            QToolTip.showText(event.globalPos(), spoken(entry), self, self.chip_rect(post or 0))
            return True
        return super().event(event)

    # --- keyboard ---------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        moving = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if key in steps and moving and self.current_post is not None:
            chosen, day = self.current_post, self.current + timedelta(days=steps[Qt.Key(key)])
            self.postMoved.emit(chosen, day)  # the keyboard's drag: same time, another day
            self.set_current(day)
            self.current_post = chosen
        elif key in steps:
            self.set_current(self.current + timedelta(days=steps[Qt.Key(key)]))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            post = self.current_post
            if post is None and self.entries(self.current):
                post = self.entries(self.current)[0].post_id
            if post is not None:
                self.postActivated.emit(post)
        elif key == Qt.Key.Key_PageUp:
            self.periodRequested.emit(-1)
        elif key == Qt.Key.Key_PageDown:
            self.periodRequested.emit(1)
        elif key == Qt.Key.Key_Home:
            self.periodRequested.emit(0)
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab steps through the day's posts while it has any; then it leaves the grid."""
        entries = self.entries(self.current)
        ids = [e.post_id for e in entries]
        if ids and (
            self.current_post is None
            or (next and self.current_post != ids[-1])
            or (not next and self.current_post != ids[0])
        ):
            self._step_post(1 if next else -1)
            return True
        return super().focusNextPrevChild(next)

    def _step_post(self, step: int) -> None:
        ids = [e.post_id for e in self.entries(self.current)]
        if self.current_post in ids:
            index = ids.index(self.current_post) + step
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.current_post = ids[max(0, min(index, len(ids) - 1))]
        self._changed()

    def set_current(self, day: date) -> None:
        self.current = day
        self.current_post = None
        if not self.first <= day < self.last():
            self.periodRequested.emit(-1 if day < self.first else 1)
        self.currentDayChanged.emit(day)
        self._changed()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._changed()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._changed()

    # --- mouse: click to open, drag to another day to move ------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        day = self.day_at(point)
        if day is not None and day != self.current:
            self.current = day
            self.currentDayChanged.emit(day)
        post = self.post_at(point)
        self.current_post = post
        self._press = (post, point) if post is not None else None
        self._dragging = False
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._changed()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        moved = (event.position().toPoint() - self._press[1]).manhattanLength()
        if moved >= QApplication.startDragDistance():
            self._dragging = True
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        self.unsetCursor()
        if press is None:
            return
        post_id = press[0]
        if not self._dragging:
            self.postActivated.emit(post_id)
            return
        self._dragging = False
        day = self.day_at(event.position().toPoint())
        origin = self.day_at(press[1])
        if day is not None and day != origin:
            self.current = day
            self.currentDayChanged.emit(day)
            self.postMoved.emit(post_id, day)


def chip_text(entry: CalendarEntry) -> str:
    """`✓ 09:30 Storm kit`: status mark, time, title (the platforms are icons beside it)."""
    return f"{STATUS_MARKS.get(entry.status, '')}{entry.wall:%H:%M} {entry.title}"


def spoken(entry: CalendarEntry) -> str:
    """`09:30 Storm kit (approved) on LinkedIn and X, approval expires 12 Dec`: a post as
    a screen reader (and a tooltip) says it."""
    words = f"{entry.wall:%H:%M} {entry.title} ({entry.status})"
    if entry.platforms:
        words += f" on {platform_words(entry.platforms)}"
    expiry = expiry_text(entry)
    return f"{words}, approval {expiry}" if expiry else words


def expiry_text(entry: CalendarEntry) -> str:
    """`expires 12 Dec` (or `expired 2 Nov`) when the approval needs a look, else ""."""
    if not entry.expiry or entry.expires_on is None:
        return ""
    day = entry.expires_on
    verb = "expired" if entry.expiry == "expired" else "expires"
    return f"{verb} {day.day} {day:%b}" + (f" {day.year}" if day.year != date.today().year else "")
