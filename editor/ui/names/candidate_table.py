"""The Correct Everywhere dialog's places as a table model: a tick, ▶, time, words found, likeness, audio, context.

A model over the candidate list (nothing is made per row: a 10-hour episode lists hundreds of
places, and a widget or item per cell made the dialog take half a second to appear). The ticks
live here, one per row; the audio's verdict on a row is asked of *verdict_of(candidate)* when the
row is painted, so a verdict arriving repaints its cell only (:meth:`CandidateTable.audio_changed`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from editor.core.candidates import Candidate
from editor.core.timecode import format_clock

HOW = {"exact": "same words", "spelling": "spelled alike", "sound": "sounds alike", "address": "in an address"}
COLUMNS = ("", "", "Time", "Found", "Match", "Audio", "Context")
TICK_COLUMN, PLAY_COLUMN, TIME_COLUMN, FOUND_COLUMN, MATCH_COLUMN, AUDIO_COLUMN, CONTEXT_COLUMN = range(7)

_ROOT = QModelIndex()     # a table's rows hang off the invalid root index
_Role = Qt.ItemDataRole


def other_name_note(c: Candidate) -> str | None:
    """Why a place that is part of another full name is not ticked (None for any other place)."""
    if not c.other_name:
        return None
    return (f"Not ticked: “{c.found}” is part of the name “{c.other_name}”, most likely someone else. "
            "Tick it if it is the one you mean.")


class CandidateTable(QAbstractTableModel):
    """``candidates`` as rows with ``ticks`` beside them. *verdict_of(c)*: the audio's verdict (or None);
    *audio_text(verdict)* and *audio_tip(verdict)*: what the Audio column shows for it."""

    ticks_changed = Signal()     # the producer (or the dialog) ticked or unticked a row

    def __init__(self, verdict_of: Callable, audio_text: Callable, audio_tip: Callable, parent=None):
        super().__init__(parent)
        self.candidates: list[Candidate] = []
        self.ticks: list[bool] = []
        self._verdict_of, self._audio_text, self._audio_tip = verdict_of, audio_text, audio_tip

    def set_rows(self, candidates: list[Candidate], ticks: list[bool]) -> None:
        self.beginResetModel()
        self.candidates, self.ticks = list(candidates), list(ticks)
        self.endResetModel()
        self.ticks_changed.emit()

    def set_ticked(self, row: int, ticked: bool) -> None:
        if self.ticks[row] != ticked:
            self.ticks[row] = ticked
            cell = self.index(row, TICK_COLUMN)
            self.dataChanged.emit(cell, cell, [_Role.CheckStateRole])
            self.ticks_changed.emit()

    def set_all_ticked(self, ticked: bool) -> None:
        if self.candidates:
            self.ticks = [ticked] * len(self.candidates)
            self.dataChanged.emit(self.index(0, TICK_COLUMN), self.index(len(self.ticks) - 1, TICK_COLUMN),
                                  [_Role.CheckStateRole])
            self.ticks_changed.emit()

    def audio_changed(self, row: int) -> None:
        """Row *row*'s verdict arrived: repaint its Audio cell."""
        cell = self.index(row, AUDIO_COLUMN)
        self.dataChanged.emit(cell, cell)

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.candidates)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=_Role.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == _Role.DisplayRole:
            return COLUMNS[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == TICK_COLUMN:
            return Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
        if index.column() == PLAY_COLUMN and self.candidates[index.row()].time_ms is None:
            return Qt.ItemFlag.NoItemFlags     # nothing to play: shown greyed
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=_Role.DisplayRole):
        if not index.isValid():
            return None
        c, column = self.candidates[index.row()], index.column()
        if column == TICK_COLUMN:
            if role == _Role.CheckStateRole:
                return Qt.CheckState.Checked if self.ticks[index.row()] else Qt.CheckState.Unchecked
            if role == _Role.ToolTipRole:
                return other_name_note(c) or "Correct this place"
            if role == _Role.AccessibleTextRole:
                return f"Correct {c.found}"
            return None
        if column == PLAY_COLUMN:
            if role == _Role.DisplayRole:
                return "▶"
            if role == _Role.ToolTipRole:
                return "Play this place"
            if role == _Role.AccessibleTextRole:
                return f"Play {c.found}"
            if role == _Role.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if role == _Role.DisplayRole:
            if column == TIME_COLUMN:
                return format_clock(c.time_ms)
            if column == FOUND_COLUMN:
                return c.found
            if column == MATCH_COLUMN:
                return f"{c.score}% {HOW.get(c.how, c.how)}" + (f" · in “{c.other_name}”" if c.other_name else "")
            if column == AUDIO_COLUMN:
                return self._audio_text(self._verdict_of(c))
            return c.context
        if role == _Role.ToolTipRole:
            if column == AUDIO_COLUMN:
                return self._audio_tip(self._verdict_of(c))
            if column == CONTEXT_COLUMN:
                return c.context
            if column == MATCH_COLUMN:
                return other_name_note(c)
        return None

    def setData(self, index, value, role=_Role.EditRole) -> bool:
        if not index.isValid() or index.column() != TICK_COLUMN or role != _Role.CheckStateRole:
            return False
        self.set_ticked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True
