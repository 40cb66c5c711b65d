"""A podcast page's stated length is not where its turns end: the audio-length warning goes by the
turns' own times (a page "Duration 00:05:00" whose last turn starts at 0:09, with 12 s of audio, fits)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from silent_audio import silence

from editor.ui.files.audio_length_check import turns_end


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))


def _page(path, last_start: str):
    path.write_text("Harbour Lights Episode 3\nDuration 00:05:00\n\n"
                    "Speaker 1 00:00:00 Welcome back to the harbour, everyone.\n"
                    "Speaker 2 00:00:04 Thanks for having me on the show.\n"
                    f"Speaker 1 {last_start} Let us start with the lights.\n", encoding="utf-8")
    return path


def test_a_pages_stated_length_does_not_make_the_audio_look_short(main_window, qtbot, tmp_path):
    w = main_window
    assert w.open_path(str(_page(tmp_path / "page.txt", "00:00:09")), str(silence(tmp_path / "clip.wav", 12)))
    assert w.playback.has_media()
    QApplication.processEvents()
    transcript = w.model.transcript
    assert transcript.meta.duration_ms == 300_000 and transcript.segments[-1].end_ms == 300_000   # as read
    assert turns_end(transcript) == 9_000
    assert not w.audio_bar.isVisible() and w.audio_check.last_warning == ""
    assert not w.audio_check.runs_past_audio


def test_turns_that_start_after_the_audio_ends_still_warn(main_window, qtbot, tmp_path):
    w = main_window
    assert w.open_path(str(_page(tmp_path / "page.txt", "00:00:30")), str(silence(tmp_path / "clip.wav", 12)))
    QApplication.processEvents()
    assert w.audio_bar.isVisible() and "runs to 00:30 but the audio clip.wav ends at 00:12" in w.audio_bar.text()
