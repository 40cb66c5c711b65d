#!/usr/bin/env python3
"""Clock error against what libVLC plays, per playback rate.

The app's VlcPlayer plays a speech file (its PCM working copy) with libVLC's audio
callbacks as the output: libVLC hands over each block of samples with the date (``pts``,
libVLC's monotonic clock, the same clock as Python's ``time.monotonic`` on Linux) at which
its first sample is to be heard. Counting samples from a fresh start at T gives the media
time of every block (at rate r, one output second carries r seconds of the episode), so
at the moment of each callback the media time being heard is known (once the first sample is heard):

    heard(now) = T + r * (samples before the block / output rate) - r * (pts - now)

and is compared with the position the window would show at that instant (the player's
interpolated clock). Printed per rate (0.5x to 2x): median, p95 and max of |clock - heard|
and the mean signed error (+ = the clock runs ahead of the sound). Goal: p95 <= 20 ms.

    .venv/bin/python tests/bench/bench_clock_heard.py [--quick]
"""

from __future__ import annotations

import ctypes
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))
os.environ.pop("TRANSCRIPT_EDITOR_AOUT", None)

import speech_audio  # noqa: E402
import vlc  # noqa: E402

from editor.player.vlc_backend import VlcPlayer  # noqa: E402

OUT_RATE = 22050
START_MS = 5000


def measure(player: VlcPlayer, rate: float, seconds: float) -> list[float]:
    """Signed errors (clock - heard, ms) at every audio callback of one run at *rate*."""
    errors: list[float] = []
    lock = threading.Lock()
    state = {"samples": 0, "skip": 3}

    @vlc.CallbackDecorators.AudioPlayCb
    def play(_opaque, _samples, count, pts):
        now_us = vlc.libvlc_clock()
        shown = player._clock.position_ms()          # what the window would show now (thread-safe)
        with lock:
            before = state["samples"]
            state["samples"] += count
            if state["skip"] > 0:                     # the first blocks prime the output
                state["skip"] -= 1
                return
        heard = START_MS + rate * (before * 1000 / OUT_RATE) - rate * (pts - now_us) / 1000
        if heard < START_MS:
            return      # nothing heard yet (libVLC queues up to 1.5 s ahead at the start)
        errors.append(shown - heard)
        if os.environ.get("BENCH_TRACE"):
            print(f"{rate} {before * 1000 / OUT_RATE:8.1f} {shown:8.1f} {heard:8.1f} {(pts - now_us) / 1000:6.1f}")

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
    return errors


def p95(values: list[float]) -> float:
    ordered = sorted(abs(v) for v in values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> None:
    quick = "--quick" in sys.argv
    rates = (0.75, 1.0, 1.5, 2.0) if quick else (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
    seconds = 3.0 if quick else 6.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wav = speech_audio.make_speech_wav(folder, minutes=1.0)
        print("\n## Clock error against what libVLC plays (audio callbacks), ms\n")
        print("| rate | callbacks | median (+ = ahead) | median abs | p95 abs | max abs |")
        print("|---|---|---|---|---|---|")
        worst = 0.0
        for rate in rates:
            player = VlcPlayer(cache_folder=folder / "cache")   # a fresh player: callbacks are per player
            try:
                player.load(str(wav))
                errors = measure(player, rate, seconds)
            finally:
                player.close()
            if not errors:
                print(f"| {rate} | 0 | - | - | - | - |")
                continue
            worst = max(worst, p95(errors))
            print(f"| {rate} | {len(errors)} | {statistics.median(errors):+.1f} | "
                  f"{statistics.median(map(abs, errors)):.1f} | {p95(errors):.1f} | {max(map(abs, errors)):.1f} |")
        print(f"\nGoal p95 <= 20 ms at every rate: {'met' if worst <= 20 else 'NOT met'} (worst p95 {worst:.1f})")


if __name__ == "__main__":
    ctypes.CDLL(None)
    main()
