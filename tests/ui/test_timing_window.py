"""Word timing in the real window: the waveform strip under the transcript, click to
seek, boundary dragging as an undoable command, forced alignment in the background when a
transcript without word times opens with its audio (progress, cancel, never twice), and
re-syncing one turn after an edit. Bundled sample episode, real VLC backend, real aligner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from window_helpers import SAMPLE_TXT, press

from editor.core.transcript import WordTiming
from editor.ui.timing.waveform import OVERVIEW_H, RULER_H, WAVE

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path, monkeypatch):
    """Peaks and alignment caches go to the user's cache folder: a fresh one per test, so
    every test sees a first open (and the 'never twice' test sees its own second one)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def _close(window) -> None:
    project = getattr(window, "project", None)
    if project is not None:   # retimes are unsaved edits: drop them so the window closes
        project.discard_changes()


@pytest.fixture
def window(main_window):
    main_window.timing_messages = []   # the status bar is shared with other tools: keep our own
    main_window.timing.message.connect(main_window.timing_messages.append)
    yield main_window
    _close(main_window)


def _said(window, words: str) -> bool:
    return bool(window.timing_messages) and words in window.timing_messages[-1]


def _open_sample(window, qtbot) -> None:
    assert window.open_path(str(SAMPLE_TXT))
    assert window.playback.has_media()
    qtbot.waitUntil(lambda: window.playback.duration() > 0, timeout=5000)


def _quiet_sample(window, qtbot) -> None:
    """The sample open with alignment stopped (tests of the strip do not need the CPU it takes)."""
    _open_sample(window, qtbot)
    qtbot.waitUntil(window.timing.is_aligning, timeout=5000)
    window.timing.cancel_alignment()


def _wave_pixels(strip) -> int:
    """Pixels in the main wave area painted in the waveform colour."""
    image = strip.grab().toImage()
    count = 0
    for y in range(OVERVIEW_H + 4, strip.height() - RULER_H - 2, 2):
        for x in range(0, strip.width(), 2):
            c = QColor(image.pixel(x, y))
            if abs(c.red() - WAVE.red()) + abs(c.green() - WAVE.green()) + abs(c.blue() - WAVE.blue()) < 30:
                count += 1
    return count


def _segments(window):
    return window.model.transcript.segments


def _wait_peaks(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.timing.strip._peaks is not None, timeout=20_000)


# ---------------------------------------------------------------------------- the strip
def test_strip_sits_under_the_transcript_and_shows_peaks_after_load(window, qtbot):
    assert window.timing.strip is None          # built with the first transcript: startup pays nothing
    _quiet_sample(window, qtbot)
    strip = window.timing.strip
    _wait_peaks(window, qtbot)
    assert strip.isVisible() and strip.height() >= 110
    # Under the transcript, above the transport bar, inside the editor page (not a floating dock).
    view_bottom = window.view.mapTo(window, QPoint(0, window.view.height())).y()
    strip_top = strip.mapTo(window, QPoint(0, 0)).y()
    transport_top = window.transport.mapTo(window, QPoint(0, 0)).y()
    assert view_bottom <= strip_top < transport_top
    assert strip.width() >= window.view.width() - 2
    qtbot.waitUntil(lambda: _wave_pixels(strip) > 300, timeout=5000)
    # Speech is drawn where the audio is: the first turn's words are inside the visible window.
    assert strip.view_range()[0] < 1000 < strip.view_range()[1]
    window.action_table["show_waveform"].trigger()
    assert not strip.isVisible()
    window.action_table["show_waveform"].trigger()
    assert strip.isVisible()


