"""ChaptersModel: the episode's chapters as a table (start, title, link, image) for the panel.

It reads ``transcript.chapters`` and changes nothing itself: an edit in a cell
goes to the *edit* callback (the controller, which pushes an undoable command);
the table follows the transcript model's ``chapters_changed`` and resets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from editor.core.timecode import format_clock, parse_clock
from editor.ui.document.transcript_model import TranscriptModel

COLUMNS = ("Start", "Title", "Link", "Image")
_NO_PARENT = QModelIndex()
_FIELDS = ("start_ms", "title", "url", "image")

EditCallback = Callable[[int, str, object], bool]   # (chapter index, field, new value) -> done


class ChaptersModel(QAbstractTableModel):
    def __init__(self, model: TranscriptModel, edit: EditCallback, parent=None):
        super().__init__(parent)
        self._model = model
        self._edit = edit
        model.chapters_changed.connect(self._reset)
        model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    @property
    def chapters(self):
        return self._model.transcript.chapters

    def rowCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.chapters)

    def columnCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.chapters):
            return None
        chapter = self.chapters[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return format_clock(chapter.start_ms, hours=True, millis=chapter.start_ms % 1000 != 0)
            return getattr(chapter, _FIELDS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return "Double-click the row to play from here; edit to move the chapter (HH:MM:SS)"
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        field = _FIELDS[index.column()]
        if field == "start_ms":
            value = parse_clock(str(value))
            if value is None:
                return self._edit(index.row(), field, None)   # the controller says what is wrong
        return self._edit(index.row(), field, str(value) if field != "start_ms" else value)
