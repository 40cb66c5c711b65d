"""ChaptersPanel: the chapter list (edit in place), with buttons to add, remove and play a chapter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.ui.chapters.chapters_model import ChaptersModel


class ChaptersPanel(QWidget):
    add_at_turn_requested = Signal()
    add_at_playback_requested = Signal()
    remove_requested = Signal(int)      # chapter index
    play_requested = Signal(int)        # chapter index

    def __init__(self, model: ChaptersModel, parent=None):
        super().__init__(parent)
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setAccessibleName("Chapters")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)   # the title gets the room
        for column in (2, 3):   # link and image: rarely set, so narrow (the full text is in the editor)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 56)
        self.table.doubleClicked.connect(lambda index: self.play_requested.emit(index.row()))
        self.empty = QLabel("No chapters yet. Mark one at a turn (Ctrl+Shift+H) or at the playback "
                            "position (Ctrl+Shift+K); podcast apps show their titles as headings.")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.add_turn = QPushButton("Add at Turn")
        self.add_playback = QPushButton("Add at Playback")
        self.remove = QPushButton("Remove")
        self.add_turn.clicked.connect(self.add_at_turn_requested)
        self.add_playback.clicked.connect(self.add_at_playback_requested)
        self.remove.clicked.connect(self._on_remove_clicked)
        buttons = QHBoxLayout()
        for button in (self.add_turn, self.add_playback, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        model.modelReset.connect(self._on_model_reset)
        self._on_model_reset()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select(self, row: int) -> None:
        if 0 <= row < self.table.model().rowCount():
            self.table.selectRow(row)

    def _on_remove_clicked(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.remove_requested.emit(row)

    def _on_model_reset(self) -> None:
        has_rows = self.table.model().rowCount() > 0
        self.empty.setVisible(not has_rows)
        self.table.setVisible(has_rows)
        self.remove.setEnabled(has_rows)
