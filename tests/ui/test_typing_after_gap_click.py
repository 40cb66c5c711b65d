"""A click between turns (their padding and headers) or below the last one, then typing: no key is lost."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_helpers import click, press  # noqa: E402


def _type(text: str) -> None:
    """Keys as a user types them: each to whatever has the keyboard focus when it comes."""
    for char in text:
        QTest.keyClicks(QApplication.focusWidget(), char)


def test_a_click_in_the_gap_above_a_turn_types_at_its_start(timed_window):
    w = timed_window
    view = w.view
    rect = view.row_rect(2)
    click(view.viewport(), QPoint(rect.width() // 2, rect.top() + 2))     # the space between turns 1 and 2
    _type("so ")
    assert w.model.segment(2).text == "so then the radio went quiet for an hour"
    assert w.model.segment(1).text == "we hauled the nets before the rain started falling"


def test_a_click_on_a_turns_header_or_below_the_last_turn_types_there(timed_window):
    w = timed_window
    view = w.view
    rect = view.row_rect(3)
    click(view.viewport(), QPoint(rect.width() - 30, rect.top() + 12))   # right of the speaker and time
    _type("and ")
    assert w.model.segment(3).text.startswith("and and nobody heard")
    last = view.row_rect(4)
    assert last.bottom() + 20 < view.viewport().height()                # the empty space under the episode
    click(view.viewport(), QPoint(100, last.bottom() + 15))
    _type(" again")
    assert w.model.segment(4).text.endswith("cold tea again")


def test_typing_with_no_turn_open_goes_to_the_followed_playing_turn_at_its_word(timed_window):
    w = timed_window
    view = w.view
    view.open_editor(1, 0)
    press(w, Qt.Key.Key_Escape)                                           # editing left: the list has the focus
    assert view.editor() is None and QApplication.focusWidget() is view
    # Back to playback, which is at "heard" in turn 3: following hands the playing turn over.
    w.follow.seek(w.model.word_start_ms(3, 2))
    assert (w.model.current_row, w.model.current_word) == (3, 2)
    view.setFocus()
    _type("not ")
    assert w.model.segment(3).text == "and nobody not heard the foghorn until morning"
    assert view.editor() is not None and view.editor().row == 3


def test_typing_with_the_view_focused_while_a_turn_is_open_goes_on_at_its_caret(timed_window, qtbot):
    w = timed_window
    view = w.view
    before = w.model.segment(3).text
    top = w.model.segment(0).text
    view.open_editor(3, 3)
    view.setFocus()                      # what a click on a turn's time or header leaves
    qtbot.waitUntil(view.hasFocus)
    QTest.keyClicks(view, "x")
    assert w.model.segment(3).text == before[:3] + "x" + before[3:]
    assert w.model.segment(0).text == top
