"""The in-place editor keeps its turn's shape when side panels come and go; "Back to playback" keeps out of the way."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from review_helpers import TURNS, close_review_window, open_review_window
from window_helpers import panel_dock

LONG = " ".join(["The harbour board met on Tuesday and talked about the pier, the boats and the weather."] * 12)


@pytest.fixture
def window(qtbot, tmp_path):
    turns = TURNS + [(who, 60 + s, text) for who, s, text in TURNS] + [(who, 120 + s, text) for who, s, text in TURNS]
    turns[3] = (turns[3][0], turns[3][1], LONG)
    window = open_review_window(qtbot, tmp_path, turns=turns, size=(1280, 720))
    yield window
    close_review_window(window)


def _editor_shows_all_its_text(view) -> None:
    editor = view.editor()
    document_height = sum(editor.blockBoundingRect(block).height()
                          for block in _blocks(editor.document()))
    assert editor.verticalScrollBar().value() == 0, "the first lines are scrolled out of the editor"
    assert document_height <= editor.viewport().height() + 1, "the last line runs past the editor"
    row = view.row_rect(editor.row)
    assert row.contains(editor.geometry()), "the editor is drawn across the turn's border"


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_long_turn_editor_fits_after_side_panels_open_and_close(window, qtbot):
    view = window.view
    editor = view.open_editor(3, len(LONG) - 1)     # caret at the end, as after typing there
    qtbot.waitUntil(lambda: editor.isVisible())
    _editor_shows_all_its_text(view)
    for _ in range(2):
        window.action_table["markers_panel"].trigger()
        if not window.action_table["show_suggestions"].isChecked():
            window.action_table["show_suggestions"].trigger()
        qtbot.waitUntil(lambda: window.marks_dock.isVisible())
        qtbot.waitUntil(lambda: view.editor().width() < 1000)
        view.viewport().repaint()
        _editor_shows_all_its_text(view)
        window.marks_dock.hide()
        panel_dock(window, "Glossary Suggestions").hide()
        qtbot.waitUntil(lambda: not window.marks_dock.isVisible())
        view.viewport().repaint()
        _editor_shows_all_its_text(view)


def test_back_to_playback_shows_only_when_the_playing_turn_is_off_screen(window, qtbot):
    view, follow = window.view, window.follow
    window.resize(1280, 720)
    window.playback.seek(1000)                   # turn 0 is playing
    qtbot.waitUntil(lambda: window.model.current_row == 0)
    follow.stop()                                # as a scroll by the user would
    view.viewport().repaint()
    assert not view.follow_button().isVisible()  # the playing turn is on screen
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: view.follow_button().isVisible())
    view.verticalScrollBar().setValue(0)
    qtbot.waitUntil(lambda: not view.follow_button().isVisible())


def test_back_to_playback_never_covers_the_turn_being_edited(window, qtbot):
    view = window.view
    window.playback.seek(1000)
    qtbot.waitUntil(lambda: window.model.current_row == 0)
    last = window.model.rowCount() - 1
    editor = view.open_editor(last, 0)           # editing elsewhere stops following
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: view.follow_button().isVisible())
    button = view.follow_button().geometry()
    edited = QRect(editor.mapTo(view, editor.rect().topLeft()), editor.size())
    assert not button.intersects(edited)
