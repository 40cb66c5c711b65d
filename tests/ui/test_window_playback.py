"""The real window playing the sample episode through the real VLC backend (dummy audio output)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from window_helpers import click, press

from editor.core.timeline import index_at, segment_starts
from editor.player.base import PlayerState

pytestmark = pytest.mark.real_player   # playback itself: the real VLC backend


def playing_row(window) -> int:
    return index_at(segment_starts(window.model.transcript.segments), window.playback.position())


@pytest.fixture
def sample_window(sample_window, qtbot):
    """The sample window with the deferred work of an open (dictionary, glossary scan) done: it
    would otherwise start a few seconds in, during the playback these tests time, and hold the
    event loop while the clock runs on."""
    names = sample_window.names
    names.scan_now()
    qtbot.waitUntil(lambda: not names.is_scanning() and names.spelling.speller is not None, timeout=30_000)
    return sample_window


def test_highlight_follows_the_clock(sample_window, qtbot):
    w = sample_window
    w.playback.seek(8000)
    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.is_playing(), timeout=3000)
    rows_seen = set()
    for _ in range(8):   # ~4 s of playback across the 00:10 turn boundary
        target = w.playback.position() + 500
        qtbot.waitUntil(lambda target=target: w.playback.position() >= target, timeout=5000)
        row = w.model.current_row
        assert abs(row - playing_row(w)) <= 1 or row == playing_row(w)
        rows_seen.add(row)
        rect = w.view.row_rect(row)
        assert w.view.viewport().rect().intersects(rect)   # kept in view
    assert {0, 1} <= rows_seen
    assert w.model.current_row == playing_row(w)
    w.playback.pause()
    assert w.playback.state() == PlayerState.PAUSED


def test_following_scrolls_and_stops_when_the_user_scrolls(sample_window, qtbot):
    w = sample_window
    w.resize(900, 400)
    qtbot.waitUntil(lambda: w.view.height() < 400)   # the layout followed the new size
    last = w.model.rowCount() - 1
    w.playback.seek(w.model.segment(last).start_ms + 200)
    assert w.model.current_row == last
    assert w.view.viewport().rect().intersects(w.view.row_rect(last))
    w.view.verticalScrollBar().setValue(0)   # the user scrolls up
    assert not w.follow.is_following()
    assert w.view.follow_button().isVisible()
    click(w.view.follow_button(), w.view.follow_button().rect().center())
    assert w.follow.is_following()
    assert not w.view.follow_button().isVisible()
    assert w.view.viewport().rect().intersects(w.view.row_rect(last))


def test_click_on_a_time_seeks_to_the_segment(sample_window, qtbot):
    w = sample_window
    row = 4
    rect = w.view.time_rect(row)
    click(w.view.viewport(), rect.center())
    start = w.model.segment(row).start_ms
    assert abs(w.playback.position() - start) <= 100
    assert w.model.current_row == row
    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.position() > start + 500, timeout=4000)
    assert w.model.current_row == row


def test_ctrl_click_and_double_click_on_a_word_seek_to_it(sample_window, qtbot):
    w = sample_window
    row, word = 5, 6
    rect = w.view.word_rect(row, word)
    click(w.view.viewport(), rect.center(), Qt.KeyboardModifier.ControlModifier)
    expected = w.model.word_start_ms(row, word)
    assert abs(w.playback.position() - expected) <= 100
    assert (w.model.current_row, w.model.current_word) == (row, word)
    other = w.view.word_rect(2, 3)
    from PySide6.QtTest import QTest
    QTest.mouseDClick(w.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, other.center())
    assert (w.model.current_row, w.model.current_word) == (2, 3)


def test_transport_keys_work_while_the_caret_is_in_the_text(sample_window, qtbot):
    w = sample_window
    editor = w.view.open_editor(3, 10)
    assert editor.hasFocus()
    text_before = w.model.segment(3).text
    w.playback.seek(30_000)

    press(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)          # skip forward 5 s
    assert abs(w.playback.position() - 35_000) <= 150
    press(w, Qt.Key.Key_F7)                                             # skip back 5 s
    assert abs(w.playback.position() - 30_000) <= 150

    press(w, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)     # play
    qtbot.waitUntil(lambda: w.playback.is_playing(), timeout=3000)
    qtbot.waitUntil(lambda: w.playback.position() >= 30_600, timeout=5000)
    here = w.playback.position()
    press(w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)          # replay the last 3 s
    assert abs(w.playback.position() - (here - 3000)) <= 400
    assert w.playback.is_playing()

    press(w, Qt.Key.Key_F4)                                             # faster
    assert w.playback.rate() == 1.1
    press(w, Qt.Key.Key_F3)                                             # slower
    press(w, Qt.Key.Key_F3)
    assert w.playback.rate() == 0.9
    press(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert w.playback.rate() == 1.0

    here = w.playback.position()
    press(w, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.playback.rate() == 0.75                                    # replay 5 s slower ...
    assert abs(w.playback.position() - (here - 5000)) <= 400
    w.playback.seek(here)                                               # ... and back to the speed before
    qtbot.waitUntil(lambda: w.playback.rate() == 1.0, timeout=3000)

    press(w, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)     # pause
    qtbot.waitUntil(lambda: not w.playback.is_playing(), timeout=3000)
    assert editor.hasFocus() and editor.caret() == 10
    assert w.model.segment(3).text == text_before                       # no key leaked into the text


def test_slow_replay_returns_to_the_previous_speed(sample_window, qtbot):
    w = sample_window
    w.playback.set_rate(1.25)
    w.playback.seek(20_000)
    w.playback.replay_slowly(1.0)
    assert w.playback.rate() == 0.75
    qtbot.waitUntil(lambda: w.playback.rate() == 1.25, timeout=5000)
    assert w.playback.position() >= 19_900
    w.playback.pause()


def test_auto_rewind_on_resume_and_pause_while_typing(sample_window, qtbot):
    from editor.settings import Key
    w = sample_window
    w.playback.seek(40_000)
    w.playback.play()
    qtbot.waitUntil(lambda: w.playback.position() >= 40_700, timeout=5000)
    w.playback.pause()
    paused_at = w.playback.position()
    w.playback.play()   # resumes one second earlier (default auto-rewind)
    assert abs(w.playback.position() - (paused_at - 1000)) <= 150

    w.settings.set(Key.PAUSE_WHILE_TYPING, True)
    editor = w.view.open_editor(6, 0)
    from PySide6.QtTest import QTest
    QTest.keyClick(editor, Qt.Key.Key_X)
    assert not w.playback.is_playing()
    qtbot.waitUntil(w.playback.is_playing, timeout=3000)   # resumes when typing stops
    assert w.model.segment(6).text.startswith("x")          # the edit reached the model
    w.playback.pause()
