"""SuspectsPanel: the passages the audio doubts, most doubtful first; activate one to hear it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from editor.core.timecode import format_clock

_EVIDENCE = {"audio": "sounds different", "spelling": "unknown word", "confidence": "recognizer unsure",
             "name": "a glossary name fits", "glossary": "glossary suggestion"}


class SuspectsPanel(QWidget):
    activated = Signal(int, int, int)      # row, char_start, char_end
    apply_requested = Signal(int, int, int, str)   # row, char_start, char_end, the name heard there

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel("Suspects appear here once the audio is aligned.")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("suspects_list")
        self.list.setAccessibleName("Suspect passages")
        self.list.setWordWrap(True)         # the evidence and the name heard read in full in a narrow dock
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemActivated.connect(self._on_item_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.list.currentItemChanged.connect(self._update_button)
        self.apply = QPushButton("Apply the Name Heard")
        self.apply.setToolTip("Replace the passage by the glossary name the audio fits better")
        self.apply.clicked.connect(self._on_apply_clicked)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.apply)
        self._update_button()

    def show_suspects(self, suspects, running: bool = False, name_for=lambda row, suspect: None) -> None:
        """*suspects*: (row, Suspect) pairs, already sorted; *name_for(row, suspect)*: a Spotted or None.
        The suspect chosen before stays chosen when it is still listed."""
        chosen = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        self.list.clear()
        for row, suspect in suspects:
            why = ", ".join(_EVIDENCE.get(e, e) for e in suspect.evidence)
            heard = name_for(row, suspect)
            name = (f"\n    → {heard.name}  (audio {'agrees' if heard.agrees else 'cannot tell'})"
                    if heard is not None else "")
            item = QListWidgetItem(f"{format_clock(suspect.start_ms)}  “{suspect.text}”  "
                                   f"doubt {round(suspect.doubt * 100)} %\n    {why}{name}")
            item.setData(Qt.ItemDataRole.UserRole, (row, suspect.char_start, suspect.char_end))
            item.setData(Qt.ItemDataRole.UserRole + 1,
                         (row, heard.char_start, heard.char_end, heard.name) if heard is not None else None)
            self.list.addItem(item)
        if chosen is not None:
            self.select(chosen[0], chosen[1])
        self._update_button()
        count = len(suspects)
        self.summary.setText(("Listening… " if running else "")
                             + (f"{count} passage{'s' if count != 1 else ''} to listen to"
                                if count else "No doubtful passages" if not running else ""))

    def select(self, row: int, char_start: int) -> None:
        """Make the suspect at (*row*, *char_start*) the list's current one (not activated: nothing plays)."""
        for i in range(self.list.count()):
            where = self.list.item(i).data(Qt.ItemDataRole.UserRole)
            if where[0] == row and where[1] == char_start:
                self.list.setCurrentRow(i)
                self.list.scrollToItem(self.list.item(i))
                return

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.activated.emit(*item.data(Qt.ItemDataRole.UserRole))

    def _update_button(self, *_) -> None:
        item = self.list.currentItem()
        self.apply.setEnabled(item is not None and item.data(Qt.ItemDataRole.UserRole + 1) is not None)

    def _on_apply_clicked(self) -> None:
        item = self.list.currentItem()
        heard = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None
        if heard is not None:
            self.apply_requested.emit(*heard)
