"""The waveform strip in the real window: under the transcript with the episode's peaks, click to
seek, boundary dragging as an undoable command, a slim line without audio. Bundled sample episode."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from timing_helpers import open_sample, segments

from editor.ui.timing.waveform import OVERVIEW_H, RULER_H, WAVE


def _quiet_sample(window, qtbot) -> None:
    """The sample open with alignment stopped (tests of the strip do not need the CPU it takes)."""
    open_sample(window, qtbot)
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
    assert strip.x_to_ms(0) < 1000 < strip.x_to_ms(strip.width())
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
    first, second = segments(window)[0], segments(window)[1]
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
    qtbot.waitUntil(lambda: any(abs(b.ms - second.start_ms) < 2 for b in strip._boundaries), timeout=10_000)
    stack.undo()
    assert first.end_ms == shared and second.start_ms == shared
    qtbot.waitUntil(lambda: any(b.ms == shared for b in strip._boundaries), timeout=10_000)
    stack.redo()
    assert abs(first.end_ms - moved) <= 40 and second.start_ms == first.end_ms
    # Dragging far past the next boundary is clamped: turns never overlap.
    qtbot.waitUntil(lambda: strip.boundary_near(strip.ms_to_x(second.start_ms)) is not None, timeout=10_000)
    x_from = round(strip.ms_to_x(second.start_ms))
    _drag(qtbot, strip, x_from, strip.width() - 2)
    third = segments(window)[2]
    assert first.end_ms <= second.start_ms < second.end_ms <= third.start_ms


def _start_role():
    from editor.ui.document.transcript_model import Role
    return Role.START


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
