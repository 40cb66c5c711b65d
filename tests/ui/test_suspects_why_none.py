"""An empty Suspects list says "nothing to doubt" only after the audio was listened to all through:
with no audio, or before the audio is aligned and listened to, the panel and Next Suspect say why
none are listed (a producer reading "No doubtful passages" there would skip the listening)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import SAMPLE_TXT, named, press

from editor.ui.widgets.status_line import StatusLine

SRT = """1
00:00:01,000 --> 00:00:04,000
Host: The lock keepers met at the wharf on Tuesday.

2
00:00:05,000 --> 00:00:09,000
Guest: We painted the gates before the winter came.
"""


def _suspects_said(window) -> str:
    press(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    return named(window, StatusLine, "Suspects status").text()


def test_without_audio_the_panel_and_next_suspect_say_there_is_no_audio(main_window, qtbot, tmp_path):
    episode = tmp_path / "harbour.srt"          # no audio beside it
    episode.write_text(SRT, encoding="utf-8")
    assert main_window.open_path(str(episode))
    assert not main_window.playback.has_media()
    said = _suspects_said(main_window)
    assert "No doubtful passages" not in said
    assert said.startswith("No suspects: there is no audio")
    press(main_window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)      # Next Suspect
    assert main_window.statusBar().currentMessage().startswith("No suspects: there is no audio")


def test_before_the_audio_is_listened_to_the_panel_says_it_will_be(main_window, qtbot):
    assert main_window.open_path(str(SAMPLE_TXT))
    assert main_window.playback.has_media()     # its words not aligned yet: no turn listened to
    said = _suspects_said(main_window)
    assert "No doubtful passages" not in said
    assert said.startswith("No suspects yet") or said.startswith("Listening")
    press(main_window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert main_window.statusBar().currentMessage() != "No suspect passages"
