"""Where does the app's player really play from? (helper for bench_player.py and tests/player).

The idea of ../shared/tools/seek-accuracy, reimplemented around :class:`VlcPlayer`: the
player plays into a WAV through libVLC's ``afile`` audio output (no sound card needed),
and that capture is located in an exact FFmpeg decode of the source by normalized
cross-correlation. Two ways of seeking are measured:

* ``"start"``: ``seek_ms(T)`` on a loaded, stopped player, then ``play()`` -- the capture
  starts at what libVLC chose to play for T.
* ``"playing"``: ``play()`` from 0 (the bench files begin with digital silence), then
  ``seek_ms(T)`` while playing. The capture is silence followed by the audio after the
  jump; the jump's first sample is found where the capture starts to agree with the
  (aligned) reference.

A positive error means what is heard is later in the episode than T.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf

LISTEN_S = 1.5     # how long each capture plays after the seek
MATCH_S = 0.6      # the captured snippet looked up in the reference
SEARCH_S = 40      # how far around T it is looked for


def decode_reference(path: str | os.PathLike, rate: int) -> np.ndarray:
    """Sample-exact mono decode by the ffmpeg command line (independent of the app's PyAV decode)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "ref.wav")
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(path), "-ac", "1", "-ar", str(rate), out],
                       check=True)
        x, _ = sf.read(out, dtype="float32")
    return x


@dataclass
class Heard:
    target_ms: int
    error_ms: float          # inf when nothing came out
    score: float             # normalized correlation of the match (1 = identical)
    reported_ms: int         # the player's own position at the end of the capture


def afile_args(out: str | os.PathLike) -> list[str]:
    """libVLC arguments that play into the WAV *out* (mono, 16-bit) instead of a sound card."""
    return ["--aout=afile", f"--audiofile-file={out}", "--audiofile-format=s16", "--audiofile-channels=1"]


def read_capture(out: str | os.PathLike, rate_out: int) -> np.ndarray:
    """What libVLC played into *out*, mono at *rate_out* (empty when nothing came out)."""
    if not os.path.exists(out) or os.path.getsize(out) < 2000:
        return np.zeros(0, dtype="float32")
    x, rate = sf.read(out, dtype="float32")
    if x.ndim > 1:
        x = x.mean(axis=1)
    if rate != rate_out:
        grid = np.arange(0, len(x) / rate, 1 / rate_out)
        x = np.interp(grid, np.arange(len(x)) / rate, x).astype("float32")
    return x


def capture(path: str, target_ms: int, mode: str, *, working_copy: bool, cache: Path,
            rate_out: int = 22050) -> tuple[np.ndarray, int]:
    """Play *path* from *target_ms* through a fresh VlcPlayer into a WAV; return (samples, reported)."""
    from editor.player.vlc_backend import VlcPlayer
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "heard.wav")
        player = VlcPlayer(working_copy=working_copy, cache_folder=cache, extra_args=afile_args(out))
        try:
            player.load(path)
            job = player.working_copy_job
            if job is not None:
                job.wait()
                player.position_ms()            # the player adopts the copy on its next call
            if mode == "start":
                player.seek_ms(target_ms)
                player.play()
            else:
                player.play()
                time.sleep(0.6)
                player.seek_ms(target_ms)
            time.sleep(LISTEN_S)
            reported = player.position_ms()
        finally:
            player.close()
        return read_capture(out, rate_out), reported


def locate(ref: np.ndarray, snippet: np.ndarray, around_s: float, rate: int,
           search_s: float = SEARCH_S) -> tuple[int, float]:
    """Index in *ref* where *snippet* matches best within *search_s* of *around_s*, and the match score."""
    n = len(snippet)
    lo = max(0, int((around_s - search_s) * rate))
    hi = min(len(ref), int((around_s + search_s) * rate) + n)
    win = ref[lo:hi]
    # FFT correlation: the search window is long (80 s) and np.correlate would be slow.
    size = 1 << int(np.ceil(np.log2(len(win) + n)))
    corr = np.fft.irfft(np.fft.rfft(win, size) * np.conj(np.fft.rfft(snippet, size)), size)[:len(win) - n + 1]
    csum = np.concatenate(([0.0], np.cumsum(win.astype("float64") ** 2)))
    energy = csum[n:] - csum[:-n]                 # sliding sum of squares, O(N)
    norm = np.sqrt(np.maximum(energy, 1e-12)) * np.sqrt(float((snippet.astype("float64") ** 2).sum())) + 1e-9
    score = corr / norm
    k = int(np.argmax(score))
    return lo + k, float(score[k])


