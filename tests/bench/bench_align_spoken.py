"""Word-start error of `transcript-editor align` on episodes with text read aloud.

Synthesizes episodes (espeak-ng, word by word, so every word's true start is known) whose
turns mix ordinary sentences with things written one way and said another: web and
e-mail addresses, spelled-out acronyms, lone letters, numbers, years, ordinals, money,
percentages, clock times and abbreviations. The spoken forms are written by hand below
(not produced by the code under test). Each episode is written as a Rev transcript with
whole-second turn times (as recognizers give them) and an MP3, then aligned with the
command's own function (``editor.cli.align.align_episode``: 2 worker processes). Printed:
per episode and overall, the error of each written token's start against the true start
of the first word said for it (median, p95, max), and the number of failed turns.

    .venv/bin/python tests/bench/bench_align_spoken.py [episodes] [turns]
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

from editor.cli.align import align_episode  # noqa: E402
from editor.core.transcript import WordTiming  # noqa: E402
from editor.formats import read_file  # noqa: E402

# (written, said): said by hand, letters as single letters (espeak says their names).
READ_ALOUD = [
    ("patrion.com/t", "patrion dot com slash t"), ("S", "s"), ("M", "m"), ("H", "h"),
    ("tidewater.fm", "tidewater dot f m"), ("www.example.org", "w w w dot example dot org"),
    ("maya@tidewater.fm", "maya at tidewater dot f m"), ("FBI", "f b i"), ("NPR", "n p r"),
    ("HTML", "h t m l"), ("NASA", "nasa"), ("CEOs", "c e o's"), ("1999", "nineteen ninety nine"),
    ("2024", "twenty twenty four"), ("2005", "two thousand five"), ("1,250", "one thousand two hundred fifty"),
    ("3.5", "three point five"), ("21st", "twenty first"), ("3rd", "third"), ("1990s", "nineteen nineties"),
    ("$30", "thirty dollars"), ("$3.50", "three dollars fifty cents"), ("40%", "forty percent"),
    ("10:30", "ten thirty"), ("5pm", "five p m"), ("Dr.", "doctor"), ("Mr.", "mister"), ("&", "and"),
    ("vs.", "versus"), ("#1", "number one"), ("AT&T", "a t and t"), ("42", "forty two"),
]
VOICES = ["en-us+f2", "en-us+f4"]


def build(seed: int, turns: int, folder: Path):
    """A Rev transcript and MP3; per turn, the true start of each written token and the
    silence before it (ms; the turn's first token: the audio's lead-in)."""
    rng = random.Random(seed)
    pieces, lines, truths, pauses, position = [], [], [], [], 0
    for turn in range(turns):
        sentence = ta.random_sentences(1, seed=seed * 100 + turn, names=False, words_per=(6, 12))[0]
        pairs = [(w, w) for w in sentence]
        for _ in range(rng.randint(1, 3)):
            pairs.insert(rng.randrange(1, len(pairs)), rng.choice(READ_ALOUD))
        said = [w for _, s in pairs for w in s.split()]
        lead = rng.randint(400, 1200)
        audio, truth = ta.speak(said, ta.random_gaps(len(said), rng, 40, 300), lead_ms=lead,
                                voice=VOICES[turn % 2])
        starts, before, at = [], [], 0
        for _, s in pairs:
            starts.append(truth[at].start_ms + position)
            before.append(truth[at].start_ms - truth[at - 1].end_ms if at else lead)
            at += len(s.split())
        start = truth[0].start_ms + position - rng.randint(0, 300)
        clock = f"{start // 60000:02d}:{start // 1000 % 60:02d}"      # whole seconds, as Rev writes
        lines += [f"{'Maya Ortiz' if turn % 2 == 0 else 'Desmond Lee'} ({clock}):",
                  " ".join(w for w, _ in pairs), ""]
        truths.append(starts)
        pauses.append(before)
        pieces.append(audio)
        position += len(audio) * 1000 // ta.RATE
    wav = ta.write_wav(folder / f"episode{seed}.wav", np.concatenate(pieces))
    mp3 = ta.encode(wav, folder / f"episode{seed}.mp3", "-b:a", "64k")
    text = folder / f"episode{seed}.txt"
    text.write_text("\n".join(lines))
    return text, mp3, truths, pauses, position


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the alignment's worker processes)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    episodes = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    turns = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    if "--quick" in sys.argv:
        episodes, turns = 1, 8
    all_errors, all_failed, cases, audio_s, align_s, cpu_s = [], 0, [], 0.0, 0.0, 0.0
    written = {w for w, _ in READ_ALOUD}
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(1, episodes + 1):
            text, mp3, truths, pauses, length_ms = build(seed, turns, Path(tmp))
            transcript = read_file(text).transcript
            began, cpu_began = time.perf_counter(), _cpu_seconds()
            align_episode(transcript, str(mp3), workers=2)
            seconds = time.perf_counter() - began
            audio_s += length_ms / 1000
            align_s += seconds
            cpu_s += _cpu_seconds() - cpu_began
            errors = []
            failed = sum(s.word_timing is not WordTiming.ALIGNED for s in transcript.segments)
            for turn, (segment, starts, before) in enumerate(zip(transcript.segments, truths, pauses, strict=False)):
                for i, (w, t, gap) in enumerate(zip(segment.words, starts, before, strict=False)):
                    errors.append(abs(w.start_ms - t))
                    where = "first" if i == 0 else "last" if i == len(segment.words) - 1 else "inner"
                    kind = "read-aloud" if w.text in written else "short" if len(w.text) <= 3 else "word"
                    cases.append((w.start_ms - t, seed, turn, i, w.text, where, kind, gap))
                if segment.word_timing is not WordTiming.ALIGNED:
                    print(f"  not aligned ({segment.word_timing.value}): {segment.text}")
            all_errors += errors
            all_failed += failed
            print(f"episode {seed}: {len(transcript.segments)} turns, {len(errors)} words, {seconds:.1f} s; "
                  f"word-start error median {np.median(errors):.0f} ms, p95 {np.percentile(errors, 95):.0f} ms, "
                  f"max {max(errors)} ms; failed turns {failed}")
    print("worst word starts (signed error: - early, + late; pause before the word):")
    for error, seed, turn, i, word, where, kind, gap in sorted(cases, key=lambda c: -abs(c[0]))[:25]:
        print(f"  {error:+5d} ms  ep{seed} turn {turn:2d} word {i:2d} {word!r:24} {where:5} {kind:10} pause {gap} ms")
    worst = [c for c in cases if abs(c[0]) > 60]
    for label, index in (("position", 5), ("kind", 6)):
        counts: dict[str, int] = {}
        for c in worst:
            counts[c[index]] = counts.get(c[index], 0) + 1
        print(f"  over 60 ms by {label}: {counts}")
    signed = [c[0] for c in cases]
    print(f"signed error median {np.median(signed):+.0f} ms; alignment {align_s:.1f} s wall, {cpu_s:.1f} s CPU for "
          f"{audio_s:.0f} s of audio (per hour of audio: {align_s / audio_s * 3600:.0f} s wall, "
          f"{cpu_s / audio_s * 3600:.0f} s CPU)")
    print(f"ALL: {len(all_errors)} words; median {np.median(all_errors):.0f} ms, "
          f"p95 {np.percentile(all_errors, 95):.0f} ms, max {max(all_errors)} ms; failed turns {all_failed} "
          f"(goal: median <= 20, p95 <= 60, none failed)")


if __name__ == "__main__":
    main()