def test_clicking_the_strip_seeks_the_real_player(window, qtbot):
    _quiet_sample(window, qtbot)
    strip = window.timing.strip
    _wait_peaks(window, qtbot)
    x = round(strip.ms_to_x(5_000))
    assert strip.boundary_near(x) is None
    target = strip.x_to_ms(x)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, 70))
    qtbot.waitUntil(lambda: abs(window.playback.position() - target) < 250, timeout=5000)
    assert window.model.current_row == 0
    # The overview band (the whole episode) seeks too: its middle is the middle of the episode.
    duration = window.playback.duration()
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(strip.width() // 2, OVERVIEW_H // 2))
    qtbot.waitUntil(lambda: abs(window.playback.position() - duration / 2) < duration / strip.width() * 2 + 250,
                    timeout=5000)


def _drag(qtbot, strip, x_from: int, x_to: int) -> None:
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(x_from, 70))
    qtbot.mouseMove(strip, QPoint((x_from + x_to) // 2, 70))
    qtbot.mouseMove(strip, QPoint(x_to, 70))
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(x_to, 70))


def test_dragging_a_boundary_retimes_both_turns_with_undo_and_redo(window, qtbot):
    _quiet_sample(window, qtbot)
    strip, stack = window.timing.strip, window.timing.undo_stack
    _wait_peaks(window, qtbot)
    first, second = _segments(window)[0], _segments(window)[1]
    shared = second.start_ms
    assert first.end_ms == shared
    x_from = round(strip.ms_to_x(shared))
    assert strip.boundary_near(x_from) is not None
    steps = stack.count()
    _drag(qtbot, strip, x_from, x_from + 60)
    moved = strip.x_to_ms(x_from + 60)
    assert stack.count() == steps + 1 and "Retime" in stack.undoText()
    assert abs(first.end_ms - moved) <= 40 and second.start_ms == first.end_ms
    # The transcript shows the new time (the model told the view) and the strip redraws there.
    assert window.model.data(window.model.index(1), int(_start_role())) == second.start_ms
    qtbot.waitUntil(lambda: any(abs(b.ms - second.start_ms) < 2 for b in strip._boundaries), timeout=1000)
    stack.undo()
    assert first.end_ms == shared and second.start_ms == shared
    qtbot.waitUntil(lambda: any(b.ms == shared for b in strip._boundaries), timeout=1000)
    stack.redo()
    assert abs(first.end_ms - moved) <= 40 and second.start_ms == first.end_ms
    # Dragging far past the next boundary is clamped: turns never overlap.
    qtbot.waitUntil(lambda: strip.boundary_near(strip.ms_to_x(second.start_ms)) is not None, timeout=1000)
    x_from = round(strip.ms_to_x(second.start_ms))
    _drag(qtbot, strip, x_from, strip.width() - 2)
    third = _segments(window)[2]
    assert first.end_ms <= second.start_ms < second.end_ms <= third.start_ms


def _start_role():
    from editor.ui.document.transcript_model import Role
    return Role.START


# ---------------------------------------------------------------------------- alignment
def test_opening_a_transcript_without_word_times_aligns_it_in_the_background(window, qtbot):
    timing = window.timing
    assert window.open_path(str(SAMPLE_TXT))
    assert all(s.word_timing is WordTiming.NONE for s in _segments(window))
    arrivals = []   # (row, still running) as each turn's result lands
    timing.aligner.segment_aligned.connect(lambda row: arrivals.append((row, timing.is_aligning())))
    qtbot.waitUntil(timing.is_aligning, timeout=5000)
    assert timing.progress.isVisible() and timing.progress.cancel_button.isVisible()
    # The window stays live while it runs, and results show one turn at a time.
    qtbot.waitUntil(lambda: len(arrivals) >= 1, timeout=30_000)
    qtbot.waitUntil(lambda: not timing.is_aligning(), timeout=90_000)
    assert any(running for _, running in arrivals), "partial results arrive while the rest still runs"
    assert sorted(row for row, _ in arrivals) == list(range(len(_segments(window))))
    assert not timing.progress.isVisible()
    for segment in _segments(window):
        assert segment.word_timing is WordTiming.ALIGNED
        assert len(segment.words) == len(segment.text.split())
        starts = [w.start_ms for w in segment.words]
        assert starts == sorted(starts)
        assert segment.start_ms - 300 <= starts[0] and starts[-1] <= segment.end_ms + 300
    assert _said(window, "Word times aligned")
    _marks_are_where_they_are_heard(window, qtbot)
    # Derived data is no producer edit: nothing is journaled, so a crash now offers no "unsaved work".
    assert window.project.autosave.journal is None
    assert window.edits.stack.isClean()
    # A click on a word now lands on it: playing from a word's aligned start highlights that word.
    row, word = 3, 4
    at = _segments(window)[row].words[word].start_ms + 30
    window.playback.seek(at)
    qtbot.waitUntil(lambda: (window.model.current_row, window.model.current_word) == (row, word), timeout=5000)

    # Opened again (not saved as a project): the times come back at once, nothing re-runs.
    started = []
    timing.aligner.progressed.connect(lambda done, total: started.append(total))
    assert window.open_path(str(SAMPLE_TXT))
    qtbot.waitUntil(lambda: all(s.word_timing is WordTiming.ALIGNED for s in _segments(window)), timeout=5000)
    qtbot.waitUntil(lambda: _said(window, "restored"), timeout=5000)   # the planned run found them all cached
    assert not timing.is_aligning() and not started


def _marks_are_where_they_are_heard(window, qtbot) -> None:
    """After alignment a mark has the time of its words in the Markers panel, the strip's band,
    the project and the exports (the sample's "[inaudible 00:00:45]" is heard elsewhere)."""
    from editor.core.timecode import format_clock
    from editor.formats import writer
    from editor.formats.base import ExportOptions, InaudibleStyle
    from editor.ui.timing.waveform_bounds import inaudible_spans

    row, segment = next((r, s) for r, s in enumerate(_segments(window)) if s.marks)
    mark = segment.marks[0]
    token = next(i for i, w in enumerate(segment.words) if w.text.startswith("[inaudible"))
    assert mark.time_ms == segment.words[token].start_ms
    assert segment.words[token - 1].end_ms - 1 <= mark.time_ms <= segment.words[token + 1].start_ms
    window.marks_dock.show()
    panel = window.marks_panel
    panel.refresh()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() >= 1, timeout=5000)
    assert panel.tree.topLevelItem(0).text(0) == format_clock(mark.time_ms)
    assert inaudible_spans(segment)[0][0] == mark.time_ms
    rev = writer("txt").write(window.model.transcript, ExportOptions(inaudible_style=InaudibleStyle.REV))
    assert f"[inaudible {format_clock(mark.time_ms, hours=True)}]" in rev
    assert not segment.is_changed and row >= 0


