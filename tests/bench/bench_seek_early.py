#!/usr/bin/env python3
"""Seek error heard per format, soon after opening a long file and once the working copy is ready.

A long episode (by default 30 minutes: 3 minutes of espeak-ng speech repeated) is
encoded as podcasts arrive: MP3 CBR and VBR, M4A, Ogg Vorbis, Opus, FLAC, WAV. For each, a
fresh VlcPlayer (no cached working copy) opens it, waits 0.5 s, 2 s or 10 s, seeks to 60 %
of the episode and plays; libVLC's audio callbacks capture what is heard, which is located
in an exact ffmpeg decode (heard.py). Printed per format and delay: the error of what is
heard against the target, and how long playback was held before it could be exact. Then
the same once the copy is ready ("ready"). Goal: <= 20 ms everywhere, and short holds.

The encoded episodes are made once and kept in a cache folder (``--cache=DIR``, default
``~/.cache/transcript-editor/bench-seek-early``; a 3-hour set takes a while to encode).

    .venv/bin/python tests/bench/bench_seek_early.py [minutes] [--hours=3] [--quick] [--only=flac,mp3-vbr]
        [--delays=0.5,2,10,ready] [--cache=DIR]
"""

from __future__ import annotations

import os
import subprocess
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

from editor.player.vlc_backend import VlcPlayer  # noqa: E402

RATE = 22050
# The speech repeats identical clips every ~38 s (speech_audio cycles 30 clips), so a capture
# is looked for within +-18 s of the target only: one copy of each clip is in reach.
SEARCH_S = 18
# The encodings the player bench uses, and Opus (podcasts arrive in it too).
FORMATS = {**speech_audio.ENCODINGS, "Opus": ("opus", ["-c:a", "libopus", "-b:a", "48k"])}


def build(folder: Path, minutes: int, labels: list[str]) -> dict[str, Path]:
    """The episode in each format of *labels*, made once in *folder* (kept for the next run)."""
    folder.mkdir(parents=True, exist_ok=True)
    long_wav = folder / f"long-{minutes}min.wav"
    if not long_wav.exists():
        speech = speech_audio.make_speech_wav(folder, minutes=3.0)
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-stream_loop", "-1", "-i", str(speech), "-t",
                        str(minutes * 60), str(long_wav) + ".part.wav"], check=True)
        os.replace(str(long_wav) + ".part.wav", long_wav)
    out = {}
    for label in labels:
        ext, codec = FORMATS[label]
        dest = folder / f"long-{minutes}min-{label.replace(' ', '-').lower()}.{ext}"
        if not dest.exists():
            rate = "48000" if ext == "opus" else "44100"
            part = dest.with_name("part-" + dest.name)
            subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(long_wav), "-ar", rate, "-ac", "2", *codec,
                            str(part)], check=True)
            os.replace(part, dest)
        out[label] = dest
    return out


def heard_after(path: Path, target: int, delay_s: float | None, cache: Path) -> tuple[np.ndarray, float]:
    """Capture of playing *path* from *target*: seek *delay_s* after opening (None: once the copy is ready)."""
    player = VlcPlayer(cache_folder=cache)
    capture = heard.CallbackCapture(player, RATE)
    try:
        player.load(str(path))
        if delay_s is None:
            if player.working_copy_job is not None:
                player.working_copy_job.wait()
            player.position_ms()
        else:
            time.sleep(delay_s)
        player.seek_ms(target)
        player.play()
        began = time.monotonic()
        while player.position_ms() >= 0 and player.holding:
            time.sleep(0.01)
        held = time.monotonic() - began
        time.sleep(heard.LISTEN_S)
    finally:
        player.close()
    return capture.audio(), held


def error_ms(capture: np.ndarray, ref: np.ndarray, target: int) -> tuple[float, float]:
    """Error of the first thing heard against *target*, and the match score (1 = identical)."""
    n = int(heard.MATCH_S * RATE)
    if len(capture) < n:
        return float("inf"), 0.0
    found, score = heard.locate(ref, capture[:n], target / 1000, RATE, search_s=SEARCH_S)
    return 1000 * found / RATE - target, score


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quick = "--quick" in sys.argv
    hours = [float(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--hours=")]
    minutes = int(hours[0] * 60) if hours else int(args[0]) if args else (5 if quick else 30)
    cache_arg = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--cache=")]
    store = Path(cache_arg[0]) if cache_arg else Path.home() / ".cache" / "transcript-editor" / "bench-seek-early"
    delays: list[float | None] = [0.5, 2.0, 10.0, None] if not quick else [0.5, None]
    chosen = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--delays=")]
    if chosen:      # e.g. --delays=0.5,2,10,ready (on 3 hours "ready" waits for each whole copy)
        delays = [None if d == "ready" else float(d) for d in chosen[0].split(",")]
    labels = list(FORMATS) if not quick else ["MP3 VBR", "OGG", "M4A"]
    only = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--only=")]
    if only:
        labels = [label for label in labels if label.replace(" ", "-").lower() in only[0].lower().split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = build(store, minutes, labels)
        print(f"\n## Seek error heard (load {os.getloadavg()[0]:.1f}), {minutes}-minute episode, target at 60 % "
              "(ms; held = seconds before playing)\n")
        print("| format | " + " | ".join("ready" if d is None else f"{d:g} s after open" for d in delays) + " |")
        print("|---|" + "---|" * len(delays))
        worst = 0.0
        for label in labels:
            path = files[label]
            ref = heard.decode_reference(path, RATE)
            target = speech_audio.loud_targets(ref, RATE, fractions=(0.6,))[0]
            cells = []
            for n, delay in enumerate(delays):
                cache = folder / f"cache-{label}-{n}"          # a fresh cache: nothing decoded yet
                capture, held = heard_after(path, target, delay, cache)
                err, score = error_ms(capture, ref, target)
                worst = max(worst, abs(err))
                cells.append(f"{err:+.1f}" + (f" (held {held:.1f} s)" if held > 0.05 else "")
                             + ("" if score > 0.8 else " (weak match)"))
            print(f"| {label} | " + " | ".join(cells) + " |", flush=True)
        print(f"\nWorst |error|: {worst:.1f} ms (goal <= 20 ms)")


if __name__ == "__main__":
    main()
