"""The findings panel: grouped by severity with counts, one calm card per finding.

A card shows the message and the flagged words; "Details" expands the explanation and
reference; a substitution offers one-click replacement; warnings and suggestions can be
dismissed for this post. Cards are rebuilt only when the findings change, and keep
their expanded state by key.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.guidelines.platforms import load_platforms
from composer.ui.findings.findings_model import SEVERITY_TITLES, Shown, grouped
from composer.ui.shell import theme

MAX_FIX_BUTTONS = 2


class FindingCard(QFrame):
    activated = Signal(object)
    fixRequested = Signal(object, str)
    dismissRequested = Signal(object)

    def __init__(self, item: Shown, expanded: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        finding = item.finding
        self.setObjectName("findingCard")
        self.setProperty("severity", finding.severity)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(f"{finding.severity}: {finding.message}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)

        message = QLabel(finding.message)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        message.setObjectName("findingMessage")
        layout.addWidget(message)
        where = _where(item)
        if where:
            quoted = QLabel(where)
            quoted.setTextFormat(Qt.TextFormat.PlainText)
            quoted.setWordWrap(True)
            quoted.setObjectName("findingQuote")
            layout.addWidget(quoted)

        self.details = QLabel(_details_html(item))
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setObjectName("findingDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setVisible(expanded)
        layout.addWidget(self.details)

        if finding.suggestions:
            fixes = QHBoxLayout()
            fixes.setSpacing(6)
            for choice in finding.suggestions[:MAX_FIX_BUTTONS]:
                label = "Add it" if finding.start is None else f"Use “{_short(choice, 18)}”"
                button = QPushButton(label)
                button.setToolTip(choice)
                button.setAccessibleName(f"Replace with {choice}")
                button.clicked.connect(
                    lambda _=False, c=choice: self.fixRequested.emit(self.item, c)
                )
                fixes.addWidget(button)
            fixes.addStretch(1)
            layout.addLayout(fixes)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.toggle = QPushButton("Hide details" if expanded else "Details")
        self.toggle.setFlat(True)
        self.toggle.setAccessibleName("Show or hide the explanation")
        self.toggle.clicked.connect(self.set_expanded_toggle)
        buttons.addWidget(self.toggle)
        buttons.addStretch(1)
        if item.dismissible:
            dismiss = QPushButton("Dismiss")
            dismiss.setFlat(True)
            dismiss.setToolTip("Hide this for this post")
            dismiss.setAccessibleName("Dismiss for this post")
            dismiss.clicked.connect(lambda: self.dismissRequested.emit(self.item))
            buttons.addWidget(dismiss)
        layout.addLayout(buttons)

    @property
    def expanded(self) -> bool:
        return not self.details.isHidden()

    def set_expanded(self, expanded: bool) -> None:
        self.details.setVisible(expanded)
        self.toggle.setText("Hide details" if expanded else "Details")

    def set_expanded_toggle(self) -> None:
        self.set_expanded(not self.expanded)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.item)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.item)
            return
        super().keyPressEvent(event)


class FindingsPanel(QWidget):
    activated = Signal(object)  # Shown
    fixRequested = Signal(object, str)
    dismissRequested = Signal(object)
    undoDismissRequested = Signal()  # the last dismissal, taken back
    restoreDismissedRequested = Signal()  # every finding dismissed on this post, shown again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.setAccessibleName("Findings")
        self.setMinimumWidth(260)
        self._items: list[Shown] = []
        self._cards: list[FindingCard] = []
        self._expanded: set[str] = set()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.title = QLabel("Findings")
        self.title.setObjectName("panelTitle")
        self.title.setContentsMargins(14, 12, 14, 0)
        outer.addWidget(self.title)
        self.summary = QLabel("")
        self.summary.setObjectName("panelSummary")
        self.summary.setContentsMargins(14, 2, 14, 8)
        outer.addWidget(self.summary)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll_area, 1)
        self.dismissed_row = QWidget()
        row = QHBoxLayout(self.dismissed_row)
        row.setContentsMargins(14, 4, 10, 8)
        self.dismissed_note = QLabel()
        self.dismissed_note.setObjectName("panelSummary")
        self.dismissed_note.setWordWrap(True)
        row.addWidget(self.dismissed_note, 1)
        self.undo_dismiss = QPushButton("Undo")
        self.undo_dismiss.setAccessibleName("Undo the last dismissal")
        self.undo_dismiss.clicked.connect(self.undoDismissRequested)
        row.addWidget(self.undo_dismiss)
        self.show_dismissed = QPushButton("Show all")
        self.show_dismissed.setAccessibleName("Show the dismissed findings again")
        self.show_dismissed.setToolTip("Bring back every finding dismissed on this post")
        self.show_dismissed.clicked.connect(self.restoreDismissedRequested)
        row.addWidget(self.show_dismissed)
        self.dismissed_row.hide()
        outer.addWidget(self.dismissed_row)
        self._body = QWidget()
        self._body.setObjectName("findingsBody")
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(12, 0, 12, 12)
        self._layout.setSpacing(8)
        self.scroll_area.setWidget(self._body)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_waiting(
            "Start typing: what could get you in trouble, or turn people away, "
            "shows up here with a way to fix it."
        )
        self.restyle()

    # -- content ---------------------------------------------------------------------

    def items(self) -> list[Shown]:
        return list(self._items)

    def cards(self) -> list[FindingCard]:
        return list(self._cards)

    def set_waiting(self, message: str) -> None:
        self._items = []
        self._rebuild(empty=message)

    def set_items(self, items: list[Shown]) -> None:
        """Show `items`; when only their offsets moved (typing elsewhere), keep the cards
        and hand them the new items instead of rebuilding, so typing stays cheap."""
        ordered = [item for group in grouped(items).values() for item in group]
        if self._cards and [_same(i) for i in ordered] == [_same(c.item) for c in self._cards]:
            self._items = list(items)
            for card, item in zip(self._cards, ordered, strict=True):
                card.item = item
            return
        self._items = list(items)
        self._rebuild(empty="No findings. The post reads clean for its platforms.")

    def set_dismissed(self, hidden: int, can_undo: bool) -> None:
        """Say how many findings are dismissed on this post, with ways to bring them back."""
        self.dismissed_note.setText(
            f"{hidden} finding{'s' if hidden != 1 else ''} dismissed on this post."
        )
        self.undo_dismiss.setVisible(can_undo)
        self.dismissed_row.setVisible(hidden > 0)

    def show_card(self, item: Shown) -> bool:
        """Scroll the card of `item` into view without taking the focus from the editor."""
        for card in self._cards:
            if card.item.key == item.key and card.item.source == item.source:
                self.scroll_area.ensureWidgetVisible(card)
                return True
        return False

    def reveal(self, item: Shown) -> bool:
        """Expand and show the card of `item` (F1 help); False when it is not listed."""
        for card in self._cards:
            if card.item == item:
                card.set_expanded(True)
                self._expanded.add(card.item.key)
                self.scroll_area.ensureWidgetVisible(card)
                card.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return False

    def _rebuild(self, empty: str, reuse: bool = True) -> None:
        """Lay the cards out again, reusing the card of every finding still present (only
        new findings cost a new card), so a changing list stays cheap while typing."""
        spare: dict[tuple[object, ...], list[FindingCard]] = {}
        for card in self._cards:
            if card.expanded:
                self._expanded.add(card.item.key)
            else:
                self._expanded.discard(card.item.key)
            if reuse:
                spare.setdefault(_same(card.item), []).append(card)
            else:
                card.deleteLater()
        while self._layout.count():
            taken = self._layout.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None and child is not self.empty and not isinstance(child, FindingCard):
                child.deleteLater()
        self._cards = []
        groups = grouped(self._items)
        counts = {s: len(group) for s, group in groups.items()}
        total = sum(counts.values())
        self.summary.setText(
            " · ".join(f"{n} {_noun(s, n)}" for s, n in counts.items() if n) if total else ""
        )
        self.summary.setVisible(bool(total))
        colours = theme.colours()
        for severity, group in groups.items():
            if not group:
                continue
            header = QLabel(f"{SEVERITY_TITLES[severity]} · {len(group)}")
            header.setObjectName("groupHeader")
            header.setStyleSheet(f"color: {getattr(colours, severity)}; font-weight: 600;")
            header.setContentsMargins(2, 8, 0, 0)
            self._layout.addWidget(header)
            for item in group:
                reused = spare.get(_same(item))
                card = reused.pop(0) if reused else self._new_card(item)
                card.item = item
                self._layout.addWidget(card)
                self._cards.append(card)
        for cards in spare.values():
            for card in cards:
                card.deleteLater()
        if not total:
            self.empty.setText(empty)
            self._layout.addWidget(self.empty)
        self.empty.setVisible(not total)
        self._layout.addStretch(1)

    def _new_card(self, item: Shown) -> FindingCard:
        card = FindingCard(item, item.key in self._expanded, self._body)
        # Height follows width: wrapped text gets every line it needs at any panel width
        # (a Maximum policy held cards at the height of their widest layout, cropping them).
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        card.setSizePolicy(policy)
        card.activated.connect(self.activated)
        card.fixRequested.connect(self.fixRequested)
        card.dismissRequested.connect(self.dismissRequested)
        return card

    def restyle(self) -> None:
        c = theme.colours()
        self.setStyleSheet(
            f"""
            #panelTitle {{ font-size: 13pt; font-weight: 600; }}
            #panelSummary {{ color: {c.muted}; }}
            #findingCard {{ background: {c.card}; border: 1px solid {c.card_border};
                            border-left: 3px solid {c.card_border}; border-radius: 6px; }}
            #findingCard[severity="error"] {{ border-left: 3px solid {c.error}; }}
            #findingCard[severity="warning"] {{ border-left: 3px solid {c.warning}; }}
            #findingCard[severity="suggestion"] {{ border-left: 3px solid {c.suggestion}; }}
            #findingCard:focus {{ border: 1px solid palette(highlight); }}
            #findingCard QPushButton:flat {{ border: 1px solid transparent;
                                             border-radius: 3px; padding: 2px 6px; }}
            #findingCard QPushButton:flat:focus {{ border: 1px solid palette(highlight); }}
            #findingQuote {{ color: {c.muted}; font-style: italic; }}
            #findingDetails {{ color: palette(window-text); }}
            #emptyState {{ color: {c.muted}; padding: 24px 8px; }}
            """
        )
        if self._cards:
            self._rebuild(empty="", reuse=False)  # new colours: fresh cards


def _same(item: Shown) -> tuple[object, ...]:
    """What a card shows (not where the words are)."""
    f = item.finding
    return (item.source, f.rule, f.severity, f.message, f.text, f.suggestions, f.start is None)


def _noun(severity: str, count: int) -> str:
    word = SEVERITY_TITLES[severity].lower()
    return word[:-1] if count == 1 else word


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _where(item: Shown) -> str:
    parts = []
    if item.finding.text:
        parts.append(f"“{_short(item.finding.text, 80)}”")
    if item.source:
        platform = load_platforms().get(item.source)
        parts.append(f"in the {platform.display_name if platform else item.source} text")
    return " ".join(parts)


def _details_html(item: Shown) -> str:
    f = item.finding
    muted = theme.colours().muted
    html = f"<p>{escape(f.explanation)}</p>" if f.explanation else ""
    if f.reference:
        html += f"<p style='color:{muted}'>Reference: {escape(f.reference)}</p>"
    return html or f"<p style='color:{muted}'>No further explanation for this one.</p>"
