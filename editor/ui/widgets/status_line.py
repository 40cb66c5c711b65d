"""StatusLine: a few lines of status text whose changes repaint it and nothing else.

A ``QLabel``'s ``setText`` asks its layout to be done again (``updateGeometry``), and a layout
done again inside a dock asks the dock's, which asks the main window's: a panel saying "12 of
300…" for each result of a background check laid the whole window out again several times a
second. This widget's size does not depend on its text (it holds *lines* lines of the font,
as wide as its layout makes it); the text is wrapped at words, and ends in "…" when it does not
fit, the whole of it then in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QTextLayout
from PySide6.QtWidgets import QSizePolicy, QWidget


class StatusLine(QWidget):
    def __init__(self, text: str = "", lines: int = 2, parent=None):
        super().__init__(parent)
        self._text = text
        self._lines = lines
        self.setAccessibleDescription(text)     # what a screen reader says of it (a QLabel's text would be read)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802  (QLabel's name: a drop-in for a status label)
        if text != self._text:
            self._text = text
            self.setAccessibleDescription(text)
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(120, self.fontMetrics().lineSpacing() * self._lines)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.sizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        metrics = self.fontMetrics()
        width = self.contentsRect().width()
        text = self._text.replace("\n", "\u2028")     # a line break of the text's own
        layout = QTextLayout(text, self.font())
        layout.beginLayout()
        shown: list[tuple[int, int]] = []       # (start, length) of each line that fits
        while len(shown) < self._lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            shown.append((line.textStart(), line.textLength()))
        layout.endLayout()
        cut = bool(shown) and sum(shown[-1]) < len(text)
        y = metrics.ascent()
        for i, (start, length) in enumerate(shown):
            if cut and i == len(shown) - 1:      # the last line shown takes the rest, elided
                piece = metrics.elidedText(text[start:].replace("\u2028", " "), Qt.TextElideMode.ElideRight,
                                           width)
            else:
                piece = text[start:start + length].rstrip("\u2028")
            painter.drawText(0, y, piece)
            y += metrics.lineSpacing()
        # The whole text where it was cut (set while painting: the text itself never lays anything out).
        tip = self._text if cut else ""
        if self.toolTip() != tip:
            self.setToolTip(tip)
