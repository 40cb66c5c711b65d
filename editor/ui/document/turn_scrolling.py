"""The transcript view's own scrolling: a turn brought into view (the playing one while following
playback, a turn gone to), the reader's place kept across a reload, and the "Back to playback"
button offered while the playing turn is out of sight.

None of it counts as the user's scroll, which stops following playback (:class:`RowLayout`'s
``scroll_to``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect

from editor.ui.document.follow_button import FollowButton

if TYPE_CHECKING:
    from editor.ui.document.row_layout import RowLayout
    from editor.ui.document.transcript_view import TranscriptView
    from editor.ui.document.turn_painter import TurnPainter


class TurnScrolling:
    """Scrolls the view to turns, and shows the follow button over it."""

    def __init__(self, view: TranscriptView, rows: RowLayout, painter: TurnPainter):
        self._view = view
        self._rows = rows
        self._painter = painter
        self.follow_button = FollowButton(view)
        self._follow_wanted = False

    def ensure_visible(self, row: int, word_char: int | None = None) -> None:
        """Scroll so *row* reads comfortably (with *word_char*'s line in view in a turn taller than the window)."""
        rows = self._rows
        rows.ensure()
        model = self._view.model()
        if model is None or not 0 <= row < len(rows):
            return
        rows.prepare_visible()
        rows.measure(row)
        bar = self._view.verticalScrollBar()
        height = self._view.viewport().height()
        top = rows.geometry.top(row)
        row_h = rows.geometry.height(row)
        target_y = top
        if row_h > height and word_char is not None:
            # A turn taller than the window: keep the line being spoken in view.
            segment = model.segment(row)
            target_y = top + int(self._painter.char_rect(row, segment.text, rows.width, word_char,
                                                         segment.marks).top()) - self._painter.line_height
        if bar.value() <= target_y and target_y + min(row_h, height // 2) <= bar.value() + height:
            return
        rows.update_scrollbar()
        rows.scroll_to(max(0, target_y - height // 5))
        self._view.viewport().update()

    # ------------------------------------------------------------------ the reader's place
    def scroll_anchor(self) -> tuple[int, int]:
        """(top row, pixels of it scrolled past): where the reader is, stable across a reload."""
        rows = self._rows
        rows.ensure()
        if not len(rows):
            return -1, 0
        value = self._view.verticalScrollBar().value()
        row = rows.geometry.row_at(value)
        return row, value - rows.geometry.top(row)

    def restore_scroll_anchor(self, anchor: tuple[int, int]) -> None:
        """Scroll back to a :meth:`scroll_anchor`."""
        row, inside = anchor
        rows = self._rows
        rows.ensure()
        if not 0 <= row < len(rows):
            return
        rows.measure(row)
        rows.update_scrollbar()
        rows.scroll_to(rows.geometry.top(row) + max(0, inside))
        rows.prepare_visible()
        self._view.viewport().update()

    # ------------------------------------------------------------------ the follow button
    def set_follow_button_visible(self, visible: bool) -> None:
        """Offer "Back to playback" (while not following); it shows only when the playing turn is off screen."""
        self._follow_wanted = visible
        self.update_follow_button()

    def update_follow_button(self) -> None:
        """Show the button when wanted and the playing turn is out of sight; O(1), run on every paint."""
        visible = self._follow_wanted and self._view.model() is not None and self._playing_row_off_screen()
        self.follow_button.show_over(visible, *self._follow_button_room())

    def place_follow_button(self) -> None:
        """Keep the button in its corner (the view was resized)."""
        self.follow_button.place(*self._follow_button_room())

    def _playing_row_off_screen(self) -> bool:
        model = self._view.model()
        row = model.current_row if model is not None else -1
        if not 0 <= row < len(self._rows):
            return False
        return not self._rows.row_rect(row).intersects(self._view.viewport().rect())

    def _follow_button_room(self) -> tuple[QRect, QRect | None]:
        """Where the button may float: the text's rectangle and the open turn editor's, in the view's coordinates."""
        text = self._view.viewport().geometry()
        editor = self._view.editor()
        return text, editor.geometry().translated(text.topLeft()) if editor is not None else None
