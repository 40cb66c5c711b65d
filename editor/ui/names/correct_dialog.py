""""Correct everywhere" dialog: wrong phrase → right form, every candidate place with a tick box.

Candidates come from :func:`editor.core.corrections.find_variants` (exact, spelling and
sound-alike variants), searched on a worker thread
(:class:`~editor.ui.names.candidate_search.CandidateSearch`, so the dialog is on screen at once and
the list follows) and listed by a model (:class:`~editor.ui.names.candidate_table.CandidateTable`:
nothing is made per row, so hundreds of places list at once). Clicking a row's ▶ plays it
(:attr:`CorrectDialog.seek_requested`) so the producer can listen before deciding. "Apply ticked" emits one span list
(:attr:`CorrectDialog.apply_requested`) for the window to apply as ONE undo step, and
remembers the wrong form in the show glossary when one is given.

Once the episode's words have times (*audio_path*), every candidate whose words are timed is
checked against the audio in the background (:class:`~editor.ui.names.audio_verdicts.AudioChecker`;
a place running on into the speaker's next turn, over both turns' audio) as soon as the right
form is typed: the Audio column says "audio agrees" or "audio prefers the original", a candidate
the audio rejects is unticked (unless the producer ticked it), and when the check ends the list
is ranked by it (agreed first). Verdicts are kept in *verdicts* (the controller's, shared by
later dialogs) under the turn's text, the span and the right form.
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
    QTableView,
    QVBoxLayout,
)

from editor.core.candidates import Candidate, spans_for
from editor.core.errors import TranscriptError
from editor.core.glossary import capture
from editor.core.name_index import NameIndex
from editor.ui.names.audio_verdicts import (
    AudioChecker,
    CheckItem,
    audio_rank,
    region_across,
    verdicts_said,
)
from editor.ui.names.candidate_search import CandidateSearch
from editor.ui.names.candidate_table import (
    AUDIO_COLUMN,
    CONTEXT_COLUMN,
    FOUND_COLUMN,
    MATCH_COLUMN,
    PLAY_COLUMN,
    TICK_COLUMN,
    TIME_COLUMN,
    CandidateTable,
)
from editor.ui.widgets.verdict_words import AUDIO_SAYS

__all__ = ["AUDIO_COLUMN", "CONTEXT_COLUMN", "CorrectDialog", "TICK_AT"]

TICK_AT = 85  # candidates this sure start ticked; the rest wait for the producer's ear
FOUND_WIDEST = 260    # px: a longer "found" is elided (the context shows it whole)


class CorrectDialog(QDialog):
    """Find every variant of a misrecognized phrase and fix the ticked ones in one step."""

    seek_requested = Signal(int)           # ms: play this candidate
    apply_requested = Signal(object, str)    # [ReplaceSpan], undo text (object: a list would be copied twice)
    glossary_changed = Signal()            # the wrong form was remembered
    index_built = Signal(object)           # NameIndex: the search had none and made one (worth keeping)

    def __init__(self, model, wrong: str = "", right: str = "", glossary=None,
                 index: NameIndex | None = None, parent=None, *, audio_path: str = "",
                 verdicts: dict | None = None):
        super().__init__(parent)
        self.setWindowTitle("Correct Everywhere")
        self._model = model
        self._glossary = glossary
        self._index = index
        self.candidates: list[Candidate] = []
        self._audio_path = audio_path
        self._verdicts = verdicts if verdicts is not None else {}
        self._defaults: dict[tuple, bool] = {}   # place -> the tick the dialog gave it (not the producer)
        self._checks = AudioChecker(self)
        self._checks.judged.connect(self._on_checks_judged)
        self._checks.progressed.connect(self._on_checks_progressed)
        self._checks.failed.connect(self._on_checks_failed)
        self._checks.finished.connect(self._on_checks_finished)
        # Why the check under way could not be done: said once it has ended (its Stop button gone).
        self._check_failure: str | None = None
        self._search = CandidateSearch(self)
        self._search.found.connect(self._on_found)
        self._note = ""      # said in the summary once the search under way has listed its places
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.wrong_edit.setText(wrong)
        self.right_edit.setText(right or wrong)
        self.refresh()
        # Opened on a phrase, the producer types its right form; opened on nothing, the wrong
        # phrase comes first (the hint below says so), not into the Right field.
        first = self.right_edit if wrong else self.wrong_edit
        first.setFocus()
        first.selectAll()

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
        self.rows = CandidateTable(self.verdict, _audio_text, _audio_tip, self)
        self.table = QTableView()
        self.table.setModel(self.rows)
        self.table.setAccessibleName("Places found")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self._size_columns()
        # With no audio to ask (none linked, or its words not timed yet) the column could only stay blank.
        self.table.setColumnHidden(AUDIO_COLUMN, not self._audio_path)
        self.summary = QLabel("")
        self.audio_status = QLabel("")
        self.audio_status.setAccessibleName("Audio check")
        self.stop_check_button = QPushButton("Stop checking au&dio")
        self.stop_check_button.hide()
        self.tick_all = QPushButton("&Tick all")
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
        self.rows.ticks_changed.connect(self._update_apply)
        # Clicks only: Enter in the table is the dialog's (Apply ticked), as it always was.
        self.table.clicked.connect(self._play_clicked)
        self.resize(760, 420)

    def _size_columns(self) -> None:
        """Widths from the font, not from the rows' contents (measuring every cell of hundreds of
        rows is what made the dialog slow to appear); the context takes what is left."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.table.fontMetrics()
        pad = 3 * self.table.style().pixelMetric(self.table.style().PixelMetric.PM_FocusFrameHMargin) + 12
        for column, widest in ((TICK_COLUMN, "MM"), (PLAY_COLUMN, "MM"), (TIME_COLUMN, "00:00:00"),
                               (MATCH_COLUMN, "100% spelled alike"), (AUDIO_COLUMN, AUDIO_SAYS["prefers original"])):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(widest) + pad)
        self.table.setColumnWidth(FOUND_COLUMN, metrics.horizontalAdvance("Found") + pad)

    def _size_found_column(self) -> None:
        """The Found column as wide as its longest entry (up to FOUND_WIDEST)."""
        metrics = self.table.fontMetrics()
        widest = max((metrics.horizontalAdvance(c.found) for c in self.candidates), default=0)
        widest = max(widest, metrics.horizontalAdvance("Found"))
        self.table.setColumnWidth(FOUND_COLUMN, min(widest, FOUND_WIDEST) + 16)
        # A place in another full name says so in its Match cell ("91% sounds alike · in “Barack Obama”").
        notes = [self.rows.index(row, MATCH_COLUMN).data() for row, c in enumerate(self.candidates) if c.other_name]
        if notes:
            widest = max(map(metrics.horizontalAdvance, notes))
            self.table.setColumnWidth(MATCH_COLUMN, max(self.table.columnWidth(MATCH_COLUMN),
                                                        min(widest, FOUND_WIDEST) + 16))

    # ------------------------------------------------------------------ candidates
    def refresh(self) -> None:
        """Look for the wrong phrase and its variants again, on a worker thread (the list follows)."""
        self._timer.stop()
        wrong = self.wrong_edit.text().strip()
        if not wrong:
            self._search.cancel()
            self._on_found([], self._index)
            return
        self._search.start(capture(self._model.transcript), wrong, self._right_form(), self.sensitivity.value(),
                           self._index)
        self.summary.setText(f"Looking for “{wrong}”…")

    def _on_found(self, found: list[Candidate], index: NameIndex | None) -> None:
        if index is not self._index:
            self._index = index
            self.index_built.emit(index)
        if not self._still_there(found):
            self.refresh()       # the text changed while it was searched: its places moved
            return
        # What the audio agrees with first, what it rejects last (otherwise find_variants' order).
        self.candidates = sorted(found, key=lambda c: audio_rank(self.verdict(c)))
        self._fill()
        if self._note:
            self.summary.setText(self._note)
            self._note = ""
        self.check_audio()

    def _still_there(self, found: list[Candidate]) -> bool:
        """Whether every place found still holds the words found there."""
        segments = self._model.transcript.segments
        for c in found:
            last = c.index + (c.tail_end is not None)
            if last >= len(segments) or not c.found.startswith(segments[c.index].text[c.start:c.end]):
                return False
        return True

    def _fill(self) -> None:
        # A place listed before keeps the producer's tick (typing the right form relists).
        before = {(c.index, c.start, c.end): tick for c, tick in zip(self.rows.candidates, self.rows.ticks,
                                                                     strict=True)}
        ticks = []
        for c in self.candidates:
            place = (c.index, c.start, c.end)
            default = self._default_tick(c)
            if place not in before or before[place] == self._defaults.get(place, default):
                before[place] = default     # the producer has not changed it: the dialog's tick
            self._defaults[place] = default
            ticks.append(before[place])
        self.rows.set_rows(self.candidates, ticks)
        self._size_found_column()

    # ------------------------------------------------------------------ the audio's verdicts
    def _audio_key(self, c: Candidate) -> tuple | None:
        """What a verdict on *c* is about: the turn's text (an edit makes it stale), the span and
        the right form; a place running on into the next turn is about both turns' texts. None
        when it cannot be checked (no right form)."""
        right = self._right_form()
        segments = self._model.transcript.segments
        if not right or c.index + (c.tail_end is not None) >= len(segments):
            return None
        if c.tail_end is not None:
            return segments[c.index].text, segments[c.index + 1].text, c.start, c.tail_end, right
        return segments[c.index].text, c.start, c.end, right

    def verdict(self, c: Candidate):
        """The audio's :class:`~editor.hearing.verdict.Verdict` on *c* with the right form typed; None: not checked."""
        key = self._audio_key(c)
        return self._verdicts.get(key) if key is not None else None

    def _default_tick(self, c: Candidate) -> bool:
        """Sure by its text, and not rejected by the audio (the producer named this wrong phrase:
        an unsure audio leaves the text's tick; agreement lifts a near miss over the line). A place
        that is part of another full name ("Barack Obama" for "Baraka") waits for the producer."""
        if c.other_name or not self._right_form():
            return False     # nothing to correct it to yet: the producer looks before choosing
        verdict = self.verdict(c)
        if verdict is None:
            return c.score >= TICK_AT
        from editor.hearing.suggest import judge
        return judge(c.score, verdict, known=True)[1]

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
            if c.tail_end is None:
                where = region(segments[c.index], c.start, c.end)
            else:      # over both turns' audio
                where = region_across(segments[c.index], segments[c.index + 1], c.start, c.tail_end)
            if where is not None:
                wanted.add(key)
                items.append(CheckItem(key, where, key[-1]))
        if items:
            self._check_failure = None
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
        for row, c in enumerate(self.rows.candidates):
            if self._audio_key(c) != key:
                continue
            self.rows.audio_changed(row)
            place, default = (c.index, c.start, c.end), self._default_tick(c)
            if self.rows.ticks[row] == self._defaults.get(place, default):
                self.rows.set_ticked(row, default)     # untouched by the producer: follow the audio
            self._defaults[place] = default

    def _on_checks_progressed(self, done: int, total: int) -> None:
        self.audio_status.setText(f"Checking against the audio: {done} of {total}…")

    def _on_checks_failed(self, why: str) -> None:
        # Its thread's end is still to come (queued behind this): said then, with the Stop button gone.
        self._check_failure = why

    def _on_checks_finished(self, completed: bool) -> None:
        self.stop_check_button.hide()
        failure, self._check_failure = self._check_failure, None
        if failure is not None:
            self.audio_status.setText(f"Not checked against the audio: {failure}")
            return
        if not completed:
            return     # stopped
        self.audio_status.setText(verdicts_said([self.verdict(c) for c in self.candidates], "place"))
        self.candidates = sorted(self.candidates, key=lambda c: audio_rank(self.verdict(c)))
        self._fill()      # ranked by the audio now; every tick stays as it is

    def done(self, result: int) -> None:
        self._search.cancel()
        self.stop_audio_check()      # closing: the check stops at its next place
        super().done(result)

    def _right_form(self) -> str:
        """The right form typed so far; "" while it still equals the wrong phrase (the field
        starts that way), so the wrong phrase's own places are listed rather than left out."""
        right = self.right_edit.text().strip()
        return "" if right == self.wrong_edit.text().strip() else right

    def _play_clicked(self, index) -> None:
        """A click on a row's ▶ plays that place."""
        if index.column() == PLAY_COLUMN and index.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.seek_requested.emit(self.rows.candidates[index.row()].time_ms)

    def ticked(self) -> list[Candidate]:
        return [c for c, tick in zip(self.rows.candidates, self.rows.ticks, strict=True) if tick]

    def set_ticked(self, row: int, ticked: bool) -> None:
        self.rows.set_ticked(row, ticked)

    def set_all_ticked(self, ticked: bool) -> None:
        self.rows.set_all_ticked(ticked)

    # ------------------------------------------------------------------ applying
    def apply_ticked(self) -> int:
        """Emit the ticked places as one span list; remember the wrong form; returns how many."""
        right = self._right_form()
        segments = self._model.transcript.segments
        spans = spans_for(self.ticked(), right, lambda index: segments[index].text) if right else []
        if not spans:
            return 0
        wrong = self.wrong_edit.text().strip()
        self.apply_requested.emit(spans, f"Correct “{wrong}” → “{right}” ({len(spans)})")
        if self.remember.isChecked() and self._glossary is not None:
            self._remember(wrong, right)
        self._note = f"Corrected {len(spans)} place{'s' if len(spans) != 1 else ''}."
        self.refresh()
        self.summary.setText(self._note)
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
        ticked = sum(self.rows.ticks)
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


def _audio_text(verdict) -> str:
    return AUDIO_SAYS.get(verdict.label, "") if verdict is not None else ""


def _audio_tip(verdict) -> str | None:
    if verdict is None:
        return None
    return (f"The right form fits the audio {verdict.margin:+.2f} per frame better than the text "
            "(positive: the audio agrees)")
