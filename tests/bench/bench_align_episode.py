"""Whole-episode alignment: a 1-hour MP3 of espeak-ng speech with known word times.

Builds (once, cached in the temp dir) an hour of turns made of random sentences, spoken
word by word with random gaps and encoded to 64 kbps MP3; the transcript has one segment
per turn with rough times (like a recognizer's). Then runs the real pipeline,
``plan_jobs`` + ``align_transcript`` (decode + 2 worker processes), and prints wall time,
CPU, time to first result, the word-start error over the hour and peak memory; and the
same for turn 2 aligned alone (a re-sync or resumed run near the start: the decode must
stop after that turn's audio and must not keep the rest of the file in memory).

    .venv/bin/python tests/bench/bench_align_episode.py [minutes] [workers]
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
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


def run(scenario: str, minutes: int, workers: int) -> dict:
    """One scenario in this (fresh) process: "whole" = every turn, "early" = turn 2 alone.

    "early" is what re-syncing or resuming one turn near the start costs: the decode must
    stop after the turn's audio and must not keep the rest of the file.
    """
    mp3, segments, truths, duration_ms = build_episode(minutes)
    rows = None if scenario == "whole" else [1]
    jobs = plan_jobs(segments, duration_ms, rows)
    workers = 1 if len(jobs) == 1 else workers   # what AlignmentRunner does for one turn
    began = time.perf_counter()
    first = None
    for result in align_transcript(mp3, jobs, workers=workers):
        first = first or time.perf_counter() - began
        apply_alignment(segments[result.index], result)
    wall = time.perf_counter() - began
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    me = resource.getrusage(resource.RUSAGE_SELF)
    errors, failed = [], 0
    for segment, truth in zip(segments, truths, strict=False):
        if rows is not None and segments.index(segment) not in rows:
            continue
        if segment.word_timing != WordTiming.ALIGNED:
            failed += 1
            continue
        errors += [abs(w.start_ms - t.start_ms) for w, t in zip(segment.words, truth, strict=False)]
    return {"scenario": scenario, "turns": len(jobs), "workers": workers, "wall": wall,
            "cpu": children.ru_utime + children.ru_stime + me.ru_utime + me.ru_stime, "first": first or 0.0,
            "xrt": duration_ms / 1000 / wall if scenario == "whole" else 0.0, "failed": failed,
            "median": float(np.median(errors)) if errors else float("nan"),
            "p95": float(np.percentile(errors, 95)) if errors else float("nan"),
            "rss": me.ru_maxrss / 1024, "duration_ms": duration_ms,
            "words": sum(len(s.text.split()) for s in segments), "segments": len(segments)}


def main() -> None:
    if sys.argv[1:2] == ["--run"]:
        print(json.dumps(run(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
        return
    minutes = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    build_episode(minutes)        # make the MP3 once, before the timed runs
    rows = []
    for scenario in ("early", "whole"):   # each in a fresh process: peak RSS is that run's own
        out = subprocess.run([sys.executable, __file__, "--run", scenario, str(minutes), str(workers)],
                             capture_output=True, text=True, check=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    whole = rows[-1]
    print(f"episode: {whole['duration_ms'] / 60000:.1f} min MP3, {whole['segments']} turns, {whole['words']} words")
    print(f"{'run':>14} {'turns':>5} {'procs':>5} {'wall s':>7} {'cpu s':>7} {'first s':>7} {'x real time':>11} "
          f"{'failed':>6} {'median ms':>9} {'p95 ms':>7} {'peak RSS MB':>11}")
    for r in rows:
        name = "turn 2 alone" if r["scenario"] == "early" else "whole episode"
        xrt = f"{r['xrt']:>11.0f}" if r["xrt"] else f"{'-':>11}"
        print(f"{name:>14} {r['turns']:>5} {r['workers']:>5} {r['wall']:>7.2f} {r['cpu']:>7.1f} {r['first']:>7.2f} "
              f"{xrt} {r['failed']:>6} {r['median']:>9.0f} {r['p95']:>7.0f} {r['rss']:>11.0f}")
    print(f"goal: a 1-hour episode in <= 180 s on 2 cores -> scaled to 60 min: "
          f"{whole['wall'] * 60 / (whole['duration_ms'] / 60000):.0f} s")


if __name__ == "__main__":
    main()
