"""GlossaryController: the show's glossary, its dialog, and the suggestions it makes.

* the show glossary is loaded when a transcript opens; the show is the one chosen in the
  glossary dialog (kept in the project's ``extra`` and per folder), else the show the podcast
  page names, else the folder the transcript lives in (a producer keeps one folder per show; never
  Downloads or the like: :func:`editor.core.show_guess.guess_show`); the glossary file lives in
  the user's data folder (:func:`editor.core.glossary_places.default_path`);
* the glossary scan runs on the thread pool a while after opening (the producer reads and
  scrolls the new episode first); opening the suggestions panel starts it sooner. It also
  looks for the names of the page text around the transcript (show notes, kept by the
  podcast-page reader), which the glossary dialog offers "from the show notes";
* a show's glossary may also live in a CSV file the team shares (chosen in the dialog): it is
  merged in when the glossary loads and whenever the file changes on disk, and every save
  merges with it (:class:`editor.core.shared_glossary.SharedGlossaryFile`);
* once the episode's words have times (:meth:`audio_ready`), the suggestions are checked
  against the audio in the background, and later scans' new suggestions too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget

from editor.core.errors import TranscriptError
from editor.ui.context import WindowContext
from editor.ui.names.glossary_scan import GlossaryScan, scan_summary
from editor.ui.names.span_actions import SpanActions

if TYPE_CHECKING:
    from editor.core.glossary import Glossary, Suggestion
    from editor.core.shared_glossary import SharedGlossaryFile
    from editor.core.transcript import Transcript
    from editor.hearing.verdict import Verdict
    from editor.ui.names.glossary_dialog import GlossaryDialog
    from editor.ui.names.glossary_suggestions import SuggestionsPanel

EXTRA_SHOW = "show"        # key of the chosen show in a project's "extra" object
# After a transcript opens, the dictionary load and the glossary scan wait this long: the
# producer reads and scrolls the new episode at once, and neither a 160,000-word list (~0.25 s,
# ~30 MB) nor a name index of every word (~0.2 s) competes with that. Opening the suggestions
# panel, or the first edit, starts them sooner.
BACKGROUND_AFTER_OPEN_MS = 2500
NO_NAMES = "No glossary names for this show yet: add them (Glossary…) and suggestions appear here."


class GlossaryController(QObject):
    message = Signal(str)           # news of its scans and of the shared file (waits behind an answer)
    # A glossary file not read or not saved: the producer must act on it (names missing, additions
    # not kept), so it is shown at once, never queued behind an answer as news is (or replaced there
    # by later news).
    problem = Signal(str)
    # The project's "extra" changed (another show chosen): unsaved work, to be journaled by the window.
    extra_changed = Signal()
    glossary_set = Signal(object)   # another Glossary is in use (another episode or show)
    names_changed = Signal()        # the glossary's names changed (known words follow)
    corrected = Signal(object)      # [(found, replacement)] of suggestions applied: the glossary may learn from them
    # The listed suggestions changed (a scan listed them) or the audio's verdicts on them came in:
    # judged_suggestions() has them (hearing makes suspects of those the audio does not reject).
    suggestions_judged = Signal()

    def __init__(self, ctx: WindowContext, spans: SpanActions, before_scan: Callable[[], None],
                 parent=None):
        """*before_scan()*: the rest of the open-time background work, started first (the
        dictionary). Show glossaries live in the window's data folder (``ctx.data_dir``)."""
        super().__init__(parent)
        self._model, self._files, self._window = ctx.model, ctx.files, ctx.window
        self._layout = ctx.layout
        self._show_action = ctx.actions["show_suggestions"]
        self._spans = spans
        self._before_scan = before_scan
        self._data_dir = ctx.data_dir
        self.glossary: Glossary | None = None   # the show's glossary once a transcript is open
        self.show_notes: list = []              # NameCandidate names of the page text (after the deferred work)
        self._shared: SharedGlossaryFile | None = None   # SharedGlossaryFile of the glossary, when it has one
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_shared_file_changed)
        self.dialog: GlossaryDialog | None = None
        # The scan runs without the suggestions panel; the panel and its dock are made when first
        # shown, or when a scan has suggestions to list (it shows itself then); not as a transcript
        # opens (its list and table: ~10 ms of opening), nor by reading :attr:`suggestions`.
        self._scan = GlossaryScan(ctx.model, self)
        self._scan.finished.connect(self._on_scan_finished)
        self._scan.failed.connect(self._on_scan_failed)
        self._suggestions: SuggestionsPanel | None = None
        self._candidates: tuple[str, ...] = ()   # names of the show notes the glossary lacks, to look for too
        self._audio_path = ""     # the episode's audio once its words have times (a panel made later checks with it)
        self._scan_said = ""  # what the last scan said when it listed nothing (none found, or failed), no panel yet
        self._suggestions_dock: QDockWidget | None = None
        self._suggestions_dismissed = False     # the user closed the suggestions dock: do not reopen it
        self._scan_timer = QTimer(self, singleShot=True, interval=BACKGROUND_AFTER_OPEN_MS)
        self._scan_timer.timeout.connect(self._scan_opened)
        spans.focus_keepers.append(lambda: self._suggestions)
        self._show_action.toggled.connect(self._on_show_suggestions_toggled)
        self._files.transcript_opened.connect(self._on_files_transcript_opened)
        ctx.project.restore_ended.connect(self._on_project_restore_ended)
        # The transcript the glossary was chosen for: opening another changes the speakers before
        # its show's glossary is loaded, and those speakers are joined as it loads.
        self._episode: Transcript | None = None
        self._renamed_in: set[str] = set()   # names that joined the glossary by a rename in this episode
        self._model.speakers_changed.connect(self._on_model_speakers_changed)

    # ------------------------------------------------------------------ opening a transcript
    def _on_files_transcript_opened(self, path: str, _format: str, _warnings: list) -> None:
        self.show_notes = []
        show = self.show_for(path)
        glossary = self.glossary
        if glossary is None or glossary.show != show or glossary.path is None:
            glossary = self._load(show)
            self.set_glossary(glossary)
        self._candidates, self._audio_path, self._scan_said = (), "", ""
        self._scan.cancel()
        if self._suggestions is not None:
            self._suggestions.candidates = ()
            self._suggestions.forget()    # the previous episode's suggestions must not be applied to this one
        self._episode, self._renamed_in = self._model.transcript, set()
        if glossary.join_speakers(self._model.transcript):
            self._save()
        self.changed(rescan=False)
        # Dictionary and scan wait until the producer has had the episode on screen a while
        # (BACKGROUND_AFTER_OPEN_MS): nothing but the window's own work happens at open.
        self._scan_timer.start()

    def _on_model_speakers_changed(self) -> None:
        """A speaker given a real name in the window joins the glossary, as the episode's speakers
        did when it opened, so the name misheard in the text is looked for. A name that joined so
        and that no speaker bears any more (a typo renamed again, an undo), with nothing learnt
        for it, leaves it again."""
        glossary, transcript = self.glossary, self._model.transcript
        if glossary is None or transcript is not self._episode:
            return
        before = {entry.correct for entry in glossary.entries}
        joined = glossary.join_speakers(transcript)
        self._renamed_in |= {entry.correct for entry in glossary.entries} - before
        borne = {speaker.name.strip() for speaker in transcript.speakers.values()}
        left = [name for name in self._renamed_in if name not in borne
                and (entry := glossary.entry_for(name)) is not None and not entry.wrong_forms]
        for name in left:
            glossary.remove(name)
            self._renamed_in.discard(name)
        if joined or left:
            self._save()
            self.changed()

    def _on_project_restore_ended(self) -> None:
        """Work was restored into the open transcript: what a scan listed came from the text as
        opened (the fixes restored would still be offered), so the list goes and the text is scanned
        again. A scan still deferred reads the restored text anyway."""
        if self._scan_timer.isActive() or not self._files.has_transcript():
            return
        self._scan_said = ""
        if self._suggestions is not None:
            self._suggestions.set_suggestions([])
        if self._has_names():
            self._start_scan()

    def _scan_opened(self) -> None:
        """The deferred work of an opened transcript: the dictionary, then (with a glossary) the scan."""
        self._scan_timer.stop()
        if not self._files.has_transcript():
            return
        self._before_scan()
        if self.glossary is None:
            return
        self._find_show_notes()
        if self._has_names():
            self._start_scan()
        elif self._suggestions is not None:   # an empty glossary has nothing to suggest: no name index, no scan
            self._suggestions.status.setText(NO_NAMES)

    def _start_scan(self) -> None:
        if self._suggestions is not None:
            self._suggestions.start_scan()      # (says so in its status)
        elif self.glossary is not None:
            self._scan.start(self.glossary, self._candidates)

    def _on_scan_finished(self, found: list) -> None:
        """A scan's suggestions: listed in the panel, made for them when there are some to list."""
        panel = self._suggestions
        if panel is None and self.glossary is not None:
            if not self.glossary.not_ignored(found):
                self._scan_said = scan_summary(0, len(self.glossary.entries), len(self._candidates))
                self.message.emit(self._scan_said)
                return
            panel = self._ensure_suggestions()[0]
        if panel is not None:
            panel.show_scan(found)

    def _on_scan_failed(self, message: str) -> None:
        """A scan that raised: said in the status bar and the panel, whose Rescan tries again."""
        text = f"The glossary scan stopped on an error ({message}); Rescan tries again."
        if self._suggestions is not None:
            self._suggestions.status.setText(text)
        else:
            self._scan_said = text
        self.message.emit(text)

    def _has_names(self) -> bool:
        """Whether there are names to look for (the glossary's, or the show notes')."""
        return self.glossary is not None and bool(self.glossary.entries or self._candidates)

    def _find_show_notes(self) -> None:
        """Names of the page text kept with the transcript, those the glossary lacks offered to the scan."""
        from editor.core.page_text import PageText
        page = PageText.from_extra(self._files.extra)
        self.show_notes = []
        if page is not None:
            # Imported only for a page to read: its module makes a dozen regular expressions (~30 ms of the GUI
            # thread on a busy machine), a stall the producer would see while scrolling the opened episode.
            from editor.core.show_notes import candidate_names
            self.show_notes = candidate_names(f"{page.title}\n{page.notes}")
        self._offer_show_notes()
        if self.show_notes:
            self.names_changed.emit()      # their words are known to spelling too

    def _offer_show_notes(self) -> None:
        have = {name.casefold() for name in self.glossary.names()} if self.glossary is not None else set()
        self._candidates = tuple(c.text for c in self.show_notes if c.text.casefold() not in have)
        if self._suggestions is not None:   # (a panel made later is given them then)
            self._suggestions.candidates = self._candidates

    def speakers(self) -> list:
        """The open transcript's speakers."""
        return list(self._model.transcript.speakers.values())

    def scan_now(self) -> None:
        """Run the deferred open-time work now (the suggestions panel was opened, a test wants it)."""
        if self._scan_timer.isActive():
            self._scan_opened()

    def is_scanning(self) -> bool:
        """A glossary scan is due or running (suggestions are not final yet)."""
        return self._scan_timer.isActive() or self._scan.is_scanning()

    def audio_ready(self, audio_path: str) -> None:
        """Every turn that can be aligned to *audio_path* has word times: the suggestions listed now
        and those of later scans are checked against the audio (in the background)."""
        if not audio_path:
            return
        self._audio_path = audio_path
        if self._suggestions is not None:      # else the first scan's, once made, are checked with it
            self._suggestions.check_audio(audio_path)

    def shutdown(self) -> None:
        """The window closes: a running scan is let go, a running audio check stops at its next suggestion."""
        self._scan.cancel()
        if self._suggestions is not None:
            self._suggestions.stop_audio_check(wait=True)

    def borrow_index(self, transcript):
        """A copy of the scan's name index of *transcript*, if the scan made one."""
        return self._scan.borrow_index(transcript)

    # ------------------------------------------------------------------ the glossary
    def _load(self, show: str) -> Glossary:
        from editor.core.glossary import Glossary
        try:
            return Glossary.for_show(show, self._data_dir)
        except TranscriptError as error:
            # A damaged file is left alone (no path: nothing is written over it); names still work.
            self.problem.emit(f"Glossary not loaded: {error}")
            return Glossary(show=show)

    def set_glossary(self, glossary: Glossary) -> None:
        self.glossary = glossary
        if self._suggestions is not None:
            self._suggestions.glossary = glossary
        self._share(glossary.shared_file)
        self._offer_show_notes()
        self.glossary_set.emit(glossary)

    def save(self) -> None:
        """Save the glossary to its file, and merged into the shared file when it has one."""
        self._save()

    def _save(self) -> None:
        if self.glossary is None or self.glossary.path is None:
            return
        shared_problem = None
        if self._shared is not None:
            try:
                self._shared.save(self.glossary)      # merges what others added meanwhile
                self._watch()
            except TranscriptError as error:
                # The team's drive unmounted, say: the show's own glossary is saved all the same.
                shared_problem = error
        try:
            self.glossary.save()
        except TranscriptError as error:
            self.problem.emit(f"Glossary not saved: {error}")
            return
        if shared_problem is not None:
            self.problem.emit(f"Shared glossary not written (the show's own glossary is saved): {shared_problem}")

    # ------------------------------------------------------------------ the shared file
    def _share(self, path: str) -> None:
        """Use the shared glossary file *path* ("" : none): merge it in now and follow its changes."""
        from editor.core.shared_glossary import SharedGlossaryFile
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        self._shared = SharedGlossaryFile(path) if path else None
        if self._shared is None or self.glossary is None:
            return
        try:
            self._shared.pull(self.glossary)
        except TranscriptError as error:
            self.problem.emit(f"Shared glossary not read: {error}")
        self._watch()

    def _watch(self) -> None:
        # Atomic saves replace the file: the watcher loses it and must be given it again.
        if self._shared is not None and self._shared.path.exists() \
                and str(self._shared.path) not in self._watcher.files():
            self._watcher.addPath(str(self._shared.path))

    def _on_shared_file_changed(self, _path: str) -> None:
        self._watch()
        self.pull_shared()

    def pull_shared(self) -> bool:
        """Merge another producer's additions to the shared file; True when there were some."""
        if self._shared is None or self.glossary is None:
            return False
        try:
            changed = self._shared.pull(self.glossary)
        except TranscriptError as error:
            self.problem.emit(f"Shared glossary not read: {error}")
            return False
        if changed:
            self._offer_show_notes()
            self.changed(share=False)
            self.message.emit("The shared glossary changed on disk: merged.")
        return changed

    def changed(self, rescan: bool = True, share: bool = True) -> None:
        """The glossary's names changed: known words, underlines and (optionally) suggestions follow,
        and the shared file (when there is one) gets the change unless it came from there."""
        if share and self._shared is not None:
            self._save()
        self.names_changed.emit()
        if rescan and self.glossary is not None and (self._suggestions is not None or self._has_names()):
            self._start_scan()

    def edit_glossary(self):
        from editor.ui.names.glossary_dialog import GlossaryDialog
        path = self._files.current_path
        dialog = GlossaryDialog(self.glossary, self._window, data_dir=self._data_dir,
                                guessed_show=self.guessed_show(path) if path else None, candidates=self.show_notes)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_accepted(self, dialog) -> None:
        if dialog.glossary is self.glossary:
            if self._shared is None or str(self._shared.path) != self.glossary.shared_file:
                self._share(self.glossary.shared_file)
            if self._shared is not None:
                self._save()            # merged into the shared file (the dialog saved the local one)
            self._offer_show_notes()
            self.changed()
            return
        # Another show was chosen for this episode: remember it, use its glossary.
        glossary = dialog.glossary
        self._remember_show(glossary.show)
        self.set_glossary(glossary)
        if glossary.join_speakers(self._model.transcript):
            self._save()
        self.changed()
        self.message.emit(f"Using the glossary of {glossary.show}.")

    # ------------------------------------------------------------------ which show
    def show_for(self, path: str) -> str:
        """The show of the transcript at *path*: the one chosen for it (kept in the project's
        ``extra``), else the one chosen for its folder, else :meth:`guessed_show`'s."""
        chosen = self._files.extra.get(EXTRA_SHOW) if isinstance(self._files.extra, dict) else None
        if isinstance(chosen, str) and chosen.strip():
            return chosen.strip()
        from editor.core.glossary_places import show_for_folder
        from editor.core.show_guess import is_generic_folder
        folder = Path(path).parent
        chosen = None if is_generic_folder(folder.resolve()) else show_for_folder(folder, self._data_dir)
        return chosen or self.guessed_show(path).name

    def guessed_show(self, path: str):
        """:func:`~editor.core.show_guess.guess_show` for the transcript at *path* and its podcast page."""
        from editor.core.glossary_places import default_path
        from editor.core.page_text import PageText
        from editor.core.show_guess import guess_show
        return guess_show(path, PageText.from_extra(self._files.extra),
                          has_glossary=lambda show: default_path(show, self._data_dir).exists())

    def _remember_show(self, show: str) -> None:
        """Keep *show* for this episode: in the project (saved with it) and for its folder (so a
        transcript not yet saved as a project, and its neighbours, open with it too)."""
        path = self._files.current_path
        if not path:
            return
        default = self.guessed_show(path).name
        chosen = None if show.casefold() == default.casefold() else show
        before = self._files.extra.get(EXTRA_SHOW)
        if chosen is None:
            self._files.extra.pop(EXTRA_SHOW, None)
        else:
            self._files.extra[EXTRA_SHOW] = chosen
        if self._files.extra.get(EXTRA_SHOW) != before:
            self.extra_changed.emit()   # saved with the project: the document now has unsaved work
        from editor.core.glossary_places import choose_show_for_folder
        from editor.core.show_guess import is_generic_folder
        if is_generic_folder(Path(path).parent.resolve()):
            return      # Downloads holds every show's episodes: kept with the episode only
        try:
            choose_show_for_folder(Path(path).parent, chosen, self._data_dir)
        except TranscriptError as error:
            self.message.emit(f"Show not remembered for the folder: {error}")

    # ------------------------------------------------------------------ suggestions
    @property
    def suggestions(self) -> SuggestionsPanel | None:
        """The suggestions panel, once it has been made (shown, or a scan found some); reading makes nothing."""
        return self._suggestions

    def suggested_at(self, row: int, offset: int) -> bool:
        """Whether a listed suggestion replaces the text at character *offset* of turn *row* (and
        that text is still what the scan found there)."""
        if self._suggestions is None or not 0 <= row < self._model.rowCount():
            return False
        text = self._model.segment(row).text
        return any(s.index == row and s.start <= offset < s.end and text[s.start:s.end] == s.found
                   for s in self._suggestions.suggestions)

    def judged_suggestions(self) -> list[tuple[Suggestion, Verdict | None]]:
        """The listed suggestions the audio has judged in their turns as they read now, each with its
        verdict, and those it cannot judge (their words have no times) with None: not heard."""
        panel = self._suggestions
        if panel is None:
            return []
        return [(s, verdict) for s in panel.suggestions
                if (verdict := panel.verdict(s)) is not None or panel.unheard(s)]

    def _ensure_suggestions(self) -> tuple[SuggestionsPanel, QDockWidget]:
        if self._suggestions is None or self._suggestions_dock is None:
            from editor.ui.names.glossary_suggestions import SuggestionsPanel
            assert self.glossary is not None   # the panel is made once a transcript is open, after its glossary
            panel = self._suggestions = SuggestionsPanel(self._model, self.glossary, self._scan)
            dock = self._suggestions_dock = self._layout.dock_panel("suggestions", "Glossary Suggestions", panel)
            dock.hide()
            dock.visibilityChanged.connect(self._on_suggestions_dock_visibility_changed)
            panel.apply_requested.connect(self._spans.apply)
            panel.corrected.connect(self.corrected)
            panel.seek_requested.connect(self._spans.seek)
            panel.current_row_changed.connect(self._on_suggestion_current_row_changed)
            panel.scan_finished.connect(self._on_suggestions_scan_finished)
            panel.scan_finished.connect(self.suggestions_judged)
            panel.audio_checked.connect(self.suggestions_judged)
            self._offer_show_notes()
            panel.audio_path = self._audio_path
            if not self._has_names():
                panel.status.setText(NO_NAMES)
            elif self._scan.is_scanning():
                panel.status.setText(f"Scanning for {len(self.glossary.entries) + len(self._candidates)} names…")
            elif self._scan_said:      # opened after a scan that listed nothing: it says why, not "after a scan"
                panel.status.setText(self._scan_said)
        return self._suggestions, self._suggestions_dock

    def _on_suggestion_current_row_changed(self, row: int) -> None:
        suggestions = self._suggestions.suggestions if self._suggestions is not None else []
        if 0 <= row < len(suggestions):
            s = suggestions[row]
            self._spans.show(s.index, s.start, s.end, -1)   # the panel seeks itself

    def _on_suggestions_scan_finished(self, count: int) -> None:
        panel, dock = self._ensure_suggestions()
        if count and not self._suggestions_dismissed:
            dock.show()
        self.message.emit(panel.status.text())

    def _on_show_suggestions_toggled(self, on: bool) -> None:
        if on and self.glossary is not None:
            self._ensure_suggestions()      # made when first shown
        dock = self._suggestions_dock
        if dock is None:
            return
        if on:
            self._suggestions_dismissed = False
            self.scan_now()
        dock.setVisible(on)
        if on:
            dock.raise_()     # asked for: its tab comes to the front

    def _on_suggestions_dock_visibility_changed(self, visible: bool) -> None:
        if not shiboken6.isValid(self._window) or not shiboken6.isValid(self._show_action):
            return   # the window is being destroyed
        # Another panel's tab raised over it says visible=False too; only closing it hides the dock.
        shown = visible or (self._suggestions_dock is not None and self._suggestions_dock.isVisible())
        if not shown and self._window.isVisible() and not self._window.isMinimized():
            self._suggestions_dismissed = True
        action = self._show_action
        action.blockSignals(True)
        action.setChecked(shown)
        action.blockSignals(False)
