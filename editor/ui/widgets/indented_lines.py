"""IndentedLinesDelegate: a list item's lines, each wrapped under its own indent.

A list wraps an item's text as one paragraph: "    sounds different, unknown word, a glossary name
fits" went on at the item's left edge, under the time of the line above, and the lines of one item
no longer read as a heading and what belongs to it. Here each line ("\\n") of an item is wrapped on
its own, its leading spaces an indent that its continuation lines keep.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

MARGIN = 3     # px around the text inside its item, as the styles leave
_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def wrapped_lines(text: str, metrics: QFontMetrics, width: int) -> list[tuple[int, str, int]]:
    """(indent in px, line without its leading spaces, height in px wrapped in *width*) of each line."""
    laid = []
    # The item's "\n" reaches a delegate as U+2028 (Qt's line separator).
    for line in text.replace("\u2028", "\n").split("\n"):
        words = line.lstrip(" ")
        indent = min(metrics.horizontalAdvance(" ") * (len(line) - len(words)), width // 2)
        height = metrics.boundingRect(QRect(0, 0, max(1, width - indent), 1 << 20), _WRAP, words or " ").height()
        laid.append((indent, words, height))
    return laid


class IndentedLinesDelegate(QStyledItemDelegate):
    """Paints and measures an item's text line by line, each wrapped under its own indent."""

    def sizeHint(self, option: QStyleOptionViewItem,   # noqa: N802 (Qt's name)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        width = self._text_width(shown)
        height = sum(line[2] for line in wrapped_lines(shown.text, shown.fontMetrics, width))
        return QSize(width + 2 * MARGIN, height + 2 * MARGIN)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        text, shown.text = shown.text, ""
        style = shown.widget.style() if shown.widget is not None else QApplication.style()
        # Background, selection and focus as the style draws them; then the text, line by line.
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, shown, painter, shown.widget)
        painter.save()
        painter.setFont(shown.font)
        painter.setPen(self._ink(shown, index))
        left, y = shown.rect.left() + MARGIN, shown.rect.top() + MARGIN
        width = shown.rect.width() - 2 * MARGIN
        for indent, words, height in wrapped_lines(text, shown.fontMetrics, width):
            painter.drawText(QRect(left + indent, y, width - indent, height), _WRAP, words)
            y += height
        painter.restore()

    @staticmethod
    def _text_width(shown: QStyleOptionViewItem) -> int:
        """The width the text wraps in: the list's own (an item is as wide as the list shows it)."""
        view = shown.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else shown.rect.width()
        return max(1, width - 2 * MARGIN)

    @staticmethod
    def _ink(shown: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        """The text's colour: the selection's when selected, else the item's own (a greyed item), else the list's."""
        enabled = bool(shown.state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Normal if enabled else QPalette.ColorGroup.Disabled
        if shown.state & QStyle.StateFlag.State_Selected:
            return shown.palette.color(group, QPalette.ColorRole.HighlightedText)
        own = index.data(Qt.ItemDataRole.ForegroundRole)
        if isinstance(own, QBrush):
            return own.color()
        return shown.palette.color(group, QPalette.ColorRole.Text)
