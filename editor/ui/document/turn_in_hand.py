"""The turn in hand: the one turn Enter, typing and the window's "this turn" actions (Ctrl+Enter,
Flag, Split…) act on.

The rule: the turn being edited; else the one the producer last went to or clicked (Ctrl+Home/End,
PageUp/PageDown, ↑/↓, a click on its text, time or header, a turn edited and left with Esc) or,
when playback following has moved the highlight since, the playing one (FollowController hands it
over); else the first turn wholly on screen. It is drawn with a focus ring, and scrolled into view
before anything is done to it: never acted on unseen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.ui.document.row_layout import RowLayout
    from editor.ui.document.transcript_view import TranscriptView


class TurnInHand:
    """Which turn is in hand, kept the same turn while rows are inserted or removed before it."""

    def __init__(self, view: TranscriptView, rows: RowLayout, describe: Callable[[], None]):
        self._view = view
        self._rows = rows
        self._describe = describe   # tells assistive technology of the turn now in hand
        self.row = -1               # the turn the producer last went to, -1: none yet

    def current(self) -> int:
        """The turn in hand (the module's rule); -1 when no turn is shown."""
        editor = self._view.editor()
        if editor is not None:
            return editor.row
        if self.is_chosen():
            return self.row
        return self.first_whole_row()

    def is_chosen(self) -> bool:
        """Whether the producer (or following) has put a turn in hand, not the first-on-screen default."""
        return 0 <= self.row < len(self._rows) and self._rows.is_row_shown(self.row)

    def set(self, row: int, scroll: bool = True) -> None:
        """Make *row* the turn in hand (an open editor stays where it is); *scroll* brings it into view."""
        rows = self._rows
        rows.ensure()
        if not 0 <= row < len(rows):
            return
        before, self.row = self.row, row
        if scroll:
            self._view.ensure_visible(row)
        if before != row:
            if 0 <= before < len(rows):
                rows.update_rows(before, before)
            rows.update_rows(row, row)
            self._describe()

    def take(self, row: int, edited_before: int) -> None:
        """*row* is opened for editing (the editor was on *edited_before*, -1: none): its ring goes
        from the turn in hand before."""
        before, self.row = self.row, row
        if 0 <= before < len(self._rows) and before not in (edited_before, row):
            self._rows.update_rows(before, before)

    def forget(self) -> None:
        """A new transcript: no turn in hand yet."""
        self.row = -1

    def rows_moved(self, first: int, delta: int) -> None:
        """*delta* rows were inserted at *first* (removed from it, when negative): the same turn stays
        in hand (split before it, merged with one before it)."""
        if self.row >= first + max(0, -delta):     # after the rows inserted at, or removed from, first
            self.row += delta
        elif self.row >= first:    # removed (merged away): the turn it went into
            self.row = max(0, first - 1)

    def first_whole_row(self) -> int:
        """The first turn shown whole at the top of the screen (the top one when it is half scrolled
        off and the next one does not start on screen); -1 when the filter hides every turn."""
        rows = self._rows
        geometry = rows.geometry
        if self._view.model() is None or not len(geometry) or geometry.total() == 0:
            return -1
        first, _last = rows.prepare_visible()
        y0 = self._view.verticalScrollBar().value()
        top = geometry.top(first)
        if top >= y0:
            return first
        below = geometry.row_at(top + geometry.height(first))   # the next shown turn
        if below > first and geometry.top(below) < y0 + self._view.viewport().height():
            return below
        return first
