"""Forced-alignment accuracy and speed on espeak-ng speech with known word times.

Each segment is a random sentence from an invented vocabulary (40% carry an invented name
that is not in the CMU dictionary), spoken word by word with random 40-350 ms gaps, so the
true start of every word is known. The segment's transcript span is made imprecise the way
real transcripts are (start 0-300 ms early, end 0-300 ms late). Prints per-voice and overall
median / p95 word-start error and the speed in x real time per core.

    .venv/bin/python tests/bench/bench_align.py [n_segments]
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import timing_audio as ta  # noqa: E402

from editor.align.aligner import Aligner, AlignOptions, align_segment  # noqa: E402
from editor.core.transcript import WordTiming  # noqa: E402

VOICES = ["en-us+f2", "en-us+f4", "en-gb+f3"]


def make_case(words: list[str], rng: random.Random, voice: str):
    samples, truth = ta.speak(words, ta.random_gaps(len(words), rng), lead_ms=400, voice=voice)
    start = max(0, truth[0].start_ms - rng.randint(0, 300))
    end = truth[-1].end_ms + rng.randint(0, 300)
    return samples, truth, start, end


def run(n_segments: int, options: AlignOptions, voices=VOICES, pad_ms: int = 200, seed: int = 5):
    rng = random.Random(seed)
    aligner = Aligner(options)
    errors: dict[str, list[int]] = {v: [] for v in voices}
    failed = {v: 0 for v in voices}
    audio_s = cpu_s = 0.0
    for voice in voices:
        for words in ta.random_sentences(n_segments, seed=seed):
            samples, truth, start, end = make_case(words, rng, voice)
            lo = max(0, start - pad_ms)
            clip = samples[lo * ta.RATE // 1000:(end + pad_ms) * ta.RATE // 1000]
            began = time.process_time()
            result = align_segment(clip, words, start, end, aligner, audio_start_ms=lo)
            cpu_s += time.process_time() - began
            audio_s += (end - start) / 1000
            if result.timing != WordTiming.ALIGNED:
                failed[voice] += 1
                continue
            errors[voice] += [abs(w.start_ms - t.start_ms) for w, t in zip(result.words, truth, strict=False)]
    return errors, failed, audio_s, cpu_s


def table(title: str, errors, failed, audio_s, cpu_s, n_segments):
    print(f"\n{title}")
    print(f"{'voice':<12} {'segments':>8} {'failed':>6} {'words':>6} {'median ms':>9} {'p95 ms':>7} {'max ms':>7}")
    everything = []
    for voice, errs in errors.items():
        everything += errs
        if errs:
            print(f"{voice:<12} {n_segments:>8} {failed[voice]:>6} {len(errs):>6} "
                  f"{np.median(errs):>9.0f} {np.percentile(errs, 95):>7.0f} {max(errs):>7}")
    if everything:
        print(f"{'all':<12} {n_segments * len(errors):>8} {sum(failed.values()):>6} {len(everything):>6} "
              f"{np.median(everything):>9.0f} {np.percentile(everything, 95):>7.0f} {max(everything):>7}")
    speed = audio_s / cpu_s if cpu_s else float("inf")
    print(f"speed: {audio_s:.0f} s of speech aligned in {cpu_s:.1f} s CPU = {speed:.0f}x real time per core; "
          f"1 hour on 2 cores ~ {3600 / speed / 2:.0f} s")


def long_turns(n_turns: int, options: AlignOptions, sentences_per_turn: int = 10, seed: int = 9):
    """Minute-long turns (like the seed transcript's): errors, failures, audio and CPU seconds."""
    rng = random.Random(seed)
    aligner = Aligner(options)
    errors: list[int] = []
    failed = 0
    audio_s = cpu_s = 0.0
    for turn in range(n_turns):
        words = [w for s in ta.random_sentences(sentences_per_turn, seed=seed + turn) for w in s]
        samples, truth, start, end = make_case(words, rng, VOICES[turn % len(VOICES)])
        lo = max(0, start - 200)
        clip = samples[lo * ta.RATE // 1000:(end + 200) * ta.RATE // 1000]
        began = time.process_time()
        result = align_segment(clip, words, start, end, aligner, audio_start_ms=lo)
        cpu_s += time.process_time() - began
        audio_s += (end - start) / 1000
        if result.timing != WordTiming.ALIGNED:
            failed += 1
            continue
        errors += [abs(w.start_ms - t.start_ms) for w, t in zip(result.words, truth, strict=False)]
    return {"long turns": errors}, {"long turns": failed}, audio_s, cpu_s


# What was tried on the way to the defaults (kept so the figures can be re-checked).
VARIANTS = [
    ("PocketSphinx defaults (silprob 0.005, no noise floor, beams 1e-48 then 1e-80)",
     AlignOptions(noise_ratio=0.0, silprob=0.005)),
    ("+ noise floor 0.05 x RMS", AlignOptions(silprob=0.005)),
    ("+ silprob 1.0 (the default AlignOptions)", AlignOptions()),
    ("defaults but noise floor 0.1 x RMS", AlignOptions(noise_ratio=0.1)),
    ("defaults but one pass at beams 1e-80", AlignOptions(beams=((1e-80, 1e-80, 1e-60),))),
]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    print(f"Forced alignment on espeak-ng speech, {n} segments per voice, pad 200 ms "
          "(goal: median <= 50 ms, p95 <= 150 ms, >= 20x real time per core)")
    for title, options in VARIANTS:
        table(title, *run(n, options), n)
    table("long turns (about 60 s, 100+ words each), default options", *long_turns(6, AlignOptions()), 6)


if __name__ == "__main__":
    main()
