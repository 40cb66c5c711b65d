"""Finding an episode's audio: the one another transcript of the episode used, the folder's only file."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog
from review_helpers import close_review_window, open_review_window, write_audio_stub
from window_helpers import last_opened


def _vtt(path):
    path.write_text("WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ana>Hello there.\n", encoding="utf-8")
    return path


def test_another_transcript_of_the_episode_finds_the_audio_used_before(qtbot, tmp_path):
    window = open_review_window(qtbot, tmp_path)            # episode.txt, no audio beside it
    try:
        assert not window.playback.has_media() and window.audio_bar.isVisible()
        mix = write_audio_stub(tmp_path / "final mix v3.mp3")  # another name: not found by its stem
        assert window.files.relink_audio(str(mix))
        other = _vtt(tmp_path / "episode.vtt")               # the same episode, another format
        assert window.open_path(str(other))
        assert window.playback.media_path == str(mix)
        assert window.audio_bar.isHidden()
        # A transcript of another episode in the folder does not get it.
        assert window.open_path(str(_vtt(tmp_path / "other-episode.vtt")))
        assert not window.playback.has_media()
    finally:
        close_review_window(window)


def test_choose_audio_preselects_the_folders_only_audio_file(qtbot, tmp_path):
    window = open_review_window(qtbot, tmp_path)
    try:
        only = write_audio_stub(tmp_path / "recording 2024-05-01.m4a")
        window.action_table["choose_audio"].trigger()
        dialog = last_opened(window, QFileDialog)
        qtbot.waitUntil(dialog.isVisible)
        assert [os.path.normpath(p) for p in dialog.selectedFiles()] == [str(only)]
        dialog.accept()
        qtbot.waitUntil(lambda: window.playback.media_path == str(only))
    finally:
        close_review_window(window)


def test_choose_audio_opens_on_the_folder_when_it_holds_several(qtbot, tmp_path):
    window = open_review_window(qtbot, tmp_path)
    try:
        write_audio_stub(tmp_path / "a.mp3")
        write_audio_stub(tmp_path / "b.mp3")
        window.action_table["choose_audio"].trigger()
        dialog = last_opened(window, QFileDialog)
        qtbot.waitUntil(dialog.isVisible)
        assert os.path.normpath(dialog.directory().absolutePath()) == str(tmp_path)
        assert not any(p.endswith(".mp3") for p in dialog.selectedFiles())
        dialog.reject()
    finally:
        close_review_window(window)
