"""The virtual transcript view: extension points (row filter, text decorator) and a 10-hour episode."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor, QTextCharFormat
from window_helpers import SAMPLE_TXT, rows_on_screen

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


def test_row_filter_hides_rows_without_renumbering(main_window, qtbot):
    w = main_window
    assert w.open_path(str(SAMPLE_TXT))
    speaker = w.model.segment(3).speaker_id
    w.view.set_row_filter(lambda s: s.speaker_id == speaker)
    shown = [r for r in range(w.model.rowCount()) if w.view.is_row_shown(r)]
    assert 3 in shown and len(shown) < w.model.rowCount()
    w.view.viewport().repaint()
    for row in range(w.model.rowCount()):
        assert (w.view.row_rect(row).height() > 0) == (row in shown)
    tops = [w.view.row_rect(r).top() for r in shown]
    assert tops == sorted(tops)
    editor = w.view.open_editor(shown[0], 0)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    QTest.keyClick(editor, Qt.Key.Key_Down)          # the editor skips hidden turns
    assert w.view.editor().row == shown[1]
    w.view.set_row_filter(None)
    w.view.viewport().repaint()
    assert all(w.view.row_rect(r).height() > 0 for r in range(5))


def test_text_decorator_is_asked_only_for_painted_rows(main_window, qtbot):
    w = main_window
    assert w.open_path(str(SAMPLE_TXT))
    w.resize(800, 300)
    asked = []
    underline = QTextCharFormat()
    underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    underline.setUnderlineColor(QColor("red"))

    def decorator(row, segment):
        asked.append(row)
        return [(0, 4, underline)]

    w.view.add_text_decorator(decorator)
    w.view.viewport().repaint()
    assert asked and set(asked) <= set(rows_on_screen(w.view))
    assert max(asked) < w.model.rowCount() - 1


def test_ten_hour_episode_scrolls_to_the_end_and_seeks(main_window, qtbot):
    from synthetic import ten_hour_episode
    w = main_window
    transcript = ten_hour_episode()
    w.model.set_transcript(transcript)
    w.stack.setCurrentWidget(w.editor_page)
    last = w.model.rowCount() - 1
    w.playback.seek(transcript.segments[last].start_ms + 100)
    assert w.model.current_row == last
    w.view.viewport().repaint()
    assert w.view.viewport().rect().intersects(w.view.row_rect(last))
    rect = w.view.time_rect(last - 1)
    from window_helpers import click
    click(w.view.viewport(), rect.center())
    assert w.model.current_row == last - 1
