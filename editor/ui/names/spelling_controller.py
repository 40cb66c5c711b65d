"""SpellingController: spell checking in the turn editor and in painted turns, and low-confidence shading.

The English dictionary loads on the thread pool (once per process), so opening a 10-hour
episode never blocks on it: underlines appear when it is ready. Words of the show's
glossary count as known.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal

from editor.core.confidence import DEFAULT_THRESHOLD, segment_low_words
from editor.ui.context import WindowContext
from editor.ui.document.turn_decorations import TurnDecorations

if TYPE_CHECKING:
    from editor.core.glossary import Glossary
    from editor.core.spelling import Speller
    from editor.ui.names.correcting_spell_menu import CorrectingSpellMenu
    from editor.ui.names.spelling_verdicts import SpellingVerdicts

PRELOAD_AFTER_MS = 1500


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
        # The app may have quit while the words were loading (a cold word-list cache takes a while):
        # Qt has then deleted the signals' object and no window is left to tell.
        with contextlib.suppress(RuntimeError):
            self.signals.done.emit()


_LOADER: _DictionaryLoader | None = None


class SpellingController(QObject):
    word_added = Signal()       # a word went into the show's glossary from the spelling menu
    suspect_ignored = Signal(int, int, int)   # (row, start, end): a suspect passage Ignore said is right

    def __init__(self, ctx: WindowContext, glossary: Callable[[], Glossary | None], correct_everywhere: Callable,
                 parent=None, other_names: Callable[[], list[str]] = list):
        """*glossary()*: the show's Glossary (or None); *correct_everywhere(wrong)*: the spelling
        menu's "Correct everywhere…"; *other_names()*: right names besides the glossary's (the
        show notes'), known words too and offered on right-click."""
        super().__init__(parent)
        self._other_names = other_names
        self._model, self._view, self._files = ctx.model, ctx.view, ctx.files
        self._shade_action = ctx.actions["shade_low_confidence"]
        self._glossary = glossary
        self._correct_everywhere = correct_everywhere
        self.speller: Speller | None = None          # once the dictionary is loaded
        # The audio's verdicts on the menu's suggestions (a SpellingVerdicts), and where the audio
        # doubts a known word (suspect_at(row, offset) -> (start, end) or None): given by their features.
        self.audio_verdicts: SpellingVerdicts | None = None
        self._suspect_at: Callable[[int, int], tuple[int, int] | None] | None = None
        # The glossary name the audio heard over a passage (heard_at(row, offset) -> (start, end, name) or None).
        self._heard_at: Callable[[int, int], tuple[int, int, str] | None] | None = None
        self.spell_menu: CorrectingSpellMenu | None = None   # once an editor has opened
        self.decorations = TurnDecorations()
        self._editor_marks: tuple = ()
        self._view.add_text_decorator(self.decorations)
        self._view.editing_started.connect(self._on_view_editing_started)
        self._model.dataChanged.connect(self._on_model_data_changed)
        self._shade_action.toggled.connect(self.set_low_confidence_shading)
        # Load the dictionary while the start page idles (~0.15 s of a worker's time, in pieces
        # that never hold the GIL long), so it does not compete with the first glossary scan;
        # when a file was given on the command line it is already open by then and the
        # dictionary waits for the open-time work (GlossaryController).
        QTimer.singleShot(PRELOAD_AFTER_MS, self, self._preload_on_start_page)

    def _preload_on_start_page(self) -> None:
        if not self._files.has_transcript():
            self.start_dictionary()

    def start_dictionary(self) -> None:
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
            self.speller = Speller(self._names())
            self.decorations.set_speller(self.speller)
            self._view.viewport().update()
            editor = self._view.editor()
            if editor is not None:
                self._install(editor)
        return self.speller

    def _names(self) -> list[str]:
        glossary = self._glossary()
        return (glossary.names() if glossary is not None else []) + list(self._other_names())

    def set_suspect_lookup(self, suspect_at: Callable[[int, int], tuple[int, int] | None]) -> None:
        """Offer the spelling menu's suggestions for a known word too where *suspect_at(row, offset)*
        says the audio doubts it (the span of that suspect passage; None elsewhere)."""
        self._suspect_at = suspect_at
        if self.spell_menu is not None:
            self.spell_menu.suspect_at = suspect_at

    def set_heard_name_lookup(self, heard_at: Callable[[int, int], tuple[int, int, str] | None]) -> None:
        """Offer on right-click the glossary name *heard_at(row, offset)* says the audio heard over
        the passage there: (start, end, name), or None."""
        self._heard_at = heard_at
        if self.spell_menu is not None:
            self.spell_menu.heard_at = heard_at

    def doubts(self, row: int, offset: int, word: str) -> bool:
        """Whether *word* at character *offset* of turn *row* is underlined as misspelt, or the
        audio doubts the passage there or heard a glossary name over it."""
        if self.ensure_speller().unknown_words(word):
            return True
        return any(lookup is not None and lookup(row, offset) is not None
                   for lookup in (self._suspect_at, self._heard_at))

    def set_glossary(self, glossary) -> None:
        if self.spell_menu is not None:
            self.spell_menu.glossary = glossary

    def glossary_names_changed(self) -> None:
        """The glossary's names changed: known words and underlines follow."""
        glossary = self._glossary()
        if self.speller is not None and glossary is not None:
            self.speller.set_glossary_names(self._names())
        self.decorations.forget()
        if self.spell_menu is not None:
            self.spell_menu.highlighter.rehighlight()
        self._view.viewport().update()

    def _install(self, editor) -> None:
        assert self.speller is not None   # installed once the dictionary is loaded
        if self.spell_menu is None or self.spell_menu.editor is not editor:
            from editor.ui.names.correcting_spell_menu import CorrectingSpellMenu
            from editor.ui.names.spell_highlighter import SpellHighlighter
            highlighter = SpellHighlighter(editor.document(), self.speller)
            menu = self.spell_menu = CorrectingSpellMenu(editor, highlighter, self._glossary(),
                                                         self._correct_everywhere, self.audio_verdicts,
                                                         self._suspect_at)
            menu.heard_at = self._heard_at
            menu.word_added.connect(lambda _word: self.word_added.emit())
            menu.word_ignored.connect(lambda _word: self._on_word_ignored())
            menu.suspect_ignored.connect(self.suspect_ignored)
        self._refresh_editor(editor.row)

    def _on_word_ignored(self) -> None:
        self.decorations.forget()
        self._view.viewport().update()

    def _refresh_editor(self, row: int) -> None:
        """Give the editor's highlighter the turn's marks (never underlined) and low-confidence spans."""
        if self.spell_menu is None or not 0 <= row < self._model.rowCount():
            return
        self._editor_marks = tuple(self._model.segment(row).marks)
        highlighter = self.spell_menu.highlighter
        highlighter.set_marks(self._editor_marks)       # each re-highlights one turn: a few lookups
        highlighter.set_low_confidence(self._low_spans(row))

    def _low_spans(self, row: int) -> list[tuple[int, int]]:
        if not self._shade_action.isChecked():
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
            self.start_dictionary()
        elif self.speller is not None:
            self._install(editor)

    def _on_model_data_changed(self, top, bottom, _roles=()) -> None:
        editor = self._view.editor()
        if editor is None or self.spell_menu is None or not top.row() <= editor.row <= bottom.row():
            return
        if tuple(self._model.segment(editor.row).marks) != self._editor_marks:
            self._refresh_editor(editor.row)   # marks moved (typing before one) or one was added

    def set_low_confidence_shading(self, on: bool) -> None:
        self.decorations.set_shading(on)
        editor = self._view.editor()
        if editor is not None:
            self._refresh_editor(editor.row)
        self._view.viewport().update()
