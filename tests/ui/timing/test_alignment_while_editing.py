"""Word times kept right while the producer edits, in the real window: a turn split while the
background alignment runs is counted and both halves aligned, and one turn re-synced after an edit.
Bundled sample episode, real aligner (PocketSphinx in worker processes)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from timing_helpers import open_sample, said, segments
from window_helpers import press

from editor.core.transcript import WordTiming

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.mark.slow
def test_a_turn_split_while_aligning_is_counted_and_its_halves_aligned_after(window, qtbot):
    timing = window.timing
    open_sample(window, qtbot)
    qtbot.waitUntil(timing.is_aligning, timeout=5000)
    turns = window.model.rowCount()
    qtbot.waitUntil(lambda: timing.progress.bar.maximum() == turns, timeout=5000)
    row = turns - 2          # aligned last: not done yet when split
    text = segments(window)[row].text
    window.view.open_editor(row, text.index(" ", len(text) // 2) + 1)
    window.action_table["split_turn"].trigger()
    assert window.model.rowCount() == turns + 1 and timing.is_aligning()
    qtbot.waitUntil(lambda: timing.progress.bar.maximum() == turns + 1, timeout=5000)   # the turns there are now
    qtbot.waitUntil(lambda: all(s.word_timing is WordTiming.ALIGNED for s in segments(window)), timeout=120_000)
    qtbot.waitUntil(lambda: not timing.is_aligning(), timeout=30_000)
    assert said(window, "Word times aligned")


def test_resync_one_turn_after_an_edit(window, qtbot):
    timing = window.timing
    open_sample(window, qtbot)
    qtbot.waitUntil(lambda: not timing.is_aligning() and all(
        s.word_timing is WordTiming.ALIGNED for s in segments(window)), timeout=90_000)
    row = next(i for i, s in enumerate(segments(window)) if "Soulberg," in s.text)
    segment = segments(window)[row]
    # The producer corrects a name in the turn editor: the new word gets an estimated time.
    editor = window.view.open_editor(row, segment.text.index("Soulberg") + len("Sou"))
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    assert "Solberg," in segment.text
    words_before = segment.words
    window.playback.seek(segment.start_ms + 500)
    qtbot.waitUntil(lambda: window.model.current_row == row, timeout=5000)
    with qtbot.waitSignal(timing.resyncer.segment_aligned, timeout=30_000) as blocker:
        press(window, Qt.Key.Key_Y, CTRL_SHIFT)        # Tools ▸ Re-sync Word Times of This Turn
    assert blocker.args == [row]
    assert segment.words is not words_before and segment.word_timing is WordTiming.ALIGNED
    assert [w.text for w in segment.words] == segment.text.split()
    name = next(w for w in segment.words if w.text == "Solberg,")
    assert segment.start_ms <= name.start_ms < name.end_ms <= segment.end_ms + 300
    assert said(window, "re-synced")
    # Other turns were not touched, and a whole-episode run is not needed afterwards.
    assert timing.align_pending() == 0
