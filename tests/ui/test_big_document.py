"""A big document handed over in slices: the view's rows, the review counts and the suspects' rows
end up as a one-go pass would make them, and stay right through edits.

The slice sizes are made small here so a few hundred turns take many slices."""

from __future__ import annotations

import random
import sys
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.core import ops
from editor.core.transcript import ReviewStatus
from editor.hearing.suspects import Suspect
from editor.ui.document import row_layout
from editor.ui.document.row_geometry import RowGeometry
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.document.transcript_view import TranscriptView
from editor.ui.hearing.suspect_store import SuspectStore
from editor.ui.review import progress_tally
from editor.ui.review.progress_tally import ReviewTally
from editor.ui.review.review_controller import Progress

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import ten_hour_episode  # noqa: E402
from window_helpers import rows_on_screen, shown_view  # noqa: E402


def _episode(turns: int = 400):
    return ten_hour_episode(seed=3, turns=turns, words=turns * 12)


def _tops(view: TranscriptView) -> list[int]:
    return [view.row_rect(row).top() + view.verticalScrollBar().value() for row in range(view.model().rowCount())]


def test_row_geometry_blocks_agree_with_plain_running_totals():
    rng = random.Random(5)
    geometry, heights = RowGeometry(), []
    for _ in range(200):
        pick = rng.random()
        if pick < 0.1 or not heights:
            heights = [rng.choice([0, 30, 55, 120]) for _ in range(rng.randrange(1, 1500))]
            geometry.reset(heights)
        elif pick < 0.4:
            row, height = rng.randrange(len(heights)), rng.choice([0, 40, 90])
            assert geometry.set_height(row, height) == height - heights[row]
            heights[row] = height
        elif pick < 0.55:
            row, new = rng.randrange(len(heights) + 1), [rng.choice([0, 20, 60]) for _ in range(rng.randrange(400))]
            geometry.insert(row, new)
            heights[row:row] = new
        elif pick < 0.7:
            row, count = rng.randrange(len(heights)), rng.randrange(1, 400)
            geometry.remove(row, count)
            del heights[row:row + count]
        else:
            row = rng.randrange(len(heights))
            new = [rng.choice([0, 25, 70]) for _ in range(rng.randrange(min(500, len(heights) - row) + 1))]
            exact = [geometry.is_exact(r) for r in range(row, row + len(new))]
            geometry.estimate(row, new)          # rows already laid out keep their height
            for i, height in enumerate(new):
                if not exact[i]:
                    heights[row + i] = height
        offsets = [0, *accumulate(heights)]
        assert geometry.total() == offsets[-1] and len(geometry) == len(heights)
        for row in rng.sample(range(len(heights) + 1), min(40, len(heights) + 1)):
            assert geometry.top(row) == offsets[row]
        for y in [rng.randrange(-5, offsets[-1] + 30) for _ in range(40)]:
            assert geometry.row_at(y) == max(0, min(bisect_right(offsets, y) - 1, len(heights) - 1))


def test_view_handed_a_big_document_in_slices_ends_with_the_rows_of_a_one_go_layout(qtbot, monkeypatch):
    model = TranscriptModel(_episode())
    whole = shown_view(qtbot, model)                  # every estimate at once
    monkeypatch.setattr(row_layout, "ESTIMATE_SLICE", 37)
    sliced = shown_view(qtbot, model)                 # 37 rows at once, the rest on a zero timer
    for view in (whole, sliced):
        view.restore_scroll_anchor((150, 0))     # the reader is in the middle before the slices end
    qtbot.waitUntil(lambda: sliced.verticalScrollBar().maximum() == whole.verticalScrollBar().maximum())
    assert sliced.scroll_anchor() == (150, 0)    # the slices did not move the row being read
    sliced.viewport().repaint()
    whole.viewport().repaint()
    assert _tops(sliced) == _tops(whole)
    assert rows_on_screen(sliced) == rows_on_screen(whole)


def test_ctrl_end_and_ctrl_home_reach_the_last_and_first_turn(qtbot, monkeypatch):
    monkeypatch.setattr(row_layout, "ESTIMATE_SLICE", 50)
    model = TranscriptModel(_episode())
    view = shown_view(qtbot, model)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = model.rowCount() - 1
    assert rows_on_screen(view)[-1] == last
    assert view.row_rect(last).bottom() < view.viewport().height()   # its end shows, not just its start
    QTest.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert view.verticalScrollBar().value() == 0 and rows_on_screen(view)[0] == 0


def test_replacing_in_many_turns_keeps_the_other_turns_where_they_are(qtbot):
    transcript = _episode()
    model = TranscriptModel(transcript)
    view = shown_view(qtbot, model)
    view.restore_scroll_anchor((300, 0))
    view.viewport().repaint()
    top_before = view.row_rect(10).top() + view.verticalScrollBar().value()
    spans = [(row, 0, 0, "Longer opening words, " * 8) for row in range(100, 200)]   # 100 turns grow
    model.run(ops.replace_spans(transcript, spans))
    view.viewport().repaint()
    assert view.row_rect(10).top() + view.verticalScrollBar().value() == top_before
    assert view.row_rect(150).height() > view.row_rect(99).height()   # longer text, taller estimate
    assert view.scroll_anchor()[0] == 300


def progress_of(transcript) -> Progress:
    """The review's counts from every turn, one by one: what the window's tally must agree with."""
    approved = flagged = approved_ms = total_ms = 0
    for segment in transcript.segments:
        total_ms += segment.duration_ms
        if segment.status is ReviewStatus.APPROVED:
            approved += 1
            approved_ms += segment.duration_ms
        elif segment.status is ReviewStatus.FLAGGED:
            flagged += 1
    return Progress(approved, flagged, len(transcript.segments), approved_ms, total_ms)


