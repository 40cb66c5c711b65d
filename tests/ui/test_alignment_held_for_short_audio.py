"""Audio that ends long before the transcript: the warning bar offers alignment instead of starting it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from silent_audio import silence
from window_helpers import bar_button, bar_buttons


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))       # no alignment cached from before
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))


def _captions(path, turns: int):
    """Turns of 10 s without word times (what alignment is for), the last ending at turns * 10 s."""
    cues = [f"{i + 1}\n00:{i * 10 // 60:02d}:{i * 10 % 60:02d},000 --> 00:{(i + 1) * 10 // 60:02d}:"
            f"{(i + 1) * 10 % 60:02d},000\nthe ketch number {i + 1} left the slipway at dawn\n" for i in range(turns)]
    path.write_text("\n".join(cues), encoding="utf-8")
    return path


def _opened(w, srt, wav) -> None:
    assert w.open_path(str(srt), str(wav))
    assert w.playback.has_media()
    assert w.timing.strip is not None     # the waveform is made as the audio loads
    QApplication.processEvents()          # the window's first turn: when alignment would start


def test_a_transcript_past_the_audio_end_is_not_aligned_until_asked(main_window, qtbot, tmp_path):
    w = main_window
    _opened(w, _captions(tmp_path / "long.srt", 6), silence(tmp_path / "short.wav", 2))
    bar = w.audio_bar
    assert bar.isVisible() and "runs to 01:00 but the audio short.wav ends at 00:02" in bar.text()
    assert not w.timing.is_aligning() and not w.timing.progress.isVisible()
    assert bar_button(bar, "Align Anyway").isVisible()

    bar_button(bar, "Align Anyway").click()   # the producer knows better: align against this audio
    qtbot.waitUntil(w.timing.is_aligning, timeout=5000)
    assert "Align Anyway" not in bar_buttons(bar) and "runs to 01:00" in bar.text()   # the warning stays
    w.timing.cancel_alignment()
    qtbot.waitUntil(lambda: not w.timing.is_aligning(), timeout=10_000)


def test_audio_that_fits_is_aligned_at_once(main_window, qtbot, tmp_path):
    w = main_window
    _opened(w, _captions(tmp_path / "fits.srt", 1), silence(tmp_path / "fits.wav", 10.5))
    qtbot.waitUntil(w.timing.is_aligning, timeout=5000)
    assert not w.audio_bar.isVisible()
    w.timing.cancel_alignment()
    qtbot.waitUntil(lambda: not w.timing.is_aligning(), timeout=10_000)
