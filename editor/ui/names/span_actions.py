"""SpanActions: what every name tool does with the places it found (find, correct everywhere,
glossary suggestions, low-confidence words).

* applying: every replacement goes through the window's undo stack as ONE
  :class:`~editor.ui.document.commands.OpCommand` (``ops.replace_spans``), so "replace all" and
  "apply ticked" are each one undo step however many places they touch;
* showing: open the turn with the place selected and play from its time; a panel that had
  the keyboard keeps it (Enter in the find field goes on finding).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from editor.core import ops
from editor.ui.context import WindowContext
from editor.ui.document.commands import OpCommand


class SpanActions(QObject):
    """Apply and show spans ``(row, start, end)`` of the transcript."""

    message = Signal(str)        # a short status-bar message
    # [(words before, words put in)] of a correction applied with teach=True: the glossary may learn from it.
    # (object: a list is copied into a QVariantList and back, ~8 ms for a Replace All's 7,000 pairs.)
    corrected = Signal(object)

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        self._model, self._view, self._playback = ctx.model, ctx.view, ctx.playback
        self.undo_stack = ctx.undo_stack
        # Panels and dialogs that keep the keyboard when they show a span (each a getter: made lazily).
        self.focus_keepers: list[Callable[[], QWidget | None]] = []

    def apply(self, spans: list, text: str, teach: bool = False) -> bool:
        """Replace every span as ONE undo step on the window's stack; *teach*: announce the
        corrections made (``corrected``) for the glossary to learn from."""
        if not spans:
            return False
        try:
            op = ops.replace_spans(self._model.transcript, spans)
        except ValueError as error:   # a span no longer fits the text (edited meanwhile)
            self.message.emit(str(error))
            return False
        segments = self._model.transcript.segments
        replaced = [(segments[row].text[start:end], new) for row, start, end, new in spans] if teach else []
        self.undo_stack.push(OpCommand(self._model, op, text, min(s[0] for s in spans)))
        self.message.emit(text)
        if replaced:
            self.corrected.emit(replaced)
        return True

    def seek(self, ms: int) -> None:
        if ms is not None and ms >= 0 and self._playback.has_media():
            self._playback.seek(ms)
            # The playing turn moves now, not at the next tick: opening the editor on it then
            # does not count as "looking elsewhere" (auto-follow keeps going).
            self._model.update_current_from_time(ms)

    def play_from(self, ms: int) -> None:
        """A ▶ button: seek there and play (a seek alone is silent while paused)."""
        if ms is not None and ms >= 0 and self._playback.has_media():
            self.seek(ms)
            self._playback.play()

    def show(self, row: int, start: int, end: int, ms: int = -1) -> None:
        """Open the turn with *start..end* selected and play from *ms*; a panel keeps the keyboard."""
        if not 0 <= row < self._model.rowCount():
            return
        focus = QApplication.focusWidget()
        self.seek(ms)
        editor = self._view.open_editor(row, start)
        text_length = len(editor.toPlainText())
        if 0 <= start <= end <= text_length:
            editor.setTextCursor(editor.qt_span(start, end))
        panels = [keeper() for keeper in self.focus_keepers]
        if focus is not None and any(p is not None and (p is focus or p.isAncestorOf(focus)) for p in panels):
            focus.setFocus(Qt.FocusReason.OtherFocusReason)   # Enter in the find field goes on finding
