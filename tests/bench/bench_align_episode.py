"""Whole-episode alignment: a 1-hour MP3 of espeak-ng speech with known word times.

Builds (once, cached in the temp dir) an hour of turns made of random sentences, spoken
word by word with random gaps and encoded to 64 kbps MP3; the transcript has one segment
per turn with rough times (like a recognizer's). Then runs the real pipeline,
``plan_jobs`` + ``align_transcript`` (decode + 2 worker processes), and prints wall time,
CPU, time to first result and the word-start error over the hour.

    .venv/bin/python tests/bench/bench_align_episode.py [minutes] [workers]
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import timing_audio as ta  # noqa: E402

from editor.align.batch import align_transcript, apply_alignment, plan_jobs  # noqa: E402
from editor.core.transcript import Segment, WordTiming  # noqa: E402

VOICES = ["en-us+f2", "en-us+f4", "en-gb+f3"]


def build_episode(minutes: int, seed: int = 11):
    """(mp3 path, segments, truth per segment): turns of 3-12 sentences, 0.5-1.5 s between turns."""
    rng = random.Random(seed)
    pieces, segments, truths = [], [], []
    position_ms = 0
    turn = 0
    while position_ms < minutes * 60_000:
        words = [w for s in ta.random_sentences(rng.randint(3, 12), seed=seed + turn) for w in s]
        samples, truth = ta.speak(words, ta.random_gaps(len(words), rng), lead_ms=rng.randint(500, 1500),
                                  voice=VOICES[turn % len(VOICES)])
        for word in truth:
            word.start_ms += position_ms
            word.end_ms += position_ms
        # Rough, recognizer-like turn times: start up to 0.3 s early, no end time (next start).
        start = max(0, truth[0].start_ms - rng.randint(0, 300))
        segments.append(Segment(f"s{turn + 1}", start, None, " ".join(words)))
        truths.append(truth)
        pieces.append(samples)
        position_ms += len(samples) * 1000 // ta.RATE
        turn += 1
    out = Path(tempfile.gettempdir()) / f"bench_align_episode_{minutes}m_{seed}.mp3"
    if not out.exists():
        wav = ta.write_wav(out.with_suffix(".wav"), np.concatenate(pieces))
        ta.encode(wav, out, "-b:a", "64k")
        wav.unlink()
    return out, segments, truths, position_ms


def main() -> None:
    minutes = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    mp3, segments, truths, duration_ms = build_episode(minutes)
    jobs = plan_jobs(segments, duration_ms)
    words = sum(len(s.text.split()) for s in segments)
    print(f"episode: {duration_ms / 60000:.1f} min MP3, {len(segments)} turns, {words} words; {workers} workers")
    began = time.perf_counter()
    first = None
    for result in align_transcript(mp3, jobs, workers=workers):
        first = first or time.perf_counter() - began
        apply_alignment(segments[result.index], result)
    wall = time.perf_counter() - began
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    me = resource.getrusage(resource.RUSAGE_SELF)
    errors, failed = [], 0
    for segment, truth in zip(segments, truths):
        if segment.word_timing != WordTiming.ALIGNED:
            failed += 1
            continue
        errors += [abs(w.start_ms - t.start_ms) for w, t in zip(segment.words, truth)]
    cpu = children.ru_utime + children.ru_stime + me.ru_utime + me.ru_stime
    print(f"{'wall s':>7} {'cpu s':>7} {'first s':>7} {'x real time':>11} {'failed':>6} "
          f"{'median ms':>9} {'p95 ms':>7} {'peak RSS MB':>11}")
    print(f"{wall:>7.1f} {cpu:>7.1f} {first:>7.2f} {duration_ms / 1000 / wall:>11.0f} {failed:>6} "
          f"{np.median(errors):>9.0f} {np.percentile(errors, 95):>7.0f} {me.ru_maxrss / 1024:>11.0f}")
    print(f"goal: a 1-hour episode in <= 180 s on 2 cores -> scaled to 60 min: {wall * 60 / (duration_ms / 60000):.0f} s")


if __name__ == "__main__":
    main()
