"""CorrectController: "Correct Everywhere" — one misheard name fixed in all its variants at once.

Once the episode's words have times (:meth:`CorrectController.audio_ready`), the dialog checks its
candidates against the audio; the verdicts are kept here for the open transcript, so reopening
the dialog on the same name asks the audio nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from editor.ui.context import WindowContext
from editor.ui.names.span_actions import SpanActions

if TYPE_CHECKING:
    from editor.core.glossary import Glossary
    from editor.core.name_index import NameIndex
    from editor.core.transcript import Transcript
    from editor.ui.names.correct_dialog import CorrectDialog


class CorrectController(QObject):
    glossary_changed = Signal()     # the dialog remembered a wrong form in the show's glossary

    def __init__(self, ctx: WindowContext, spans: SpanActions, glossary: Callable[[], Glossary | None],
                 borrow_index: Callable[[Transcript], NameIndex | None], parent=None,
                 doubted: Callable[[int, int, str], bool] = lambda _row, _offset, _word: False):
        """*glossary()*: the show's Glossary (or None); *borrow_index(transcript)*: a copy of the
        glossary scan's name index of *transcript*, if it has one; *doubted(row, offset, word)*:
        whether something flags *word* at *offset* of turn *row* (a misspelling, a suspect, a
        glossary suggestion), so that it prefills the dialog opened from the caret."""
        super().__init__(parent)
        self.doubted = doubted
        self._model, self._view, self._window = ctx.model, ctx.view, ctx.window
        self._spans = spans
        self._glossary = glossary
        self._borrow_index = borrow_index
        self.dialog: CorrectDialog | None = None
        self._name_index: NameIndex | None = None
        self._indexed: Transcript | None = None      # the transcript _name_index is of
        self.audio_path = ""            # the episode's audio once its words have times
        self.verdicts: dict[tuple, object] = {}    # the audio's verdicts on this transcript's candidates
        spans.focus_keepers.append(lambda: self.dialog)
        ctx.files.transcript_opened.connect(self._forget_transcript)

    def _forget_transcript(self, *_args) -> None:
        """Another transcript: an open dialog's places (and its audio) belong to the one before."""
        if self.dialog is not None:
            self.dialog.close()
        self._name_index = self._indexed = None
        self.audio_path = ""
        self.verdicts.clear()

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.close()      # its audio check stops with it

    def audio_ready(self, audio_path: str) -> None:
        """Every turn that can be aligned has word times: candidates can be checked against *audio_path*."""
        self.audio_path = audio_path

    def phrase_at_caret(self) -> str:
        """The editor's selection, else the word at its caret, else the word being played."""
        return self._caret_phrase()[0]

    def phrase_to_correct(self) -> str:
        """What the dialog opened from the caret starts with: the producer's selection, else the word
        at the caret or being played when something already doubts it (a wrong form the glossary
        knows, or *doubted(row, offset, word)*: the spelling checker, the audio, a glossary
        suggestion); else "", and the producer types it. A word nothing doubts ("flux",
        "Senator") is no name to correct everywhere."""
        phrase, selected, row, offset = self._caret_phrase()
        if selected or not phrase or self._known_right_form(phrase):
            return phrase
        return phrase if row >= 0 and self.doubted(row, offset, phrase) else ""

    def _caret_phrase(self) -> tuple[str, bool, int, int]:
        """The phrase :meth:`phrase_at_caret` gives, whether the producer selected it, and its turn's
        row and character offset there (-1, -1 when not known)."""
        from editor.ui.names.correcting_spell_menu import phrase_of, select_whole_word
        from editor.ui.utf16 import Utf16Offsets
        editor = self._view.editor()
        selected = False
        row = offset = -1
        if editor is not None:
            cursor = editor.textCursor()
            selected = cursor.hasSelection()
            if not selected:
                cursor = select_whole_word(cursor)
            text = cursor.selectedText()
            row = editor.row
            # Counted from the turn's start (a turn may have several lines: several blocks).
            offset = Utf16Offsets(editor.toPlainText()).from_qt(cursor.selectionStart())
        else:
            row, word = self._model.current_row, self._model.current_word
            text = ""
            if row >= 0 and word >= 0:
                spans = self._model.word_spans(row).spans
                if word < len(spans):
                    offset = spans[word][0]
                    text = self._model.segment(row).text[offset:spans[word][1]]
        return phrase_of(text), selected, row, offset

    def correct_everywhere(self, wrong: str | None = None):
        """Open the "Correct Everywhere" dialog for *wrong* (default: the phrase at the caret)."""
        from editor.ui.names.correct_dialog import CorrectDialog
        wrong = self.phrase_to_correct() if wrong is None else wrong
        if self.dialog is not None:
            self.dialog.close()
        transcript = self._model.transcript
        if self._name_index is None or self._indexed is not transcript:
            # Kept: later dialogs refresh changed turns only. A copy of the glossary scan's
            # index takes ms; without one the dialog's search builds one on its thread (~0.4 s
            # on a 10-hour episode) and hands it back (index_built).
            self._name_index, self._indexed = self._borrow_index(transcript), transcript
        glossary = self._glossary()
        dialog = CorrectDialog(self._model, wrong, self._known_right_form(wrong), glossary=glossary,
                               index=self._name_index, parent=self._window, audio_path=self.audio_path,
                               verdicts=self.verdicts)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.seek_requested.connect(self._spans.play_from)
        dialog.apply_requested.connect(self._spans.apply)
        dialog.glossary_changed.connect(self.glossary_changed)
        dialog.index_built.connect(self._keep_index)
        dialog.destroyed.connect(self._on_dialog_destroyed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _keep_index(self, index: NameIndex) -> None:
        if self._indexed is self._model.transcript:
            self._name_index = index

    def _on_dialog_destroyed(self, *_args) -> None:
        self.dialog = None

    def _known_right_form(self, wrong: str) -> str:
        """The glossary's correct form when *wrong* is one of its known wrong forms."""
        folded = wrong.casefold()
        glossary = self._glossary()
        for entry in glossary.entries if glossary is not None else ():
            if any(w.casefold() == folded for w in entry.wrong_forms):
                return entry.correct
        return ""
