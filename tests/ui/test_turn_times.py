"""The Timing menu: a turn's start and end set from playback or nudged, and every time shifted at once.

A fake player (playback is not the point: only its position is read).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QRadioButton
from window_helpers import last_opened, named

from editor.ui.timing.shift_dialog import ShiftTimesDialog


def _keys(window, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(window.view, key, Qt.KeyboardModifier.AltModifier)


def _answer_dialog(window, qtbot, answer: Callable[[ShiftTimesDialog], None]) -> ShiftTimesDialog:
    """Open Shift Times (window-modal, not blocking) and answer it with *answer*."""
    window.action_table["shift_times"].trigger()
    dialog = last_opened(window, ShiftTimesDialog)
    qtbot.waitUntil(dialog.isVisible)
    answer(dialog)
    return dialog


def _starts(window) -> list[int]:
    return [s.start_ms for s in window.model.transcript.segments]


def test_the_timing_menu_holds_the_timing_actions(timed_window):
    names = [a.objectName() for a in timed_window.menus["Timing"].actions() if not a.isSeparator()]
    assert names == ["set_start", "set_end", "nudge_start_earlier", "nudge_start_later", "nudge_end_earlier",
                     "nudge_end_later", "shift_times"]
    assert timed_window.menus["Timing"].title() == "T&iming"


def test_set_end_to_playback_position_moves_the_next_start_along(sample_window):
    w = sample_window
    second = w.model.segment(2).start_ms
    w.playback.seek(second + 700)       # the producer hears turn 2 run on into turn 3
    w.view.open_editor(1, 0)
    w.action_table["set_end"].trigger()
    assert abs(w.model.segment(1).end_ms - (second + 700)) <= 60
    assert w.model.segment(2).start_ms == w.model.segment(1).end_ms
    w.edits.undo()
    assert w.model.segment(2).start_ms == second


def test_a_start_past_the_turns_end_is_refused_with_a_message(sample_window):
    w = sample_window
    before = w.model.segment(1).start_ms, w.model.segment(1).end_ms
    w.playback.seek(w.model.segment(3).start_ms)   # playback has moved on, two turns further
    w.view.open_editor(1, 0)
    w.action_table["set_start"].trigger()
    assert (w.model.segment(1).start_ms, w.model.segment(1).end_ms) == before
    assert w.statusBar().currentMessage().startswith("Turn 2 ends at")
    assert "set its end first" in w.statusBar().currentMessage()
    assert w.edits.stack.count() == 0


def test_nudges_by_keyboard_and_repeated_presses_are_one_undo_step(timed_window):
    w = timed_window
    w.view.open_editor(1, 3)
    _keys(w, Qt.Key.Key_BracketRight, 3)                 # the start a little later, three times
    assert w.model.segment(1).start_ms == 4300 and w.model.segment(0).end_ms == 4300   # was flush
    _keys(w, Qt.Key.Key_Comma)                           # the end a little earlier: a step of its own
    assert w.model.segment(1).end_ms == 8900 and w.model.segment(2).start_ms == 8900   # the boundary moves
    assert w.edits.stack.count() == 2
    assert w.model.segment(1).text == "we hauled the nets before the rain started falling"   # no key typed
    w.edits.undo()
    assert w.model.segment(1).end_ms == 9000 == w.model.segment(2).start_ms
    w.edits.undo()
    assert w.model.segment(1).start_ms == 4000 and w.model.segment(0).end_ms == 4000
    _keys(w, Qt.Key.Key_BracketLeft)
    _keys(w, Qt.Key.Key_Period)
    assert (w.model.segment(1).start_ms, w.model.segment(1).end_ms) == (3900, 9100)
    assert w.model.segment(2).start_ms == 9100            # the next turn started where it ended


def test_a_nudge_past_the_other_edge_is_refused_with_a_message(timed_window):
    w = timed_window
    w.view.open_editor(4, 0)
    w.model.transcript.segments[4].end_ms = 20_050       # a turn only 50 ms long
    _keys(w, Qt.Key.Key_BracketRight)
    assert w.model.segment(4).start_ms == 20_000
    assert w.statusBar().currentMessage() == "Turn 5 ends at 00:20.050: set its end first to start it at 00:20.100"


def test_shift_times_moves_every_time_and_undoes_in_one_step(timed_window, qtbot):
    w = timed_window
    starts = _starts(w)
    words = [w.start_ms for w in w.model.segment(3).words]
    dialog = _answer_dialog(w, qtbot, lambda d: (QTest.keyClicks(_amount(d), "+15"),
                                                 QTest.keyClick(_amount(d), Qt.Key.Key_Return)))
    assert not dialog.isVisible()
    assert _starts(w) == [ms + 15_000 for ms in starts]
    assert [x.start_ms for x in w.model.segment(3).words] == [ms + 15_000 for ms in words]
    assert "Shifted every turn 15 s later" in w.statusBar().currentMessage()
    assert w.edits.stack.count() == 1
    w.edits.undo()
    assert _starts(w) == starts


def test_shift_earlier_says_which_turns_start_at_zero_before_it_shifts(timed_window, qtbot):
    w = timed_window
    previews = []

    def answer(dialog):
        QTest.keyClicks(_amount(dialog), "-5")
        previews.append(_preview(dialog))
        dialog.accept()
    _answer_dialog(w, qtbot, answer)
    assert "2 turns would start before 0:00: they start at 0:00 instead" in previews[-1]
    assert _starts(w) == [0, 0, 4000, 9000, 15_000]
    assert "2 turns would have started before 0:00 and start at 0:00" in w.statusBar().currentMessage()


def test_shift_from_the_turn_in_hand_refuses_to_pass_the_turn_before(timed_window, qtbot):
    w = timed_window
    w.view.open_editor(3, 0)
    states = []

    def answer(dialog):
        next(b for b in dialog.findChildren(QRadioButton) if b.text().startswith("&From turn 4")).click()
        QTest.keyClicks(_amount(dialog), "-6")
        states.append((_preview(dialog), _ok(dialog).isEnabled()))
        _amount(dialog).setText("-2")
        states.append((_preview(dialog), _ok(dialog).isEnabled()))
        _ok(dialog).click()
    _answer_dialog(w, qtbot, answer)
    assert "Turn 4 would start before turn 3" in states[0][0] and states[0][1] is False
    assert states[1] == ("Turns 4–5 will start 2 s earlier.", True)
    assert _starts(w) == [0, 4000, 9000, 12_000, 18_000]
    assert w.model.segment(2).end_ms == 12_000           # the turn before ends where the shifted one starts


def _amount(dialog: ShiftTimesDialog) -> QLineEdit:
    return named(dialog, QLineEdit, "Shift by (seconds)")


def _preview(dialog: ShiftTimesDialog) -> str:
    from PySide6.QtWidgets import QLabel
    return next(label.text() for label in dialog.findChildren(QLabel)
                if label.accessibleName() == "What the shift will do")


def _ok(dialog: ShiftTimesDialog):
    from PySide6.QtWidgets import QDialogButtonBox
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
