"""Glossary suggestions: likely misrecognitions of the show's names, offered like a spell checker's.

:meth:`SuggestionsPanel.start_scan` scans the transcript in the background
(:class:`~editor.ui.names.glossary_scan.GlossaryScan`: the window's own, which runs before any
panel is made) and :meth:`~SuggestionsPanel.show_scan` lists what it found. Apply / Apply all
emit span lists for the window to apply as one undo step each (Apply all takes only the sure
ones, marked ✓; a change of capitals or a weaker match is applied by choosing it); Ignore hides
every suggestion of that found text and replacement for good (the show's glossary remembers it).
Names from the show notes (:attr:`SuggestionsPanel.candidates`) are looked for too, before anyone
adds them to the glossary.
Suggestions whose text was edited meanwhile are dropped when applied.

Once the episode has audio and word times (:meth:`SuggestionsPanel.check_audio`), each
suggestion is also checked against the audio in the background (:mod:`audio_verdicts`, in the
window's audio process): the
list shows "audio agrees" or "audio prefers the original", ranks by it, and a suggestion the
audio rejects is never ticked (the same rules as ``transcript-editor suggest``).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QListView, QPushButton, QVBoxLayout, QWidget

from editor.core.errors import TranscriptError
from editor.core.glossary import Glossary, Suggestion, apply_spans
from editor.core.search import time_at
from editor.core.timecode import format_clock
from editor.ui.names.audio_verdicts import AudioChecker, CheckItem, audio_rank, verdicts_said
from editor.ui.names.glossary_scan import GlossaryScan, scan_summary
from editor.ui.names.suggestion_delegate import ARROW, TICK, FirstLineDelegate
from editor.ui.names.suggestion_items import SuggestionItems
from editor.ui.widgets.status_line import StatusLine
from editor.ui.widgets.verdict_words import AUDIO_SAYS

_HOW = {"known": "known wrong form", "case": "capitals", "spelling": "spelled alike", "sound": "sounds alike",
        "show-notes": "from the show notes", "speaker": "a speaker's name", "audio": "audio",
        "confidence": "recognizer unsure"}

_MARGIN = 6     # around the panel's status, list and buttons


class SuggestionsPanel(QWidget):
    """The list of glossary suggestions with Apply, Apply all and Ignore."""

    apply_requested = Signal(object, str)   # [ReplaceSpan], undo text (object: a list would be copied twice)
    corrected = Signal(object)            # [(found, replacement)] of the suggestions just applied (the glossary learns)
    seek_requested = Signal(int)          # ms
    scan_finished = Signal(int)           # number of suggestions shown
    # The audio's verdicts are in (True: all it can give) or the check stopped (False).
    audio_checked = Signal(bool)
    current_row_changed = Signal(int)     # the suggestion in hand (-1: none)

    def __init__(self, model, glossary: Glossary, scan: GlossaryScan, parent=None):
        """*scan*: the window's glossary scan (:meth:`start_scan` starts it), whose results its
        owner hands to :meth:`show_scan`."""
        super().__init__(parent)
        self._model = model
        self.glossary = glossary
        self.candidates: tuple[str, ...] = ()   # names from the show notes, not (yet) in the glossary
        self.suggestions: list[Suggestion] = []
        self._scan = scan
        # The audio checks: the episode's audio once its words have times ("": none yet), the
        # verdicts found so far by what they judged, and the checker.
        self.audio_path = ""
        self._verdicts: dict[tuple, object] = {}
        # What suggestions in words without times are (their turn untimed, or not fitted to the audio):
        # the audio cannot judge them, and gives them no verdict (see unheard()).
        self._unheard: set[tuple] = set()
        # The listed suggestions' rows by what a verdict judges (made when the first verdict comes).
        self._rows_by_key: dict[tuple, list[int]] | None = None
        self._sure = 0                                   # how many listed suggestions are ticked (Apply all)
        self._checks = AudioChecker(self)
        # Why the check under way could not be done: said once it has ended (its Stop button gone).
        self._check_failure: str | None = None
        self._applying = False     # while its own Apply is being made
        self._build()
        model.committed.connect(self._on_model_committed)
        self._checks.judged.connect(self._on_checks_judged)
        self._checks.progressed.connect(self._on_checks_progressed)
        self._checks.failed.connect(self._on_checks_failed)
        self._checks.finished.connect(self._on_checks_finished)

    def _build(self) -> None:
        # Its text changes with every verdict of a check: a QLabel would have the window laid out each time.
        self.status = StatusLine("Glossary suggestions appear here after a scan.", lines=3)
        self.status.setAccessibleName("Glossary suggestions status")
        self.items = SuggestionItems(self._row_text, self._row_tip, self)
        self.list = QListView()
        self.list.setModel(self.items)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("Glossary suggestions")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setItemDelegate(FirstLineDelegate(self.list))    # the found text elides, not the name proposed
        self.list.setSpacing(1)
        self.list.setUniformItemSizes(True)   # every item is four lines: listing 300 measures one
        # Laid out a hundred items a turn of the event loop: thousands listed at once kept the GUI
        # thread from painting or taking a key for tens of milliseconds.
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.stop_check_button = QPushButton("Stop checking au&dio")
        self.stop_check_button.hide()
        self.apply_button = QPushButton("&Apply")
        self.apply_all_button = QPushButton("Appl&y all")
        # Underlined letters no menu (Alt+I: Timing) or action (Alt+S: Change Speaker) takes, nor the
        # find bar's (its Replace all has L): a letter taken twice makes Qt do neither.
        self.ignore_button = QPushButton("Ign&ore")
        self.rescan_button = QPushButton("Scan a&gain")
        # Two rows of two: the dock stays narrow enough for a small screen.
        buttons = QGridLayout()
        buttons.addWidget(self.apply_button, 0, 0)
        buttons.addWidget(self.apply_all_button, 0, 1)
        buttons.addWidget(self.ignore_button, 1, 0)
        buttons.addWidget(self.rescan_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(_MARGIN, _MARGIN, _MARGIN, _MARGIN)
        layout.addWidget(self.status)
        layout.addWidget(self.stop_check_button)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.apply_button.clicked.connect(self.apply_selected)
        self.apply_all_button.clicked.connect(self.apply_all)
        self.ignore_button.clicked.connect(self.ignore_selected)
        self.rescan_button.clicked.connect(self.start_scan)
        self.stop_check_button.clicked.connect(self.stop_audio_check)
        selection = self.list.selectionModel()
        selection.currentRowChanged.connect(lambda current, _before: self._on_list_current_row_changed(current.row()))
        selection.selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # ------------------------------------------------------------------ scanning
    def start_scan(self) -> None:
        """Scan the current transcript in the background (an older scan is cancelled)."""
        self.status.setText(f"Scanning for {counted(len(self.glossary.entries) + len(self.candidates), 'name')}…")
        self._scan.start(self.glossary, self.candidates)

    def is_scanning(self) -> bool:
        return self._scan.is_scanning()

    def forget(self) -> None:
        """Another transcript was opened: the listed suggestions point into the old one (Apply would
        edit the wrong turns), so they go at once; a scan of the old one finishing late is ignored."""
        self._scan.cancel()
        self.stop_audio_check()
        self.audio_path = ""
        self._verdicts.clear()
        self._unheard.clear()
        self.set_suggestions([])
        self.status.setText("Looking for likely misrecognitions of glossary names…")

    def show_scan(self, found: list[Suggestion]) -> None:
        """List what a scan found, and check it against the audio when there is some."""
        self.set_suggestions(found)
        self.status.setText(scan_summary(len(self.suggestions), len(self.glossary.entries), len(self.candidates)))
        self.scan_finished.emit(len(self.suggestions))
        self.check_audio()

    # ------------------------------------------------------------------ the audio's verdicts
    def check_audio(self, audio_path: str | None = None) -> int:
        """Check the listed suggestions not yet judged against *audio_path* (default: the one
        given before) in the background; returns how many are being checked. Only suggestions
        whose words have times can be checked; the GUI thread does work per suggestion only."""
        if audio_path is not None:
            self.audio_path = audio_path
        self.stop_audio_check()
        if not self.audio_path:
            return 0
        from editor.hearing.verdict import region  # PocketSphinx: only when there is audio to check
        segments = self._model.transcript.segments
        items = []
        unheard = len(self._unheard)
        for s in self.suggestions:
            key = self._audio_key(s)
            if key is None or key in self._verdicts:
                continue
            where = region(segments[s.index], s.start, s.end)
            if where is not None:
                self._unheard.discard(key)      # its words have times now
                items.append(CheckItem(key, where, s.replacement))
            else:
                self._unheard.add(key)
        if not items:
            if len(self._unheard) > unheard:
                self.audio_checked.emit(True)   # all the audio can say of them: nothing
            return 0
        self._check_failure = None
        self._checks.start(self.audio_path, items)
        self.stop_check_button.show()
        self._update_buttons(self._sure)     # the count leaves Apply all's face while verdicts come in
        return len(items)

    def stop_audio_check(self, wait: bool = False) -> None:
        """Stop checking (what the stopped check still reports is ignored; it says nothing more);
        *wait* for its thread to end (the window is closing)."""
        self._checks.blockSignals(True)
        self._checks.cancel(wait)
        self._checks.blockSignals(False)
        self.stop_check_button.hide()
        self._update_buttons(self._sure)

    def is_checking_audio(self) -> bool:
        return self._checks.is_running()

    def verdict(self, s: Suggestion):
        """The audio's :class:`~editor.hearing.verdict.Verdict` on *s*, None when not checked."""
        key = self._audio_key(s)
        return self._verdicts.get(key) if key is not None else None

    def unheard(self, s: Suggestion) -> bool:
        """Whether the audio cannot judge *s* (its words have no times): it gets no verdict, and is
        taken on the text's evidence alone, as ``transcript-editor suggest`` takes it."""
        return bool(self._unheard) and self._audio_key(s) in self._unheard

    def is_ticked(self, s: Suggestion) -> bool:
        """Sure enough for Apply all: the scan's tick, once the audio has spoken its verdict."""
        return self._judged(s, self.verdict(s))[1]

    @staticmethod
    def _judged(s: Suggestion, verdict) -> tuple[int, bool]:
        """(score, ticked) of *s* with the audio's *verdict* on it (None: not checked)."""
        if verdict is None:
            return s.score, s.ticked     # (the same as judge's when not heard)
        from editor.hearing.suggest import judge
        score, ticked, _evidence = judge(s.score, verdict, known=s.how == "known", case=s.how == "case")
        return score, ticked

    def _audio_key(self, s: Suggestion) -> tuple | None:
        # The turn's text is part of it: an edit to the turn makes the verdict a stale one.
        segments = self._model.transcript.segments
        if s.index >= len(segments):
            return None
        return segments[s.index].text, s.start, s.end, s.replacement

    def _audio_keys(self, suggestions: list[Suggestion]) -> list[tuple | None]:
        """:meth:`_audio_key` of each of *suggestions*, in one pass."""
        segments = self._model.transcript.segments
        count = len(segments)
        return [(segments[s.index].text, s.start, s.end, s.replacement) if s.index < count else None
                for s in suggestions]

    def _rows_judged(self, key: tuple) -> list[int]:
        """The rows of the listed suggestions a verdict on *key* judges (listed by the first verdict asked
        about: a list that no check judges never pays for it)."""
        if self._rows_by_key is None:
            self._rows_by_key = {}
            for row, listed in enumerate(self._audio_keys(self.suggestions)):
                if listed is not None:
                    self._rows_by_key.setdefault(listed, []).append(row)
        return self._rows_by_key.get(key, [])

    def _on_checks_judged(self, key: tuple, verdict) -> None:
        # Only the items of what was judged change (a verdict per suggestion: the whole list each
        # time would cost the list, again and again, while a long episode's checks come in).
        rows = [row for row in self._rows_judged(key) if self._audio_key(self.suggestions[row]) == key]
        was_sure = sum(self.is_ticked(self.suggestions[row]) for row in rows)
        self._verdicts[key] = verdict
        self.items.changed(rows)
        self._sure += sum(self.is_ticked(self.suggestions[row]) for row in rows) - was_sure
        self._update_buttons(self._sure)

    def _on_checks_progressed(self, done: int, total: int) -> None:
        self.status.setText(f"Checking suggestions against the audio: {done} of {total}…")

    def _on_checks_failed(self, why: str) -> None:
        # Its thread's end is still to come (queued behind this): said then, with the Stop button gone.
        self._check_failure = why

    def _on_checks_finished(self, completed: bool) -> None:
        failure, self._check_failure = self._check_failure, None
        completed = completed and failure is None
        self.stop_check_button.hide()
        self.set_suggestions(self.suggestions)     # ranked by the audio now
        if failure is not None:
            self.status.setText(f"Suggestions not checked against the audio: {failure}")
        elif completed:
            self.status.setText(verdicts_said([self.verdict(s) for s in self.suggestions], "suggestion"))
        self.audio_checked.emit(completed)

    # ------------------------------------------------------------------ the list
    def _on_model_committed(self, commit) -> None:
        """A speaker renamed (or a turn given to another): the items name each turn's speaker as it
        is now. Typing changes no speaker, and costs nothing here.

        Rows that came, went or were replaced whole (a split, a merge, their undo, a restore) say
        no field names (``segment_fields()`` is None): any speaker may have changed, and the listed
        suggestions point at their turns by rows that may now hold other turns (Apply would drop
        them, or edit another turn). The items are named afresh and the text scanned again; so it
        is after a replace in several turns at once (Replace All), which may have made many of them
        moot. A turn typed in is left to Apply, which drops a suggestion whose text changed."""
        if not self.suggestions or self._applying:     # (the panel's own Apply scans again itself)
            return
        fields = [change.segment_fields() for change in commit.changes]
        whole_rows = any(named is None for named in fields)
        if whole_rows or any(change.speakers or "speaker_id" in named
                             for change, named in zip(commit.changes, fields, strict=True) if named is not None):
            self.items.changed()     # items are made as they are painted: a screenful, not the list
        if whole_rows or any(len(change.rows) > 1 and "text" in named
                             for change, named in zip(commit.changes, fields, strict=True) if named is not None):
            self.start_scan()

    def set_suggestions(self, found: list[Suggestion]) -> None:
        """List *found* (less those ignored; a scan's repeats are gone already, see
        :func:`~editor.ui.names.glossary_scan.distinct`). A long episode lists thousands, again after
        every rescan: the work here is a few plain passes over them, the items made as painted, and
        the places a verdict changes found when the first verdict comes."""
        kept = self.glossary.not_ignored(found) if self.glossary.ignored else list(found)
        # Each suggestion's verdict looked up once (by its key, when there are verdicts at all).
        known = self._verdicts
        verdicts = [known.get(key) if key is not None else None for key in self._audio_keys(kept)] if known \
            else [None] * len(kept)
        # Changes of capitals only after every real fix; within each, what the audio agrees with
        # first and what it rejects last (otherwise the scan's order).
        if known:
            order = sorted(range(len(kept)), key=lambda i: (kept[i].how == "case", audio_rank(verdicts[i])))
        else:
            order = sorted(range(len(kept)), key=lambda i: kept[i].how == "case")
        self.suggestions = [kept[i] for i in order]
        self._rows_by_key = None
        judged = self._judged
        self._sure = sum(kept[i].ticked if verdicts[i] is None else judged(kept[i], verdicts[i])[1] for i in order)
        self.items.relist(len(self.suggestions))
        self._update_buttons(self._sure)

    def _item_text(self, s: Suggestion) -> str:
        """The item of *s* (made when the list paints it, see :class:`SuggestionItems`)."""
        transcript = self._model.transcript
        speaker = transcript.speaker_name(transcript.segments[s.index].speaker_id) \
            if s.index < len(transcript.segments) else ""
        # Four short lines, each elided on its own, so a narrow dock still reads well: where it is,
        # why it is offered (the audio's word first), and the turn's text around it. On one line
        # the audio's verdict pushed the time, speaker and score out of a narrow dock.
        evidence = ", ".join(_HOW.get(e, e) for e in (s.evidence or (s.how,)))
        verdict = self.verdict(s)
        score, ticked = self._judged(s, verdict)
        audio = AUDIO_SAYS.get(verdict.label, "") if verdict is not None else ""
        time_ms = self._time_of(s)
        where = [format_clock(time_ms) if time_ms is not None else "untimed", f"{score}%", speaker]
        return (f"{'✓ ' if ticked else ''}{s.found}{ARROW}{s.replacement}\n"
                f"    {' · '.join(part for part in where if part)}\n"
                f"    {' · '.join(part for part in (audio, evidence) if part)}\n"
                f"    {s.context}")

    def _time_of(self, s: Suggestion) -> int | None:
        """Where *s* is heard: its word's time in the turn as it is now. The scan that found it
        usually ran as the episode opened, before alignment gave the words times, when it could
        say only the turn's start; its list is not made again when the words are timed."""
        segments = self._model.transcript.segments
        return time_at(segments[s.index], s.start) if s.index < len(segments) else s.time_ms

    def _row_text(self, row: int) -> str:
        return self._item_text(self.suggestions[row])

    def _row_tip(self, row: int) -> str:
        s = self.suggestions[row]
        sure = "Sure: applied by Apply all" if self.is_ticked(s) else "Applied only when chosen"
        return f"{s.context}\n{', '.join(_HOW.get(e, e) for e in (s.evidence or (s.how,)))}\n{sure}"

    def sizeHint(self) -> QSize:
        """Wide enough, when the panel is first docked, for an item's lines with the longest word
        the audio has and the two reasons most often given (more elide; the tooltip has them).
        A long found text elides before the name proposed (FirstLineDelegate)."""
        hint = super().sizeHint()
        longest = max(AUDIO_SAYS.values(), key=len)
        # Every item's text sits right of the ✓'s column (FirstLineDelegate).
        line = self.list.fontMetrics().horizontalAdvance(f"{TICK}    {longest} · {_HOW['sound']}, {_HOW['spelling']}")
        chrome = (self.list.verticalScrollBar().sizeHint().width() + 2 * self.list.frameWidth()
                  + 2 * self.list.spacing() + 2 * _MARGIN + 12)
        return QSize(max(hint.width(), line + chrome), hint.height())

    # ------------------------------------------------------------------ acting
    def selected(self) -> list[Suggestion]:
        rows = sorted(index.row() for index in self.list.selectionModel().selectedRows())
        return [self.suggestions[r] for r in rows]

    def apply_selected(self) -> int:
        return self._apply(self.selected(), "Apply Glossary Suggestion")

    def apply_all(self) -> int:
        """Apply the sure suggestions (✓): weaker matches and changes of capitals wait to be chosen."""
        return self._apply([s for s in self.suggestions if self.is_ticked(s)], "Apply All Glossary Suggestions")

    def ignore_selected(self) -> int:
        """Hide the selected suggestions (and any other of the same text) for good: the show's
        glossary keeps them, so reopening the episode does not offer them again."""
        added = sum(self.glossary.ignore_suggestion(s.found, s.replacement) for s in self.selected())
        if added and self.glossary.path is not None:
            try:
                self.glossary.save()
            except TranscriptError as error:
                self.status.setText(f"Ignored for this session only: {error}")
        self.set_suggestions(self.suggestions)
        return added

    def _apply(self, chosen: list[Suggestion], what: str) -> int:
        transcript = self._model.transcript
        spans = apply_spans(chosen, transcript)
        if spans:
            # Whole found texts, not the spans: a name split over two turns is one correction.
            applied = [(s.found, s.replacement) for s in chosen if apply_spans([s], transcript)]
            self._applying = True
            try:
                self.apply_requested.emit(spans, f"{what} ({len(spans)})")
            finally:
                self._applying = False
            self.corrected.emit(applied)
        done = {id(s) for s in chosen}
        self.set_suggestions([s for s in self.suggestions if id(s) not in done])
        self.status.setText(f"Applied {len(spans)}; {len(self.suggestions)} left.")
        if self.suggestions:
            self.start_scan()  # offsets after an applied span moved: refresh the rest
        return len(spans)

    def _on_list_current_row_changed(self, row: int) -> None:
        time_ms = self._time_of(self.suggestions[row]) if 0 <= row < len(self.suggestions) else None
        if time_ms is not None:
            self.seek_requested.emit(time_ms)
        self.current_row_changed.emit(row)

    def _update_buttons(self, sure: int | None = None) -> None:
        """*sure*: how many are ticked, when the caller kept count (else counted here, over the list)."""
        has_selection = self.list.selectionModel().hasSelection()
        self.apply_button.setEnabled(has_selection)
        self.ignore_button.setEnabled(has_selection)
        if sure is None:
            sure = self._sure = sum(self.is_ticked(s) for s in self.suggestions)
        self.apply_all_button.setEnabled(bool(sure))
        # A new text has the window laid out again: while the audio's verdicts come in (each may
        # tick or untick one), the count is in the tooltip only, and on the button once they are in.
        counted = bool(sure) and not self.is_checking_audio()
        self.apply_all_button.setText(f"Appl&y all ✓ ({sure})" if counted else "Appl&y all ✓")
        self.apply_all_button.setToolTip(f"Apply the {sure} sure suggestion{'s' if sure != 1 else ''} (marked ✓); "
                                         "choose others and Apply")


def counted(count: int, noun: str) -> str:
    """"1 suggestion", "2 suggestions" (the panel's nouns take an s)."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