def jump_start(heard: np.ndarray, ref: np.ndarray, offset: int, rate: int) -> int:
    """First capture index from which the capture agrees with ref[i + offset] (the jump point)."""
    # 2 ms frames: before the jump the capture is silence while the aligned reference is speech.
    frame = max(1, rate // 500)
    n = min(len(heard), len(ref) - offset) // frame
    h = heard[:n * frame].reshape(n, frame)
    r = ref[offset:offset + n * frame].reshape(n, frame)
    ref_level = np.sqrt((r ** 2).mean(axis=1))
    diff_level = np.sqrt(((h - r) ** 2).mean(axis=1))
    heard_level = np.sqrt((h ** 2).mean(axis=1))
    # a frame "disagrees" when the reference has sound there that the capture lacks
    disagree = (ref_level > 0.01) & (heard_level < 0.3 * ref_level) & (diff_level > 0.5 * ref_level)
    idx = np.nonzero(disagree)[0]
    last_silent = int(idx[-1]) + 1 if len(idx) else 0
    return last_silent * frame


def measure(path: str, targets_ms: list[int], mode: str, *, working_copy: bool, cache: Path,
            ref: np.ndarray, rate: int = 22050) -> list[Heard]:
    results = []
    n = int(MATCH_S * rate)
    for t in targets_ms:
        heard, reported = capture(path, t, mode, working_copy=working_copy, cache=cache, rate_out=rate)
        if len(heard) < 2 * n:
            results.append(Heard(t, float("inf"), 0.0, reported))
            continue
        tail = len(heard) - n
        found, score = locate(ref, heard[tail:], t / 1000, rate)
        offset = found - tail                       # ref index = capture index + offset
        start = 0 if mode == "start" else jump_start(heard, ref, offset, rate)
        error_ms = 1000 * ((start + offset) / rate - t / 1000)
        results.append(Heard(t, error_ms, score, reported))
    return results


class CallbackCapture:
    """Every sample a VlcPlayer plays, through libVLC's audio callbacks, mono at *rate*.

    Unlike ``afile`` (whose file each restart of the input rewrites), the callbacks belong to
    the player and see everything it plays across restarts: a window of the working copy,
    then the copy itself. Set up before ``load()``.

    libVLC drops a block that reaches its output more than 60 ms after its time ("buffer too
    late: dropped"): on a loaded machine a stall of its decoder (or of this callback, which
    needs the GIL) loses what should have been heard meanwhile, and what is captured next is
    later in the episode. :attr:`drops` holds the capture position (samples) of each block so
    dropped, from libVLC's log."""

    def __init__(self, player, rate: int = 22050) -> None:
        import ctypes

        import vlc
        self.rate = rate
        self._chunks: list[np.ndarray] = []
        self._captured = 0
        self.drops: list[int] = []

        @vlc.CallbackDecorators.AudioPlayCb
        def play(_opaque, samples, count, _pts):
            if count:
                data = ctypes.cast(samples, ctypes.POINTER(ctypes.c_int16))
                self._chunks.append(np.ctypeslib.as_array(data, shape=(count,)).copy())
                self._captured += count

        @vlc.CallbackDecorators.AudioFlushCb
        def flush(_opaque, _pts):
            pass

        @vlc.CallbackDecorators.LogCb
        def log(_data, _level, _context, fmt, _args):
            # (the format string itself says it: "buffer too late (%"PRId64" us): dropped")
            if fmt and ctypes.string_at(fmt).startswith(b"buffer too late"):
                self.drops.append(self._captured)

        self._callbacks = (play, flush, log)     # ctypes callbacks must outlive the player's use
        player._instance.log_set(log, None)
        player._mp.audio_set_callbacks(play, None, None, flush, None, None)
        player._mp.audio_set_format("S16N", rate, 1)

    def seconds(self) -> float:
        return sum(len(c) for c in self._chunks) / self.rate

    def clean_stretch(self, index: int, end: int, length: int) -> tuple[int, int]:
        """The first stretch of *length* samples from *index* on (before *end*) with no block dropped
        inside it: (where it begins, how many blocks were dropped from *index* up to there)."""
        begin = index
        for drop in sorted(d for d in self.drops if index <= d < end):
            if drop - begin >= length:
                break
            begin = drop
        return begin, sum(index <= d <= begin for d in self.drops)

    def audio(self) -> np.ndarray:
        if not self._chunks:
            return np.zeros(0, dtype="float32")
        return np.concatenate(self._chunks).astype("float32") / 32768
