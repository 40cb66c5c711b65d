""""Correct everywhere" dialog: wrong phrase → right form, every candidate place with a tick box.

Candidates come from :func:`editor.core.corrections.find_variants` (exact, spelling and
sound-alike variants). Each row has a play button (:attr:`CorrectDialog.seek_requested`) so
the producer can listen before deciding. "Apply ticked" emits one span list
(:attr:`CorrectDialog.apply_requested`) for the window to apply as ONE undo step, and
remembers the wrong form in the show glossary when one is given.

Once the episode's words have times (*audio_path*), every candidate whose words are timed is
checked against the audio in the background (:class:`~editor.ui.names.audio_verdicts.AudioChecker`)
as soon as the right form is typed: the Audio column says "audio agrees" or "audio prefers the
original", a candidate the audio rejects is unticked (unless the producer ticked it), and when
the check ends the list is ranked by it (agreed first). Verdicts are kept in *verdicts* (the
controller's, shared by later dialogs) under the turn's text, the span and the right form.
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
from editor.ui.names.audio_verdicts import AUDIO_SAYS, AudioChecker, CheckItem, audio_rank

TICK_AT = 85  # candidates this sure start ticked; the rest wait for the producer's ear
_HOW = {"exact": "same words", "spelling": "spelled alike", "sound": "sounds alike"}
COLUMNS = ("", "", "Time", "Found", "Match", "Audio", "Context")
AUDIO_COLUMN, CONTEXT_COLUMN = 5, 6


class CorrectDialog(QDialog):
    """Find every variant of a misrecognized phrase and fix the ticked ones in one step."""

    seek_requested = Signal(int)           # ms: play this candidate
    apply_requested = Signal(list, str)    # [ReplaceSpan], undo text
    glossary_changed = Signal()            # the wrong form was remembered

    def __init__(self, model, wrong: str = "", right: str = "", glossary=None,
                 index: NameIndex | None = None, parent=None, *, audio_path: str = "",
                 verdicts: dict | None = None):
        super().__init__(parent)
        self.setWindowTitle("Correct Everywhere")
        self._model = model
        self._glossary = glossary
        self._index = index
        self.candidates: list[Candidate] = []
        self._listed: list[Candidate] = []    # what the table rows show
        self._audio_path = audio_path
        self._verdicts = verdicts if verdicts is not None else {}
        self._defaults: dict[tuple, bool] = {}   # place -> the tick the dialog gave it (not the producer)
        self._checks = AudioChecker(self)
        self._checks.judged.connect(self._on_checks_judged)
        self._checks.progressed.connect(self._on_checks_progressed)
        self._checks.failed.connect(self._on_checks_failed)
        self._checks.finished.connect(self._on_checks_finished)
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
        self.audio_status = QLabel("")
        self.audio_status.setAccessibleName("Audio check")
        self.stop_check_button = QPushButton("Stop checking au&dio")
        self.stop_check_button.hide()
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
        audio_row = QHBoxLayout()
        audio_row.addWidget(self.audio_status, 1)
        audio_row.addWidget(self.stop_check_button)
        layout.addLayout(audio_row)
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
        self.stop_check_button.clicked.connect(self.stop_audio_check)
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
        found = find_variants(transcript, wrong, right, threshold=self.sensitivity.value(),
                              index=self._index) if wrong else []
        # What the audio agrees with first, what it rejects last (otherwise find_variants' order).
        self.candidates = sorted(found, key=lambda c: audio_rank(self.verdict(c)))
        self._fill()
        self.check_audio()
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
            place = (c.index, c.start, c.end)
            default = self._default_tick(c)
            if place not in before or before[place] == _state(self._defaults.get(place, default)):
                before[place] = _state(default)     # the producer has not changed it: the dialog's tick
            self._defaults[place] = default
            tick.setCheckState(before[place])
            tick.setToolTip("Correct this place")
            self.table.setItem(row, 0, tick)
            self.table.setCellWidget(row, 1, self._play_button(c))
            self.table.setItem(row, 2, QTableWidgetItem(format_clock(c.time_ms)))
            self.table.setItem(row, 3, QTableWidgetItem(c.found))
            self.table.setItem(row, 4, QTableWidgetItem(f"{c.score}% {_HOW.get(c.how, c.how)}"))
            self.table.setItem(row, AUDIO_COLUMN, self._audio_item(c))
            context = QTableWidgetItem(c.context)
            context.setToolTip(c.context)
            self.table.setItem(row, CONTEXT_COLUMN, context)
        self.table.blockSignals(False)
        self._listed = list(self.candidates)
        self._update_apply()

    # ------------------------------------------------------------------ the audio's verdicts
    def _audio_key(self, c: Candidate) -> tuple | None:
        """What a verdict on *c* is about: the turn's text (an edit makes it stale), the span and
        the right form. None when it cannot be checked (no right form, or it runs into the next turn)."""
        right = self._right_form()
        segments = self._model.transcript.segments
        if not right or c.tail_end is not None or c.index >= len(segments):
            return None
        return segments[c.index].text, c.start, c.end, right

    def verdict(self, c: Candidate):
        """The audio's :class:`~editor.hearing.verdict.Verdict` on *c* with the right form typed; None: not checked."""
        key = self._audio_key(c)
        return self._verdicts.get(key) if key is not None else None

    def _default_tick(self, c: Candidate) -> bool:
        """Sure by its text, and not rejected by the audio (the producer named this wrong phrase:
        an unsure audio leaves the text's tick; agreement lifts a near miss over the line)."""
        verdict = self.verdict(c)
        if verdict is None:
            return c.score >= TICK_AT
        from editor.hearing.suggest import judge
        return judge(c.score, verdict, known=True)[1]

    def _audio_item(self, c: Candidate) -> QTableWidgetItem:
        verdict = self.verdict(c)
        item = QTableWidgetItem(AUDIO_SAYS.get(verdict.label, "") if verdict is not None else "")
        if verdict is not None:
            item.setToolTip(f"The right form fits the audio {verdict.margin:+.2f} per frame better than the text "
                            "(positive: the audio agrees)")
        return item

    def check_audio(self) -> int:
        """Check the listed candidates not judged yet against the audio (in the background); how many."""
        from editor.hearing.verdict import region
        self.stop_audio_check()
        if not self._audio_path:
            return 0
        segments = self._model.transcript.segments
        items, wanted = [], set()
        for c in self.candidates:
            key = self._audio_key(c)
            if key is None or key in self._verdicts or key in wanted:
                continue
            where = region(segments[c.index], c.start, c.end)
            if where is not None:
                wanted.add(key)
                items.append(CheckItem(key, where, key[3]))
        if items:
            self._checks.start(self._audio_path, items)
            self.stop_check_button.show()
            self.audio_status.setText(f"Checking {len(items)} place{'s' if len(items) != 1 else ''} "
                                      "against the audio…")
        return len(items)

    def stop_audio_check(self) -> None:
        self._checks.blockSignals(True)      # a stopped check says nothing more
        self._checks.cancel()
        self._checks.blockSignals(False)
        self.stop_check_button.hide()

    def is_checking_audio(self) -> bool:
        return self._checks.is_running()

    def _on_checks_judged(self, key: tuple, verdict) -> None:
        self._verdicts[key] = verdict
        self.table.blockSignals(True)
        for row, c in enumerate(self._listed):
            if self._audio_key(c) != key or self.table.item(row, 0) is None:
                continue
            self.table.setItem(row, AUDIO_COLUMN, self._audio_item(c))
            place, default = (c.index, c.start, c.end), self._default_tick(c)
            if self._tick(row).checkState() == _state(self._defaults.get(place, default)):
                self._tick(row).setCheckState(_state(default))     # untouched by the producer: follow the audio
            self._defaults[place] = default
        self.table.blockSignals(False)
        self._update_apply()

    def _on_checks_progressed(self, done: int, total: int) -> None:
        self.audio_status.setText(f"Checking against the audio: {done} of {total}…")

    def _on_checks_failed(self, why: str) -> None:
        self.audio_status.setText(f"Not checked against the audio: {why}")

    def _on_checks_finished(self, completed: bool) -> None:
        self.stop_check_button.hide()
        if not completed or self.audio_status.text().startswith("Not checked"):
            return     # stopped, or the audio could not be read (said so)
        verdicts = [self.verdict(c) for c in self.candidates]
        agree = sum(getattr(v, "label", "") == "agrees" for v in verdicts)
        rejected = sum(getattr(v, "rejected", False) for v in verdicts)
        self.audio_status.setText(f"Checked against the audio: it agrees with {agree}, "
                                  f"prefers the original for {rejected}.")
        self.candidates = sorted(self.candidates, key=lambda c: audio_rank(self.verdict(c)))
        self._fill()      # ranked by the audio now; every tick stays as it is

    def done(self, result: int) -> None:
        self.stop_audio_check()      # closing: the check stops at its next place
        super().done(result)

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


def _state(ticked: bool) -> Qt.CheckState:
    return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
