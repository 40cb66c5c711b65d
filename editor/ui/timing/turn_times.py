"""TurnTimes: the Timing menu's edits of turn times, each one undo step on the window's stack.

Set Start / Set End to the playback position, nudging the turn in hand's start or end by
:data:`NUDGE_MS` (repeated presses on the same edge of the same turn are one undo step), and
Shift Times… (every time from the first or the current turn on, one op however long the
episode). A time the core refuses (a start past the turn's end, a shift past the turn before)
is said in the status bar, never a traceback. A nudge or a set costs one turn and its
neighbours: nothing proportional to the document runs on a keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from editor.ui.context import WindowContext
from editor.ui.document.commands import OpCommand, ops
from editor.ui.process_tuning import collection_paused

if TYPE_CHECKING:
    from editor.core.ops import Op, Shift
    from editor.ui.document.transcript_model import TranscriptModel

NUDGE_MS = 100          # one press: a tenth of a second, about a syllable's edge
NUDGE_ID = 1002         # QUndoCommand.id(): nudges of one edge of one turn merge
START, END = "start", "end"


class NudgeCommand(OpCommand):
    """A nudge of one edge of one turn; the next nudge of that same edge merges into it."""

    def __init__(self, model: TranscriptModel, op: Op, row: int, edge: str):
        super().__init__(model, op, f"Nudge {edge.title()}", row)
        self.row, self.edge = row, edge

    def id(self) -> int:
        return NUDGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, NudgeCommand) or (other.row, other.edge) != (self.row, self.edge):
            return False
        self._op = ops.merged_undo(self._op, other._op)   # both ran: ours undoes first, theirs later
        return True


class ShiftCommand(OpCommand):
    """Shift Times as one undo step. A shift of a long episode makes hundreds of thousands of objects
    (times, words' recipes, the undo record), all kept by the undo history: made with the cyclic
    collector paused and frozen after (:func:`~editor.ui.process_tuning.collection_paused`), not walked
    by collections again and again in the middle of the edit, its undo and its redo."""

    def redo(self) -> None:
        with collection_paused():
            super().redo()

    def undo(self) -> None:
        with collection_paused():
            super().undo()


class TurnTimes(QObject):
    """The turn-time actions of the Timing menu."""

    def __init__(self, ctx: WindowContext, say: Callable[[str], None], parent=None):
        super().__init__(parent)
        self._model, self._playback, self._stack = ctx.model, ctx.playback, ctx.undo_stack
        self._current_row = ctx.edits.current_row      # the turn in hand
        self._window = ctx.window                      # the dialog's parent
        self._say = say
        a = ctx.actions
        a["set_start"].triggered.connect(self.set_start_to_playback)
        a["set_end"].triggered.connect(self.set_end_to_playback)
        a["nudge_start_earlier"].triggered.connect(lambda: self.nudge(START, -NUDGE_MS))
        a["nudge_start_later"].triggered.connect(lambda: self.nudge(START, NUDGE_MS))
        a["nudge_end_earlier"].triggered.connect(lambda: self.nudge(END, -NUDGE_MS))
        a["nudge_end_later"].triggered.connect(lambda: self.nudge(END, NUDGE_MS))
        a["shift_times"].triggered.connect(lambda: self.ask_shift())

    # ------------------------------------------------------------------ one edge of one turn
    def set_start_to_playback(self) -> bool:
        return self._to_playback(START)

    def set_end_to_playback(self) -> bool:
        return self._to_playback(END)

    def _to_playback(self, edge: str) -> bool:
        row = self._current_row() if self._model.rowCount() else -1
        if row < 0 or not self._playback.has_media():
            self._say(f"Load the audio to set a turn's {edge} from playback.")
            return False
        op = self._plan(edge, row, self._playback.position())
        if op is None or ops.is_noop(op):
            return False
        self._stack.push(OpCommand(self._model, op, f"Set {edge.title()} Time", row))
        return True

    def nudge(self, edge: str, delta_ms: int) -> bool:
        """Move the turn in hand's *edge* by *delta_ms*; consecutive nudges of it are one undo step."""
        row = self._current_row() if self._model.rowCount() else -1
        if row < 0:
            return False
        segment = self._model.segment(row)
        now = segment.start_ms if edge == START else segment.end_ms
        if now is None:
            self._say(f"Turn {row + 1} has no {edge} time to nudge: set it from playback first.")
            return False
        op = self._plan(edge, row, max(0, now + delta_ms))
        if op is None:
            return False
        if ops.is_noop(op):
            self._say(f"Turn {row + 1}'s {edge} cannot move further that way (its neighbour's time).")
            return False
        self._stack.push(NudgeCommand(self._model, op, row, edge))
        return True

    def _plan(self, edge: str, row: int, ms: int) -> Op | None:
        planner = ops.set_start if edge == START else ops.set_end
        try:
            return planner(self._model.transcript, row, ms)
        except ValueError as error:
            self._say(str(error))
            return None

    # ------------------------------------------------------------------ every time at once
    def ask_shift(self) -> None:
        """Shift Times…: ask by how much and from where (window-modal, not blocking), then shift."""
        if not self._model.rowCount():
            return
        from PySide6.QtCore import Qt

        from editor.ui.timing.shift_dialog import ShiftTimesDialog
        dialog = ShiftTimesDialog(self._model.transcript, self._current_row(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.shift(dialog.delta_ms(), dialog.first_row()))
        dialog.open()

    def shift(self, delta_ms: int, first: int = 0) -> bool:
        """Shift every time from row *first* on by *delta_ms*; says what it did."""
        try:
            with collection_paused():
                shift = ops.shift_times(self._model.transcript, delta_ms, first)
        except ValueError as error:
            self._say(str(error))
            return False
        if ops.is_noop(shift.op):
            return False
        self._stack.push(ShiftCommand(self._model, shift.op, "Shift Times", first))
        self._say(shift_summary(shift, delta_ms))
        return True


def shift_summary(shift: Shift, delta_ms: int) -> str:
    """What a shift did, in a sentence (the status bar's, and the dialog's preview)."""
    which = "every turn" if shift.first == 0 else f"turns {shift.first + 1}–{shift.first + shift.turns}"
    way = "later" if delta_ms > 0 else "earlier"
    text = f"Shifted {which} {abs(delta_ms) / 1000:g} s {way}"
    if shift.chapters:
        text += f" (and {shift.chapters} chapter{'s' if shift.chapters != 1 else ''})"
    if shift.clamped:
        text += (f"; {shift.clamped} turn{'s' if shift.clamped != 1 else ''} would have started before 0:00 "
                 "and start at 0:00")
    return text
