"""Chapters in the real window: mark at a turn, edit in the panel, undo/redo, save, the waveform's flags."""

from __future__ import annotations

import json
from pathlib import Path

from edit_helpers import write_project
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from silent_audio import silence
from window_helpers import last_opened

from editor.core.transcript import Chapter


def _accept_title(w, qtbot, title):
    dialog = last_opened(w, QInputDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue(title)
    dialog.accept()


def test_mark_a_chapter_at_the_current_turn_with_a_title_and_undo_it(timed_window, qtbot):
    w = timed_window
    w.view.ensure_visible(2)
    w.follow.seek(w.model.segment(2).start_ms)  # a click on its time: the turn playing, and in hand
    w.action_table["chapter_at_turn"].trigger()
    assert last_opened(w, QInputDialog).textValue() == "then the radio went quiet for"   # suggested from the turn
    assert "00:00:09" in last_opened(w, QInputDialog).labelText()
    _accept_title(w, qtbot, "The radio goes quiet")
    assert w.model.transcript.chapters == [Chapter(9000, "The radio goes quiet")]
    assert w.undo_stack.undoText() == "Add Chapter"
    assert w.windowTitle().startswith("harbour.tep.json[*]") and w.isWindowModified()
    w.action_table["undo"].trigger()
    assert w.model.transcript.chapters == []
    w.action_table["redo"].trigger()
    assert w.model.transcript.chapters == [Chapter(9000, "The radio goes quiet")]


def test_the_panel_lists_edits_and_removes_chapters_as_undoable_steps(timed_window, qtbot):
    w = timed_window
    chapters = w.chapters
    assert chapters.add(0, "Breakwater") and chapters.add(14_000, "Foghorn")
    w.action_table["chapters_panel"].trigger()
    qtbot.waitUntil(chapters.dock.isVisible)
    table = chapters.panel.table
    model = table.model()
    assert model.rowCount() == 2 and table.isVisible() and not chapters.panel.empty.isVisible()
    assert model.index(1, 0).data() == "00:00:14" and model.index(1, 1).data() == "Foghorn"
    # Editing a cell goes through the undo stack: a new start re-sorts the chapters.
    assert model.setData(model.index(1, 0), "00:00:02.500", Qt.ItemDataRole.EditRole)
    assert [c.title for c in w.model.transcript.chapters] == ["Breakwater", "Foghorn"]
    assert w.model.transcript.chapters[1].start_ms == 2500 and model.index(1, 0).data() == "00:00:02.500"
    assert model.setData(model.index(0, 2), "https://example.com/breakwater", Qt.ItemDataRole.EditRole)
    assert w.model.transcript.chapters[0].url == "https://example.com/breakwater"
    # A bad value is refused with a message, and changes nothing.
    messages = []
    chapters.message.connect(messages.append)
    assert not model.setData(model.index(0, 3), "not a url", Qt.ItemDataRole.EditRole)
    assert not model.setData(model.index(0, 0), "soon", Qt.ItemDataRole.EditRole)
    assert any("web address" in m for m in messages) and any("00:12:03" in m for m in messages)
    chapters.panel.select(1)
    chapters.panel.remove.click()
    assert [c.title for c in w.model.transcript.chapters] == ["Breakwater"]
    assert w.undo_stack.undoText() == "Remove Chapter"
    w.action_table["undo"].trigger()
    assert [c.title for c in w.model.transcript.chapters] == ["Breakwater", "Foghorn"]
    assert model.rowCount() == 2


def test_chapters_are_saved_in_the_project_and_come_back_on_open(timed_window, qtbot, tmp_path):
    w = timed_window
    w.chapters.add(4000, "Nets", url="https://example.com/nets")
    path = w.project.project_path
    assert w.project.save()
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    assert data["chapters"] == [{"start_ms": 4000, "title": "Nets", "url": "https://example.com/nets"}]
    assert w.open_path(path)
    assert w.model.transcript.chapters == [Chapter(4000, "Nets", "https://example.com/nets")]
    assert w.chapters.table.rowCount() == 1


def test_a_chapter_at_the_playback_position_needs_audio(timed_window):
    w = timed_window
    messages = []
    w.chapters.message.connect(messages.append)
    assert not w.action_table["chapter_at_playback"].isEnabled()  # no audio in this project
    w.chapters.mark_at_playback()
    assert messages == ["No audio: mark the chapter at a turn instead"]


def test_the_waveform_flags_each_chapter(main_window, qtbot, tmp_path):
    w = main_window
    assert w.open_path(str(write_project(tmp_path)), str(silence(tmp_path / "harbour.wav", 30)))
    strip = w.timing.strip      # made as the audio loads (without audio it only says "No audio")
    w.chapters.add(4000, "Nets")
    qtbot.waitUntil(lambda: strip.chapters() == [(4000, "Nets")])
    qtbot.waitUntil(strip.isVisible)
    image = strip.grab().toImage()
    x = round(strip.ms_to_x(4000))
    assert any(image.pixelColor(x, y).name() == "#5cbf8a" for y in range(image.height()))  # the flag is drawn
    w.action_table["undo"].trigger()
    qtbot.waitUntil(lambda: strip.chapters() == [])
