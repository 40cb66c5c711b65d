"""Editing a turn where it is: the :class:`~editor.ui.document.turn_editor.TurnEditor` laid over the
turn's painted text, opened, moved to the next or previous turn, kept over its turn and its caret
on screen, and closed.

The editor reports what the user did and this passes it on as the view's signals (``text_edited``,
``editing_started``…); the edit controller decides. The editor is made when a turn is first
edited: its module is not needed for the window's first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt

if TYPE_CHECKING:
    from editor.ui.document.row_layout import RowLayout
    from editor.ui.document.transcript_view import TranscriptView
    from editor.ui.document.turn_editor import TurnEditor
    from editor.ui.document.turn_in_hand import TurnInHand
    from editor.ui.document.turn_painter import TurnPainter


class InPlaceEditing:
    """Owns the view's one turn editor and keeps it over the turn it edits."""

    def __init__(self, view: TranscriptView, rows: RowLayout, painter: TurnPainter, in_hand: TurnInHand,
                 play_word: Callable[[int, int], None], describe: Callable[[], None]):
        self._view = view
        self._rows = rows
        self._painter = painter
        self._in_hand = in_hand
        self._play_word = play_word   # (row, char): Ctrl+click or double-click on a word in the editor
        self._describe = describe     # tells assistive technology of the turn being edited
        self._editor: TurnEditor | None = None
        self._reserved_keys: set[int] = set()

    def editor(self) -> TurnEditor | None:
        """The open editor, if any."""
        return self._editor if self._editor is not None and self._editor.isVisible() else None

    def editing_row(self) -> int:
        """The row being edited, -1 when no editor is open."""
        return self._editor.row if self._editor is not None and self._editor.isVisible() else -1

    def loaded_with(self, row: int) -> TurnEditor | None:
        """The editor when it holds *row*'s text (open, or in a hidden window)."""
        return self._editor if self._editor is not None and self._editor.row == row else None

    def set_reserved_keys(self, keys: set[int]) -> None:
        """Key combinations the editor must leave to the window's actions."""
        self._reserved_keys = set(keys)
        if self._editor is not None:
            self._editor.reserved_keys = self._reserved_keys

    def _made(self) -> TurnEditor:
        if self._editor is None:
            from editor.ui.document.turn_editor import TurnEditor
            view = self._view
            editor = self._editor = TurnEditor(view.viewport())
            editor.reserved_keys = self._reserved_keys
            editor.edited.connect(self._on_edited)
            editor.typed.connect(view.typed)
            editor.leave_requested.connect(self._on_leave)
            editor.word_seek_requested.connect(lambda char: self._play_word(editor.row, char))
            editor.cursorPositionChanged.connect(self.keep_caret_in_view)
            editor.refused.connect(lambda: view.too_long_to_edit.emit(editor.row))
        return self._editor

    def open(self, row: int, char: int = 0) -> TurnEditor:
        """Open the editor over *row* with the caret at *char*."""
        view = self._view
        model = view.model()
        assert model is not None
        editor = self._made()
        previous = editor.row if editor.isVisible() else -1
        if previous >= 0 and previous != row:
            view.editing_finished.emit(previous)
        self._in_hand.take(row, previous)
        editor.load(row, model.segment(row).text, self._painter.text_font, char)
        view.ensure_visible(row)
        editor.show()
        self._place(editor)
        editor.setFocus(Qt.FocusReason.MouseFocusReason)
        if previous >= 0:
            self._rows.update_rows(previous, previous)
        self._rows.update_rows(row, row)
        self._describe()
        view.editing_started.emit(row)
        if editor.isReadOnly():
            view.too_long_to_edit.emit(row)
        return editor

    def close(self) -> None:
        editor = self._editor
        if editor is not None and editor.isVisible():
            row = editor.row
            editor.hide()
            editor.row = -1
            self._in_hand.row = row     # the turn just left stays in hand (Enter opens it again)
            self._view.editing_finished.emit(row)
            self._describe()
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)
            if 0 <= row < len(self._rows):
                self._rows.update_rows(row, row)

    # ------------------------------------------------------------------ over its turn
    def place(self) -> None:
        """Lay the open editor over its turn's text (the turn moved, grew, or the view scrolled)."""
        editor = self.editor()
        if editor is not None:
            self._place(editor)

    def _place(self, editor: TurnEditor) -> None:
        rows = self._rows
        row = editor.row
        if not 0 <= row < len(rows):
            return
        rows.measure(row)
        rect = rows.row_rect(row)
        origin = self._painter.text_origin()
        height = rows.geometry.height(row) - int(origin.y()) - 6
        geometry = QRect(int(origin.x()), rect.top() + int(origin.y()),
                         self._painter.text_width(rect.width()) + 2, max(height, self._painter.line_height) + 4)
        if editor.geometry() != geometry:
            editor.setGeometry(geometry)

    def keep_caret_in_view(self) -> None:
        """Scroll (not a user scroll) so the open turn's caret line is on screen: the editor lies
        over its turn and cannot scroll the view, so a turn growing at the bottom of the screen,
        or the caret moved down a turn taller than the window, took the typing out of sight."""
        editor = self._editor
        rows = self._rows
        if editor is None or not editor.hasFocus() or not 0 <= editor.row < len(rows):
            return   # (a Replace All elsewhere moving its caret does not pull the view back to it)
        rows.measure(editor.row)
        rows.update_scrollbar()
        self._place(editor)
        caret = editor.cursorRect().translated(editor.geometry().topLeft())
        margin = self._painter.line_height // 2
        height = self._view.viewport().height()
        if caret.bottom() + margin > height:
            shift = caret.bottom() + margin - height
        elif caret.top() - margin < 0:
            shift = caret.top() - margin
        else:
            return
        rows.scroll_to(self._view.verticalScrollBar().value() + shift)

    # ------------------------------------------------------------------ the model's changes
    def texts_changed(self, first: int, last: int) -> None:
        """Rows *first*..*last* have new text: the editor on one of them shows it."""
        model = self._view.model()
        if self._editor is not None and model is not None and first <= self._editor.row <= last:
            # Also after a replace in many turns (one span of rows): the editor must never keep,
            # and later write back, the text the replace changed.
            self._editor.replace_text(model.segment(self._editor.row).text)

    def rows_moved(self, first: int) -> None:
        """Rows were inserted at, or removed from, *first*: an editor on a row from there closes."""
        if self._editor is not None and self._editor.row >= first:
            self.close()

    # ------------------------------------------------------------------ the editor's requests
    def _on_edited(self, text: str) -> None:
        assert self._editor is not None
        self._view.text_edited.emit(self._editor.row, text)
        self.keep_caret_in_view()

    def _on_leave(self, direction: int) -> None:
        """Esc (0) closes the editor; leaving the turn at its top (-1) or bottom (+1) opens the
        previous or next shown turn, the caret at its near end."""
        model = self._view.model()
        assert model is not None
        assert self._editor is not None
        rows = self._rows
        row = self._editor.row + direction
        while direction and 0 <= row < len(rows) and not rows.is_row_shown(row):
            row += direction   # skip turns the row filter hides
        if direction == 0 or not 0 <= row < len(rows):
            self.close()
            return
        text = model.segment(row).text
        self.open(row, len(text) if direction < 0 else 0)
