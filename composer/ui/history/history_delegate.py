"""How one history row looks: heading on top; status badge, the approval's expiry mark
(when it lapses within 30 days or has lapsed), platforms and date below.

Colours come from the view's palette, so rows follow the system's light or dark scheme;
only the badge has a hue of its own, tinted against the base colour so it stays readable
(and quiet) in both. Every row has the same height, which lets the view skip measuring.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from composer.ui.history.history_model import (
    STATUS_NAMES,
    ExpiryKindRole,
    ExpiryRole,
    PlatformsRole,
    StatusRole,
    WhenRole,
)

PADDING = 6
BADGE_PADDING = 5
LINE_GAP = 2

# One hue per status; drafts use the palette's own muted text colour instead.
_HUES: dict[str, QColor] = {
    "changes_requested": QColor(230, 81, 0),  # orange: the reviewer wants a new text
    "rejected": QColor(173, 20, 87),  # crimson, apart from the bin's red
    "in_review": QColor(106, 27, 154),  # purple: waiting on someone else
    "approved": QColor(46, 125, 50),
    "exported": QColor(21, 101, 192),
    "published": QColor(0, 121, 107),  # teal: it ran
    "retired": QColor(109, 76, 65),  # brown-grey: kept for the record, not in use
    "archived": QColor(117, 117, 117),
    "deleted": QColor(198, 40, 40),
}


# The expiry mark: amber while the approval is about to lapse, red once it has.
_EXPIRY_HUES: dict[str, QColor] = {"soon": QColor(191, 104, 0), "expired": QColor(198, 40, 40)}


def expiry_color(kind: str, palette: QPalette) -> QColor:
    hue = QColor(_EXPIRY_HUES.get(kind, palette.color(QPalette.ColorRole.PlaceholderText)))
    return hue.lighter(160) if is_dark(palette) else hue


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def badge_colors(status: str, palette: QPalette) -> tuple[QColor, QColor]:
    """(fill, text) for a badge: a faint tint of the hue, and the hue made legible on it."""
    hue = _HUES.get(status)
    if hue is None:
        hue = palette.color(QPalette.ColorRole.PlaceholderText)
    fill = QColor(hue)
    fill.setAlpha(60 if is_dark(palette) else 36)
    text = QColor(hue).lighter(170) if is_dark(palette) else QColor(hue).darker(115)
    return fill, text


def _small(font: QFont) -> QFont:
    small = QFont(font)
    size = font.pointSizeF()
    if size > 0:
        small.setPointSizeF(max(size * 0.85, 7.0))
    return small


class PostDelegate(QStyledItemDelegate):
    """Paints a post row; native selection and focus come from the style."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        top = QFontMetrics(option.font).height()
        bottom = QFontMetrics(_small(option.font)).height()
        return QSize(200, PADDING * 2 + top + LINE_GAP + bottom + 2)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        heading = opt.text
        opt.text = ""
        widget: Any = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:  # background, selection and focus as the platform draws them
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = palette.color(group, text_role)
        muted = (
            QColor(text_color) if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        )

        rect: QRect = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        font: QFont = opt.font
        small = _small(font)
        top_h = QFontMetrics(font).height()

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        painter.setPen(text_color)
        elided = QFontMetrics(font).elidedText(heading, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), top_h), 0, elided)

        painter.setFont(small)
        metrics = QFontMetrics(small)
        line = QRect(rect.left(), rect.top() + top_h + LINE_GAP, rect.width(), metrics.height() + 2)
        x = line.left()
        status = index.data(StatusRole) or ""
        label = STATUS_NAMES.get(status, status)
        if label:
            fill, ink = badge_colors(status, palette)
            badge = QRect(
                x, line.top(), metrics.horizontalAdvance(label) + 2 * BADGE_PADDING, line.height()
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(text_color if selected else ink)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            x = badge.right() + 1 + BADGE_PADDING * 2
        mark = index.data(ExpiryRole) or ""
        if mark:
            painter.setPen(
                text_color if selected else expiry_color(index.data(ExpiryKindRole), palette)
            )
            mark_font = QFont(small)
            mark_font.setBold(True)
            painter.setFont(mark_font)
            width = QFontMetrics(mark_font).horizontalAdvance(mark)
            target = QRect(x, line.top(), width + 1, line.height())
            painter.drawText(
                target, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, mark
            )
            painter.setFont(small)
            x = target.right() + 1 + BADGE_PADDING * 2

        when = index.data(WhenRole) or ""
        when_w = metrics.horizontalAdvance(when)
        painter.setPen(muted)
        if when:
            painter.drawText(
                line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, when
            )
        platforms = index.data(PlatformsRole) or ""
        room = line.right() - x - when_w - BADGE_PADDING * 2
        if platforms and room > 0:
            text = metrics.elidedText(platforms, Qt.TextElideMode.ElideRight, room)
            target = QRect(x, line.top(), room, line.height())
            painter.drawText(
                target, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text
            )
        painter.restore()
