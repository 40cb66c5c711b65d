"""pytest-qt tests of the waveform strip: painting real peaks, seeking, zooming, boundary drags."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QUndoStack, QWheelEvent

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import timing_audio  # noqa: E402

from editor.audio.peaks import compute_peaks  # noqa: E402
from editor.core.transcript import Mark, MarkKind, Segment, Transcript  # noqa: E402
from editor.ui.document.transcript_model import TranscriptModel  # noqa: E402
from editor.ui.timing.waveform import BG, OVERVIEW_H, WAVE, WaveformStrip  # noqa: E402
from editor.ui.timing.waveform_bounds import MIN_MS, boundaries, retime, segment_bounds  # noqa: E402
from editor.ui.timing.waveform_retime import push_retime  # noqa: E402

WIDTH = 2000     # the strip's 20 s at one pixel per 10 ms


@pytest.fixture(scope="module")
def bursts(tmp_path_factory):
    """10 s WAV: silence except loud tone bursts at 2-3 s and 6-7 s."""
    rate = 16000
    samples = np.zeros(10 * rate)
    t = np.arange(rate) / rate
    for second in (2, 6):
        samples[second * rate:(second + 1) * rate] = 0.8 * np.sin(2 * np.pi * 300 * t)
    path = tmp_path_factory.mktemp("wave") / "bursts.wav"
    return timing_audio.write_wav(path, (samples * 32767).astype(np.int16))


def _transcript() -> Transcript:
    text = "we went out [inaudible] and back"
    at = text.index("[inaudible]")
    return Transcript(segments=[
        Segment("s1", 0, 4000, "first turn here"),
        Segment("s2", 4000, 8000, text, marks=[Mark(MarkKind.INAUDIBLE, at, at + 11, 5000)]),
        Segment("s3", 8500, 9800, "last one"),
    ])


@pytest.fixture
def strip(qtbot, bursts):
    widget = WaveformStrip()
    qtbot.addWidget(widget)
    widget.resize(WIDTH, 130)
    widget.set_peaks(compute_peaks(bursts))
    widget.set_transcript(_transcript())
    widget.scroll_to(0)  # a fixed view 0..20 s (the strip's span when opened), one pixel per 10 ms
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _near(color: QColor, other: QColor) -> bool:
    return abs(color.red() - other.red()) + abs(color.green() - other.green()) + abs(color.blue() - other.blue()) < 40


def test_paints_real_peaks_where_the_audio_is_loud(strip):
    image = strip.grab().toImage()
    mid = OVERVIEW_H + 2 + (130 - OVERVIEW_H - 2 - 14) // 2
    upper = mid - 25  # well above the centre line: only loud audio reaches here
    loud = [x for x in range(205, 295) if _near(image.pixelColor(x, upper), WAVE)]
    quiet = [x for x in range(20, 190) if _near(image.pixelColor(x, upper), WAVE)]
    assert len(loud) > 80 and not quiet
    # the inaudible span (5.0-6.0 s, from the mark's time) is shaded orange
    shade = image.pixelColor(550, mid - 30)
    assert shade.red() > shade.blue() + 20


def test_click_emits_seek_at_that_time(strip, qtbot):
    with qtbot.waitSignal(strip.seek_requested) as blocker:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(317, 70))
    assert abs(blocker.args[0] - 3170) <= 10
    with qtbot.waitSignal(strip.seek_requested) as blocker:  # overview: the whole 10 s
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(WIDTH // 2, OVERVIEW_H // 2))
    assert abs(blocker.args[0] - 5000) <= 20


def _shown_ms(strip) -> int:
    """How long a stretch of audio the strip shows, from its pixels' times."""
    return strip.x_to_ms(strip.width()) - strip.x_to_ms(0)


