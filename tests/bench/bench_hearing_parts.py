"""Where the audio checks' time goes, part by part (prints figures).

    PYTHONPATH=. python tests/bench/bench_hearing_parts.py [--minutes 10] [--no-glossary]

The long episode of bench_hearing.py (the evaluation episode repeated), aligned first (not
counted), then heard in this process alone (no workers: their start-up is left out, and the
parts can be timed): the CPU time of each part of :func:`editor.hearing.listen.hear_segment`,
of PocketSphinx's decoding in all of them, and how many decodes ran over samples and a search
already decoded before (repeated work a cache could save). CPU time, not wall: on a machine
other work loads, it says what the checks cost; "per hour" is that CPU for an hour of audio
shared by two cores, as bench_hearing.py's figure. The parts nest: the names' choice and
their verdicts are inside "names heard".
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hearing_material as hm  # noqa: E402

from editor.align import aligner as aligner_module  # noqa: E402
from editor.align.aligner import RATE  # noqa: E402
from editor.hearing import listen, spotting  # noqa: E402

# (module, function, label): each timed where hear_segment and spot_names look it up.
PARTS = [
    (listen, "fit_tokens", "word fit (the turn aligned again)"),
    (listen, "_listen_for_names", "names heard (all of it)"),
    (spotting, "_heard_choice", "  names' choice (one grammar a passage)"),
    (spotting, "compare", "  verdicts on chosen names"),
    (listen, "compare", "  verdicts on sound-alike names"),
    (listen, "sound_alikes", "  sound-alike windows (text only)"),
    (spotting, "_near_in_sound", "  names near a passage (text only)"),
    (listen, "context_suspects", "context check"),
    (listen, "near_consonant_suspects", "near-consonant slips"),
    (listen, "two_phone_suspects", "two-phone slips"),
    (listen, "misfit_slip_suspects", "misfit slips"),
    (listen, "lone_misfit_suspects", "lone misfits (the recognizer asked)"),
]


ACTIVE: list[str] = []    # the parts running now, outermost first (a decode's frames go to the innermost)


def timed(function: Callable, label: str, spent: Counter, calls: Counter) -> Callable:
    def wrapper(*args, **kwargs):
        started = time.process_time()
        ACTIVE.append(label)
        try:
            return function(*args, **kwargs)
        finally:
            ACTIVE.pop()
            spent[label] += time.process_time() - started
            calls[label] += 1
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--no-glossary", action="store_true")
    options = parser.parse_args()

    from editor.hearing.suggest import align_missing

    seconds = len(hm.episode().audio) / RATE
    episode = hm.episode(repeat=max(1, round(options.minutes * 60 / seconds)))
    minutes = len(episode.audio) / RATE / 60
    spent: Counter = Counter()
    calls: Counter = Counter()
    for module, name, label in PARTS:
        setattr(module, name, timed(getattr(module, name), label, spent, calls))
    searches: Counter = Counter()
    aligner_class = aligner_module.Aligner
    decode_once, decode_graph = aligner_class._decode_once, aligner_class.decode_graph

    def counted_once(self, data, words, before, after, attempt):
        # A search is known by its aligner's settings, its words and the samples: one decoded
        # twice is work a cache could have saved.
        searches[id(self.options), hashlib.md5(data).digest(), tuple(words),
                 None if before is None else tuple(before), tuple(after), attempt] += 1
        return decode_once(self, data, words, before, after, attempt)

    def counted_graph(self, audio, transitions, final):
        decoded = self._decoded(audio)
        if ("graph", tuple(transitions), final) not in decoded.found:    # (else answered by its cache)
            searches[id(self.options), hashlib.md5(decoded.data).digest(), tuple(transitions), final] += 1
        return decode_graph(self, audio, transitions, final)

    aligner_class._decode_once = counted_once
    aligner_class.decode_graph = counted_graph
    frames = Counter()
    by_part = Counter()       # frames decoded, by the innermost part that asked
    run = timed(aligner_class._run, "PocketSphinx decoding (in all parts)", spent, calls)

    def counted_run(self, decoder, data):
        # (frames of 10 ms: 320 bytes of 16-bit samples at 16 kHz)
        frames["decoded"] += len(data) // 320
        by_part[ACTIVE[-1] if ACTIVE else "(outside the parts)"] += len(data) // 320
        return run(self, decoder, data)

    aligner_class._run = counted_run
    with tempfile.TemporaryDirectory() as tmp:
        wav = hm.write_wav(Path(tmp) / "long.wav", episode.audio)
        align_missing(episode.transcript, wav, workers=2)
        spent.clear()
        calls.clear()
        searches.clear()
        frames.clear()
        by_part.clear()
        names = () if options.no_glossary else episode.names
        jobs = listen.plan(episode.transcript.segments, len(episode.audio) * 1000 // RATE, names)
        started = time.process_time()
        suspects = sum(len(heard.suspects) for heard in listen.hear_transcript(wav, jobs, workers=1))
        total = time.process_time() - started
    print(f"== {minutes:.1f} min, {len(jobs)} turns, {len(names)}-name glossary, one process: "
          f"{total:.1f} s CPU ({suspects} suspects), {total / 2 * 60 / minutes:.1f} s per hour on 2 cores")
    print(f"  {'part':44s} {'CPU s':>7s} {'share':>6s} {'calls':>6s} {'s/hour':>7s}")
    for label in [label for _, _, label in PARTS] + ["PocketSphinx decoding (in all parts)"]:
        print(f"  {label:44s} {spent[label]:7.2f} {100 * spent[label] / total:5.0f}% {calls[label]:6d}"
              f" {spent[label] / 2 * 60 / minutes:7.1f}")
    decoding = spent["PocketSphinx decoding (in all parts)"]
    # Per frame, a decode costs about the same whatever its search: scoring the acoustic model's
    # Gaussians is most of it. Fewer frames, or cheaper frames, are what save time.
    print(f"  PocketSphinx: {frames['decoded']} frames decoded ({frames['decoded'] / (minutes * 6000):.1f} per frame"
          f" of audio), {1e6 * decoding / max(1, frames['decoded']):.0f} µs CPU a frame")
    # Where those frames are decoded: a part that decodes its turn's audio more than once a frame,
    # or a cheaper search per frame, is where a faster pass saves.
    for label, count in by_part.most_common():
        print(f"    {label.strip():42s} {count:8d} frames ({count / (minutes * 6000):.2f} per frame of audio)")
    repeated = sum(count - 1 for count in searches.values())
    print(f"  decodes over samples and a search decoded before: {repeated} of {sum(searches.values())}")


if __name__ == "__main__":
    main()
