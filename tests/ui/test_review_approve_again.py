"""Approving a turn that is already approved changes nothing: no undo step, the project stays unmodified."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_helpers import press  # noqa: E402

from editor.core.transcript import ReviewStatus  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _approved_and_saved(w, row: int) -> tuple[str, int]:
    assert w.review.approve(row)
    assert w.project.save()
    assert not w.isWindowModified()
    return w.model.segment(row).approved_at, w.edits.stack.count()


def test_approve_and_next_on_an_approved_turn_moves_on_without_a_change(timed_window, qtbot):
    w = timed_window
    approved_at, steps = _approved_and_saved(w, 1)
    w.view.open_editor(1, 0)
    press(w, Qt.Key.Key_Return, CTRL)                     # Approve and Next
    assert w.view.editor().row == 2                        # on to the next turn, as always
    assert w.model.segment(1).status is ReviewStatus.APPROVED
    assert w.model.segment(1).approved_at == approved_at   # the approval it had, not a new one
    assert w.edits.stack.count() == steps and w.edits.stack.isClean()
    assert not w.isWindowModified()


def test_approve_on_an_approved_turn_says_so_and_changes_nothing(timed_window, qtbot):
    w = timed_window
    _approved_and_saved(w, 3)
    w.view.open_editor(3, 0)
    press(w, Qt.Key.Key_A, CTRL | SHIFT)                  # Approve Turn
    qtbot.waitUntil(lambda: "already approved" in w.statusBar().currentMessage(), timeout=10_000)
    assert w.edits.stack.isClean() and not w.isWindowModified()
    assert w.view.editor().row == 3
