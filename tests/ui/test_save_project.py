"""Saving in the real window: Save As, title state, reopen and compare, close confirmation."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import comparable, write_project  # noqa: E402
from fake_player import fake_player_factory  # noqa: E402
from message_boxes import wait_for_box, wait_for_no_box  # noqa: E402
from window_helpers import SAMPLE_TXT  # noqa: E402

from editor.core import project  # noqa: E402
from editor.core.transcript import MarkKind  # noqa: E402


@pytest.fixture(autouse=True)
def data_dir(own_data_dir):
    return own_data_dir


def _edit_a_lot(w):
    QTest.keyClicks(w.view.open_editor(1, 0), "Well, ")
    w.view.open_editor(2, 4)
    w.edits.add_mark(MarkKind.INAUDIBLE)
    w.edits.rename_speaker(w.model.segment(0).speaker_id, "Nora Castellano")
    w.review.approve(0)
    w.review.flag("spelling of the tea brand", 1)


def test_save_as_reopen_and_compare(main_window, tmp_path):
    from editor.ui.main_window import MainWindow
    w = main_window
    source = tmp_path / "episode.txt"
    source.write_text(SAMPLE_TXT.read_text("utf-8"), "utf-8")
    assert w.open_path(str(source))
    assert w.windowTitle().startswith("episode.txt") and not w.isWindowModified()
    _edit_a_lot(w)
    assert w.isWindowModified()
    target = tmp_path / "episode.tep.json"
    assert w.project.save_as(str(target))
    assert not w.isWindowModified() and w.windowTitle().startswith("episode.tep.json")
    expected = comparable(w.model.transcript)

    again = MainWindow(player_factory=fake_player_factory)
    try:
        assert again.open_path(str(target))
        assert comparable(again.model.transcript) == expected
        assert again.model.transcript.segments[1].original_text != again.model.transcript.segments[1].text
    finally:
        again.close()

    QTest.keyClicks(w.view.open_editor(3, 0), "So, ")
    assert w.isWindowModified()
    w.action_table["save"].trigger()                         # Save goes to the project now, no dialog
    assert not w.isWindowModified()
    assert project.load(target).transcript.segments[3].text.startswith("So, ")
    assert Path(str(target) + ".bak").exists()


def test_undo_back_to_saved_state_is_clean(main_window, tmp_path):
    w = main_window
    assert w.open_path(str(write_project(tmp_path)))
    QTest.keyClicks(w.view.open_editor(0, 0), "x")
    assert w.isWindowModified()
    w.edits.undo()
    assert not w.isWindowModified()


def _answer_close_box(w, qtbot, button):
    box = wait_for_box(qtbot, "Unsaved changes", over=w)
    assert "Save the changes to harbour.tep.json" in box.text()
    box.button(button).click()


def test_closing_with_unsaved_changes_asks(main_window, tmp_path, qtbot):
    w = main_window
    path = write_project(tmp_path)
    assert w.open_path(str(path))
    QTest.keyClicks(w.view.open_editor(0, 0), "Then ")

    assert not w.close()                                # asks first
    _answer_close_box(w, qtbot, QMessageBox.StandardButton.Cancel)
    assert w.isVisible() and w.isWindowModified()       # cancelled: still open, still modified

    assert not w.close()
    _answer_close_box(w, qtbot, QMessageBox.StandardButton.Save)
    qtbot.waitUntil(lambda: not w.isVisible())
    assert project.load(path).transcript.segments[0].text.startswith("Then the tide")


def test_discard_on_close_leaves_no_recovery(main_window, tmp_path, qtbot):
    w = main_window
    assert w.open_path(str(write_project(tmp_path)))
    QTest.keyClicks(w.view.open_editor(0, 0), "Then ")
    assert w.project.autosave.save_now()              # journal plus an autosave snapshot on disk
    w.project.autosave.wait()
    assert list(tmp_path.glob("harbour.tep.json.journal")) and list(tmp_path.glob("*.autosave-*"))
    assert not w.close()
    _answer_close_box(w, qtbot, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: not w.isVisible())
    assert not list(tmp_path.glob("*.journal")) and not list(tmp_path.glob("*.autosave-*"))


def test_opening_another_file_asks_too(main_window, tmp_path, qtbot):
    w = main_window
    first = write_project(tmp_path)
    second = write_project(tmp_path, "other.tep.json")
    assert w.open_path(str(first))
    QTest.keyClicks(w.view.open_editor(0, 0), "Then ")
    assert not w.open_path(str(second))
    _answer_close_box(w, qtbot, QMessageBox.StandardButton.Discard)
    qtbot.waitUntil(lambda: w.project.source_path == str(second))
    assert w.model.segment(0).text.startswith("the tide") and not w.isWindowModified()


def test_the_close_box_of_a_transcript_says_save_makes_a_project_beside_it(main_window, tmp_path, qtbot):
    """"Save the changes to episode.txt?" read as if Save wrote into the recognizer's file: the box
    says where the work goes and that the transcript is left as it is."""
    w = main_window
    source = tmp_path / "episode.txt"
    source.write_text(SAMPLE_TXT.read_text("utf-8"), "utf-8")
    assert w.open_path(str(source))
    QTest.keyClicks(w.view.open_editor(0, 0), "Then ")
    assert not w.close()
    box = wait_for_box(qtbot, "Unsaved changes", over=w)
    assert "episode.tep.json" in box.informativeText()
    assert "episode.txt itself is not changed" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_for_no_box(qtbot, "Unsaved changes", over=w)
