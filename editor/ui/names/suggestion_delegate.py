"""FirstLineDelegate: a suggestion's "found  →  replacement" line keeps the replacement readable.

The list elides each line of an item at its right end, so in a narrow dock a long found text
pushed the name proposed out of sight ("DACA, Leora more hall → Daraka Larimo…"). This delegate
shortens the found text instead, when the line is too wide for the row being painted; the item's
own text (what a screen reader or a copy gets) stays whole.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

ARROW = "  →  "


class FirstLineDelegate(QStyledItemDelegate):
    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
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
        room = option.rect.width() - 2 * margin - 2
        if metrics.horizontalAdvance(first) <= room:
            return
        mark = "✓ " if found.startswith("✓ ") else ""
        keep = room - metrics.horizontalAdvance(mark + ARROW + replacement)
        short = metrics.elidedText(found[len(mark):], Qt.TextElideMode.ElideRight,
                                   max(keep, metrics.horizontalAdvance("xx…")))
        option.text = f"{mark}{short}{ARROW}{replacement}{newline}{rest}"
