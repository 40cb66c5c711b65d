"""LowConfidenceController: walking through the words the recognizer was unsure of (Ctrl+L)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from editor.core.confidence import DEFAULT_THRESHOLD, next_low_confidence
from editor.ui.context import WindowContext
from editor.ui.names.span_actions import SpanActions


class LowConfidenceController(QObject):
    message = Signal(str)

    def __init__(self, ctx: WindowContext, spans: SpanActions, parent=None):
        super().__init__(parent)
        self._model, self._view = ctx.model, ctx.view
        self._spans = spans

    def next_low_confidence(self):
        """Select the next word under the confidence threshold and play from it."""
        editor = self._view.editor()
        if editor is not None:
            row = editor.row
            start, end = editor.selection()
            word = self._model.word_spans(row).word_at_char(start)
            if start == end:
                word -= 1 if word >= 0 and self._at_word_start(row, word, start) else 0
        elif self._model.current_row >= 0:
            row, word = self._model.current_row, self._model.current_word
        else:
            row, word = 0, -1
        hit = next_low_confidence(self._model.transcript, row, word, DEFAULT_THRESHOLD)
        if hit is None:
            self.message.emit(f"No words under {DEFAULT_THRESHOLD:.0%} confidence in this transcript.")
            return None
        self._spans.show(hit.index, hit.start, hit.end, hit.time_ms if hit.time_ms is not None else -1)
        self.message.emit(f"“{hit.text}”: {hit.confidence:.0%} confidence")
        return hit

    def _at_word_start(self, row: int, word: int, caret: int) -> bool:
        spans = self._model.word_spans(row).spans
        return 0 <= word < len(spans) and spans[word][0] == caret
