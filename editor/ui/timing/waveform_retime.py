"""Turn the waveform strip's ``retime_requested`` into one undoable step."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from editor.core import ops
from editor.ui.document.commands import OpCommand
from editor.ui.document.transcript_model import TranscriptModel


def push_retime(stack: QUndoStack, model: TranscriptModel, changes: list[tuple[int, int, int]]) -> None:
    """Apply (row, start_ms, end_ms) changes in order as one undo step ("Retime Turn").

    Each change is planned with ``ops.set_bounds`` only after the one before it was
    applied, so its neighbour clamping sees the moved neighbour; set_bounds clamps again,
    so even a stale request can never make turns overlap.
    """
    if not changes:
        return
    stack.beginMacro("Retime Turn")
    for row, start, end in changes:
        if 0 <= row < model.rowCount():
            op = ops.set_bounds(model.transcript, row, start, max(start, end))
            stack.push(OpCommand(model, op, "Retime Turn", row))
    stack.endMacro()
