"""QUndoCommands over the core's reversible ops: every change the user makes is one of these.

A command holds a single op. ``redo`` runs it through :meth:`TranscriptModel.run`
(which emits the Qt signals) and keeps the op that reverses it; ``undo`` does
the same with that op, so each command flips between its redo and undo op and
never copies the transcript. Undo of a replace in 1,000 places therefore
swaps references back (see :mod:`editor.core.ops`).

Typing in one turn is a :class:`TypingCommand`: consecutive ones for the same
row merge (``mergeWith`` with :func:`ops.merged_undo`) so a sentence typed is
one undo step. QUndoStack never merges into the command at its clean index, so
a save also ends the typing step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from editor.ui.document.transcript_model import TranscriptModel

if TYPE_CHECKING:
    from editor.core.ops import Op


class _LazyOps:
    """``editor.core.ops``, imported on first use: it pulls in rapidfuzz, which startup does not need."""

    def __getattr__(self, name: str):
        from editor.core import ops as module
        return getattr(module, name)


ops = _LazyOps()

TYPING_ID = 1001  # QUndoCommand.id(): commands with equal ids may merge


class OpCommand(QUndoCommand):
    """One core op as one undo step."""

    def __init__(self, model: TranscriptModel, op: Op, text: str, focus_row: int = -1, applied: bool = False):
        super().__init__(text)
        self._model = model
        self._op = op
        self.focus_row = focus_row   # where the edit happened (the controller puts the caret back there)
        # The edit is already in the transcript and *op* is the one that undoes it (a restore
        # replays a journal off the model, then shows the result at once): the push's redo does nothing.
        self._applied = applied

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._op = self._model.run(self._op)

    def undo(self) -> None:
        self._op = self._model.run(self._op)


class TypingCommand(OpCommand):
    """A text edit in one turn; consecutive edits of the same turn merge into one step."""

    def __init__(self, model: TranscriptModel, op: Op, row: int, caret: int = -1, applied: bool = False):
        super().__init__(model, op, "Typing", row, applied)
        self.row = row
        self.caret = caret          # caret after the edit, for putting it back on redo
        self._sealed = False        # a sealed command takes no more merges (caret moved away, editor closed)

    def id(self) -> int:
        return TYPING_ID

    def seal(self) -> None:
        self._sealed = True

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, TypingCommand) or other.row != self.row or self._sealed:
            return False
        # Both have run: self._op undoes self, other._op undoes other (applied later).
        self._op = ops.merged_undo(self._op, other._op)
        self.caret = other.caret
        return True
