"""HearingController: suspect passages found from the audio, shown in the transcript and a panel.

After the word times are ready (alignment finished, or nothing was left to align) every turn is
checked against the audio in the background (:class:`SuspectRunner`, progress in the status
bar with a Cancel). Suspects are drawn with a dotted underline and a "?" in the turn's margin
(not by colour alone), listed in the Suspects panel by doubt, and walked with Next/Previous
Suspect, which select the passage and play it. Editing or approving a turn clears its
suspects. Ignore (in the right-click menu, or the panel's button) says the passage is right: an
edit of the turn, one undo step, saved with the project and restored after a crash, so a later
check that doubts the same words there shows nothing (see :mod:`editor.core.ignored_passages`);
the panel lists those passages on demand and takes one back. An edited turn is checked again a
moment later, so the audio can vouch for the fix:
whatever made the edit (typing, a glossary suggestion, Correct Everywhere, a name heard), the
status bar then says whether the audio finds the turns whose suspects it took away right now,
in one line for however many turns one edit touched. The glossary's suggestions the audio does
not reject are suspects too, as ``transcript-editor suggest`` makes them (sound-alike errors fit
the audio nearly as well as the right words). As there, the context check counts the episode's
own words (its turns, the page text kept with it, the glossary): a turn checked again is given
them from the count the window keeps up to date (:class:`EpisodeVocabulary`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat

from editor.core.transcript import ReviewStatus
from editor.ui.document.transcript_model import Role
from editor.ui.hearing.episode_vocabulary import EpisodeVocabulary
from editor.ui.hearing.suspect_runner import SuspectRunner
from editor.ui.hearing.suspect_store import SuspectStore
from editor.ui.widgets.task_progress import TaskProgress

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from editor.core.transcript import Segment
    from editor.hearing.suspects import Suspect
    from editor.ui.context import WindowContext
    from editor.ui.hearing.suspects_panel import SuspectsPanel

SUSPECT = QTextCharFormat()
SUSPECT.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
SUSPECT.setUnderlineColor(QColor("#8a3ab9"))
SUSPECT.setBackground(QColor(138, 58, 185, 28))
RECHECK_AFTER_MS = 1500      # an edited turn is checked again once typing has paused this long
PLAY_LEAD_MS = 400           # playback starts a little before the passage
PANEL_REFRESH_MS = 300
# The roles of a change in what the suspects follow: a turn's text (edited) and status (approved).
# The passages said right (Role.IGNORED) change which suspects show.
_TEXT_OR_STATUS_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Role.TEXT), int(Role.STATUS),
                                   int(Role.IGNORED)})
_IGNORED_ROLE = int(Role.IGNORED)


def _summary(passages: int, rechecking: int) -> str:
    """The status line at the end of a whole pass."""
    said = (f"Audio checked: {passages} passage{'s' if passages != 1 else ''} to listen to" if passages
            else "Audio checked: no doubtful passages")
    if rechecking:
        said += f" ({rechecking} edited turn{'s are' if rechecking != 1 else ' is'} being checked again)"
    return said


def _rechecked_summary(outcomes: list[tuple[Segment, list[Suspect]]]) -> str:
    """The status line once the audio has checked again turns whose suspects an edit took away:
    each (turn as it reads now, the suspects the audio still finds in it)."""
    from editor.core.timecode import format_clock

    doubted = [(segment, suspects) for segment, suspects in outcomes if suspects]
    if len(outcomes) == 1:
        segment, suspects = outcomes[0]
        where = f" at {format_clock(segment.start_ms)}" if segment.start_ms is not None else ""
        if not suspects:
            return f"The audio says this is right: the edited turn{where} fits it"
        worst = max(suspects, key=lambda s: s.doubt)
        return f"The audio still doubts “{worst.text}” in the edited turn{where} (Next Suspect goes there)"
    right = len(outcomes) - len(doubted)
    if not doubted:
        return f"The audio says this is right: all {len(outcomes)} edited turns fit it"
    if not right:
        return f"The audio still doubts a passage in each of the {len(outcomes)} edited turns (Next Suspect goes there)"
    return (f"The audio says {right} of the {len(outcomes)} edited turns are right; "
            f"{len(doubted)} still {'has' if len(doubted) == 1 else 'have'} a passage to listen to "
            "(Next Suspect goes there)")


class HearingController(QObject):
    message = Signal(str)   # news of its passes (background work: waits while an answer is on show)
    answer = Signal(str)    # what a walk to a suspect found (the producer's own step: shown at once)
    # A pass that could not be done (a model missing, a worker crashed): why, in a sentence. The
    # window keeps it on show, with Listen Again (listen_again), until the producer acts on it: news
    # that times out is missed, and suspects never listed would read as "nothing to doubt".
    failed = Signal(str)

    def __init__(self, ctx: WindowContext, parent=None, *, workers: int = 2):
        super().__init__(parent)
        self._model, self._view, self._playback = ctx.model, ctx.view, ctx.playback
        self._actions, self._layout = ctx.actions, ctx.layout
        self._current_row = ctx.edits.current_row
        self._edits = ctx.edits
        self._files = ctx.files     # the page text kept with the transcript: its words are the episode's too
        names = ctx.names
        self._learn = names.learner.learn_corrections    # a name put in teaches the glossary its wrong form
        self._show_span = names.spans.show      # a walk opens the turn with the passage selected
        names.spans.focus_keepers.append(lambda: self._panel)    # ...and the list keeps the keyboard
        # The show's glossary names: listened for inside suspect passages and wherever the text sounds like one.
        self._judged_suggestions = names.show_glossary.judged_suggestions
        self._glossary_names = lambda: ([e.correct for e in names.show_glossary.glossary.entries]
                                        if names.show_glossary.glossary is not None else [])
        self._audio = ""
        self.store = SuspectStore(self)
        self.runner = SuspectRunner(workers, self)
        self.vocabulary = EpisodeVocabulary(self._model, self)   # for checking edited turns again
        self._panel: SuspectsPanel | None = None   # made when first shown or walked to
        self.progress = TaskProgress("Listening for suspects",
                                     "Stop listening; turns checked so far keep their suspects")
        self.dock: QDockWidget | None = None
        self._last: tuple[int, int] | None = None   # (row, char) of the suspect last walked to
        self._recheck_rows: set[int] = set()
        # Turns whose suspects an edit took away, until the audio has checked them again, and what
        # it found in those the re-check under way has done: said as one line when it ends.
        self._fixing: set[str] = set()
        self._fixed: list[tuple[Segment, list[Suspect]]] = []
        self._whole_pass = False      # the runner checks every turn (not a few edited ones again)
        # How far the audio was listened to: "not yet", "stopped" (a whole pass cancelled or failed
        # part way) or "all". An empty list means "nothing to doubt" only after "all": before, the
        # panel and Next Suspect say why there are none (no audio, not aligned yet, stopped).
        self._listened = "not yet"
        # Why the pass under way could not be done: said once it has ended (its progress hidden),
        # so the bar that says it never shows beside a progress still counting.
        self._pass_failure: str | None = None
        self._listened_names: list[str] = []   # the glossary's names the last whole pass listened for
        self._names_due = False       # the glossary changed while a pass ran: its names to be listened for after
        self._forgotten: set[str] = set()   # names taken from the glossary that the pass under way listens for
        self._recheck = QTimer(self, singleShot=True, interval=RECHECK_AFTER_MS)
        self._recheck.timeout.connect(self._on_recheck_timeout)
        # Listening starts in a turn of the event loop of its own once the words have times: the
        # slot that says so also saves the alignment and has the glossary's suggestions checked.
        self._words_audio = ""
        self._start_soon = QTimer(self, singleShot=True, interval=0)
        self._start_soon.timeout.connect(self._on_start_soon_timeout)
        # The panel is listed again at most this often while results come in (and only while it shows).
        self._panel_refresh = QTimer(self, singleShot=True, interval=PANEL_REFRESH_MS)
        self._panel_refresh.timeout.connect(self._refresh_panel)
        self._view.add_text_decorator(self._decorate)
        names.spelling.set_suspect_lookup(self.suspect_at)   # the spelling menu offers fixes for suspect words
        names.spelling.set_heard_name_lookup(self.name_heard_at)     # ...and the name heard over a passage
        names.spelling.suspect_ignored.connect(self.ignore_suspect)   # ...and Ignore there says the passage is right
        self._view.set_margin_marker(self._marker)
        self._connect(ctx)

    def _connect(self, ctx: WindowContext) -> None:
        ctx.timing.words_ready.connect(self._on_words_ready)
        ctx.names.show_glossary.names_changed.connect(self._on_glossary_names_changed)
        ctx.names.show_glossary.suggestions_judged.connect(self._on_suggestions_judged)
        self.runner.heard.connect(self._on_heard)
        self.runner.counted.connect(self.vocabulary.counted)
        self.runner.progressed.connect(self._on_runner_progressed)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.progress.cancel_requested.connect(self.runner.cancel)
        self.store.changed.connect(self._on_store_changed)
        self._model.dataChanged.connect(self._on_model_data_changed)
        self._model.rowsInserted.connect(self._on_model_rows_inserted)
        self._model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        a = self._actions
        a["next_suspect"].triggered.connect(lambda: self.walk(1))
        a["previous_suspect"].triggered.connect(lambda: self.walk(-1))
        a["find_suspects"].triggered.connect(lambda: self.start(self._audio or self._playback.media_path))
        a["suspects_panel"].triggered.connect(self._on_suspects_panel_triggered)

    # ------------------------------------------------------------------ running
    def start(self, audio_path: str) -> None:
        """Check every turn against *audio_path* in the background."""
        if not audio_path or not self._model.rowCount():
            return
        self._audio = audio_path
        self.store.clear(passages=False)
        self._fixing.clear()      # every turn is heard anew: the pass's summary says what it found
        self._listened = "not yet"
        self._start_pass(names_only=False)

    def _start_pass(self, names_only: bool) -> None:
        segments = self._model.transcript.segments
        self._listened_names = self._glossary_names()
        self._names_due = False
        self._forgotten = set()
        self._pass_failure = None
        self.runner.start(self._audio, segments, self._playback.duration() or None, self._listened_names,
                          names_only=names_only, notes=self._page_words())
        self.vocabulary.counting()
        self._whole_pass = True
        self.progress.set_progress(0, len(segments))
        self._refresh_panel()

    def _on_glossary_names_changed(self) -> None:
        """Names added to the glossary (or changed) are listened for at once, in the background as
        the first pass was: every turn's names heard again, its other suspects kept. Names taken from
        it need no listening: what they made is dropped."""
        if not self._audio:
            return
        names = set(self._glossary_names())
        listened = set(self._listened_names)
        self._forgotten = (self._forgotten | (listened - names)) - names
        if listened - names:
            self.store.forget_names(listened - names)
        if names <= listened:
            # A pass under way still listens for the names taken away: what it hears of them is
            # dropped as it comes (_on_heard).
            self._listened_names = sorted(names)
            return
        if self.runner.is_running():
            self._names_due = True     # after the pass or re-check under way (it listens for the old names)
            return
        self._start_pass(names_only=True)

    def _on_suggestions_judged(self) -> None:
        """The glossary's suggestions the audio has judged are suspects too, as ``transcript-editor
        suggest`` makes them (the store merges them with the heard ones by the same rule)."""
        from editor.hearing.suggest import Suggested

        segments = self._model.transcript.segments
        by_turn: dict[str, tuple[str, list]] = {}
        for found, verdict in self._judged_suggestions():
            if found.index >= len(segments):
                continue
            segment = segments[found.index]
            passage = Suggested.from_scan(found, segment.start_ms)
            if verdict is not None:      # None: its words have no times, so it was not heard
                passage.hear(verdict)
            by_turn.setdefault(segment.id, (segment.text, []))[1].append(passage)
        self.store.set_glossary(by_turn)

    def _on_words_ready(self, audio_path: str) -> None:
        self._words_audio = audio_path
        self._start_soon.start()

    def _on_start_soon_timeout(self) -> None:
        self.start(self._words_audio)

    def stop_listening(self) -> None:
        """The audio is doubted (the transcript runs past its end: the wrong or a cut file, found
        once its length is decoded): a pass under way, or about to start, stops; what it heard so
        far stays, but an edited turn is not checked again against this audio, nor a name added to
        the glossary listened for. Find Suspects (or Align Anyway, once aligned) listens again."""
        self._audio = ""
        self._start_soon.stop()
        self._recheck.stop()
        self._recheck_rows.clear()
        self._fixing.clear()
        self.runner.cancel()

    def shutdown(self) -> None:
        self._start_soon.stop()
        self._recheck.stop()
        self.runner.cancel(wait=True)

    def _on_heard(self, heard) -> None:
        row = self._model.row_of(heard.segment_id, heard.index)
        if row < 0 or not heard.aligned:
            return
        if self._model.segment(row).text != heard.text:
            # Edited since the check took its snapshot: heard again as it reads now (a turn never
            # checked before is not picked up by _on_model_data_changed).
            self._recheck_rows.add(row)
            self._recheck.start()
            return
        put = self.store.put_names if heard.names_only else self.store.put
        changed = put(heard.segment_id, heard.text, heard.suspects, heard.spotted, row)
        if self._forgotten:     # heard by a pass that began before those names were taken away
            self.store.forget_names(self._forgotten, heard.segment_id)
        if not heard.names_only and heard.segment_id in self._fixing:
            self._fixing.discard(heard.segment_id)
            segment = self._model.segment(row)
            if segment.status is not ReviewStatus.APPROVED:    # approved since: the producer has vouched for it
                self._fixed.append((segment, list(self.store.for_segment(segment))))
        if changed:
            self._view.update_row(row)       # that turn's underline and marker; the rest stays painted
            self._schedule_panel_refresh()

    def _on_runner_progressed(self, done: int, total: int) -> None:
        if self._whole_pass:     # a turn or two checked again after an edit is no pass to follow
            self.progress.set_progress(done, total)

    def listen_again(self) -> None:
        """Check every turn again (after a pass failed: the cause may be mended meanwhile)."""
        self.start(self._audio or self._playback.media_path)

    def _on_runner_failed(self, why: str) -> None:
        self._pass_failure = why

    def _on_runner_finished(self, completed: bool) -> None:
        whole, self._whole_pass = self._whole_pass, False
        # A pass that failed ends too: it did not check every turn, whatever the runner says.
        failure, self._pass_failure = self._pass_failure, None
        completed = completed and failure is None
        fixed, self._fixed = self._fixed, []
        if whole:
            self._listened = "all" if completed else "stopped"
        self.progress.hide()
        if failure is not None:
            what = "Listening for suspects" if whole else "Checking the edited turns against the audio"
            self.failed.emit(f"{what} failed: {failure.rstrip('.')}.")
        # Said after a whole pass only: after an edited turn's re-check the status bar keeps what
        # it says of the edit (the audio's verdict on a typed correction). Turns edited during the
        # pass are still to be heard as they read now: said at once, with how many, rather than
        # after their re-check, which more typing may put off for long.
        if completed and whole:
            self.message.emit(_summary(len(self.store.all(self._model.transcript.segments)), len(self._recheck_rows)))
        elif fixed and failure is None:
            # The confirmation a typed correction gets from its own check, given to every edit that
            # took suspects away (a suggestion applied, Correct Everywhere): one line for them all,
            # as news, so an answer on show (a typed correction's verdict) is read first.
            self.message.emit(_rechecked_summary(fixed))
        self._refresh_panel()
        if self._names_due and self._audio and completed:
            self._start_pass(names_only=True)

    # ------------------------------------------------------------------ edits and approvals
    def _on_model_data_changed(self, top, bottom, roles=()) -> None:
        if roles and _TEXT_OR_STATUS_ROLES.isdisjoint(map(int, roles)):
            return      # times moved (a shift of every turn), or the playback highlight: suspects follow texts
        segments = self._model.transcript.segments
        first, last = top.row(), bottom.row()
        self.store.note_rows(segments, first, last)
        if not roles or _IGNORED_ROLE in map(int, roles):
            self._schedule_panel_refresh()     # a passage said right (its undo, its redo) or taken back
        few = bool(self._audio) and last - first < 8
        if few:
            for segment in segments[first:last + 1]:
                held = self.store.doubted_text(segment.id)
                if held is not None and held != segment.text:
                    self._fixing.add(segment.id)     # the re-check below says whether the audio now agrees
        # The view repaints rows first..last itself (this change): only the panel has more to do.
        if self.store.refresh_rows(segments, first, last):
            self._schedule_panel_refresh()
        if few:
            # Only a turn whose text moved on since its check (not a playback highlight, not an approval).
            for row in range(first, last + 1):
                checked = self.store.checked.get(segments[row].id)
                if checked is not None and checked != segments[row].text:
                    self._recheck_rows.add(row)
            if self._recheck_rows:
                self._recheck.start()

    def _on_model_rows_inserted(self, _parent, first: int, last: int) -> None:
        self.store.note_rows(self._model.transcript.segments, first, last)    # a split's new turn

    def _on_recheck_timeout(self) -> None:
        if self.runner.is_running() and not self._recheck_rows:
            return
        if self.runner.is_running():
            self._recheck.start()      # a whole-episode pass is under way: try again later
            return
        rows = sorted(r for r in self._recheck_rows if r < self._model.rowCount())
        self._recheck_rows.clear()
        if rows:
            self._pass_failure = None
            segments = self._model.transcript.segments
            self.runner.start(self._audio, segments, self._playback.duration() or None, self._glossary_names(),
                              rows=rows, vocabulary=self.vocabulary.for_turns(segments[row].text for row in rows))

    def _page_words(self) -> str:
        """The page text kept with the transcript (its title and show notes), as ``transcript-editor
        suggest`` counts it among the episode's own words."""
        from editor.core.page_text import PageText
        page = PageText.from_extra(self._files.extra)
        return "" if page is None else page.words

    def _on_model_about_to_be_reset(self) -> None:
        self._start_soon.stop()
        self.runner.cancel()
        self._recheck.stop()
        self._recheck_rows.clear()
        self._fixing.clear()
        self._fixed = []
        self._audio = ""
        self._names_due = False
        self._listened_names = []
        self._forgotten = set()
        self._listened = "not yet"
        self.store.clear()

    # ------------------------------------------------------------------ showing
    def _decorate(self, row: int, segment) -> list:
        return [(s.char_start, s.char_end, SUSPECT) for s in self.store.for_segment(segment)]

    def _marker(self, row: int, segment) -> str | None:
        return "?" if self.store.for_segment(segment) else None

    def _on_store_changed(self) -> None:
        self._view.viewport().update()
        self._schedule_panel_refresh()

    def _schedule_panel_refresh(self) -> None:
        if not self._panel_refresh.isActive():     # not restarted: a steady stream of results still lists
            self._panel_refresh.start()

    def _refresh_panel(self) -> None:
        # Not imported at startup: the panel is listed only after a pass.
        from editor.core.search import time_at

        if self.dock is None or not self.dock.isVisible():
            return       # listed when shown (show_panel): a hidden panel costs nothing per result
        segments = self._model.transcript.segments
        ignored = self.store.ignored(segments) if self.panel.showing_ignored() else ()
        self.panel.show_suspects(self.store.all(segments), self.runner.is_running(),
                                 lambda row, suspect: self.store.name_for(segments[row], suspect),
                                 [(row, kept, over, time_at(segments[row], kept.start)) for row, kept, over in ignored],
                                 none_found=self._why_none() or "No doubtful passages")

    def _why_none(self) -> str | None:
        """Why no suspect is listed when the audio was not listened to all through (None when it was:
        then there is nothing to doubt)."""
        if self.runner.is_running() and self._whole_pass:
            return "No suspects found yet: still listening to the audio"
        if self._listened == "all":
            return None
        if not (self._audio or self._playback.has_media()):
            return "No suspects: there is no audio to listen to (File ▸ Choose Audio…)"
        if self._listened == "stopped":
            return ("No suspects in the turns listened to: listening stopped before the end "
                    "(Review ▸ Find Suspects in the Audio listens again)")
        return "No suspects yet: the audio is listened to once its word times are aligned"

    def suspect_at(self, row: int, offset: int) -> tuple[int, int] | None:
        """The (start, end) of the suspect passage of turn *row* at character *offset*, if any."""
        if not 0 <= row < self._model.rowCount():
            return None
        return next(((s.char_start, s.char_end) for s in self.store.for_segment(self._model.segment(row))
                     if s.char_start <= offset < s.char_end), None)

    def ignore_suspect(self, row: int, char_start: int, char_end: int) -> bool:
        """The producer says the passage *char_start*..*char_end* of turn *row* is right: the suspects
        over it go from the text, the margin, the list and the walk at once, as one undo step.
        Whether there were any."""
        from editor.core import ops

        if not 0 <= row < self._model.rowCount():
            return False
        segment = self._model.segment(row)
        gone = [s for s in self.store.for_segment(segment) if s.char_start < char_end and char_start < s.char_end]
        if not gone:
            return False
        words = " … ".join(s.text for s in gone)
        if not self._edits.push(ops.ignore_passages(self._model.transcript, row,
                                                    [(s.char_start, s.char_end) for s in gone]),
                                f"Ignore “{words}”", row):
            return False
        self._refresh_panel()      # now, not after the refresh delay results get
        return True

    def unignore(self, row: int, char_start: int, char_end: int) -> bool:
        """Take back the producer's word on the passage *char_start*..*char_end* of turn *row* (one
        undo step): the audio's doubt of it, if it still has one, shows again. Whether it was held."""
        from editor.core import ops

        if not 0 <= row < self._model.rowCount():
            return False
        segment = self._model.segment(row)
        kept = [p for p in segment.ignored if (p.start, p.end) == (char_start, char_end)]
        if not kept or not self._edits.push(ops.unignore_passages(self._model.transcript, row, kept),
                                            f"Stop Ignoring “{kept[0].words}”", row):
            return False
        self._refresh_panel()
        return True

    def name_heard_at(self, row: int, offset: int) -> tuple[int, int, str] | None:
        """(start, end, name) of the glossary name the audio heard over the suspect passage of turn
        *row* at character *offset*, without the punctuation around it; None when there is none."""
        from editor.core.name_span import name_span

        if not 0 <= row < self._model.rowCount():
            return None
        segment = self._model.segment(row)
        for suspect in self.store.for_segment(segment):
            heard = self.store.name_for(segment, suspect)
            if heard is not None and min(suspect.char_start, heard.char_start) <= offset \
                    < max(suspect.char_end, heard.char_end):
                return (*name_span(segment.text, heard.char_start, heard.char_end, heard.name), heard.name)
        return None

    def apply_name(self, row: int, char_start: int, char_end: int, name: str) -> bool:
        """Replace the passage by the glossary name heard there (one undo step; the glossary learns
        the passage as a wrong form of the name); the sentence's punctuation around it stays.
        Nothing happens unless the audio heard *name* there in the turn as it reads now: the list
        may not have caught up with an edit (or a split) yet, and its places would then fall on
        other words."""
        from editor.core import ops
        from editor.core.name_span import name_span

        segments = self._model.transcript.segments
        if not 0 <= row < len(segments) or not self._heard_there(segments[row], char_start, char_end, name):
            return False
        char_start, char_end = name_span(segments[row].text, char_start, char_end, name)
        found = segments[row].text[char_start:char_end]
        if not self._edits.push(ops.replace_spans(self._model.transcript, [(row, char_start, char_end, name)]),
                                f"Correct to {name}", row):
            return False
        self._learn([(found, name)])
        return True

    def _heard_there(self, segment: Segment, char_start: int, char_end: int, name: str) -> bool:
        """Whether *name* is a live name heard over ``segment.text[char_start:char_end]`` (the store
        forgets a turn's names as soon as its text changes)."""
        return any((heard.char_start, heard.char_end, heard.name) == (char_start, char_end, name)
                   for suspect in self.store.for_segment(segment)
                   if (heard := self.store.name_for(segment, suspect)) is not None)

    @property
    def panel(self) -> SuspectsPanel:
        """The Suspects list (made the first time it is needed; docked by show_panel)."""
        if self._panel is None:
            from editor.ui.hearing.suspects_panel import SuspectsPanel
            panel = self._panel = SuspectsPanel()
            panel.activated.connect(self.go_to)
            panel.apply_requested.connect(self.apply_name)
            panel.ignore_requested.connect(self.ignore_suspect)
            panel.unignore_requested.connect(self.unignore)
            panel.show_ignored.toggled.connect(self._refresh_panel)
        return self._panel

    def show_panel(self) -> None:
        if self.dock is None:
            self.dock = self._layout.dock_panel("suggestions", "Suspects", self.panel)
            self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        self.dock.show()
        self._refresh_panel()
        self.dock.raise_()

    def _on_suspects_panel_triggered(self) -> None:
        """View ▸ Suspects: the list takes the keyboard (↑/↓ choose, Enter plays, Alt+N applies the name
        heard), with a passage chosen for its buttons and keys to act on."""
        self.show_panel()
        self.panel.list.setFocus()
        self.panel.choose_first()

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self._refresh_panel()

    def walk(self, step: int) -> None:
        """Go to the next (*step* 1) or previous (-1) suspect in reading order and play it."""
        found = sorted(self.store.all(self._model.transcript.segments), key=lambda i: (i[0], i[1].char_start))
        if not found:
            self.answer.emit(self._why_none() or "No suspect passages")
            return
        here = self._current_row()
        # From the suspect last walked to when still in its turn, else from the current turn.
        at = self._last if self._last is not None and self._last[0] == here else (here, -1 if step > 0 else 10**9)
        if step > 0:
            target = next((f for f in found if (f[0], f[1].char_start) > at), found[0])
        else:
            target = next((f for f in reversed(found) if (f[0], f[1].char_start) < at), found[-1])
        self.go_to(target[0], target[1].char_start, target[1].char_end)

    def go_to(self, row: int, char_start: int, char_end: int) -> None:
        """Open the turn with the passage selected and play it from just before its start."""
        from editor.core.search import time_at

        segments = self._model.transcript.segments
        if not 0 <= row < len(segments):
            return
        self._last = (row, char_start)
        self.panel.select(row, char_start)      # the list shows where the walk is (and Apply the Name Heard its name)
        suspect = next((s for s in self.store.for_segment(segments[row]) if s.char_start == char_start), None)
        # A passage said right (listed on demand) has no suspect on show: played from its word's time.
        start = suspect.start_ms if suspect is not None and suspect.start_ms is not None \
            else time_at(segments[row], char_start)
        # As the other walks (low-confidence words, glossary suggestions) do: the turn opens with the
        # passage selected, so what is typed next fixes it. Left as it was, a turn being edited would
        # keep the caret, and the fix would go into the turn the walk left. The sentence's
        # punctuation around the passage is left out of the selection: typing must not take it.
        from editor.core.name_span import name_span
        lo, hi = name_span(segments[row].text, char_start, char_end)
        self._show_span(row, lo, hi, max(0, start - PLAY_LEAD_MS) if start is not None else -1)
        self._model.set_current(row)
        self._view.set_current_turn(row, scroll=False)   # Ctrl+Enter acts on it
        if start is not None and self._playback.has_media():
            self._playback.play()
        self.answer.emit(f"Suspect: “{segments[row].text[char_start:char_end]}”")