def test_wheel_zooms(strip, qtbot):
    before = _shown_ms(strip)
    event = QWheelEvent(QPointF(500, 70), strip.mapToGlobal(QPointF(500, 70)), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    strip.wheelEvent(event)
    assert _shown_ms(strip) < before


def _drag(qtbot, widget, x_from: int, x_to: int) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(x_from, 70))
    qtbot.mouseMove(widget, QPoint((x_from + x_to) // 2, 70))
    qtbot.mouseMove(widget, QPoint(x_to, 70))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(x_to, 70))


def test_drag_shared_boundary_retimes_both_turns(strip, qtbot):
    with qtbot.waitSignal(strip.retime_requested) as blocker:
        _drag(qtbot, strip, 400, 350)  # the 4.0 s boundary between s1 and s2, to 3.5 s
    assert blocker.args[0] == [(0, 0, 3500), (1, 3500, 8000)]  # earlier: s1 shrinks first


def test_drag_is_clamped_by_the_neighbours(strip, qtbot):
    with qtbot.waitSignal(strip.retime_requested) as blocker:
        _drag(qtbot, strip, 400, 960)  # far past the end of s2 (8.0 s)
    changes = blocker.args[0]
    assert changes == [(1, 8000 - MIN_MS, 8000), (0, 0, 8000 - MIN_MS)]
    with qtbot.waitSignal(strip.retime_requested) as blocker:
        _drag(qtbot, strip, 800, 990)  # s2's lone end: no further than s3's start (8.5 s)
    assert blocker.args[0] == [(1, 4000, 8500)]


def test_retime_is_one_undo_step_and_never_overlaps(qtbot):
    transcript = _transcript()
    model = TranscriptModel(transcript)
    stack = QUndoStack()
    bounds = segment_bounds(transcript)
    shared = next(b for b in boundaries(bounds, 10_000) if b.ms == 4000)
    push_retime(stack, model, retime(bounds, shared, 7000, 10_000))
    assert [(s.start_ms, s.end_ms) for s in transcript.segments[:2]] == [(0, 7000), (7000, 8000)]
    assert stack.count() == 1
    # a stale or hostile request is clamped by ops.set_bounds: still no overlap
    push_retime(stack, model, [(2, 7500, 9000)])
    starts_ends = [(s.start_ms, s.end_ms) for s in transcript.segments]
    assert all(a[1] <= b[0] for a, b in zip(starts_ends, starts_ends[1:], strict=False))
    stack.undo()
    stack.undo()
    assert [(s.start_ms, s.end_ms) for s in transcript.segments] == [(0, 4000), (4000, 8000), (8500, 9800)]


def test_follows_the_playhead(strip, qtbot):
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(317, 70))   # a seek: follow again
    strip.set_position(60_000)
    start, end = strip.x_to_ms(0), strip.x_to_ms(strip.width())
    assert start < 60_000 < end and 60_000 - start == pytest.approx(_shown_ms(strip) / 3, abs=2)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50_000), st.integers(0, 20_000)), max_size=40),
       st.integers(-5_000, 60_000), st.integers(0, 30_000))
def test_time_index_finds_exactly_the_spans_a_full_scan_finds(spans, lo, width):
    from editor.ui.timing.waveform import _TimeIndex

    index = _TimeIndex([(start, start + length, row) for row, (start, length) in enumerate(spans)])
    hi = lo + width
    overlapping = {(s, e, r) for s, e, r in index.visible(lo, hi) if e >= lo}
    assert overlapping == {(s, s + n, r) for r, (s, n) in enumerate(spans) if s + n >= lo and s <= hi}
    assert set(index.starting(lo, hi)) == {(s, s + n, r) for r, (s, n) in enumerate(spans) if lo <= s <= hi}


def test_set_rows_redraws_the_overview_and_paints_a_long_turn_begun_before_the_view(strip):
    mid = OVERVIEW_H + 2 + (130 - OVERVIEW_H - 2 - 14) // 2
    before = strip.grab().toImage().pixelColor(WIDTH * 15 // 100, OVERVIEW_H // 2)
    # one long turn (row 1: shaded band) from 0.5 s to 9.5 s, an inaudible span at 1.0-2.0 s
    strip.set_rows([(0, 500), (500, 9_500)], ["Ana", "Bo"], [(1_000, 2_000)])
    strip.scroll_to(3_000)                     # the view starts inside the long turn
    image = strip.grab().toImage()
    after = image.pixelColor(WIDTH * 15 // 100, OVERVIEW_H // 2)   # 1.5 s in the overview: newly shaded
    assert after.red() > before.red() + 20
    inside = image.pixelColor(200, mid + 35)    # 5 s: inside the long turn (its faint band), no audio
    outside = image.pixelColor(900, mid + 35)   # 12 s: no turn
    assert outside == BG and inside.lightness() > BG.lightness()


def test_speaker_labels_never_overlap_and_are_elided_or_left_out_where_they_do_not_fit(strip):
    # The halves of a split turn 0.3 s apart (30 px): the first label is cut short, never drawn
    # under the second ("Tomas ReTomas Reyes"); turns 2 px apart leave the first one out.
    from PySide6.QtGui import QFontMetricsF

    from editor.ui.timing.waveform import _small_font
    strip.set_rows([(0, 3000), (3000, 3300), (3300, 3320), (3320, 9000)],
                   ["Tomas Reyes", "Tomas Reyes", "Ana Ruiz", "Ana Ruiz"], [])
    places = strip.label_places(0, 10_000)
    metrics = QFontMetricsF(_small_font())
    assert [text for _, text in places][0] == "Tomas Reyes"
    assert places[1][1].endswith("…") and places[1][1] != "…" and places[-1][1] == "Ana Ruiz"
    assert len(places) == 3                                   # the label of the 20 ms turn left out
    for (x, text), (next_x, _) in zip(places, places[1:], strict=False):
        assert x + metrics.horizontalAdvance(text) < next_x
    strip.grab()                                              # and painted from the same places