def _tally_matches(tally: ReviewTally, transcript) -> bool:
    return Progress(*tally.counts()) == progress_of(transcript)


def test_review_tally_counts_in_slices_and_follows_each_edit(qtbot, monkeypatch):
    monkeypatch.setattr(progress_tally, "COUNT_SLICE", 23)
    transcript = _episode(300)
    model = TranscriptModel()
    tally = ReviewTally(model)
    told = []
    tally.changed.connect(lambda: told.append(tally.counts()))
    model.set_transcript(transcript)
    assert not tally.complete                   # 23 rows now, the rest a slice per event-loop turn
    qtbot.waitUntil(lambda: tally.complete)
    assert _tally_matches(tally, transcript) and told[-1] == tally.counts()

    model.run(ops.set_status(transcript, [5, 250], ReviewStatus.APPROVED))
    model.run(ops.set_status(transcript, 7, ReviewStatus.FLAGGED))
    assert _tally_matches(tally, transcript)
    model.run(ops.set_start(transcript, 251, transcript.segments[251].start_ms + 400))   # a duration changes
    assert _tally_matches(tally, transcript)
    split_undo = model.run(ops.split(transcript, 250, len(transcript.segments[250].text) // 2))
    assert _tally_matches(tally, transcript) and tally.counts()[2] == 301
    merge_undo = model.run(ops.merge_with_next(transcript, 5))
    assert _tally_matches(tally, transcript)
    model.run(merge_undo)
    model.run(split_undo)
    assert _tally_matches(tally, transcript) and tally.counts()[2] == 300
    seen = len(told)
    model.set_current(3, 1)                      # a playback tick: nothing to count, nothing told
    model.run(ops.set_text(transcript, 9, transcript.segments[9].text + " more"))   # typing: counts unchanged
    assert len(told) == seen


def test_review_tally_stays_right_when_rows_move_before_the_count_ends(qtbot, monkeypatch):
    monkeypatch.setattr(progress_tally, "COUNT_SLICE", 20)
    transcript = _episode(200)
    model = TranscriptModel()
    tally = ReviewTally(model)
    model.set_transcript(transcript)
    model.run(ops.split(transcript, 3, len(transcript.segments[3].text) // 2))   # inside the counted rows
    model.run(ops.merge_with_next(transcript, 150))        # beyond them
    model.run(ops.set_status(transcript, 2, ReviewStatus.APPROVED))
    qtbot.waitUntil(lambda: tally.complete)
    assert _tally_matches(tally, transcript)


def test_review_bar_counts_follow_approvals(main_window, qtbot, tmp_path):
    from editor.core.project import save

    w = main_window
    transcript = _episode(120)
    path = tmp_path / "episode.tep"
    save(transcript, path)
    assert w.open_path(str(path))
    qtbot.waitUntil(lambda: w.model.rowCount() == 120)
    expected = progress_of(w.model.transcript)
    assert w.review.progress == expected
    row = next(r for r, s in enumerate(w.model.transcript.segments) if s.status is not ReviewStatus.APPROVED)
    w.review.approve(row)
    assert w.review.progress.approved == expected.approved + 1
    assert f"{expected.approved + 1} of 120 turns approved" in w.review_bar.label.text()
    w.edits.stack.undo()
    assert w.review.progress == expected


def _suspect(segment, start: int, end: int, doubt: float) -> Suspect:
    return Suspect(0, segment.id, start, end, segment.text[start:end], None, None, doubt, [])


def test_suspect_store_lists_the_rows_suspects_are_at_after_rows_move():
    transcript = _episode(60)
    segments = transcript.segments
    for segment in segments:      # an approved turn's suspects are not listed: none here
        segment.status = ReviewStatus.UNREVIEWED
    store = SuspectStore()
    for row, doubt in ((10, 0.5), (40, 0.9), (55, 0.7)):
        store.put(segments[row].id, segments[row].text, [_suspect(segments[row], 0, 3, doubt)], row=row)
    store.put(segments[20].id, segments[20].text, [_suspect(segments[20], 0, 3, 0.6)])   # row not told
    assert [row for row, _ in store.all(segments)] == [40, 55, 20, 10]
    ops.run(transcript, ops.split(transcript, 5, len(segments[5].text) // 2))   # the suspects' turns move down
    assert [row for row, _ in store.all(segments)] == [41, 56, 21, 11]
    ops.run(transcript, ops.merge_with_next(transcript, 41))    # the most doubtful turn is merged away
    assert [row for row, _ in store.all(segments)] == [55, 21, 11]
    assert len(store) == 4        # kept (its id is gone, not its entry) but no longer listed
    row = 21
    store.put(segments[row].id, segments[row].text, [_suspect(segments[row], 0, 2, 0.4),
                                                     _suspect(segments[row], 4, 6, 0.3)], row=row)
    assert len(store) == 5        # the turn's new result replaces its old one
    ops.run(transcript, ops.set_text(transcript, row, segments[row].text + " edited"))
    store.refresh_rows(segments, row, row)
    assert len(store) == 3 and [r for r, _ in store.all(segments)] == [55, 11]


@pytest.mark.parametrize("rows", [0, 1])
def test_view_of_an_empty_or_one_turn_document(qtbot, rows):
    model = TranscriptModel(_episode(1) if rows else None)
    view = shown_view(qtbot, model)
    assert rows_on_screen(view) == list(range(rows))
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.verticalScrollBar().value() == 0
