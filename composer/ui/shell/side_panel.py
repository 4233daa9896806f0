"""The window's left column: History | Calendar, one shown at a time (issue 15).

A segmented switch at the top (two exclusive buttons; from the keyboard, View > History,
Ctrl+Shift+Y, and View > Calendar, Ctrl+Shift+L) picks the history list or the calendar;
both stay built once made, so a search or a month keep their place. The calendar is built
the first time it is shown (start-up stays as fast as before) and asks the column for more
room while it shows: a month needs more width than a list, and the editor keeps the rest.
Wiring to the editor is planning_actions.py's; this module only lays the two out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from composer.ui.calendar.panel import CalendarPanel

VIEWS = ("history", "calendar")
CALENDAR_SHARE = 0.5  # of the window's width, while the calendar shows (at least)


class SidePanel(QWidget):
    """History | Calendar over a stack; `view` is which one shows."""

    viewChanged = Signal(str)

    def __init__(
        self,
        history: QWidget,
        make_calendar: Callable[[QWidget], CalendarPanel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sidePanel")
        self.history = history
        self.calendar: CalendarPanel | None = None
        self._make_calendar = make_calendar
        self._sizes: list[int] | None = None  # the splitter's before the calendar widened it
        self._hidden: QWidget | None = None  # a panel that stepped aside for the calendar
        self.view = "history"
        self.stack = QStackedWidget(self)
        self.stack.addWidget(history)
        self.buttons: dict[str, QToolButton] = {}
        group = QButtonGroup(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 0)
        bar.setSpacing(0)
        for view, label, tip in (
            ("history", "History", "Every post, newest change first (Ctrl+Shift+Y)"),
            ("calendar", "Calendar", "Scheduled posts by date (Ctrl+Shift+L)"),
        ):
            button = QToolButton(self)
            button.setText(label)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.setAccessibleName(f"Show the {view}")
            button.setObjectName(f"{view}Switch")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, v=view: self.show_view(v))
            group.addButton(button)
            self.buttons[view] = button
            bar.addWidget(button, 1)
        self.buttons["history"].setChecked(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

    def show_view(self, view: str) -> QWidget:
        """Show the history or the calendar (built on first use); returns it."""
        widget: QWidget
        if view == "calendar":
            if self.calendar is None:
                self.calendar = self._make_calendar(self)
                self.stack.addWidget(self.calendar)
            else:
                self.calendar.reload()
            widget = self.calendar
        else:
            widget = self.history
        changed = view != self.view
        self.view = view
        self.buttons[view].setChecked(True)
        for page in (self.history, self.calendar):
            if page is not None:  # a hidden page must not hold the column at its width
                shown = page is widget
                policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
                page.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(widget)
        if changed:
            self._make_room(view == "calendar")
            self.viewChanged.emit(view)
        return widget

    def _make_room(self, wide: bool) -> None:
        """The calendar takes about half the window's width; in a window too narrow for
        that beside the editor (1024 pixels), the rightmost panel (the findings) steps
        aside while it shows. The history gets its width, and the findings, back."""
        splitter = self.parentWidget()
        if not isinstance(splitter, QSplitter) or splitter.indexOf(self) != 0:
            return
        if not wide:
            if self._hidden is not None:
                self._hidden.show()
                self._hidden = None
            if self._sizes is not None:
                splitter.setSizes(self._sizes)
                self._sizes = None
            return
        sizes = splitter.sizes()
        self._sizes = sizes
        total = sum(sizes)
        want = int(total * CALENDAR_SHARE)
        others = [w for n in range(1, splitter.count()) if (w := splitter.widget(n))]
        if total - _least(others) < want and len(others) > 1:
            self._hidden = others[-1]
            others[-1].hide()
            others = others[:-1]
            sizes = sizes[:-1]
        want = max(sizes[0], min(want, total - _least(others)))
        rest = sum(sizes[1:]) or 1
        new = [want, *(int(s * (total - want) / rest) for s in sizes[1:])]
        splitter.setSizes(new + [0] * (splitter.count() - len(new)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Watching the window: coming back to it shows what the command line changed in
        the calendar too; closing it goes back to the history first, so the sizes the
        window keeps for next time are the history's (and the findings are not left out)."""
        if event.type() == QEvent.Type.WindowActivate:
            self.reload_calendar()
        elif event.type() == QEvent.Type.Close and self.view == "calendar":
            self.show_view("history")
        return False

    def reload_calendar(self) -> None:
        """Show what changed elsewhere (the editor set a time) while the calendar shows."""
        if self.calendar is not None and self.view == "calendar":
            self.calendar.reload()


def _least(widgets: list[QWidget]) -> int:
    """The width these panels cannot do without."""
    return sum(max(w.minimumWidth(), w.minimumSizeHint().width()) for w in widgets)
