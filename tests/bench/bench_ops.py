"""Edit-op speed: per-keystroke realignment and replace-all in 1,000 places (prints a table).

Run: ``.venv/bin/python tests/bench/bench_ops.py``. Figures in milliseconds.
"""

from __future__ import annotations

import copy
import gc
import random
import statistics
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rapidfuzz.distance import Levenshtein  # noqa: E402
from synthetic import ten_hour_episode  # noqa: E402  (also puts the repo root on sys.path)

from editor.core import ops  # noqa: E402
from editor.core.transcript import Segment, Transcript, Word, WordTiming  # noqa: E402
from editor.core.words import realign  # noqa: E402

ROUNDS = 400
VOCAB = ["the", "a", "and", "of", "boat", "hull", "timber", "plank", "cedar", "river", "harbour", "tide", "keel",
         "mast", "sail", "rope"]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def segment_of(n_words: int, rng: random.Random) -> Segment:
    words = [Word(rng.choice(VOCAB), i * 300, i * 300 + 250, 0.9) for i in range(n_words)]
    return Segment("s1", 0, n_words * 300, " ".join(w.text for w in words),
                   words=words, word_timing=WordTiming.IMPORTED)


def keystrokes(segment: Segment, rng: random.Random) -> list[str]:
    """Texts as a user types a word letter by letter somewhere in the middle."""
    tokens = segment.text.split()
    at = rng.randrange(len(tokens) // 3, 2 * len(tokens) // 3)
    typed = "varnished"
    texts = []
    for n in range(1, len(typed) + 1):
        texts.append(" ".join(tokens[:at] + [typed[:n]] + tokens[at:]))
    return texts


def time_calls(fn, inputs) -> list[float]:
    samples = []
    for item in inputs:
        begin = time.perf_counter()
        fn(item)
        samples.append((time.perf_counter() - begin) * 1000)
    return samples


def bench_realign(n_words: int) -> list[tuple[str, float, float]]:
    rng = random.Random(n_words)
    rows = []
    cases = []
    for _ in range(ROUNDS // 9 + 1):
        segment = segment_of(n_words, rng)
        cases += [(segment, text) for text in keystrokes(segment, rng)]
    old_new = [([w.text for w in s.words], t.split()) for s, t in cases]
    t = Transcript(segments=[segment for segment, _ in cases[:1]])
    rows.append((f"realign, {n_words} words", *percentiles(time_calls(
        lambda c: realign(c[0].words, c[1], c[0].start_ms, c[0].end_ms), cases))))
    rows.append((f"  set_text plan+apply, {n_words} words", *percentiles(time_calls(
        lambda c: ops.set_text(t, 0, c[1]).apply(t) if t.segments.__setitem__(0, c[0]) is None else None,
        cases))))
    rows.append((f"  (difflib whole list, {n_words})", *percentiles(time_calls(
        lambda c: SequenceMatcher(None, c[0], c[1], autojunk=False).get_opcodes(), old_new))))
    rows.append((f"  (rapidfuzz whole list, {n_words})", *percentiles(time_calls(
        lambda c: Levenshtein.opcodes(c[0], c[1]), old_new))))
    return rows


def bench_replace_all() -> list[tuple[str, float, float]]:
    episode = ten_hour_episode()
    word = "boat"
    spans = []
    for row, segment in enumerate(episode.segments):
        start = 0
        while len(spans) < 1000 and (at := segment.text.find(word, start)) >= 0:
            spans.append((row, at, at + len(word), "ship"))
            start = at + len(word)
    assert len(spans) == 1000, len(spans)
    rows_touched = len({row for row, *_ in spans})
    timings: dict[str, list[float]] = {k: [] for k in ("plan", "apply", "undo", "redo")}
    for _ in range(5):
        t = copy.deepcopy(episode)
        gc.collect()  # the copy's garbage is not the op's cost
        begin = time.perf_counter()
        op = ops.replace_spans(t, spans)
        timings["plan"].append(time.perf_counter() - begin)
        for key in ("apply", "undo", "redo"):
            begin = time.perf_counter()
            op = op.apply(t).undo
            timings[key].append(time.perf_counter() - begin)
    label = f"replace_spans 1,000 places ({rows_touched} segs of {len(episode.segments)})"
    result = [(label, 0.0, 0.0)]
    for key, samples in timings.items():
        ms = [s * 1000 for s in samples]
        result.append((f"  {key}", statistics.median(ms), max(ms)))
    return result


def main() -> None:
    rows = bench_realign(40) + bench_realign(500) + bench_replace_all()
    print(f"{'operation':58} {'p50 ms':>8} {'p95 ms':>8}")
    for label, p50, p95 in rows:
        if p50 == p95 == 0.0:
            print(label)
        else:
            print(f"{label:58} {p50:8.3f} {p95:8.3f}")
    print("(replace_spans rows: median and max of 5 runs; realign: typing a word mid-segment)")


if __name__ == "__main__":
    main()
