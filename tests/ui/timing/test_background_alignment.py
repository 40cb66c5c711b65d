"""Forced alignment in the real window: in the background when a transcript without word times opens
with its audio (progress, results turn by turn, never twice), and Cancel then Align Words for the
rest. Bundled sample episode, real aligner (PocketSphinx in worker processes)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from timing_helpers import open_sample, said, segments
from window_helpers import SAMPLE_TXT

from editor.core.transcript import WordTiming


@pytest.mark.slow
def test_opening_a_transcript_without_word_times_aligns_it_in_the_background(window, qtbot):
    timing = window.timing
    assert window.open_path(str(SAMPLE_TXT))
    assert all(s.word_timing is WordTiming.NONE for s in segments(window))
    arrivals = []   # (row, still running) as each turn's result lands
    timing.aligner.segment_aligned.connect(lambda row: arrivals.append((row, timing.is_aligning())))
    qtbot.waitUntil(timing.is_aligning, timeout=5000)
    assert timing.progress.isVisible() and timing.progress.cancel_button.isVisible()
    # The window stays live while it runs, and results show one turn at a time.
    qtbot.waitUntil(lambda: len(arrivals) >= 1, timeout=90_000)
    qtbot.waitUntil(lambda: not timing.is_aligning(), timeout=90_000)
    assert any(running for _, running in arrivals), "partial results arrive while the rest still runs"
    assert sorted(row for row, _ in arrivals) == list(range(len(segments(window))))
    assert not timing.progress.isVisible()
    for segment in segments(window):
        assert segment.word_timing is WordTiming.ALIGNED
        assert len(segment.words) == len(segment.text.split())
        starts = [w.start_ms for w in segment.words]
        assert starts == sorted(starts)
        assert segment.start_ms - 300 <= starts[0] and starts[-1] <= segment.end_ms + 300
    assert said(window, "Word times aligned")
    _marks_are_where_they_are_heard(window, qtbot)
    # Derived data is no producer edit: nothing is journaled, so a crash now offers no "unsaved work".
    assert window.project.autosave.journal is None
    assert window.edits.stack.isClean()
    # A click on a word now lands on it: playing from a word's aligned start highlights that word.
    row, word = 3, 4
    at = segments(window)[row].words[word].start_ms + 30
    window.playback.seek(at)
    qtbot.waitUntil(lambda: (window.model.current_row, window.model.current_word) == (row, word), timeout=5000)

    # Opened again (not saved as a project): the times come back at once, nothing re-runs.
    started = []
    timing.aligner.progressed.connect(lambda done, total: started.append(total))
    assert window.open_path(str(SAMPLE_TXT))
    qtbot.waitUntil(lambda: all(s.word_timing is WordTiming.ALIGNED for s in segments(window)), timeout=5000)
    qtbot.waitUntil(lambda: said(window, "restored"), timeout=5000)   # the planned run found them all cached
    assert not timing.is_aligning() and not started


def test_the_status_bar_says_aligning_once_while_it_runs(window, qtbot):
    """The progress in the status bar ("Aligning word times", its count, Cancel) says it all: no
    message beside it says the same again."""
    timing = window.timing
    assert window.open_path(str(SAMPLE_TXT))
    qtbot.waitUntil(lambda: timing.is_aligning() and timing.progress.isVisible(), timeout=5000)
    assert timing.progress.label.text() == "Aligning word times"
    assert "Aligning" not in window.statusBar().currentMessage()
    assert not any(text.startswith("Aligning") for text in window.timing_messages)
    timing.cancel_alignment()
    qtbot.waitUntil(lambda: not timing.is_aligning(), timeout=30_000)


def _marks_are_where_they_are_heard(window, qtbot) -> None:
    """After alignment a mark has the time of its words in the Markers panel, the strip's band,
    the project and the exports (the sample's "[inaudible 00:00:45]" is heard elsewhere)."""
    from editor.core.timecode import format_clock
    from editor.formats import writer
    from editor.formats.base import ExportOptions, InaudibleStyle
    from editor.ui.timing.waveform_bounds import inaudible_spans

    row, segment = next((r, s) for r, s in enumerate(segments(window)) if s.marks)
    mark = segment.marks[0]
    token = next(i for i, w in enumerate(segment.words) if w.text.startswith("[inaudible"))
    assert mark.time_ms == segment.words[token].start_ms
    assert segment.words[token - 1].end_ms - 1 <= mark.time_ms <= segment.words[token + 1].start_ms
    window.marks_dock.show()
    panel = window.marks_dock.widget()
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() >= 1, timeout=5000)
    assert panel.tree.topLevelItem(0).text(0) == format_clock(mark.time_ms)
    assert inaudible_spans(segment)[0][0] == mark.time_ms
    rev = writer("txt").write(window.model.transcript, ExportOptions(inaudible_style=InaudibleStyle.REV))
    assert f"[inaudible {format_clock(mark.time_ms, hours=True)}]" in rev
    assert not segment.is_changed and row >= 0


def test_cancel_stops_alignment_and_align_words_finishes_the_rest(window, qtbot):
    timing = window.timing
    open_sample(window, qtbot)
    qtbot.waitUntil(timing.is_aligning, timeout=5000)
    qtbot.mouseClick(timing.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert not timing.is_aligning() and not timing.progress.isVisible()
    assert said(window, "stopped")
    QApplication.processEvents()   # what the stopped workers posted is delivered: nothing lands after a cancel
    left = [i for i, s in enumerate(segments(window)) if s.word_timing is not WordTiming.ALIGNED]
    assert left, "cancelled before the end"
    totals = []
    timing.aligner.progressed.connect(lambda done, total: totals.append(total))
    window.action_table["align_words"].trigger()
    qtbot.waitUntil(lambda: not timing.is_aligning(), timeout=90_000)
    assert all(s.word_timing is WordTiming.ALIGNED for s in segments(window))
    assert totals and max(totals) == len(left)     # only the turns still without times ran
