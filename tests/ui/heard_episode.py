"""Window tests that need the audio's word times: an evaluation episode (``tests/bench/hearing_material``:
espeak-ng audio of the right words under a transcript with the recognizer's errors), written to a
folder and opened in the window, which aligns it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import hearing_material  # noqa: E402

ALIGN_TIMEOUT_MS = 90_000     # a hang guard: a short episode aligns in seconds


def write_episode(folder: Path, lines, clean=(), **voice) -> tuple[Path, Path]:
    """The episode of *lines* (and *clean* lines; *voice*: espeak-ng's voice and speed) as
    ``episode.srt`` and ``episode.wav`` in *folder*."""
    episode = hearing_material.episode(lines, list(clean), **voice)
    wav = hearing_material.write_wav(folder / "episode.wav", episode.audio)
    srt = hearing_material.write_srt(folder / "episode.srt", episode.transcript)
    return srt, wav


def spoken_once(tmp_path_factory, lines, clean=(), **voice) -> tuple[Path, Path, Path]:
    """For a module-scoped fixture: the episode written once for the module's tests, and a cache
    folder for them to share (:func:`share_cache`); (transcript, audio, cache folder). The real aligner
    works out the episode's word times for the first test that opens it, and the others read them back
    from the alignment cache (the same audio file): speech is synthesized and aligned once, not per test."""
    folder = tmp_path_factory.mktemp("spoken-once")
    srt, wav = write_episode(folder, lines, clean, **voice)
    return srt, wav, folder / "cache"


def share_cache(monkeypatch, cache: Path) -> None:
    """The window's caches (alignments, waveform peaks) in *cache*, shared by the module's tests."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))


def open_aligned(window, qtbot, srt: Path, wav: Path, before_alignment=None) -> None:
    """Open *srt* with *wav* and wait until its words are aligned; *before_alignment(window)* runs
    right after opening (e.g. to fill the glossary while the words are being timed)."""
    ready = []
    window.timing.words_ready.connect(ready.append)
    assert window.open_path(str(srt), str(wav))
    if before_alignment is not None:
        before_alignment(window)
    qtbot.waitUntil(lambda: bool(ready), timeout=ALIGN_TIMEOUT_MS)
