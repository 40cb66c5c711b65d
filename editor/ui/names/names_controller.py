"""NamesController: the window side of the name tools, wired in one place.

It owns the find/replace dock, the glossary-suggestions dock, the "correct everywhere" and
glossary dialogs, spelling in the turn editor and in painted turns, and the walk through
low-confidence words. MainWindow constructs it with what it needs and adds nothing else:

* every text change goes through the window's undo stack as one
  :class:`~editor.ui.document.commands.OpCommand` (``ops.replace_spans``), so "replace all" and
  "apply ticked" are each ONE undo step however many places they touch;
* the show glossary is loaded when a transcript opens; the show is the one chosen in the
  glossary dialog (kept in the project's ``extra`` and per folder), else the folder the
  transcript lives in (a producer keeps one folder per show); the glossary file lives in
  the user's data folder (:func:`editor.core.glossary.default_path`);
* the glossary scan and the loading of the English dictionary run on the thread pool, so
  opening a 10-hour episode never blocks on them: underlines appear when the dictionary is
  ready, suggestions when the scan is done.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from editor.core import ops
from editor.core.confidence import DEFAULT_THRESHOLD, next_low_confidence, segment_low_words
from editor.core.errors import TranscriptError
from editor.ui.context import WindowContext
from editor.ui.document.commands import OpCommand
from editor.ui.document.turn_decorations import TurnDecorations

EXTRA_SHOW = "show"        # key of the chosen show in a project's "extra" object
PRELOAD_AFTER_MS = 1500
# After a transcript opens, the dictionary load and the glossary scan wait this long: the
# producer reads and scrolls the new episode at once, and neither a 160,000-word list (~0.25 s,
# ~30 MB) nor a name index of every word (~0.2 s) competes with that. Opening the suggestions
# panel, or the first edit, starts them sooner.
BACKGROUND_AFTER_OPEN_MS = 2500


def show_name_for(path: str) -> str:
    """The show a transcript belongs to: the name of the folder it is in."""
    return Path(path).resolve().parent.name or "default"


class _DictionaryLoader(QRunnable):
    """Loads the shared English word set off the GUI thread (disk cache, else ~0.3 s in pieces), once per process."""

    class Signals(QObject):
        done = Signal()

    def __init__(self):
        super().__init__()
        self.signals = self.Signals()
        self.finished = False
        self.setAutoDelete(False)   # kept in _LOADER for the life of the process

    def run(self) -> None:
        from editor.core.spelling import known_words
        known_words()    # the compact word set; the full checker waits for the first suggestions
        self.finished = True
        self.signals.done.emit()


_LOADER: _DictionaryLoader | None = None


class NamesController(QObject):
    """Find/replace, correct everywhere, glossary, spelling and low-confidence words in the window."""

    message = Signal(str)        # a short status-bar message
    # The project's "extra" changed (another show chosen): unsaved work, to be journaled by the window.
    extra_changed = Signal()

    def __init__(self, ctx: WindowContext, parent=None, data_dir: str | None = None):
        """*data_dir*: where show glossaries live (default: the user's data folder)."""
        super().__init__(parent)
        self._model, self._view, self._playback = ctx.model, ctx.view, ctx.playback
        self.undo_stack, self._files, self._actions = ctx.undo_stack, ctx.files, ctx.actions
        self._window = ctx.window
        self._layout = ctx.layout
        self._data_dir = data_dir
        self.glossary = None                    # the show's Glossary once a transcript is open
        self.speller = None                     # an editor.core.spelling.Speller once the dictionary is loaded
        self.spell_menu = None                  # a CorrectingSpellMenu once an editor has opened
        self.correct_dialog = None
        self.glossary_dialog = None
        self.decorations = TurnDecorations()
        self._name_index = None
        self._suggestions_dismissed = False     # the user closed the suggestions dock: do not reopen it
        self._editor_marks: tuple = ()
        self._scan_timer = QTimer(self, singleShot=True, interval=BACKGROUND_AFTER_OPEN_MS)
        self._scan_timer.timeout.connect(self._scan_opened)

        # Panels are made on first use (Ctrl+F, the first transcript): nothing of theirs loads at startup.
        self.find_panel = self.find_dock = None
        self.suggestions = self.suggestions_dock = None
        self._view.set_text_decorator(self.decorations)
        self._connect()
        # Load the dictionary while the start page idles (~0.15 s of a worker's time, in pieces
        # that never hold the GIL long), so it does not compete with the first scan; when a file
        # was given on the command line it is already open by then and waits as above.
        QTimer.singleShot(PRELOAD_AFTER_MS, self, self._preload_on_start_page)

    # ------------------------------------------------------------------ wiring
    def _connect(self) -> None:
        a = self._actions
        a["find"].triggered.connect(self.show_find)
        a["replace"].triggered.connect(self.show_replace)
        a["correct_everywhere"].triggered.connect(lambda: self.correct_everywhere())
        a["glossary"].triggered.connect(self.edit_glossary)
        a["next_low_confidence"].triggered.connect(self.next_low_confidence)
        a["shade_low_confidence"].toggled.connect(self.set_low_confidence_shading)
        a["show_suggestions"].toggled.connect(self._on_show_suggestions_toggled)

        self._view.editing_started.connect(self._on_view_editing_started)
        self._model.dataChanged.connect(self._on_model_data_changed)
        self._files.transcript_opened.connect(self._on_files_transcript_opened)

    def _ensure_find_panel(self) -> None:
        if self.find_panel is not None:
            return
        from editor.ui.names.find_panel import FindPanel
        self.find_panel = FindPanel(self._model)
        self.find_dock = self._layout.dock_panel("find", "Find and Replace", self.find_panel)
        self.find_panel.match_chosen.connect(self._on_find_match_chosen)
        self.find_panel.replace_requested.connect(self.apply_spans)
        self.find_panel.close_requested.connect(self._on_find_close_requested)

    def _ensure_suggestions(self) -> None:
        if self.suggestions is not None:
            return
        from editor.ui.names.glossary_suggestions import SuggestionsPanel
        self.suggestions = SuggestionsPanel(self._model, self.glossary)
        self.suggestions_dock = self._layout.dock_panel("suggestions", "Glossary Suggestions", self.suggestions)
        self.suggestions_dock.hide()
        self.suggestions_dock.visibilityChanged.connect(self._on_suggestions_dock_visibility_changed)
        self.suggestions.apply_requested.connect(self.apply_spans)
        self.suggestions.seek_requested.connect(self._seek)
        self.suggestions.list.currentRowChanged.connect(self._on_suggestion_current_row_changed)
        self.suggestions.scan_finished.connect(self._on_suggestions_scan_finished)

    # ------------------------------------------------------------------ applying changes
    def apply_spans(self, spans: list, text: str) -> bool:
        """Replace every span as ONE undo step on the window's stack."""
        if not spans:
            return False
        try:
            op = ops.replace_spans(self._model.transcript, spans)
        except ValueError as error:   # a span no longer fits the text (edited meanwhile)
            self.message.emit(str(error))
            return False
        self.undo_stack.push(OpCommand(self._model, op, text, min(s[0] for s in spans)))
        self.message.emit(text)
        return True

    def _seek(self, ms: int) -> None:
        if ms is not None and ms >= 0 and self._playback.has_media():
            self._playback.seek(ms)
            # The playing turn moves now, not at the next tick: opening the editor on it then
            # does not count as "looking elsewhere" (auto-follow keeps going).
            self._model.update_current_from_time(ms)

    def show_span(self, row: int, start: int, end: int, ms: int = -1) -> None:
        """Open the turn with *start..end* selected and play from *ms*; a panel keeps the keyboard."""
        if not 0 <= row < self._model.rowCount():
            return
        focus = QApplication.focusWidget()
        self._seek(ms)
        editor = self._view.open_editor(row, start)
        text_length = len(editor.toPlainText())
        if 0 <= start <= end <= text_length:
            cursor = editor.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
        panels = (self.find_panel, self.suggestions, self.correct_dialog)
        if focus is not None and any(p is not None and (p is focus or p.isAncestorOf(focus)) for p in panels):
            focus.setFocus(Qt.FocusReason.OtherFocusReason)   # Enter in the find field goes on finding

    # ------------------------------------------------------------------ opening a transcript
    def _on_files_transcript_opened(self, path: str, _format: str, _warnings: list) -> None:
        show = self.show_for(path)
        if self.glossary is None or self.glossary.show != show or self.glossary.path is None:
            self.set_glossary(self._load_glossary(show))
        self._ensure_suggestions()
        self.suggestions.forget()    # the previous episode's suggestions must not be applied to this one
        if self.glossary.join_speakers(self._model.transcript):
            self._save_glossary()
        self._glossary_changed(rescan=False)
        self._name_index = None
        # Dictionary and scan wait until the producer has had the episode on screen a while
        # (BACKGROUND_AFTER_OPEN_MS): nothing but the window's own work happens at open.
        self._scan_timer.start()

    def _preload_on_start_page(self) -> None:
        if not self._files.has_transcript():
            self._start_dictionary()

    def _scan_opened(self) -> None:
        """The deferred work of an opened transcript: the dictionary, then (with a glossary) the scan."""
        self._scan_timer.stop()
        if not self._files.has_transcript():
            return
        self._start_dictionary()
        if self.suggestions is None or self.glossary is None:
            return
        if self.glossary.entries:
            self.suggestions.start_scan()
        else:   # an empty glossary has nothing to suggest: no name index, no scan
            self.suggestions.status.setText("No glossary names for this show yet: add them "
                                            "(Glossary…) and suggestions appear here.")

    def scan_now(self) -> None:
        """Run the deferred open-time work now (the suggestions panel was opened, a test wants it)."""
        if self._scan_timer.isActive():
            self._scan_opened()

    def is_scanning(self) -> bool:
        """A glossary scan is due or running (suggestions are not final yet)."""
        return self._scan_timer.isActive() or (self.suggestions is not None and self.suggestions.is_scanning())

    def _load_glossary(self, show: str):
        from editor.core.glossary import Glossary
        try:
            return Glossary.for_show(show, self._data_dir)
        except TranscriptError as error:
            # A damaged file is left alone (no path: nothing is written over it); names still work.
            self.message.emit(f"Glossary not loaded: {error}")
            return Glossary(show=show)

    def set_glossary(self, glossary) -> None:
        self.glossary = glossary
        if self.suggestions is not None:
            self.suggestions.glossary = glossary
        if self.spell_menu is not None:
            self.spell_menu.glossary = glossary

    def _save_glossary(self) -> None:
        if self.glossary.path is None:
            return
        try:
            self.glossary.save()
        except TranscriptError as error:
            self.message.emit(f"Glossary not saved: {error}")

    def _glossary_changed(self, rescan: bool = True) -> None:
        """The glossary's names changed: known words, underlines and (optionally) suggestions follow."""
        if self.speller is not None:
            self.speller.set_glossary_names(self.glossary.names())
        self.decorations.forget()
        if self.spell_menu is not None:
            self.spell_menu.highlighter.rehighlight()
        self._view.viewport().update()
        if rescan and self.suggestions is not None:
            self.suggestions.start_scan()

    # ------------------------------------------------------------------ spelling
    def _start_dictionary(self) -> None:
        global _LOADER
        if self.speller is not None:
            return
        if _LOADER is None:
            _LOADER = _DictionaryLoader()
            QThreadPool.globalInstance().start(_LOADER)
        _LOADER.signals.done.connect(self.ensure_speller, Qt.ConnectionType.QueuedConnection)
        if _LOADER.finished:          # loaded before we connected (another window, an earlier open)
            self.ensure_speller()

    def ensure_speller(self):
        """The speller (made now if the background load has not finished: ~0.1 s once)."""
        if self.speller is None:
            from editor.core.spelling import Speller
            self.speller = Speller(self.glossary.names() if self.glossary is not None else ())
            self.decorations.set_speller(self.speller)
            self._view.viewport().update()
            editor = self._view.editor()
            if editor is not None:
                self._install_spelling(editor)
        return self.speller

    def _install_spelling(self, editor) -> None:
        if self.spell_menu is None or self.spell_menu.editor is not editor:
            from editor.ui.names.correcting_spell_menu import CorrectingSpellMenu
            from editor.ui.names.spell_highlighter import SpellHighlighter
            highlighter = SpellHighlighter(editor.document(), self.speller)
            self.spell_menu = CorrectingSpellMenu(editor, highlighter, self.glossary, self.correct_everywhere)
            self.spell_menu.word_added.connect(lambda _word: self._glossary_changed())
            self.spell_menu.word_ignored.connect(lambda _word: self._on_word_ignored())
        self._refresh_editor_spelling(editor.row)

    def _on_word_ignored(self) -> None:
        self.decorations.forget()
        self._view.viewport().update()

    def _refresh_editor_spelling(self, row: int) -> None:
        """Give the editor's highlighter the turn's marks (never underlined) and low-confidence spans."""
        if self.spell_menu is None or not 0 <= row < self._model.rowCount():
            return
        self._editor_marks = tuple(self._model.segment(row).marks)
        highlighter = self.spell_menu.highlighter
        highlighter.set_marks(self._editor_marks)       # each re-highlights one turn: a few lookups
        highlighter.set_low_confidence(self._low_spans(row))

    def _low_spans(self, row: int) -> list[tuple[int, int]]:
        if not self._actions["shade_low_confidence"].isChecked():
            return []
        return [(w.start, w.end) for w in segment_low_words(self._model.segment(row), row, DEFAULT_THRESHOLD)
                if w.start >= 0]

    def _on_view_editing_started(self, row: int) -> None:
        editor = self._view.editor()
        if editor is None:
            return
        if self.speller is None and self._files.has_transcript():
            # Loaded on a worker (not ~0.2 s on the GUI thread under the first keystroke);
            # ensure_speller installs it on the open editor when it is ready.
            self._start_dictionary()
        elif self.speller is not None:
            self._install_spelling(editor)

    def _on_model_data_changed(self, top, bottom, _roles=()) -> None:
        editor = self._view.editor()
        if editor is None or self.spell_menu is None or not top.row() <= editor.row <= bottom.row():
            return
        if tuple(self._model.segment(editor.row).marks) != self._editor_marks:
            self._refresh_editor_spelling(editor.row)   # marks moved (typing before one) or one was added

    # ------------------------------------------------------------------ find and replace
    def show_find(self) -> None:
        self._open_find(replace=False)

    def show_replace(self) -> None:
        self._open_find(replace=True)

    def _open_find(self, replace: bool) -> None:
        self._ensure_find_panel()
        editor = self._view.editor()
        if editor is not None:
            self.find_panel.set_selection([editor.row])
            selected = editor.textCursor().selectedText()
            if selected:
                self.find_panel.set_find_text(selected)
        self.find_dock.show()
        self.find_dock.raise_()
        if replace:
            self.find_panel.show_replace()
        else:
            self.find_panel.show_find()

    def _on_find_match_chosen(self, row: int, start: int, end: int, ms: int) -> None:
        self.show_span(row, start, end, ms)

    def _on_find_close_requested(self) -> None:
        self.find_dock.hide()
        editor = self._view.editor()
        (editor or self._view).setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ correct everywhere
    def phrase_at_caret(self) -> str:
        """The editor's selection, else the word at its caret, else the word being played."""
        editor = self._view.editor()
        if editor is not None:
            cursor = editor.textCursor()
            if not cursor.hasSelection():
                cursor.select(QTextCursor.SelectionType.WordUnderCursor)
            text = cursor.selectedText()
        else:
            row, word = self._model.current_row, self._model.current_word
            text = ""
            if row >= 0 and word >= 0:
                spans = self._model.word_spans(row).spans
                if word < len(spans):
                    text = self._model.segment(row).text[spans[word][0]:spans[word][1]]
        from editor.ui.names.correcting_spell_menu import phrase_of
        return phrase_of(text)

    def correct_everywhere(self, wrong: str | None = None):
        """Open the "Correct Everywhere" dialog for *wrong* (default: the phrase at the caret)."""
        from editor.core.name_index import NameIndex
        from editor.ui.names.correct_dialog import CorrectDialog
        wrong = self.phrase_at_caret() if wrong is None else wrong
        if self.correct_dialog is not None:
            self.correct_dialog.close()
        transcript = self._model.transcript
        if self._name_index is None or self._name_index.transcript is not transcript:
            # Kept: later dialogs refresh changed turns only. A copy of the glossary scan's
            # index takes ms; building one reads every word (~0.1 s on a 10-hour episode).
            borrowed = self.suggestions.borrow_index(transcript) if self.suggestions is not None else None
            self._name_index = borrowed or NameIndex(transcript)
        dialog = CorrectDialog(self._model, wrong, self._known_right_form(wrong), glossary=self.glossary,
                               index=self._name_index, parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.seek_requested.connect(self._seek)
        dialog.apply_requested.connect(self.apply_spans)
        dialog.glossary_changed.connect(self._glossary_changed)
        dialog.destroyed.connect(self._on_correct_dialog_destroyed)
        self.correct_dialog = dialog
        dialog.open()
        return dialog

    def _on_correct_dialog_destroyed(self, *_args) -> None:
        self.correct_dialog = None

    def _known_right_form(self, wrong: str) -> str:
        """The glossary's correct form when *wrong* is one of its known wrong forms."""
        folded = wrong.casefold()
        for entry in self.glossary.entries if self.glossary is not None else ():
            if any(w.casefold() == folded for w in entry.wrong_forms):
                return entry.correct
        return ""

    # ------------------------------------------------------------------ glossary
    def edit_glossary(self):
        from editor.ui.names.glossary_dialog import GlossaryDialog
        dialog = GlossaryDialog(self.glossary, self._window, data_dir=self._data_dir)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_glossary_dialog_accepted(dialog))
        self.glossary_dialog = dialog
        dialog.open()
        return dialog

    def _on_glossary_dialog_accepted(self, dialog) -> None:
        if dialog.glossary is self.glossary:
            self._glossary_changed()
            return
        # Another show was chosen for this episode: remember it, use its glossary.
        self._remember_show(dialog.glossary.show)
        self.set_glossary(dialog.glossary)
        if self.glossary.join_speakers(self._model.transcript):
            self._save_glossary()
        self._glossary_changed()
        self.message.emit(f"Using the glossary of {self.glossary.show}.")

    # ------------------------------------------------------------------ which show
    def show_for(self, path: str) -> str:
        """The show of the transcript at *path*: the one chosen for it (kept in the project's
        ``extra``), else the one chosen for its folder, else the folder's name."""
        chosen = self._files.extra.get(EXTRA_SHOW) if isinstance(self._files.extra, dict) else None
        if isinstance(chosen, str) and chosen.strip():
            return chosen.strip()
        from editor.core.glossary import show_for_folder
        return show_for_folder(Path(path).parent, self._data_dir) or show_name_for(path)

    def _remember_show(self, show: str) -> None:
        """Keep *show* for this episode: in the project (saved with it) and for its folder (so a
        transcript not yet saved as a project, and its neighbours, open with it too)."""
        path = self._files.current_path
        if not path:
            return
        default = show_name_for(path)
        chosen = None if show.casefold() == default.casefold() else show
        before = self._files.extra.get(EXTRA_SHOW)
        if chosen is None:
            self._files.extra.pop(EXTRA_SHOW, None)
        else:
            self._files.extra[EXTRA_SHOW] = chosen
        if self._files.extra.get(EXTRA_SHOW) != before:
            self.extra_changed.emit()   # saved with the project: the document now has unsaved work
        from editor.core.glossary import choose_show_for_folder
        try:
            choose_show_for_folder(Path(path).parent, chosen, self._data_dir)
        except TranscriptError as error:
            self.message.emit(f"Show not remembered for the folder: {error}")

    def _on_suggestion_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.suggestions.suggestions):
            s = self.suggestions.suggestions[row]
            self.show_span(s.index, s.start, s.end, -1)   # the panel seeks itself

    def _on_suggestions_scan_finished(self, count: int) -> None:
        if count and not self._suggestions_dismissed:
            self.suggestions_dock.show()
        self.message.emit(self.suggestions.status.text())

    def _on_show_suggestions_toggled(self, on: bool) -> None:
        if self.suggestions_dock is None:
            return
        if on:
            self._suggestions_dismissed = False
            self.scan_now()
        self.suggestions_dock.setVisible(on)

    def _on_suggestions_dock_visibility_changed(self, visible: bool) -> None:
        if not shiboken6.isValid(self._window) or not shiboken6.isValid(self._actions["show_suggestions"]):
            return   # the window is being destroyed
        if not visible and self._window.isVisible() and not self._window.isMinimized():
            self._suggestions_dismissed = True
        action = self._actions["show_suggestions"]
        action.blockSignals(True)
        action.setChecked(visible)
        action.blockSignals(False)

    # ------------------------------------------------------------------ low-confidence words
    def next_low_confidence(self):
        """Select the next word under the confidence threshold and play from it."""
        editor = self._view.editor()
        if editor is not None:
            row = editor.row
            cursor = editor.textCursor()
            word = self._model.word_spans(row).word_at_char(cursor.selectionStart())
            if not cursor.hasSelection():
                word -= 1 if word >= 0 and self._at_word_start(row, word, cursor.position()) else 0
        elif self._model.current_row >= 0:
            row, word = self._model.current_row, self._model.current_word
        else:
            row, word = 0, -1
        hit = next_low_confidence(self._model.transcript, row, word, DEFAULT_THRESHOLD)
        if hit is None:
            self.message.emit(f"No words under {DEFAULT_THRESHOLD:.0%} confidence in this transcript.")
            return None
        self.show_span(hit.index, hit.start, hit.end, hit.time_ms if hit.time_ms is not None else -1)
        self.message.emit(f"“{hit.text}”: {hit.confidence:.0%} confidence")
        return hit

    def _at_word_start(self, row: int, word: int, caret: int) -> bool:
        spans = self._model.word_spans(row).spans
        return 0 <= word < len(spans) and spans[word][0] == caret

    def set_low_confidence_shading(self, on: bool) -> None:
        self.decorations.set_shading(on)
        editor = self._view.editor()
        if editor is not None:
            self._refresh_editor_spelling(editor.row)
        self._view.viewport().update()
