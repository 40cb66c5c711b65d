"""FirstLineDelegate: a suggestion's "found  →  replacement" line keeps the replacement readable,
and every item's text starts at the same place, ticked or not.

The list elides each line of an item at its right end, so in a narrow dock a long found text
pushed the name proposed out of sight ("DACA, Leora more hall → Daraka Larimo…"). This delegate
shortens the found text instead, when the line is too wide for the row being painted. The ✓ of a
sure suggestion is drawn in a column of its own beside the text (every item keeps that column, so
a sure item's text does not start a tick's width right of the others'). The item's own text
(what a screen reader or a copy gets) stays whole, ✓ included.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

ARROW = "  →  "
TICK = "✓ "


class FirstLineDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._ticks: dict[tuple[int, int, str, str], QIcon] = {}   # (width, height, ink, selected ink)

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        ticked = option.text.startswith(TICK)
        self._tick_column(option, ticked)
        if ticked:
            option.text = option.text[len(TICK):]
        if option.rect.width() <= 0:
            return                      # measured for a size, not painted: the whole text
        # Qt hands the item's line breaks over as LINE SEPARATORs.
        first, newline, rest = option.text.replace("\n", "\u2028").partition("\u2028")
        found, arrow, replacement = first.rpartition(ARROW)
        if not arrow:
            return
        metrics = option.fontMetrics
        style = option.widget.style() if option.widget is not None else None
        margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, option.widget)
                  if style is not None else 2) + 1
        room = option.rect.width() - 2 * margin - 2 - option.decorationSize.width() - margin
        if metrics.horizontalAdvance(first) <= room:
            return
        keep = room - metrics.horizontalAdvance(ARROW + replacement)
        short = metrics.elidedText(found, Qt.TextElideMode.ElideRight, max(keep, metrics.horizontalAdvance("xx…")))
        option.text = f"{short}{ARROW}{replacement}{newline}{rest}"

    def _tick_column(self, option, ticked: bool) -> None:
        """The ✓ as the item's decoration, at the top beside the first line; an unticked item an
        empty one of the same size (the style keeps the room for it)."""
        size = QSize(option.fontMetrics.horizontalAdvance(TICK), option.fontMetrics.height())
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        option.decorationSize = size
        option.decorationAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        option.decorationPosition = QStyleOptionViewItem.Position.Left
        option.icon = self._tick(option, size) if ticked else QIcon()

    def _tick(self, option, size: QSize) -> QIcon:
        """The ✓ in the list's text colour (and its selected text colour when selected)."""
        palette = option.palette
        ink = palette.color(QPalette.ColorRole.Text)
        selected_ink = palette.color(QPalette.ColorRole.HighlightedText)
        key = (size.width(), size.height(), ink.name(), selected_ink.name())
        icon = self._ticks.get(key)
        if icon is None:
            ratio = option.widget.devicePixelRatioF() if option.widget is not None else 1.0
            icon = QIcon()
            icon.addPixmap(_glyph(option.font, size, ink, ratio), QIcon.Mode.Normal)
            icon.addPixmap(_glyph(option.font, size, selected_ink, ratio), QIcon.Mode.Selected)
            self._ticks[key] = icon
        return icon


def _glyph(font, size: QSize, ink: QColor, ratio: float) -> QPixmap:
    pixmap = QPixmap(size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setFont(font)
    painter.setPen(ink)
    # Painted in device-independent pixels: the rectangle is the decoration's size.
    painter.drawText(QRect(QPoint(0, 0), size), Qt.AlignmentFlag.AlignCenter,
                     TICK.strip())
    painter.end()
    return pixmap
