"""The text widget: a QPlainTextEdit that draws findings as underlines and applies fixes.

Findings arrive with code-point offsets; `OffsetMap` turns them into Qt's UTF-16
positions once per result. Underlines are ExtraSelections for the visible part of the
document only, refreshed on scroll. While a word is being typed, findings touching it are
held back until the cursor leaves it, so half-typed words do not flash red.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from composer.domain.findings import Finding
from composer.ui.editor import underlines
from composer.ui.editor.offsets import OffsetMap
from composer.ui.findings.findings_model import Shown
from composer.ui.images.image_drop import offer_from_mime


@dataclass(frozen=True, slots=True)
class Placed:
    """A finding with text cursors at both ends of its span: Qt moves them as the text is
    edited, so underlines stay on their words between one check and the next. Text typed
    right before or after the words is not drawn into the span."""

    item: Shown
    head: QTextCursor
    tail: QTextCursor

    @property
    def start(self) -> int:
        return self.head.position()

    @property
    def end(self) -> int:
        return self.tail.position()

    def selection(self) -> QTextCursor:
        cursor = QTextCursor(self.head)
        cursor.setPosition(self.tail.position(), QTextCursor.MoveMode.KeepAnchor)
        return cursor


MEASURE = 90  # characters per line at most, in the font's average letter width


class DraftEditor(QPlainTextEdit):
    focusLost = Signal()
    contextMenuWanted = Signal(object, object)  # (QContextMenuEvent, list[Shown])
    imagesOffered = Signal(object)  # ImageOffer: images dropped or pasted, not text
    findingClicked = Signal(object, object)  # (list[Shown], QPoint on screen): a plain click

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftEditor")
        self.setAccessibleName("Post text")
        self.setPlaceholderText("Write your post here. Checks appear on the right as you type.")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(14)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)  # the text is the point: a little larger
        self.setFont(font)
        self._placed: list[Placed] = []
        self._formats = underlines.formats()
        self._typing_at: int | None = None  # cursor position right after a typed word char
        self.verticalScrollBar().valueChanged.connect(self._refresh)
        self.cursorPositionChanged.connect(self._cursor_moved)

    # -- findings -------------------------------------------------------------------

    def set_findings(self, items: list[Shown], checked_text: str) -> bool:
        """Show `items` (found in `checked_text`); False if the text has moved on since."""
        text = self.toPlainText()
        if text != checked_text:
            return False
        offsets = OffsetMap(text)
        document = self.document()
        placed: list[Placed] = []
        for item in items:
            f = item.finding
            if f.start is None or f.end is None or item.source is not None:
                continue
            head = QTextCursor(document)
            head.setPosition(offsets.to_utf16(f.start))
            tail = QTextCursor(document)
            tail.setPosition(offsets.to_utf16(f.end))
            tail.setKeepPositionOnInsert(True)
            placed.append(Placed(item, head, tail))
        self._placed = placed
        self._refresh()
        return True

    def placed(self) -> list[Placed]:
        return list(self._placed)

    def findings_at(self, position: int) -> list[Shown]:
        """Findings whose span holds Qt `position` (a cursor touching either end counts)."""
        return [p.item for p in self._placed if p.start <= position <= p.end]

    def restyle(self) -> None:
        self._formats = underlines.formats()
        self._refresh()

    def span_of(self, item: Shown) -> tuple[int, int] | None:
        f = item.finding
        if f.start is None or f.end is None:
            return None
        offsets = OffsetMap(self.toPlainText())
        return offsets.to_utf16(f.start), offsets.to_utf16(f.end)

    def select_finding(self, item: Shown) -> bool:
        return select_span(self, item.finding)

    def replace_finding(self, item: Shown, replacement: str) -> bool:
        return replace_span(self, item.finding, replacement)

    def code_point_at(self, position: int) -> int:
        return OffsetMap(self.toPlainText()).to_code_point(position)

    # -- drawing ----------------------------------------------------------------------

    def _visible_range(self) -> tuple[int, int]:
        block = self.firstVisibleBlock()
        first = block.position()
        bottom = self.viewport().height()
        offset = self.contentOffset()
        last = first
        while block.isValid():
            last = block.position() + block.length()
            if self.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            block = block.next()
        return first, last

    def _refresh(self) -> None:
        first, last = self._visible_range()
        held = self._typing_at
        selections: list[QTextEdit.ExtraSelection] = []
        for p in self._placed:
            if p.end < first or p.start > last:
                continue
            if held is not None and p.start <= held <= p.end:
                continue
            if p.start >= p.end:
                continue  # its words were deleted
            selection = QTextEdit.ExtraSelection()
            selection.cursor = p.selection()
            selection.format = self._formats[underlines.style_name(p.item)]
            selections.append(selection)
        self.setExtraSelections(selections)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_a_readable_measure()
        self._refresh()

    def _keep_a_readable_measure(self) -> None:
        """On a wide screen, centre a column of about MEASURE characters: lines of 1,000+
        pixels are hard to read and nothing like the post's own width on any network."""
        column = self.fontMetrics().horizontalAdvance("n") * MEASURE
        spare = max(0, self.width() - column - 2 * self.frameWidth())
        side = spare // 2
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)

    # -- typing ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        typed = event.text()
        if typed and (typed[-1].isalnum() or typed[-1] in "'’-"):
            self._typing_at = self.textCursor().position()
        elif typed or event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._typing_at = None
            self._refresh()

    def _cursor_moved(self) -> None:
        if self._typing_at is not None and self.textCursor().position() != self._typing_at:
            self._typing_at = None
            self._refresh()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._typing_at is not None:
            self._typing_at = None
            self._refresh()
        self.focusLost.emit()

    # -- images dropped or pasted ------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return offer_from_mime(source) is not None or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Images become attachments (never a file path typed into the post)."""
        offer = offer_from_mime(source)
        if offer is None:
            super().insertFromMimeData(source)
            return
        self.imagesOffered.emit(offer)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A plain click on underlined words offers what to do about them."""
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        cursor = self.cursorForPosition(event.position().toPoint())
        items = self.findings_at(cursor.position())
        if items:
            below = self.cursorRect(cursor).bottomLeft()
            self.findingClicked.emit(items, self.viewport().mapToGlobal(below))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        cursor = self.cursorForPosition(event.pos())
        self.contextMenuWanted.emit(event, self.findings_at(cursor.position()))


def select_span(edit: QPlainTextEdit, finding: Finding) -> bool:
    """Select the finding's words in `edit` and show them; False for a missing-thing finding."""
    if finding.start is None or finding.end is None:
        return False
    offsets = OffsetMap(edit.toPlainText())
    cursor = edit.textCursor()
    cursor.setPosition(offsets.to_utf16(finding.start))
    cursor.setPosition(offsets.to_utf16(finding.end), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
    return True


def replace_span(edit: QPlainTextEdit, finding: Finding, replacement: str) -> bool:
    """Apply a quick fix as one undo step; False if the flagged words are no longer there.

    A finding about something missing (a disclosure) adds the text as its own paragraph.
    """
    text = edit.toPlainText()
    if finding.start is not None and text[finding.start : finding.end] != finding.text:
        return False
    cursor = QTextCursor(edit.document())
    cursor.beginEditBlock()
    if finding.start is None or finding.end is None:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        separator = "" if not text.strip() else ("\n" if text.endswith("\n") else "\n\n")
        cursor.insertText(separator + replacement)
    else:
        offsets = OffsetMap(text)
        cursor.setPosition(offsets.to_utf16(finding.start))
        cursor.setPosition(offsets.to_utf16(finding.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)
    return True
