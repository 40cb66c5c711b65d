"""Speaker dialogs: pick a turn's speaker (or type a new one), and the speaker list.

Both only ask; the :class:`~editor.ui.document.edit_controller.EditController` makes the
change, so each rename is one undo step however many turns show the name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from editor.core.timecode import format_clock
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
        edit = self.combo.lineEdit()
        if edit is not None:
            edit.selectAll()
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
    """Every speaker with their turn count and first words, a ▶ to hear them; rename, merge, reassign.

    Renaming (double-click or F2) changes the name in every turn; "Merge into" gives all of a
    speaker's turns to another and drops the first (diarization often splits one person in
    two); the turns list below gives a selection of the speaker's turns to someone else. Each
    is one step on the window's undo stack, and the dialog follows undo and redo.
    """

    def __init__(self, transcript: Transcript, edits: EditController, parent=None,
                 play: Callable[[int], None] | None = None):
        """*play(ms)*: hear the audio from *ms* (None: no audio, the ▶ buttons are disabled)."""
        super().__init__(parent)
        self.setWindowTitle("Speakers")
        self._edits = edits
        self._play = play
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Renaming changes the name in every turn; each change is one undo step."))
        self.table = QTreeWidget()
        self.table.setAccessibleName("Speakers")
        self.table.setRootIsDecorated(False)
        self.table.setColumnCount(4)
        self.table.setHeaderLabels(["Speaker", "Turns", "", "First words"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 170)
        self.table.setColumnWidth(1, 50)
        self.table.setColumnWidth(2, 34)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.currentItemChanged.connect(lambda *_: self._fill_turns())
        layout.addWidget(self.table, 2)
        row = QHBoxLayout()
        self.rename_button = QPushButton("&Rename")
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.add_button = QPushButton("&Add Speaker")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.merge_target = QComboBox()
        self.merge_target.setAccessibleName("Merge into")
        self.merge_button = QPushButton("&Merge Into")
        self.merge_button.setToolTip("Give all of this speaker's turns to the speaker on the right "
                                     "and remove this one (for one person split in two)")
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        row.addWidget(self.rename_button)
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.merge_button)
        row.addWidget(self.merge_target)
        layout.addLayout(row)
        self.turns_label = QLabel("&Turns of the selected speaker:")
        layout.addWidget(self.turns_label)
        self.turns = QListWidget()
        self.turns.setAccessibleName("Turns of the selected speaker")
        self.turns.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.turns.itemDoubleClicked.connect(self._on_turn_double_clicked)
        self.turns_label.setBuddy(self.turns)
        layout.addWidget(self.turns, 2)
        give = QHBoxLayout()
        self.reassign_button = QPushButton("&Give Selected Turns To")
        self.reassign_button.clicked.connect(self._on_reassign_button_clicked)
        self.reassign_target = QComboBox()
        self.reassign_target.setAccessibleName("Give selected turns to")
        give.addStretch(1)
        give.addWidget(self.reassign_button)
        give.addWidget(self.reassign_target)
        layout.addLayout(give)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        edits.stack.indexChanged.connect(self._on_stack_index_changed)   # undo/redo while open
        self.refresh()
        self.resize(640, 520)

    @property
    def _transcript(self) -> Transcript:
        return self._edits.transcript

    # ------------------------------------------------------------------ filling
    def refresh(self, keep: str | None = None) -> None:
        """Fill the table; the speaker *keep* (default: the selected one) stays selected."""
        keep = keep if keep is not None else self.selected_speaker()
        transcript = self._transcript
        counts: dict[str | None, int] = {}
        first: dict[str | None, int] = {}
        for index, segment in enumerate(transcript.segments):
            counts[segment.speaker_id] = counts.get(segment.speaker_id, 0) + 1
            first.setdefault(segment.speaker_id, index)
        self.table.blockSignals(True)
        self.table.clear()
        select = None
        for speaker in transcript.speakers.values():
            count = counts.get(speaker.id, 0)
            words = _first_words(transcript.segments[first[speaker.id]].text) if speaker.id in first else ""
            item = QTreeWidgetItem([speaker.name, str(count), "", words])
            item.setData(0, Qt.ItemDataRole.UserRole, speaker.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(1, f"{count} turn{'s' if count != 1 else ''}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.table.addTopLevelItem(item)
            self.table.setItemWidget(item, 2, self._play_button(speaker.name, first.get(speaker.id)))
            if speaker.id == keep:
                select = item
        self.table.blockSignals(False)
        if select is None and self.table.topLevelItemCount():
            select = self.table.topLevelItem(0)
        if select is not None:
            self.table.setCurrentItem(select)
        self._fill_targets()
        self._fill_turns()

    def _play_button(self, name: str, row: int | None) -> QToolButton:
        button = QToolButton()
        button.setText("▶")
        start = self._transcript.segments[row].start_ms if row is not None else None
        button.setEnabled(self._play is not None and start is not None)
        button.setToolTip(f"Hear {name}'s first turn")
        button.setAccessibleName(f"Play {name}")
        play = self._play
        if play is not None:
            button.clicked.connect(lambda _=False, ms=start: play(ms) if ms is not None else None)
        return button

    def _fill_targets(self) -> None:
        selected = self.selected_speaker()
        for combo in (self.merge_target, self.reassign_target):
            previous = combo.currentData()
            combo.clear()
            for speaker in self._transcript.speakers.values():
                if speaker.id != selected:
                    combo.addItem(speaker.name, speaker.id)
            index = combo.findData(previous)
            combo.setCurrentIndex(max(0, index))
        has_target = self.merge_target.count() > 0
        self.merge_button.setEnabled(has_target and selected is not None)
        self.reassign_button.setEnabled(has_target and selected is not None)

    def _fill_turns(self) -> None:
        selected = self.selected_speaker()
        self.turns.clear()
        for index, segment in enumerate(self._transcript.segments):
            if selected is not None and segment.speaker_id == selected:
                when = format_clock(segment.start_ms) if segment.start_ms is not None else "untimed"
                item = QListWidgetItem(f"{when}   {_first_words(segment.text, 12)}")
                item.setData(Qt.ItemDataRole.UserRole, index)
                self.turns.addItem(item)
        self._fill_targets()

    # ------------------------------------------------------------------ reading
    def selected_speaker(self) -> str | None:
        item = self.table.currentItem() if hasattr(self, "table") else None
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def selected_turns(self) -> list[int]:
        return sorted(item.data(Qt.ItemDataRole.UserRole) for item in self.turns.selectedItems())

    # ------------------------------------------------------------------ changing
    def rename(self, speaker_id: str, name: str) -> bool:
        ok = self._edits.rename_speaker(speaker_id, name)
        self.refresh(keep=speaker_id)
        return ok

    def merge(self, source_id: str, target_id: str) -> bool:
        ok = self._edits.merge_speakers(source_id, target_id)
        self.refresh(keep=target_id)
        return ok

    def reassign(self, rows: list[int], speaker_id: str) -> bool:
        keep = self.selected_speaker()
        ok = self._edits.reassign_turns(rows, speaker_id)
        self.refresh(keep=keep)
        return ok

    def _on_table_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        speaker_id = item.data(0, Qt.ItemDataRole.UserRole)
        if column == 0 and item.text(0).strip() != self._transcript.speaker_name(speaker_id):
            self.rename(speaker_id, item.text(0))

    def _on_rename_button_clicked(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            self.table.editItem(item, 0)

    def _on_merge_button_clicked(self) -> None:
        source, target = self.selected_speaker(), self.merge_target.currentData()
        if source is not None and target is not None:
            self.merge(source, target)

    def _on_reassign_button_clicked(self) -> None:
        target = self.reassign_target.currentData()
        if target is not None:
            self.reassign(self.selected_turns(), target)

    def _on_turn_double_clicked(self, item: QListWidgetItem) -> None:
        start = self._transcript.segments[item.data(Qt.ItemDataRole.UserRole)].start_ms
        if self._play is not None and start is not None:
            self._play(start)

    def _on_stack_index_changed(self, _index: int) -> None:
        if self.isVisible():
            self.refresh()

    def _on_add_button_clicked(self) -> None:
        base, n = "New speaker", 1
        name = base
        while self._transcript.speaker_by_name(name) is not None:
            n += 1
            name = f"{base} {n}"
        new_id = self._edits.add_speaker(name)
        self.refresh(keep=new_id)
        item = self.table.currentItem()
        if item is not None:
            self.table.editItem(item, 0)


def _first_words(text: str, count: int = 8) -> str:
    words = text.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")
