"""Opening files in the window: start page, audio lookup, missing audio and relink, errors, drops."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QListWidget
from window_helpers import SAMPLE_AUDIO, SAMPLE_TXT, bar_buttons, click, named

from editor.core import project
from editor.formats import read_file

OTTER_TEXT = """Marit Eggen  0:00
The ferry to Hollin Skerry leaves at dawn.

Joss Tavener  0:06
Only when the swell is under two metres, mind.
"""


def test_start_page_then_open_sample_and_recent_files(main_window, qtbot):
    w = main_window
    assert w.stack.currentWidget() is w.start_page
    click(w.start_page.sample_button, w.start_page.sample_button.rect().center())
    assert w.stack.currentWidget() is w.editor_page
    assert w.windowTitle().startswith("sample-episode.txt")
    assert w.model.rowCount() == 19
    assert w.playback.has_media() and w.playback.media_path.endswith("sample-episode.ogg")
    assert str(SAMPLE_TXT) in w.files.recent_files()
    assert named(w.start_page, QListWidget, "Recent files").count() == 1
    assert w.recent_menu.actions()[0].text() == "&1 sample-episode.txt"


def test_transcript_without_audio_stays_usable_and_relinks(main_window, tmp_path, qtbot):
    w = main_window
    transcript = tmp_path / "harbour-talk.txt"
    transcript.write_text(OTTER_TEXT, encoding="utf-8")
    assert w.open_path(str(transcript))
    assert w.model.rowCount() == 2                         # the transcript is shown ...
    assert not w.playback.has_media()
    assert w.audio_bar.isVisible() and "No audio" in w.audio_bar.text()
    assert not w.action_table["play_pause"].isEnabled()
    click(w.view.viewport(), w.view.time_rect(1).center())  # ... and clicks still move the highlight
    assert w.model.current_row == 1
    w.view.open_editor(0, 0)                                # ... and it is editable
    from PySide6.QtTest import QTest
    QTest.keyClicks(w.view.editor(), "Early: ")
    assert w.model.segment(0).text.startswith("Early: The ferry")
    assert w.files.relink_audio(str(SAMPLE_AUDIO))
    assert not w.audio_bar.isVisible()
    assert w.action_table["play_pause"].isEnabled()


def test_audio_with_the_same_stem_is_found(main_window, tmp_path):
    transcript = tmp_path / "episode.txt"
    shutil.copy(SAMPLE_TXT, transcript)
    shutil.copy(SAMPLE_AUDIO, tmp_path / "episode.ogg")
    assert main_window.open_path(str(transcript))
    assert main_window.playback.media_path == str(tmp_path / "episode.ogg")
    assert not main_window.audio_bar.isVisible()


def test_project_with_moved_audio_offers_relink(main_window, tmp_path):
    moved = tmp_path / "gone" / "episode.ogg"
    result = read_file(SAMPLE_TXT)
    result.transcript.meta.audio_path = str(moved)
    path = tmp_path / "episode.tep.json"
    project.save(result.transcript, path)
    w = main_window
    assert w.open_path(str(path))
    assert w.model.rowCount() == 19
    assert w.audio_bar.isVisible() and "not found" in w.audio_bar.text() and str(moved) in w.audio_bar.text()
    assert "Relink audio…" in bar_buttons(w.audio_bar)
    moved.parent.mkdir()
    shutil.copy(SAMPLE_AUDIO, moved)
    assert w.files.relink_audio(str(moved))
    assert w.playback.media_path == str(moved)
    assert w.model.transcript.meta.audio_path == str(moved)


def test_a_file_that_cannot_be_read_gives_a_clear_error(main_window, tmp_path):
    bad = tmp_path / "broken.srt"
    bad.write_bytes(b"\x00\x01\x02 not a transcript \xff\xfe" * 10)
    errors = []
    main_window.files.error_occurred.connect(lambda title, message: errors.append(message))
    assert not main_window.open_path(str(bad))
    assert errors and str(bad) in errors[0] and "Traceback" not in errors[0]
    assert main_window.stack.currentWidget() is main_window.start_page


def test_load_warnings_are_shown_in_a_dismissable_bar(main_window, tmp_path):
    srt = tmp_path / "out-of-order.srt"
    srt.write_text("1\n00:00:05,000 --> 00:00:06,000\nSecond line of the tide table\n\n"
                   "2\n00:00:01,000 --> 00:00:02,000\nFirst line of the tide table\n", encoding="utf-8")
    w = main_window
    assert w.open_path(str(srt))
    assert w.warning_bar.isVisible() and "warning" in w.warning_bar.text()
    w.warning_bar.dismiss()
    assert not w.warning_bar.isVisible()


PAGE_TEXT = """The Lantern Hour - Episode 7: Keeping the Light

Show notes: Ruth Amberley talks with keeper Oskar Veldhuis about long nights on Skerry Point.

Transcript

Speaker 1 00:00:01 Welcome to the Lantern Hour, with my guest Oskar Veldhuis.
Speaker 2 00:00:09 Thanks Ruth. It is good to be here.
"""


def test_a_podcast_page_s_show_notes_warning_counts_its_lines_in_words(main_window, tmp_path):
    page = tmp_path / "lantern-hour-7.txt"
    page.write_text(PAGE_TEXT, encoding="utf-8")
    assert main_window.open_path(str(page))
    said = main_window.warning_bar.text()
    assert main_window.warning_bar.isVisible()
    assert "show notes (not turns): 3 lines before it" in said
    assert "(s)" not in said and "0 lines" not in said       # nothing after the turns: not said
    page.write_text(PAGE_TEXT.split("\n\n", 1)[1] + "\nThanks for listening.\n", encoding="utf-8")
    assert main_window.open_path(str(page))
    assert "show notes (not turns): 2 lines before it and 1 line after it" in main_window.warning_bar.text()


def test_dropping_a_transcript_and_its_audio_opens_both(main_window, tmp_path):
    transcript = tmp_path / "dropped.txt"
    shutil.copy(SAMPLE_TXT, transcript)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(transcript)), QUrl.fromLocalFile(str(SAMPLE_AUDIO))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(event)
    assert main_window.files.current_path == str(transcript)
    assert main_window.playback.media_path == str(SAMPLE_AUDIO)


def test_arrow_keys_move_the_editor_between_turns(main_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    w = main_window
    w.resize(1240, 800)   # turn 1 on one line (the first-run size fits the 800-pixel offscreen screen)
    assert w.open_path(str(SAMPLE_TXT))
    editor = w.view.open_editor(1, 3)
    QTest.keyClick(editor, Qt.Key.Key_Down)
    assert w.view.editor().row == 2 and w.view.editor().caret() == 0
    QTest.keyClick(w.view.editor(), Qt.Key.Key_Up)
    assert w.view.editor().row == 1
    assert w.view.editor().caret() == len(w.model.segment(1).text)
    QTest.keyClick(w.view.editor(), Qt.Key.Key_Escape)
    assert w.view.editor() is None
