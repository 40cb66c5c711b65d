"""Speaker dialogs: pick a turn's speaker (or type a new one), and rename/add speakers.

Both only ask; the :class:`~editor.ui.document.edit_controller.EditController` makes the
change, so each rename is one undo step however many turns show the name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from editor.core.transcript import Transcript
from editor.ui.document.edit_controller import EditController


class SpeakerPicker(QDialog):
    """Choose the speaker of one turn; a name not in the list adds a speaker."""

    def __init__(self, transcript: Transcript, row: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Change Speaker")
        self.row = row
        segment = transcript.segments[row]
        layout = QVBoxLayout(self)
        excerpt = segment.text if len(segment.text) < 90 else segment.text[:87] + "…"
        label = QLabel(f"Speaker of the turn “{excerpt}”:")
        label.setWordWrap(True)
        layout.addWidget(label)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setAccessibleName("Speaker")
        for speaker in transcript.speakers.values():
            self.combo.addItem(speaker.name, speaker.id)
        self.combo.setCurrentText(transcript.speaker_name(segment.speaker_id))
        self.combo.lineEdit().selectAll()
        layout.addWidget(self.combo)
        hint = QLabel("Type a new name to add a speaker.")
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(380, self.sizeHint().height())

    def name(self) -> str:
        return self.combo.currentText().strip()


class SpeakersDialog(QDialog):
    """The speaker list: rename a speaker everywhere (double-click or F2) and add speakers."""

    def __init__(self, transcript: Transcript, edits: EditController, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Speakers")
        self._transcript = transcript
        self._edits = edits
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Renaming changes the name in every turn (one undo step)."))
        self.list = QListWidget()
        self.list.setAccessibleName("Speakers")
        self.list.itemChanged.connect(self._on_list_item_changed)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.rename_button = QPushButton("&Rename")
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.add_button = QPushButton("&Add Speaker")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        row.addWidget(self.rename_button)
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh()
        self.resize(360, 320)

    def refresh(self) -> None:
        counts: dict[str | None, int] = {}
        for segment in self._transcript.segments:
            counts[segment.speaker_id] = counts.get(segment.speaker_id, 0) + 1
        self.list.blockSignals(True)
        self.list.clear()
        for speaker in self._transcript.speakers.values():
            item = QListWidgetItem(speaker.name)
            item.setData(Qt.ItemDataRole.UserRole, speaker.id)
            item.setToolTip(f"{counts.get(speaker.id, 0)} turns")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(0)

    def rename(self, speaker_id: str, name: str) -> bool:
        ok = self._edits.rename_speaker(speaker_id, name)
        self.refresh()
        return ok

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        speaker_id = item.data(Qt.ItemDataRole.UserRole)
        if item.text().strip() != self._transcript.speaker_name(speaker_id):
            self.rename(speaker_id, item.text())

    def _on_rename_button_clicked(self) -> None:
        if self.list.currentItem() is not None:
            self.list.editItem(self.list.currentItem())

    def _on_add_button_clicked(self) -> None:
        base, n = "New speaker", 1
        name = base
        while self._transcript.speaker_by_name(name) is not None:
            n += 1
            name = f"{base} {n}"
        self._edits.add_speaker(name)
        self.refresh()
        self.list.setCurrentRow(self.list.count() - 1)
        self.list.editItem(self.list.currentItem())
