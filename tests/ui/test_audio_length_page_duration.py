"""A podcast page's stated length is not where its turns end: the audio-length warning goes by what
the turns need (a page "Duration 00:05:00" whose last turn starts at 0:09, with 12 s of audio, fits;
so does a project whose last turn kept such a length but whose heard words end inside the audio)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from silent_audio import silence

from editor.core import project
from editor.core.audio_fit import needed_ms
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta, Word, WordTiming
from editor.formats import read_file


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
    assert needed_ms(transcript) == 9_000
    assert not w.audio_bar.isVisible() and w.audio_check.last_warning == ""
    assert not w.audio_check.runs_past_audio


def test_turns_that_start_after_the_audio_ends_still_warn(main_window, qtbot, tmp_path):
    w = main_window
    assert w.open_path(str(_page(tmp_path / "page.txt", "00:00:30")), str(silence(tmp_path / "clip.wav", 12)))
    QApplication.processEvents()
    text = w.audio_bar.text()
    assert w.audio_bar.isVisible() and "runs to 00:30 but the audio clip.wav ends at 00:12" in text
    assert "1 turn after that cannot be played" in text
    assert "the audio checks do not run" in text      # what the warning holds back is said, never silent


def _aligned_project(path, stated_end_ms: int, last_word_end_ms: int):
    """A project as `align` wrote it before it ended turns with the audio: the audio's length in
    meta, the last turn keeping a page's longer stated end, its words heard up to *last_word_end_ms*."""
    words = [Word("Let", 9_200, 9_500), Word("us", 9_500, 9_700), Word("start.", 9_700, last_word_end_ms)]
    turns = [Segment("t1", 0, 9_000, "Welcome back to the harbour.", "a"),
             Segment("t2", 9_000, stated_end_ms, "Let us start.", "a", words=words, word_timing=WordTiming.ALIGNED)]
    project.save(Transcript(TranscriptMeta(title="Harbour Lights", duration_ms=12_000),
                            {"a": Speaker("a", "Maya Ortiz")}, turns), path)
    return path


def test_a_stated_end_past_the_audio_whose_words_fit_opens_without_a_warning(main_window, tmp_path):
    made = _aligned_project(tmp_path / "aligned.tep.json", stated_end_ms=30_000, last_word_end_ms=10_400)
    assert read_file(made).warnings == []            # no "runs past the end of the audio" on opening
    w = main_window
    assert w.open_path(str(made), str(silence(tmp_path / "clip.wav", 12)))
    QApplication.processEvents()
    assert not w.audio_bar.isVisible() and w.audio_check.last_warning == ""
    assert not w.audio_check.runs_past_audio


def test_heard_words_past_the_audio_end_warn_by_the_same_measure(main_window, tmp_path):
    made = _aligned_project(tmp_path / "other.tep.json", stated_end_ms=30_000, last_word_end_ms=16_000)
    (warning,) = read_file(made).warnings
    assert "runs to 00:16, past the end of the audio (00:12)" in warning
    w = main_window
    assert w.open_path(str(made), str(silence(tmp_path / "clip.wav", 12)))
    QApplication.processEvents()
    text = w.audio_bar.text()
    assert "runs to 00:16 but the audio clip.wav ends at 00:12" in text and w.audio_check.runs_past_audio
    assert "the last 4 s of its last turn cannot be played" in text
