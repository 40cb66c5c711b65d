"""Inaudible/crosstalk/unclear markers in the real window: shortcut, display, panel, navigation, export."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_helpers import choose, last_opened, press  # noqa: E402

from editor.core.transcript import Mark, MarkKind  # noqa: E402
from editor.formats.base import InaudibleStyle  # noqa: E402
from editor.ui.publishing.export_dialog import ExportDialog  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _select(editor, start, end):
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_mark_selection_as_inaudible_with_the_playback_time(sample_window):
    w = sample_window
    w.playback.seek(21_000)
    editor = w.view.open_editor(2, 0)
    text = w.model.segment(2).text
    start = text.index("lighthouse")
    _select(editor, start, start + len("lighthouse lenses"))
    press(w, Qt.Key.Key_I, CTRL)                       # Mark inaudible
    marks = w.model.segment(2).marks
    assert len(marks) == 1 and marks[0].kind is MarkKind.INAUDIBLE
    assert (marks[0].start, marks[0].end) == (start, start + len("lighthouse lenses"))
    assert abs(marks[0].time_ms - 21_000) <= 60
    # Shown distinctly in the editor too, not as plain text.
    assert [s.cursor.selectedText() for s in editor.extraSelections()] == ["lighthouse lenses"]
    w.edits.undo()
    assert w.model.segment(2).marks == []


def test_no_selection_inserts_a_marker_token_and_removing_takes_it_out(timed_window):
    w = timed_window
    editor = w.view.open_editor(1, len("we hauled"))
    press(w, Qt.Key.Key_X, CTRL | SHIFT)               # Mark crosstalk at the caret
    segment = w.model.segment(1)
    assert segment.text == "we hauled [crosstalk] the nets before the rain started falling"
    assert segment.marks == [Mark(MarkKind.CROSSTALK, 10, 21, segment.words[2].start_ms)]
    assert editor.toPlainText() == segment.text
    editor.set_caret(12)
    press(w, Qt.Key.Key_I, CTRL | SHIFT)               # Remove marker at the caret
    assert w.model.segment(1).text == "we hauled the nets before the rain started falling"
    assert w.model.segment(1).marks == []


def test_unclear_best_guess_keeps_the_words(timed_window):
    w = timed_window
    editor = w.view.open_editor(3, 0)
    _select(editor, len("and nobody heard the "), len("and nobody heard the foghorn"))
    press(w, Qt.Key.Key_U, CTRL)
    segment = w.model.segment(3)
    assert segment.text == "and nobody heard the foghorn until morning"
    assert segment.marks[0].kind is MarkKind.UNCLEAR
    assert segment.text[segment.marks[0].start:segment.marks[0].end] == "foghorn"


def test_marker_panel_lists_and_navigation_jumps(timed_window, qtbot):
    w = timed_window
    w.view.open_editor(1, 0)
    w.edits.add_mark(MarkKind.INAUDIBLE)
    w.view.open_editor(3, len("and nobody"))
    w.edits.add_mark(MarkKind.CROSSTALK)
    w.action_table["markers_panel"].trigger()
    panel = w.marks_dock.widget()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2)
    assert [panel.tree.topLevelItem(i).text(1) for i in range(2)] == ["inaudible", "crosstalk"]

    w.view.open_editor(0, 0)
    press(w, Qt.Key.Key_M, ALT)                        # next marker
    editor = w.view.editor()
    assert editor.row == 1 and editor.textCursor().selectedText() == "[inaudible]"
    press(w, Qt.Key.Key_M, ALT)
    assert w.view.editor().row == 3 and w.view.editor().textCursor().selectedText() == "[crosstalk]"
    press(w, Qt.Key.Key_M, ALT | SHIFT)                # previous marker
    assert w.view.editor().row == 1

    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    panel.remove_button.click()
    assert w.model.segment(3).marks == [] and "[crosstalk]" not in w.model.segment(3).text
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1)


@pytest.mark.parametrize("style, expected", [
    (InaudibleStyle.REV, "we hauled [inaudible 00:00:05] nets"),
    (InaudibleStyle.PLAIN, "we hauled [inaudible] nets"),
    (InaudibleStyle.OMIT, "we hauled nets"),
])
def test_marked_inaudible_exports_in_each_style(timed_window, qtbot, tmp_path, style, expected):
    w = timed_window
    editor = w.view.open_editor(1, 0)
    _select(editor, len("we hauled "), len("we hauled the"))
    w.edits.add_mark(MarkKind.INAUDIBLE)
    # An inaudible mark over words keeps them in the editor; export replaces them by the style.
    assert w.model.segment(1).marks[0].time_ms == 5110
    w.action_table["export"].trigger()
    dialog = last_opened(w, ExportDialog)
    choose(dialog.format_box, "txt")
    choose(dialog.style_box, style)
    out = tmp_path / f"out-{style.value}.txt"
    dialog.path_edit.setText(str(out))
    assert expected in dialog.preview_text()
    assert dialog.export()
    assert expected in out.read_text("utf-8")
