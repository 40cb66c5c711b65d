"""A turn with a line break (Enter in the editor puts one there) is drawn on as many lines as the
editor shows it on: the editor laid over it is as tall as its text, so it never scrolls its first
line out of sight and shows the turn a line off from where the view drew it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from editor.core import ops


def test_a_line_break_is_a_new_line_in_the_view_and_the_editor_over_it(timed_window, qtbot):
    w, view = timed_window, timed_window.view
    one_line = view.row_rect(1).height()
    w.model.run(ops.set_text(w.model.transcript, 1, "we hauled the nets\nbefore the rain started falling"))
    qtbot.waitUntil(lambda: view.row_rect(1).height() > one_line)
    assert view.row_rect(1).height() == one_line + view._painter.line_height
    editor = view.open_editor(1, len(w.model.segment(1).text))
    qtbot.waitUntil(editor.hasFocus)
    assert editor.cursorForPosition(QPoint(2, 2)).position() == 0      # its first line is in sight
    assert editor.verticalScrollBar().value() == 0


def test_enter_in_the_editor_grows_the_turn_by_a_line(timed_window, qtbot):
    w, view = timed_window, timed_window.view
    one_line = view.row_rect(2).height()
    editor = view.open_editor(2, 8)                       # "then the| radio went quiet for an hour"
    qtbot.waitUntil(editor.hasFocus)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert w.model.segment(2).text == "then the\n radio went quiet for an hour"
    qtbot.waitUntil(lambda: view.row_rect(2).height() == one_line + view._painter.line_height)
    assert editor.cursorForPosition(QPoint(2, 2)).position() == 0
