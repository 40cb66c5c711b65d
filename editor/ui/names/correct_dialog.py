""""Correct everywhere" dialog: wrong phrase → right form, every candidate place with a tick box.

Candidates come from :func:`editor.core.corrections.find_variants` (exact, spelling and
sound-alike variants). Each row has a play button (:attr:`CorrectDialog.seek_requested`) so
the producer can listen before deciding. "Apply ticked" emits one span list
(:attr:`CorrectDialog.apply_requested`) for the window to apply as ONE undo step, and
remembers the wrong form in the show glossary when one is given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
)

from editor.core.corrections import Candidate, find_variants, spans_for
from editor.core.errors import TranscriptError
from editor.core.name_index import NameIndex
from editor.core.timecode import format_clock

TICK_AT = 85  # candidates this sure start ticked; the rest wait for the producer's ear
_HOW = {"exact": "same words", "spelling": "spelled alike", "sound": "sounds alike"}
COLUMNS = ("", "", "Time", "Found", "Match", "Context")


class CorrectDialog(QDialog):
    """Find every variant of a misrecognized phrase and fix the ticked ones in one step."""

    seek_requested = Signal(int)           # ms: play this candidate
    apply_requested = Signal(list, str)    # [ReplaceSpan], undo text
    glossary_changed = Signal()            # the wrong form was remembered

    def __init__(self, model, wrong: str = "", right: str = "", glossary=None,
                 index: NameIndex | None = None, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Correct Everywhere")
        self._model = model
        self._glossary = glossary
        self._index = index
        self.candidates: list[Candidate] = []
        self._listed: list[Candidate] = []    # what the table rows show
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.wrong_edit.setText(wrong)
        self.right_edit.setText(right or wrong)
        self.refresh()
        self.right_edit.setFocus()
        self.right_edit.selectAll()

    def _build(self) -> None:
        self.wrong_edit = QLineEdit()
        self.wrong_edit.setAccessibleName("Wrong phrase")
        self.right_edit = QLineEdit()
        self.right_edit.setAccessibleName("Right form")
        self.sensitivity = QSpinBox(minimum=60, maximum=100, value=80, suffix=" %")
        self.sensitivity.setToolTip("How alike a place must be to be listed (lower finds more)")
        self.remember = QCheckBox("Remember in the show glossary")
        self.remember.setChecked(self._glossary is not None)
        self.remember.setEnabled(self._glossary is not None)
        form = QFormLayout()
        form.addRow("&Wrong:", self.wrong_edit)
        form.addRow("&Right:", self.right_edit)
        row = QHBoxLayout()
        row.addWidget(QLabel("Likeness at least"))
        row.addWidget(self.sensitivity)
        row.addStretch(1)
        row.addWidget(self.remember)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.summary = QLabel("")
        self.tick_all = QPushButton("Tick &all")
        self.tick_none = QPushButton("Tick &none")
        self.apply_button = QPushButton("&Apply ticked")
        self.apply_button.setDefault(True)
        close = QPushButton("Close")
        buttons = QHBoxLayout()
        for button in (self.tick_all, self.tick_none):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.wrong_edit.textChanged.connect(self._timer.start)
        # Places already equal to the right form are left out, so the list follows the right
        # form as it is typed (after a pause, like the wrong phrase); the button at once.
        self.right_edit.textChanged.connect(self._timer.start)
        self.right_edit.textChanged.connect(self._update_apply)
        self.sensitivity.valueChanged.connect(self._timer.start)
        self.tick_all.clicked.connect(lambda: self.set_all_ticked(True))
        self.tick_none.clicked.connect(lambda: self.set_all_ticked(False))
        self.apply_button.clicked.connect(self.apply_ticked)
        close.clicked.connect(self.reject)
        self.table.itemChanged.connect(self._update_apply)
        self.resize(760, 420)

    # ------------------------------------------------------------------ candidates
    def refresh(self) -> list[Candidate]:
        """Look for the wrong phrase and its variants again."""
        self._timer.stop()
        wrong = self.wrong_edit.text().strip()
        right = self._right_form()
        transcript = self._model.transcript
        if self._index is None or self._index.transcript is not transcript:
            self._index = NameIndex(transcript)
        self.candidates = find_variants(transcript, wrong, right, threshold=self.sensitivity.value(),
                                        index=self._index) if wrong else []
        self._fill()
        return self.candidates

    def _fill(self) -> None:
        # A place listed before keeps the producer's tick (typing the right form relists).
        before = {(c.index, c.start, c.end): self._tick(row).checkState()
                  for row, c in enumerate(self._listed) if self.table.item(row, 0) is not None}
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            default = Qt.CheckState.Checked if c.score >= TICK_AT else Qt.CheckState.Unchecked
            tick.setCheckState(before.get((c.index, c.start, c.end), default))
            tick.setToolTip("Correct this place")
            self.table.setItem(row, 0, tick)
            self.table.setCellWidget(row, 1, self._play_button(c))
            self.table.setItem(row, 2, QTableWidgetItem(format_clock(c.time_ms)))
            self.table.setItem(row, 3, QTableWidgetItem(c.found))
            self.table.setItem(row, 4, QTableWidgetItem(f"{c.score}% {_HOW.get(c.how, c.how)}"))
            context = QTableWidgetItem(c.context)
            context.setToolTip(c.context)
            self.table.setItem(row, 5, context)
        self.table.blockSignals(False)
        self._listed = list(self.candidates)
        self._update_apply()

    def _right_form(self) -> str:
        """The right form typed so far; "" while it still equals the wrong phrase (the field
        starts that way), so the wrong phrase's own places are listed rather than left out."""
        right = self.right_edit.text().strip()
        return "" if right == self.wrong_edit.text().strip() else right

    def _play_button(self, candidate: Candidate) -> QToolButton:
        button = QToolButton()
        button.setText("▶")
        button.setAutoRaise(True)
        button.setToolTip("Play this place")
        button.setAccessibleName(f"Play {candidate.found}")
        button.setEnabled(candidate.time_ms is not None)
        button.clicked.connect(lambda _=False, ms=candidate.time_ms: self.seek_requested.emit(ms))
        return button

    def ticked(self) -> list[Candidate]:
        return [c for row, c in enumerate(self.candidates)
                if self._tick(row).checkState() == Qt.CheckState.Checked]

    def set_ticked(self, row: int, ticked: bool) -> None:
        self._tick(row).setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def _tick(self, row: int) -> QTableWidgetItem:
        """The check box item of *row* (every listed row has one)."""
        item = self.table.item(row, 0)
        assert item is not None
        return item

    def set_all_ticked(self, ticked: bool) -> None:
        for row in range(self.table.rowCount()):
            self.set_ticked(row, ticked)

    # ------------------------------------------------------------------ applying
    def apply_ticked(self) -> int:
        """Emit the ticked places as one span list; remember the wrong form; returns how many."""
        right = self._right_form()
        spans = spans_for(self.ticked(), right) if right else []
        if not spans:
            return 0
        wrong = self.wrong_edit.text().strip()
        self.apply_requested.emit(spans, f"Correct “{wrong}” → “{right}” ({len(spans)})")
        if self.remember.isChecked() and self._glossary is not None:
            self._remember(wrong, right)
        self.refresh()
        self.summary.setText(f"Corrected {len(spans)} place{'s' if len(spans) != 1 else ''}.")
        return len(spans)

    def _remember(self, wrong: str, right: str) -> None:
        self._glossary.remember_correction(wrong, right)
        try:
            if self._glossary.path is not None:
                self._glossary.save()
        except TranscriptError as error:
            self.summary.setText(str(error))
        self.glossary_changed.emit()

    def _update_apply(self, *_args) -> None:
        ticked = len(self.ticked()) if self.table.rowCount() == len(self.candidates) else 0
        right = self._right_form()
        self.apply_button.setEnabled(bool(ticked and right))
        self.apply_button.setText(f"&Apply ticked ({ticked})")
        if not self.wrong_edit.text().strip():
            self.summary.setText("Type the wrong phrase to find it everywhere.")
        elif not right:
            self.summary.setText(f"{len(self.candidates)} place{'s' if len(self.candidates) != 1 else ''} found. "
                                 "Type the right form to correct them.")
        else:
            self.summary.setText(f"{len(self.candidates)} place{'s' if len(self.candidates) != 1 else ''} found, "
                                 f"{ticked} ticked.")
