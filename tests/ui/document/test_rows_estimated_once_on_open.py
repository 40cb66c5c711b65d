"""Opening a transcript too long for the window estimates its rows' heights once, at the width the
rows keep once the scroll bar shows: Qt shows the bar only on a queued call after its range changes,
so the rows were estimated at the full width as the file opened and again, narrower, at the first
paint (a pass over every turn each)."""

from __future__ import annotations

import sys
from pathlib import Path

from editor.core.transcript import Segment, Transcript
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.document.transcript_view import TranscriptView

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from window_helpers import shown_view  # noqa: E402


def _transcript(turns: int) -> Transcript:
    return Transcript(segments=[Segment(id=f"s{i}", start_ms=i * 4000, end_ms=i * 4000 + 3500,
                                        text=f"turn {i}: we hauled the nets before the rain started falling")
                                for i in range(turns)])


def _counting_estimates(view: TranscriptView) -> list[int]:
    """The row width of each pass estimating the rows' heights, from now on."""
    passes: list[int] = []
    estimate = view._painter.estimate_heights

    def counted(texts, row_width):
        passes.append(row_width)
        return estimate(texts, row_width)

    view._painter.estimate_heights = counted
    return passes


def test_a_long_transcript_opened_in_a_shown_view_is_estimated_once_at_its_final_width(qtbot):
    model = TranscriptModel()
    view = shown_view(qtbot, model)
    passes = _counting_estimates(view)
    model.set_transcript(_transcript(300))              # what opening a file does
    qtbot.waitUntil(view.verticalScrollBar().isVisible)
    view.viewport().repaint()                           # the first paint
    assert passes == [view.viewport().width()]
    assert view.verticalScrollBar().maximum() > 0


def test_a_short_transcript_keeps_the_full_width_and_no_scroll_bar(qtbot):
    model = TranscriptModel()
    view = shown_view(qtbot, model)
    passes = _counting_estimates(view)
    model.set_transcript(_transcript(2))
    view.viewport().repaint()
    assert not view.verticalScrollBar().isVisible()
    assert passes == [view.viewport().width()]          # (the width of the whole view but its frame)
