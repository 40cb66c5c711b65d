"""The markers panel: every inaudible/crosstalk/unclear passage, to jump to or remove.

Listing is a pass over all segments, so the panel refreshes on a short timer
after changes and only while it is shown (never per keystroke on a hidden dock).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.timecode import format_clock
from editor.core.transcript import Mark, Transcript
from editor.ui.theme import MARK_BG


def all_marks(transcript: Transcript) -> list[tuple[int, Mark]]:
    return [(row, mark) for row, segment in enumerate(transcript.segments) for mark in segment.marks]


class MarksPanel(QWidget):
    """Lists markers; asks to show (activate) or remove them."""

    show_requested = Signal(int, object)      # row, Mark
    remove_requested = Signal(int, object)

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self._entries: list[tuple[int, Mark]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Markers")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels(["Time", "Marker", "Text"])
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setMinimumWidth(380)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        self.count_label = QLabel()
        self.remove_button = QPushButton("Remove Marker")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        row.addWidget(self.count_label, 1)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(300)
        self._refresh_timer.timeout.connect(self.refresh)
        model.transcript_changed.connect(self._on_model_changed)
        model.modelReset.connect(self._on_model_changed)

    def _on_model_changed(self) -> None:
        if self.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        transcript = self._model.transcript
        self._entries = all_marks(transcript)
        self.tree.clear()
        items = []
        for row, mark in self._entries:
            text = transcript.segments[row].text
            shown = text[mark.start:mark.end] or mark.kind.token
            context = text[max(0, mark.start - 30):mark.start].lstrip()
            item = QTreeWidgetItem([format_clock(mark.time_ms), mark.kind.value,
                                    f"…{context}{shown}{text[mark.end:mark.end + 30]}…"])
            item.setBackground(1, MARK_BG[mark.kind].on(self.palette()))
            item.setToolTip(2, text[:300])
            items.append(item)
        self.tree.addTopLevelItems(items)
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        count = len(self._entries)
        self.count_label.setText(f"{count} marker{'' if count == 1 else 's'}")
        self.remove_button.setEnabled(bool(self._entries))

    def _current(self) -> tuple[int, Mark] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = self.tree.indexOfTopLevelItem(item)
        return self._entries[index] if 0 <= index < len(self._entries) else None

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        index = self.tree.indexOfTopLevelItem(item)
        if 0 <= index < len(self._entries):
            self.show_requested.emit(*self._entries[index])

    def _on_remove_button_clicked(self) -> None:
        current = self._current()
        if current is not None:
            self.remove_requested.emit(*current)
