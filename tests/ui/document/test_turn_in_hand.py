"""The turn in hand: the one Enter, typing and Ctrl+Enter act on is the one the producer went to
(Ctrl+Home/End, PageUp/PageDown, arrows, a click), not the one half scrolled off the top nor the
playing one, and reopening a project puts no editor on a turn the producer did not choose."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from window_helpers import click, press  # noqa: E402

from editor.core import project  # noqa: E402
from editor.core.transcript import ReviewStatus, Segment, Speaker, Transcript, TranscriptMeta  # noqa: E402

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
TURNS = 41
STEP_MS = 3000
# Invented words; turns of one to five lines so that a screen's top turn is often half hidden.
PHRASES = ("the ferry left the quay before dawn", "gulls followed the wake for an hour",
           "nobody on deck spoke of the weather", "the engine coughed twice and settled",
           "we counted crates of apples by lamplight")


def _transcript() -> Transcript:
    speakers = {"a": Speaker("a", "Ilse Marten"), "b": Speaker("b", "Joao Brandt")}
    segments = []
    for i in range(TURNS):
        words = " ".join(PHRASES[(i + k) % len(PHRASES)] for k in range(1 + (i * 7) % 9))
        segments.append(Segment(f"t{i}", i * STEP_MS, (i + 1) * STEP_MS, f"turn{i} {words}", "ab"[i % 2]))
    return Transcript(TranscriptMeta(title="Night ferry"), speakers, segments)


def _write(folder: Path, with_audio: bool) -> tuple[Path, Path | None]:
    path = folder / "ferry.tep.json"
    project.save(_transcript(), path)
    audio = None
    if with_audio:
        audio = folder / "ferry.wav"
        subprocess.run(["sox", "-n", "-r", "8000", "-c", "1", str(audio), "trim", "0", str(TURNS * STEP_MS // 1000)],
                       check=True)
    return path, audio


@pytest.fixture
def ferry(main_window, tmp_path, own_data_dir, qtbot):
    """The window with the 41-turn project (no audio), at a size where turns wrap over several lines."""
    main_window.resize(900, 600)
    path, _ = _write(tmp_path, with_audio=False)
    assert main_window.open_path(str(path))
    qtbot.waitUntil(lambda: main_window.view.viewport().height() > 200)
    return main_window


@pytest.fixture
def ferry_with_audio(main_window, tmp_path, own_data_dir, qtbot):
    main_window.resize(900, 600)
    path, audio = _write(tmp_path, with_audio=True)
    assert main_window.open_path(str(path), str(audio))
    qtbot.waitUntil(lambda: main_window.playback.duration() > 0)
    return main_window


def _type(text: str) -> None:
    """Keys as a user types them: each to whatever has the keyboard focus when it comes."""
    for char in text:
        QTest.keyClicks(QApplication.focusWidget(), char)


def _wholly_shown(view, row: int) -> bool:
    rect = view.row_rect(row)
    return rect.height() > 0 and view.viewport().rect().contains(rect)


def _leave_a_clicked_turn(w, qtbot, row: int = 2) -> None:
    view = w.view
    word = view.word_rect(row, 1)
    click(view.viewport(), word.center())
    qtbot.waitUntil(lambda: view.editor() is not None and view.editor().hasFocus())
    press(w, K.Key_Escape)
    qtbot.waitUntil(lambda: view.editor() is None and view.hasFocus())


def test_ctrl_end_then_typing_goes_into_the_last_turn_without_a_jump(ferry, qtbot):
    w, view = ferry, ferry.view
    last = TURNS - 1
    _leave_a_clicked_turn(w, qtbot)
    press(w, K.Key_End, CTRL)
    qtbot.waitUntil(lambda: _wholly_shown(view, last))
    top_before = view.verticalScrollBar().value()
    assert view.current_turn() == last
    _type("hello world")
    assert w.model.segment(last).text.startswith("hello worldturn40 ")
    assert view.editor() is not None and view.editor().row == last
    assert view.verticalScrollBar().value() == top_before       # no jump: it was on screen
    assert all(not w.model.segment(r).text.startswith("hello") for r in range(last))


def test_ctrl_end_then_enter_edits_the_last_turn(ferry, qtbot):
    w, view = ferry, ferry.view
    _leave_a_clicked_turn(w, qtbot)
    press(w, K.Key_End, CTRL)
    press(w, K.Key_Return)
    assert view.editor() is not None and view.editor().row == TURNS - 1
    assert _wholly_shown(view, TURNS - 1)


def test_page_keys_and_arrows_move_the_turn_in_hand_and_enter_follows_it(ferry, qtbot):
    w, view = ferry, ferry.view
    _leave_a_clicked_turn(w, qtbot, row=0)
    assert view.current_turn() == 0
    press(w, K.Key_PageDown)
    row = view.current_turn()
    assert row > 1 and _wholly_shown(view, row)
    press(w, K.Key_PageDown)
    further = view.current_turn()
    assert further > row and _wholly_shown(view, further)
    press(w, K.Key_Down)
    assert view.current_turn() == further + 1 and _wholly_shown(view, further + 1)
    press(w, K.Key_PageUp)
    back = view.current_turn()
    assert back < further and _wholly_shown(view, back)
    press(w, K.Key_Return)
    assert view.editor() is not None and view.editor().row == back


def test_with_nothing_chosen_the_keys_go_to_the_first_turn_shown_whole(ferry, qtbot):
    """A turn half scrolled off the top is never the one typing lands in."""
    w, view = ferry, ferry.view
    bar = view.verticalScrollBar()
    top = view.row_rect(5).top() + bar.value()
    bar.setValue(top + view.row_rect(5).height() // 2)     # turn 5 half hidden at the top
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    assert view.current_turn() == 6
    _type("Z")
    assert w.model.segment(6).text.startswith("Zturn6 ")
    assert w.model.segment(5).text.startswith("turn5 ")


def test_the_turn_in_hand_is_scrolled_into_view_before_typing_goes_into_it(ferry, qtbot):
    w, view = ferry, ferry.view
    _leave_a_clicked_turn(w, qtbot, row=3)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())   # the wheel: turn 3 out of sight
    assert not view.row_rect(3).intersects(view.viewport().rect())
    view.setFocus()
    _type("Q")
    assert w.model.segment(3).text.startswith("Qturn3 ")
    assert view.row_rect(3).intersects(view.viewport().rect())


def test_ctrl_home_then_approve_and_next_approves_from_the_first_turn_not_the_playing_one(ferry_with_audio, qtbot):
    w, view = ferry_with_audio, ferry_with_audio.view
    w.playback.seek(2 * STEP_MS + 500)                    # the playhead in turn 3
    qtbot.waitUntil(lambda: w.model.current_row == 2)
    _leave_a_clicked_turn(w, qtbot, row=2)
    press(w, K.Key_Home, CTRL)
    assert view.current_turn() == 0
    for _ in range(5):
        press(w, K.Key_Return, CTRL)
    w.playback.pause()
    statuses = [w.model.segment(r).status for r in range(8)]
    assert statuses == [ReviewStatus.APPROVED] * 5 + [ReviewStatus.UNREVIEWED] * 3
    assert view.editor() is not None and view.editor().row == 5


def test_following_playback_hands_the_playing_turn_over_until_the_producer_goes_elsewhere(ferry_with_audio, qtbot):
    w, view = ferry_with_audio, ferry_with_audio.view
    w.follow.seek(4 * STEP_MS + 200)                      # a click on a time: follow from turn 5
    assert view.current_turn() == 4
    w.playback.seek(6 * STEP_MS + 200)                    # playback went on into turn 7, followed
    qtbot.waitUntil(lambda: view.current_turn() == 6)
    view.setFocus()
    press(w, K.Key_Home, CTRL)                            # the producer goes elsewhere: following stops
    assert not w.follow.is_following()
    w.playback.seek(9 * STEP_MS + 200)
    qtbot.waitUntil(lambda: w.model.current_row == 9)
    assert view.current_turn() == 0
    press(w, K.Key_Return)
    assert view.editor().row == 0


def test_reopening_a_project_opens_no_editor_and_types_into_the_turn_in_hand(main_window, tmp_path, own_data_dir,
                                                                             qtbot):
    w, view = main_window, main_window.view
    w.resize(900, 600)
    path, audio = _write(tmp_path, with_audio=True)
    assert w.open_path(str(path), str(audio))
    qtbot.waitUntil(lambda: w.playback.duration() > 0)
    w.playback.seek(9 * STEP_MS + 100)                    # the playhead in turn 10
    _leave_a_clicked_turn(w, qtbot, row=1)                # the producer was in turn 2
    w.review.approve(1)
    assert w.project.save()
    assert w.open_path(str(path), str(audio))
    # the playhead goes to the turn in hand, so that Play plays it
    qtbot.waitUntil(lambda: w.playback.position() == w.model.segment(1).start_ms)
    qtbot.waitUntil(lambda: w.model.current_row == 1)
    assert view.editor() is None
    assert view.current_turn() == 1 and _wholly_shown(view, 1)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    _type("Z")
    assert w.model.segment(1).text.startswith("Zturn1 ")
    assert w.model.segment(0).text.startswith("turn0 ") and w.model.segment(9).text.startswith("turn9 ")


def _caret_on_screen(view) -> bool:
    editor = view.editor()
    caret = editor.cursorRect().translated(editor.geometry().topLeft())
    return view.viewport().rect().contains(caret)


def test_typing_at_the_end_of_the_last_turn_keeps_the_caret_on_screen_as_the_turn_grows(ferry, qtbot):
    w, view = ferry, ferry.view
    _leave_a_clicked_turn(w, qtbot)
    press(w, K.Key_End, CTRL)
    press(w, K.Key_Return)
    editor = view.editor()
    assert editor.row == TURNS - 1
    press(w, K.Key_End, CTRL)                         # in the editor: the end of the turn's text
    qtbot.waitUntil(lambda: editor.caret() == len(w.model.segment(TURNS - 1).text))
    height = view.row_rect(TURNS - 1).height()
    for word in ("and", "then", "the", "harbour", "lights", "came", "on") * 6:
        _type(f" {word}")
        QApplication.processEvents()
        assert _caret_on_screen(view), word
    assert view.row_rect(TURNS - 1).height() > height + 2 * view.fontMetrics().lineSpacing()
    press(w, K.Key_Return)                            # Enter in a turn: a line break there
    QApplication.processEvents()
    assert _caret_on_screen(view)


def test_ctrl_home_where_the_view_already_is_still_stops_following(ferry_with_audio, qtbot):
    w, view = ferry_with_audio, ferry_with_audio.view
    w.follow.seek(1 * STEP_MS + 200)                      # following, turn 2 playing, the view at the top
    assert w.follow.is_following() and view.verticalScrollBar().value() == 0
    view.setFocus()
    press(w, K.Key_Home, CTRL)
    assert not w.follow.is_following() and view.current_turn() == 0
    w.playback.seek(2 * STEP_MS + 200)
    qtbot.waitUntil(lambda: w.model.current_row == 2)
    assert view.current_turn() == 0


def test_the_turn_in_hand_stays_the_same_turn_when_turns_before_it_are_merged_or_split(ferry, qtbot):
    w, view = ferry, ferry.view
    _leave_a_clicked_turn(w, qtbot, row=3)
    in_hand = w.model.segment(3).id
    w.model.merge_with_next(0)
    assert w.model.segment(view.current_turn()).id == in_hand
    w.model.split(0, 8)
    assert w.model.segment(view.current_turn()).id == in_hand
    w.model.merge_with_next(2)                            # the turn in hand merged into the one before
    assert view.current_turn() == 2
