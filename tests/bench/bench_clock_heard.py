#!/usr/bin/env python3
"""Clock error against what libVLC plays, per playback rate.

The app's VlcPlayer plays a speech WAV (what it plays once the working copy is ready) with
libVLC's audio callbacks as the output. libVLC hands over each block of samples with a date
(``pts``, libVLC's monotonic clock, the same as ``vlc.libvlc_clock()``). A sound card's
output starts the first block at its date (libVLC inserts silence before it, so it is
exact) and then plays the samples one after the other: output sample n is heard at
``pts(first block) + n / output rate``. What the sample holds is found in the episode
itself: short windows of the output are located in an exact decode of the source by
cross-correlation, and their median offset from the nominal timeline
``start + rate * n / output rate`` (the time-stretch filter's strides, a few ms) is added.
So at every callback the media time being heard is known, and it is compared with the
position the window would show at that instant (the player's interpolated clock).

Why not each block's own date: at rates other than 1 the time-stretch filter labels its
output with the date of the input block it has just taken in, while the samples it gives
out come from its queue, up to one input block older (0.5x: up to 92 ms, 2x: 21 ms). Taking
each block's date as the time its first sample is heard (as an earlier version of this bench
did) makes "heard" a saw-tooth of rate x that lag.

Printed per rate (0.5x to 2x): median signed error (+ = the clock runs ahead of the
sound), median, p95 and max of |clock - heard| (from the first sample heard on), and the
stretch offset found. Goal: p95 <= 20 ms at every rate.

    .venv/bin/python tests/bench/bench_clock_heard.py [--quick] [--runs=N] [--trace]
"""

from __future__ import annotations

import ctypes
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
os.environ.pop("TRANSCRIPT_EDITOR_AOUT", None)

import heard  # noqa: E402
import speech_audio  # noqa: E402
import vlc  # noqa: E402

from editor.player.vlc_backend import VlcPlayer  # noqa: E402

OUT_RATE = 22050
START_MS = 5000
WINDOW_S = 0.012        # output windows located in the source (shorter than one time-stretch stride)
MIN_SCORE = 0.9         # ...and only those that match clearly


def play_through_callbacks(player: VlcPlayer, rate: float, seconds: float) -> tuple[list, np.ndarray]:
    """Play from START_MS at *rate*; every callback's (now, samples, pts, clock shown) and all samples."""
    calls: list[tuple[int, int, int, int]] = []
    chunks: list[np.ndarray] = []

    @vlc.CallbackDecorators.AudioPlayCb
    def play(_opaque, samples, count, pts):
        now_us = vlc.libvlc_clock()
        shown = player.position_ms()          # what the window would show now (thread-safe)
        calls.append((now_us, count, pts, shown))
        if count:
            data = ctypes.cast(samples, ctypes.POINTER(ctypes.c_int16))
            chunks.append(np.ctypeslib.as_array(data, shape=(count,)).copy())

    @vlc.CallbackDecorators.AudioFlushCb
    def flush(_opaque, _pts):
        pass

    player._mp.audio_set_callbacks(play, None, None, flush, None, None)
    player._mp.audio_set_format("S16N", OUT_RATE, 1)
    player._keep_callbacks = (play, flush)            # ctypes callbacks must outlive the run
    player.set_rate(rate)
    player.seek_ms(START_MS)
    player.play()
    time.sleep(seconds)
    player.pause()
    time.sleep(0.2)
    audio = np.concatenate(chunks).astype(np.float32) / 32768 if chunks else np.zeros(0, np.float32)
    return calls, audio


def stretch_offset_ms(audio: np.ndarray, ref: np.ndarray, rate: float) -> float:
    """Median offset (media ms) of what the output holds from the nominal timeline."""
    n = int(WINDOW_S * OUT_RATE)
    offsets = []
    for start in range(0, len(audio) - n, int(0.0137 * OUT_RATE)):
        window = audio[start:start + n]
        if np.sqrt((window ** 2).mean()) < 0.02:
            continue        # silence between sentences matches anything
        nominal = START_MS + rate * start * 1000 / OUT_RATE
        found, score = heard.locate(ref, window, nominal / 1000, OUT_RATE, search_s=0.06)
        if score >= MIN_SCORE:
            offsets.append(found * 1000 / OUT_RATE - nominal)
    return float(np.median(offsets)) if offsets else 0.0


def errors_ms(calls: list, offset: float, rate: float, trace: bool) -> list[float]:
    """clock - heard (ms) at every callback from the first sample heard on."""
    first = next((pts for _, count, pts, _ in calls if count), None)
    if first is None:
        return []
    errors = []
    for now_us, _count, _pts, shown in calls:
        if now_us < first:
            continue            # nothing heard yet (libVLC fills its buffer first)
        heard_ms = START_MS + offset + rate * (now_us - first) / 1000
        errors.append(shown - heard_ms)
        if trace:
            print(f"{rate} {(now_us - first) / 1000:8.1f} shown {shown:8.1f} heard {heard_ms:8.1f}")
    return errors


def p95(values: list[float]) -> float:
    ordered = sorted(abs(v) for v in values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> None:
    quick = "--quick" in sys.argv
    trace = "--trace" in sys.argv
    runs = next((int(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--runs=")), 1)
    only = [float(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--rate=")]
    rates = tuple(only) if only else (0.75, 1.0, 1.5, 2.0) if quick else (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
    seconds = 3.0 if quick else 6.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wav = speech_audio.make_speech_wav(folder, minutes=1.0)
        ref = heard.decode_reference(wav, OUT_RATE)
        print(f"\n## Clock error against what libVLC plays (audio callbacks), ms; load {os.getloadavg()[0]:.1f}\n")
        print("| rate | run | callbacks | median (+ = ahead) | median abs | p95 abs | max abs | stretch offset |")
        print("|---|---|---|---|---|---|---|---|")
        worst = 0.0
        for rate in rates:
            for run in range(runs):
                player = VlcPlayer(cache_folder=folder / "cache")   # a fresh player: callbacks are per player
                try:
                    player.load(str(wav))
                    calls, audio = play_through_callbacks(player, rate, seconds)
                finally:
                    player.close()
                offset = stretch_offset_ms(audio, ref, rate)
                errors = errors_ms(calls, offset, rate, trace)
                if not errors:
                    print(f"| {rate} | {run + 1} | 0 | - | - | - | - | - |")
                    continue
                worst = max(worst, p95(errors))
                print(f"| {rate} | {run + 1} | {len(errors)} | {statistics.median(errors):+.1f} | "
                      f"{statistics.median(map(abs, errors)):.1f} | {p95(errors):.1f} | "
                      f"{max(map(abs, errors)):.1f} | {offset:+.1f} |", flush=True)
        print(f"\nGoal p95 <= 20 ms at every rate: {'met' if worst <= 20 else 'NOT met'} (worst p95 {worst:.1f}); "
              f"load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
