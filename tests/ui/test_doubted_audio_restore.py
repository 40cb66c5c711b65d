"""Cached word times still being given back when the audio is found too short for the transcript (the
"wrong episode's audio, or a cut file?" warning): their end does not announce the words ready, so no
listening pass starts against the doubted audio."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from silent_audio import silence

from editor.core.transcript import Word, WordTiming
from editor.formats import read_file
from editor.ui.timing import cached_restore
from editor.ui.timing.alignment_cache import AlignmentCache, default_path, entry_key

TURNS = 3 * cached_restore.BATCH      # given back over several turns of the event loop


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(cached_restore, "SLICE_S", 0.0)     # one batch per turn of the event loop


def _captions(path):
    cues = [f"{i + 1}\n00:{i // 60:02d}:{i % 60:02d},000 --> 00:{i // 60:02d}:{i % 60:02d},900\n"
            f"{'Ana' if i % 2 else 'Ben'}: The yawl number {i + 1} sailed.\n" for i in range(TURNS)]
    path.write_text("\n".join(cues), encoding="utf-8")
    return path


def _cache_every_turn(srt, wav) -> None:
    """The alignment cache of an earlier session: every turn's word times, for this audio."""
    cache = AlignmentCache(wav, default_path(wav))
    for segment in read_file(srt).transcript.segments:
        words = [Word(text, segment.start_ms + 200 * i, segment.start_ms + 200 * i + 150)
                 for i, text in enumerate(segment.text.split())]
        cache.add(entry_key(segment.text, segment.start_ms, segment.end_ms), words, WordTiming.ALIGNED)
    cache.save(background=False)


def test_words_restored_after_the_audio_is_doubted_start_no_listening(main_window, qtbot, tmp_path):
    w = main_window
    srt = _captions(tmp_path / "episode.srt")
    wav = silence(tmp_path / "episode.wav", TURNS + 5)     # long enough: the window does not doubt it itself
    _cache_every_turn(srt, wav)
    ready, doubted_with = [], []

    def doubt_while_the_rest_comes_back(_commit) -> None:
        # As a cut file's decoded length is found while the turns are given back a slice per turn of
        # the event loop: here as the second slice lands (the first ran as the alignment was planned),
        # the last still to come. Waiting for that state from the test (qtbot.waitUntil) found it only
        # when no second slice ran within the same 10 ms of processing events, which a fast machine
        # does not promise.
        aligned = sum(s.word_timing is WordTiming.ALIGNED for s in w.model.transcript.segments)
        if not doubted_with and cached_restore.BATCH < aligned < TURNS:
            doubted_with.append(aligned)
            w.audio_check.audio_doubted.emit()

    w.timing.words_ready.connect(ready.append)
    w.model.derived.connect(doubt_while_the_rest_comes_back)
    assert w.open_path(str(srt), str(wav))
    segments = w.model.transcript.segments
    qtbot.waitUntil(lambda: segments[-1].word_timing is WordTiming.ALIGNED, timeout=10_000)
    assert doubted_with == [2 * cached_restore.BATCH]      # doubted while the rest was coming back
    QApplication.processEvents()
    assert ready == []
    assert not w.hearing.runner.is_running()
