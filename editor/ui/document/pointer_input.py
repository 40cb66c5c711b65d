"""What the mouse does in the transcript view: a click on a turn's time plays from there, a click on
its text opens the editor at that character, Ctrl+click or a double click plays the word, a
right-click opens the editor with its menu; the pointer's shape and the tooltips say which.

Requests go out as the view's signals (``seek_requested``); the view's own public methods open the
editor and put the clicked turn in hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from editor.core.transcript import ReviewStatus
from editor.ui.document import mark_looks

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent

    from editor.ui.document.row_layout import RowLayout
    from editor.ui.document.transcript_view import TranscriptView
    from editor.ui.document.turn_hits import TurnHits
    from editor.ui.document.turn_painter import Hit


class PointerInput:
    """The view's mouse and tooltip events, turned into seeks, edits and a turn in hand."""

    def __init__(self, view: TranscriptView, rows: RowLayout, hits: TurnHits):
        self._view = view
        self._rows = rows
        self._hits = hits

    def play_word(self, row: int, char: int) -> None:
        """Ask to play from the start of the word at *char* of *row*."""
        model = self._view.model()
        assert model is not None
        word = model.word_spans(row).word_at_char(char)
        ms = model.word_start_ms(row, max(0, word))
        if ms is not None:
            self._view.seek_requested.emit(ms)

    def press(self, event: QMouseEvent) -> bool:
        """A mouse press; False when it is not this view's to handle (not the left button, no transcript)."""
        view = self._view
        model = view.model()
        if event.button() != Qt.MouseButton.LeftButton or model is None:
            return False
        hit, row = self._hits.hit(event.position())
        if hit is None:
            self._open_below_the_last_turn(event.position().y())
        elif hit.area == "time":
            start = model.segment(row).start_ms
            if start is not None:
                view.seek_requested.emit(start)
            view.set_current_turn(row, scroll=False)
        elif hit.area == "text" and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.play_word(row, hit.char)
            view.set_current_turn(row, scroll=False)
        elif hit.area == "text":
            view.open_editor(row, hit.char)
        else:
            # The turn's header or the space above its text (what separates two turns): the caret
            # goes to the start of this turn, so the keys typed next land in it, never nowhere.
            view.open_editor(row, 0)
        return True

    def _open_below_the_last_turn(self, y: float) -> None:
        """A click in the empty space under the last turn: the caret at the end of that turn."""
        rows = self._rows
        model = self._view.model()
        if model is None or not len(rows) or rows.geometry.total() == 0:
            return
        last = rows.last_shown_row()   # (hidden rows are 0 high)
        if y >= rows.row_rect(last).bottom():
            self._view.open_editor(last, len(model.segment(last).text))

    def double_click(self, event: QMouseEvent) -> None:
        hit, row = self._hits.hit(event.position())
        if hit is not None and hit.area == "text":
            self.play_word(row, hit.char)
            self._view.set_current_turn(row, scroll=False)

    def move(self, event: QMouseEvent) -> None:
        """The pointer's shape says what a click does: play (a time), edit (text), nothing."""
        hit, _ = self._hits.hit(event.position())
        shape = Qt.CursorShape.PointingHandCursor if hit is not None and hit.area == "time" \
            else Qt.CursorShape.IBeamCursor if hit is not None and hit.area == "text" else Qt.CursorShape.ArrowCursor
        self._view.viewport().setCursor(shape)

    def context_menu(self, event: QContextMenuEvent) -> bool:
        """Right-click on a turn's text: open the editor there and show its menu (spelling fixes).
        False when not on a turn's text."""
        hit, row = self._hits.hit(QPointF(event.pos()))
        if hit is None or hit.area != "text":
            return False
        editor = self._view.open_editor(row, hit.char)
        target = editor.viewport().mapFromGlobal(event.globalPos())
        if editor.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
            editor.customContextMenuRequested.emit(target)
        else:
            QApplication.sendEvent(editor.viewport(), QContextMenuEvent(event.reason(), target, event.globalPos()))
        return True

    # ------------------------------------------------------------------ tooltips
    def tooltip(self, event: QEvent) -> bool:
        """Show (or hide) the tooltip of the turn part under a ToolTip event; False with no transcript."""
        if not isinstance(event, QHelpEvent) or self._view.model() is None:
            return False
        hit, row = self._hits.hit(QPointF(event.pos()))
        tip = self._tooltip(hit, row) if hit is not None else ""
        if tip:
            QToolTip.showText(event.globalPos(), tip, self._view.viewport(), self._rows.row_rect(row))
        else:
            QToolTip.hideText()
        return True

    def _tooltip(self, hit: Hit, row: int) -> str:
        model = self._view.model()
        if model is None:
            return ""
        segment = model.segment(row)
        if hit.area in ("note", "status") and segment.note:
            return f"Note: {segment.note}"
        if hit.area == "status":
            return f"{ReviewStatus(segment.status).value.capitalize()}" + (
                f" by {segment.approved_by}" if segment.approved_by else "")
        if hit.area == "edited":
            return f"Changed from the recognizer's text: {(segment.original_text or '')[:300]}"
        if hit.area == "text":   # a marked passage (or its tag): what exports write for it
            for mark in segment.marks:
                if mark.start <= hit.char <= mark.end:
                    return mark_looks.tooltip(mark, segment.text)
        return ""
