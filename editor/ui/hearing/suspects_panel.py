"""SuspectsPanel: the passages the audio doubts, most doubtful first; activate one to hear it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from editor.core.timecode import format_clock

_EVIDENCE = {"audio": "sounds different", "spelling": "unknown word", "confidence": "recognizer unsure",
             "name": "a glossary name fits", "glossary": "glossary suggestion"}


class SuspectsPanel(QWidget):
    activated = Signal(int, int, int)      # row, char_start, char_end

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel("Suspects appear here once the audio is aligned.")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("suspects_list")
        self.list.itemActivated.connect(self._on_item_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_suspects(self, suspects, running: bool = False) -> None:
        """*suspects*: (row, Suspect) pairs, already sorted."""
        self.list.clear()
        for row, suspect in suspects:
            why = ", ".join(_EVIDENCE.get(e, e) for e in suspect.evidence)
            item = QListWidgetItem(f"{format_clock(suspect.start_ms)}  “{suspect.text}”  "
                                   f"doubt {round(suspect.doubt * 100)} %\n    {why}")
            item.setData(Qt.ItemDataRole.UserRole, (row, suspect.char_start, suspect.char_end))
            self.list.addItem(item)
        count = len(suspects)
        self.summary.setText(("Listening… " if running else "")
                             + (f"{count} passage{'s' if count != 1 else ''} to listen to"
                                if count else "No doubtful passages" if not running else ""))

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.activated.emit(*item.data(Qt.ItemDataRole.UserRole))
