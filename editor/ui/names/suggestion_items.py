"""SuggestionItems: the Glossary Suggestions list's items, made when the view paints them.

A long episode lists thousands of suggestions, and the list is listed again after every split,
merge, Apply, Ignore and rescan, and its items name each turn's speaker afresh after one: made
up front as widget items, that was work (0.1-0.2 s for 5,000) proportional to the document on
an edit. Here an item's text and tooltip are asked of the panel only for the rows the view
paints (a screenful), and a change to many rows is one signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt


class SuggestionItems(QAbstractListModel):
    """*count* rows; row *r* reads ``text(r)`` and its tooltip ``tip(r)`` (kept until changed)."""

    def __init__(self, text: Callable[[int], str], tip: Callable[[int], str], parent=None):
        super().__init__(parent)
        self._text, self._tip = text, tip
        self._count = 0
        self._texts: dict[int, str] = {}    # the rows painted since they last changed

    def relist(self, count: int) -> None:
        """Another list of *count* suggestions (the selection goes with the old one)."""
        self.beginResetModel()
        self._count = count
        self._texts.clear()
        self.endResetModel()

    def changed(self, rows: Iterable[int] | None = None) -> None:
        """Rows whose items say something else now (None: any of them)."""
        if rows is None:
            self._texts.clear()
            if self._count:
                self.dataChanged.emit(self.index(0), self.index(self._count - 1))
            return
        for row in rows:
            self._texts.pop(row, None)
            self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = index.row()
        if not index.isValid() or not 0 <= row < self._count:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._texts.get(row)
            if text is None:
                text = self._texts[row] = self._text(row)
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row)
        return None
