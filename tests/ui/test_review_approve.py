"""Review in the real window: approve and go to next (real VLC), flag with a note, progress, filter."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QLineEdit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import write_project  # noqa: E402
from window_helpers import SAMPLE_TXT, last_opened, named, press  # noqa: E402

from editor.core.transcript import ReviewStatus  # noqa: E402
from editor.settings import Key  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.mark.real_player
def test_approve_and_next_plays_the_next_turn(sample_window, qtbot):
    w = sample_window
    w.settings.set(Key.REVIEWER_NAME, "Ada Reviewer")
    w.view.open_editor(2, 4)
    press(w, Qt.Key.Key_Return, CTRL)                  # Approve and Next
    segment = w.model.segment(2)
    assert segment.status is ReviewStatus.APPROVED and segment.approved_by == "Ada Reviewer"
    approved_at = datetime.fromisoformat(segment.approved_at)
    assert abs((datetime.now(timezone.utc) - approved_at).total_seconds()) < 60
    assert w.view.editor().row == 3
    target = w.model.segment(3).start_ms
    assert w.playback.is_playing()                     # the next turn plays at once (or is held for exact seeking)
    qtbot.waitUntil(named(w.transport, QLabel, "Preparing exact seeking").isHidden, timeout=30_000)
    qtbot.waitUntil(lambda: w.playback.position() > target + 300, timeout=5000)
    assert w.playback.is_playing()
    w.playback.pause()
    assert w.model.row_at_time(w.playback.position()) == 3
    qtbot.waitUntil(lambda: "1 of 19 turns approved" in w.review_bar.label.text(), timeout=10_000)


def test_reopening_a_project_starts_where_the_review_stopped(main_window, tmp_path, qtbot):
    w = main_window
    path = write_project(tmp_path)
    assert w.open_path(str(path))
    w.review.approve(0)
    w.view.open_editor(2, 0)
    start = w.model.segment(2).start_ms
    w.playback.seek(start + 1500)
    assert w.project.save()
    saved = json.loads(path.read_text("utf-8"))["extra"]["review"]
    assert saved == {"position_ms": start + 1500, "row": 2}
    assert w.open_path(str(path))
    qtbot.waitUntil(lambda: w.playback.position() == start + 1500, timeout=3000)
    # The turn in hand again (Enter or typing goes there), with no editor opened for the producer.
    assert w.view.editor() is None and w.view.current_turn() == 2


def test_progress_counts_turns_and_their_share_of_the_running_time(main_window, tmp_path, qtbot):
    w = main_window
    assert w.open_path(str(write_project(tmp_path)))
    assert not w.playback.has_media()   # the project has no audio: the turns' times are all there is
    w.review.approve(0)        # 4 s of 26 s
    w.review.approve(1)        # 5 s
    progress = w.review.recount()
    assert (progress.approved, progress.total) == (2, 5)
    assert progress.share == pytest.approx(9000 / 26000)
    assert "2 of 5 turns approved · 35% of the running time" in w.review_bar.label.text()
    assert "audio" not in w.review_bar.label.text() + w.review_bar.bar.accessibleName()
    assert w.review_bar.bar.value() == 346


def test_progress_with_the_audio_loaded_is_a_share_of_the_audio(main_window, qtbot):
    w = main_window
    assert w.open_path(str(SAMPLE_TXT))
    qtbot.waitUntil(w.playback.has_media)
    w.review.approve(0)
    qtbot.waitUntil(lambda: "1 of 19 turns approved · " in w.review_bar.label.text())
    assert w.review_bar.label.text().endswith("% of the audio")
    assert w.review_bar.bar.accessibleName() == "Approved share of the audio"


def test_flag_with_note_filter_and_next_unreviewed(main_window, tmp_path, qtbot):
    w = main_window
    assert w.open_path(str(write_project(tmp_path)))
    assert w.review.flag("check the boat's name", 3)
    assert w.model.segment(3).status is ReviewStatus.FLAGGED
    assert w.model.segment(3).note == "check the boat's name"
    w.review.approve(0)
    w.review.approve(1)

    w.review_bar.filter_box.setCurrentIndex(w.review_bar.filter_box.findData("flagged"))
    heights = [w.view.row_rect(r).height() for r in range(5)]
    assert heights[3] > 0 and heights.count(0) == 4      # the choice is the review's: only the flagged turn shows
    w.review.set_filter("unreviewed")
    heights = [w.view.row_rect(r).height() for r in range(5)]
    assert heights[0] == heights[1] == 0 and all(h > 0 for h in heights[2:])

    w.view.open_editor(2, 0)
    w.action_table["next_unreviewed"].trigger()
    assert w.view.editor().row == 4                       # 3 is flagged, not unreviewed

    w.edits.undo()                                        # approvals are undoable like edits
    assert w.model.segment(1).status is ReviewStatus.UNREVIEWED
    w.review.set_filter("all")
    assert all(w.view.row_rect(r).height() > 0 for r in range(5))


def _flag_turn_1(w, tmp_path):
    """Opens the project, edits turn 1 and triggers Flag: the note dialog, as soon as it exists."""
    assert w.open_path(str(write_project(tmp_path)))
    w.view.open_editor(1, 0)
    w.action_table["flag"].trigger()
    return last_opened(w, QInputDialog)


def test_flag_action_asks_for_a_note(main_window, tmp_path, qtbot):
    w = main_window
    dialog = _flag_turn_1(w, tmp_path)
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue("name of the ferry?")
    dialog.accept()
    assert w.model.segment(1).status is ReviewStatus.FLAGGED
    assert w.model.segment(1).note == "name of the ferry?"


def test_the_flag_note_typed_at_once_goes_into_the_note_field(main_window, tmp_path, qtbot):
    # A reviewer (or a script) types the note as soon as the dialog shows: the keys must reach the note.
    w = main_window
    dialog = _flag_turn_1(w, tmp_path)
    # The note field holds the dialog's focus from the start, so keys reach it as soon as the
    # window system makes the dialog active (before that, Qt drops keys sent to the window it blocks).
    assert isinstance(dialog.focusWidget(), QLineEdit)
    qtbot.waitUntil(dialog.isActiveWindow)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and field.window() is dialog
    qtbot.keyClicks(field, "ferry name?")
    dialog.accept()
    assert w.model.segment(1).status is ReviewStatus.FLAGGED
    assert w.model.segment(1).note == "ferry name?"


def test_reopening_puts_the_playhead_in_the_turn_in_hand(main_window, tmp_path, qtbot):
    from edit_helpers import timed_transcript

    from editor.core import project
    transcript = timed_transcript()
    elsewhere = transcript.segments[1].start_ms + 500          # a position in another turn than the row kept
    path = tmp_path / "apart.tep.json"
    project.save(transcript, path, {"review": {"position_ms": elsewhere, "row": 3}})
    w = main_window
    assert w.open_path(str(path))
    start = w.model.segment(3).start_ms
    qtbot.waitUntil(lambda: w.playback.position() == start, timeout=3000)   # Play plays the turn in hand
    assert w.view.current_turn() == 3


def test_approve_and_next_without_audio_moves_the_playback_highlight_to_the_next_turn(timed_window, qtbot):
    w = timed_window
    assert not w.playback.has_media()
    w.view.open_editor(0, 0)
    w.playback.seek(w.model.segment(0).start_ms)       # the highlight on the first turn, as after a click
    assert w.model.current_row == 0
    press(w, Qt.Key.Key_Return, CTRL)                  # Approve and Next
    assert w.model.segment(0).status is ReviewStatus.APPROVED
    assert w.view.editor().row == 1
    assert w.model.current_row == 1
    press(w, Qt.Key.Key_Return, CTRL)
    assert w.view.editor().row == 2 and w.model.current_row == 2