def test_cancel_stops_alignment_and_align_words_finishes_the_rest(window, qtbot):
    timing = window.timing
    _open_sample(window, qtbot)
    qtbot.waitUntil(timing.is_aligning, timeout=5000)
    qtbot.mouseClick(timing.progress.cancel_button, Qt.MouseButton.LeftButton)
    assert not timing.is_aligning() and not timing.progress.isVisible()
    assert _said(window, "stopped")
    QApplication.processEvents()   # what the stopped workers posted is delivered: nothing lands after a cancel
    left = [i for i, s in enumerate(_segments(window)) if s.word_timing is not WordTiming.ALIGNED]
    assert left, "cancelled before the end"
    totals = []
    timing.aligner.progressed.connect(lambda done, total: totals.append(total))
    window.action_table["align_words"].trigger()
    qtbot.waitUntil(lambda: not timing.is_aligning(), timeout=90_000)
    assert all(s.word_timing is WordTiming.ALIGNED for s in _segments(window))
    assert totals and max(totals) == len(left)     # only the turns still without times ran


def test_a_turn_split_while_aligning_is_counted_and_its_halves_aligned_after(window, qtbot):
    timing = window.timing
    _open_sample(window, qtbot)
    qtbot.waitUntil(timing.is_aligning, timeout=5000)
    turns = window.model.rowCount()
    qtbot.waitUntil(lambda: timing.progress.bar.maximum() == turns, timeout=5000)
    row = turns - 2          # aligned last: not done yet when split
    text = _segments(window)[row].text
    window.view.open_editor(row, text.index(" ", len(text) // 2) + 1)
    window.action_table["split_turn"].trigger()
    assert window.model.rowCount() == turns + 1 and timing.is_aligning()
    qtbot.waitUntil(lambda: timing.progress.bar.maximum() == turns + 1, timeout=5000)   # the turns there are now
    qtbot.waitUntil(lambda: all(s.word_timing is WordTiming.ALIGNED for s in _segments(window)), timeout=120_000)
    qtbot.waitUntil(lambda: not timing.is_aligning(), timeout=30_000)
    assert _said(window, "Word times aligned")


def test_resync_one_turn_after_an_edit(window, qtbot):
    timing = window.timing
    _open_sample(window, qtbot)
    qtbot.waitUntil(lambda: not timing.is_aligning() and all(
        s.word_timing is WordTiming.ALIGNED for s in _segments(window)), timeout=90_000)
    row = next(i for i, s in enumerate(_segments(window)) if "Soulberg," in s.text)
    segment = _segments(window)[row]
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
    assert _said(window, "re-synced")
    # Other turns were not touched, and a whole-episode run is not needed afterwards.
    assert timing.align_pending() == 0


def test_without_audio_the_strip_is_one_slim_line_and_audio_makes_it_whole(window, qtbot, tmp_path):
    from window_helpers import SAMPLE_AUDIO

    from editor.ui.timing.timing_controller import STRIP_HEIGHT
    from editor.ui.timing.waveform import FULL_MIN_H, SLIM_PAD
    alone = tmp_path / "episode.txt"
    alone.write_text("Speaker 1  0:00  \nThe tide tables arrived late again this week.\n\n"
                     "Speaker 2  0:04  \nThen the harbour master read them out by hand.\n", encoding="utf-8")
    assert window.open_path(str(alone))
    qtbot.waitUntil(lambda: window.timing.strip is not None and window.timing.strip.is_slim(), timeout=5000)
    strip = window.timing.strip
    slim = strip.fontMetrics().height() + SLIM_PAD
    qtbot.waitUntil(lambda: strip.height() == slim)
    # The transcript has the room the strip does not take.
    assert window.view.height() + strip.height() + window.transcript_splitter.handleWidth() \
        == window.transcript_splitter.height()
    assert window.open_path(str(SAMPLE_AUDIO))      # linking its audio
    qtbot.waitUntil(lambda: not strip.is_slim() and strip.height() == STRIP_HEIGHT, timeout=5000)
    assert strip.minimumHeight() == FULL_MIN_H
