"""A podcast page states the episode's length and gives it to its last turn; the audio is a little
shorter. Aligning (the `align` command, or the window) ends that turn with the audio, and a project
so made opens without the "wrong episode's audio, or a cut file?" warning: alignment and the audio
checks are not held back (real espeak-ng speech, real PocketSphinx)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import timing_audio as speech  # noqa: E402

from editor.audio.decode import duration_ms  # noqa: E402
from editor.cli.align import align_episode  # noqa: E402
from editor.core import project  # noqa: E402
from editor.core.transcript import WordTiming  # noqa: E402
from editor.formats import read_file  # noqa: E402

TURNS = [("Speaker 0", "We sold four boats that summer."),
         ("Speaker 1", "The river was quiet that morning."),
         ("Speaker 0", "And we carried the boat down to the water.")]
STATED_PAST_AUDIO_S = 8      # the page's length runs this far past the audio (a longer cut, an intro)
ALIGN_TIMEOUT_MS = 90_000    # a hang guard: three turns align in seconds


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))       # no alignment cached from before
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(scope="module")
def page_and_audio(tmp_path_factory):
    """The page (stating a length past the audio's end) and the WAV of its turns, and the audio's length."""
    folder = tmp_path_factory.mktemp("stated-length")
    pieces, lines, position = [], [], 0
    for speaker, text in TURNS:
        words = text.rstrip(".").lower().split()
        audio, truth = speech.speak(words, [150] * len(words), lead_ms=1200)
        lines += [f"{speaker} 00:00:{(position + truth[0].start_ms - 400) // 1000:02d} {text}", ""]
        pieces.append(audio)
        position += len(audio) * 1000 // speech.RATE
    pieces.append(np.zeros(speech.RATE // 2, np.int16))
    wav = speech.write_wav(folder / "episode.wav", np.concatenate(pieces))
    audio_ms = duration_ms(wav)
    stated = audio_ms // 1000 + STATED_PAST_AUDIO_S
    page = folder / "episode.txt"
    page.write_text(f"Harbour Lights Episode 3\nEpisode 3 December 01, 2020 00:00:{stated:02d}\n\n"
                    + "\n".join(lines), encoding="utf-8")
    return page, wav, audio_ms


def _last_turn_fits(transcript, audio_ms: int) -> None:
    last = transcript.segments[-1]
    assert last.word_timing is WordTiming.ALIGNED
    assert last.words[-1].end_ms <= last.end_ms == audio_ms      # ends with the audio, not the page's length


def test_the_align_command_ends_the_last_turn_with_the_audio(page_and_audio, main_window, qtbot, tmp_path):
    page, wav, audio_ms = page_and_audio
    loaded = read_file(page)
    transcript = loaded.transcript
    assert transcript.segments[-1].end_ms == (audio_ms // 1000 + STATED_PAST_AUDIO_S) * 1000   # the page's, as read
    align_episode(transcript, str(wav), workers=1)
    _last_turn_fits(transcript, audio_ms)
    made = tmp_path / "episode.tep.json"
    project.save(transcript, made, loaded.extra)
    assert not any("past the end" in warning for warning in read_file(made).warnings)

    w = main_window
    ready = []
    w.timing.words_ready.connect(ready.append)
    assert w.open_path(str(made), str(wav))
    QApplication.processEvents()
    assert not w.audio_check.runs_past_audio and w.audio_check.last_warning == ""
    assert not w.audio_bar.isVisible()
    qtbot.waitUntil(lambda: bool(ready), timeout=5000)     # nothing held: the audio checks may start


def test_the_window_ends_the_last_turn_with_the_audio(page_and_audio, main_window, qtbot):
    page, wav, audio_ms = page_and_audio
    w = main_window
    ready = []
    w.timing.words_ready.connect(ready.append)
    assert w.open_path(str(page), str(wav))
    assert not w.audio_check.runs_past_audio and not w.audio_bar.isVisible()
    qtbot.waitUntil(lambda: bool(ready), timeout=ALIGN_TIMEOUT_MS)
    _last_turn_fits(w.model.transcript, w.playback.duration())
    assert abs(w.playback.duration() - audio_ms) <= 50

    # Opened again: the word times come back from the alignment cache, and the turn ends with the audio again
    ready.clear()
    assert w.open_path(str(page), str(wav))
    assert w.model.transcript.segments[-1].end_ms > audio_ms      # as read from the page
    qtbot.waitUntil(lambda: bool(ready), timeout=5000)
    _last_turn_fits(w.model.transcript, w.playback.duration())
