"""How well the audio checks find recognizer errors, and how long they take (prints figures).

    PYTHONPATH=. python tests/bench/bench_hearing.py [--minutes 60] [--real DIR] [--voices V:WPM,...] [--british]
                                                     [--episodes tuned,held-out,fresh,...,fresh22,slips2,...]
                                                     [--order-check] [--dump FILE.jsonl]

1. The evaluation episodes (tests/bench/hearing_material.py): a transcript with recognizer errors
   of every kind and espeak-ng audio saying the right words, in each voice of --voices (default
   two espeak-ng variants at different speeds; --british adds a British one); then the held-out
   episodes (other lines: "held-out", and "fresh", "fresh2" ... "fresh22", each written at the start
   of a later round of tuning and unseen until its end; all up to "fresh20" have been seen since,
   "fresh6", "fresh8", "fresh19" and "fresh20" tuned on too; "fresh4" to "fresh22" are asked for by
   name; a new round writes its own unseen pair first and runs it once, on the merged code: "fresh21"
   and "fresh22" were written at the start of this round, before any of its tuning, and are unseen
   until its end: run them only then),
   reported apart; "tuning", "near", "slips", "stress", "slips2", "names" and "names2"
   (asked for by name) are extra material, and "shapes1" to "shapes3" right lines alone, of sentence
   shapes guests use, on which only false suspects count (no control is run for them),
   tuned on like the evaluation episode: real-word errors, one-word slips a phone or two away
   (tense, -teen/-ty), and names heard in the audio (foreign spellings, addresses, acronyms).
   Suspects: recall by kind (a wrong passage is found when a suspect overlaps it) and false
   suspects per 200 correct words.
   Suggestions with a glossary of the episode's names: right suggestions per name error, and
   how many ticked suggestions are right.
2. The control: the same transcript with audio saying its own (wrong) words; every suspect is false.
3. With --order-check, the order check: the evaluation episode's turns fitted by one aligner in order and in
   reverse; how many turns' word fits or suspects differ (a turn must not depend on the turns
   decoded before it).
4. A long episode (*--minutes*, default 60) of the same lines: the time the audio checks add
   after alignment, on 2 worker processes, with the glossary and without (worker CPU time is
   printed too: on a loaded machine it says more than the wall time).
5. With --real DIR (the test/data folder of the PocketSphinx source package): real recordings
   with their reference texts, the fit of the right text against a corrupted one.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hearing_material as hm  # noqa: E402

from editor.align.aligner import RATE  # noqa: E402
from editor.core.glossary import Glossary  # noqa: E402
from editor.hearing.listen import hear_transcript, plan  # noqa: E402
from editor.hearing.suggest import suggest  # noqa: E402

BRITISH = "en-gb+f3:150"   # a British voice, not the bundled sample's (en-gb+f2), for --british

EPISODES = {"tuned": {}, "held-out": dict(lines=hm.HELD_OUT_LINES, clean=hm.HELD_OUT_CLEAN),
            "fresh": dict(lines=hm.FRESH_LINES, clean=hm.FRESH_CLEAN),
            "fresh2": dict(lines=hm.FRESH2_LINES, clean=hm.FRESH2_CLEAN),
            "fresh3": dict(lines=hm.FRESH3_LINES, clean=hm.FRESH3_CLEAN),
            "fresh4": dict(lines=hm.FRESH4_LINES, clean=hm.FRESH4_CLEAN),
            "fresh5": dict(lines=hm.FRESH5_LINES, clean=hm.FRESH5_CLEAN),
            "fresh6": dict(lines=hm.FRESH6_LINES, clean=hm.FRESH6_CLEAN),
            "fresh7": dict(lines=hm.FRESH7_LINES, clean=hm.FRESH7_CLEAN),
            "fresh8": dict(lines=hm.FRESH8_LINES, clean=hm.FRESH8_CLEAN),
            "fresh9": dict(lines=hm.FRESH9_LINES, clean=hm.FRESH9_CLEAN),
            "fresh10": dict(lines=hm.FRESH10_LINES, clean=hm.FRESH10_CLEAN),
            "fresh11": dict(lines=hm.FRESH11_LINES, clean=hm.FRESH11_CLEAN),
            "fresh12": dict(lines=hm.FRESH12_LINES, clean=hm.FRESH12_CLEAN),
            "fresh13": dict(lines=hm.FRESH13_LINES, clean=hm.FRESH13_CLEAN),
            "fresh14": dict(lines=hm.FRESH14_LINES, clean=hm.FRESH14_CLEAN),
            "fresh15": dict(lines=hm.FRESH15_LINES, clean=hm.FRESH15_CLEAN),
            "fresh16": dict(lines=hm.FRESH16_LINES, clean=hm.FRESH16_CLEAN),
            "fresh17": dict(lines=hm.FRESH17_LINES, clean=hm.FRESH17_CLEAN),
            "fresh18": dict(lines=hm.FRESH18_LINES, clean=hm.FRESH18_CLEAN),
            "fresh19": dict(lines=hm.FRESH19_LINES, clean=hm.FRESH19_CLEAN),
            "fresh20": dict(lines=hm.FRESH20_LINES, clean=hm.FRESH20_CLEAN),
            "fresh21": dict(lines=hm.FRESH21_LINES, clean=hm.FRESH21_CLEAN),
            "fresh22": dict(lines=hm.FRESH22_LINES, clean=hm.FRESH22_CLEAN),
            "tuning": dict(lines=hm.TUNING_LINES, clean=hm.TUNING_CLEAN),
            "names": dict(lines=hm.NAME_TUNING_LINES, clean=hm.NAME_TUNING_CLEAN),
            "names2": dict(lines=hm.NAME2_TUNING_LINES, clean=hm.NAME2_TUNING_CLEAN),
            "near": dict(lines=hm.NEAR_TUNING_LINES, clean=hm.NEAR_TUNING_CLEAN),
            "slips": dict(lines=hm.SLIP_TUNING_LINES, clean=hm.SLIP_TUNING_CLEAN),
            "stress": dict(lines=hm.STRESS_TUNING_LINES, clean=hm.STRESS_TUNING_CLEAN),
            "slips2": dict(lines=hm.SLIP2_TUNING_LINES, clean=hm.SLIP2_TUNING_CLEAN),
            "shapes1": dict(lines=[], clean=hm.SHAPES1_CLEAN),
            "shapes2": dict(lines=[], clean=hm.SHAPES2_CLEAN),
            "shapes3": dict(lines=[], clean=hm.SHAPES3_CLEAN)}
# The round's unseen pair: run once, at the round's end, on the merged code; benches that default to
# every episode leave these out.
UNSEEN = ("fresh21", "fresh22")


def evaluate(folder: Path, audio_side: str, voice: str, speed: int, which: str = "tuned", dump=None) -> dict:
    episode = hm.episode(audio=audio_side, voice=voice, speed=speed, **EPISODES[which])
    wav = hm.write_wav(folder / f"{audio_side}-{voice}-{speed}-{which}.wav", episode.audio)
    glossary = Glossary()
    for name in episode.names:
        glossary.add(name)
    started = time.perf_counter()
    report = suggest(episode.transcript, glossary, wav)
    took = time.perf_counter() - started
    if dump is not None:
        # Every suggestion and suspect, one line an episode: two runs diff line by line (a change
        # meant only to be faster must leave them all as they were).
        dump.write(json.dumps({"episode": which, "voice": voice, "speed": speed, "audio": audio_side,
                               **report.as_dict(episode.transcript)}, ensure_ascii=False, sort_keys=True) + "\n")
        dump.flush()
    words = episode.correct_words()
    print(f"\n== {which.upper()} episode, audio says the "
          f"{'RIGHT words (errors to find)' if audio_side == 'right' else 'WRONG words (control)'}"
          f", voice {voice} at {speed} wpm: {len(episode.transcript.segments)} turns, "
          f"{len(episode.passages)} wrong passages, "
          f"{words} correct words, {len(episode.audio) / RATE:.0f} s of audio, suggest took {took:.1f} s")

    def hits(suspect):
        return [p for p in episode.passages if p.index == suspect.segment
                and p.start < suspect.char_end and suspect.char_start < p.end]

    figures: dict = {"took": took}
    found, by_kind = set(), defaultdict(lambda: [0, 0])
    false = [s for s in report.suspects if not hits(s)]
    for s in report.suspects:
        found.update(id(p) for p in hits(s))
    for p in episode.passages:
        by_kind[p.kind][1] += 1
        by_kind[p.kind][0] += id(p) in found
    if episode.passages:
        print("suspects: recall by kind")
        for kind, (got, total) in by_kind.items():
            print(f"  {kind:12s} {got}/{total}")
        total_found = sum(g for g, _ in by_kind.values())
        precision = (len(report.suspects) - len(false)) / max(1, len(report.suspects))
        share = 100 * total_found / len(episode.passages)
        unfound = [p.wrong for p in episode.passages if id(p) not in found]
        print(f"  all          {total_found}/{len(episode.passages)} = {share:.0f} %"
              f"  (precision {100 * precision:.0f} % of {len(report.suspects)} suspects)"
              + (f"  missed {unfound}" if unfound else ""))
        figures.update(recall=share, precision=100 * precision)
    # The audio cannot tell a sound-alike's text from the name it sounds like, nor an unknown
    # word's spelling: suspects without audio evidence come from the text and are counted apart.
    from_text = [s for s in false if "audio" not in s.evidence]
    print(f"false suspects: {len(false)} = {200 * len(false) / max(1, words):.2f} per 200 correct words"
          f" ({len(from_text)} from the text alone)"
          + (f"  {[(s.text, '+'.join(s.evidence)) for s in false]}" if false else ""))
    figures.update(false=200 * len(false) / max(1, words),
                   false_audio=200 * (len(false) - len(from_text)) / max(1, words))

    def right(s):
        return any(p.index == s.segment and p.start < s.char_end and s.char_start < p.end
                   and s.replacement == p.right for p in episode.passages)

    names = [p for p in episode.passages if p.right in episode.names]
    ticked = [s for s in report.suggestions if s.ticked]
    if episode.passages:
        by_kind = defaultdict(lambda: [0, 0])
        missed = []
        for p in names:
            by_kind[p.kind][1] += 1
            got = any(s.replacement == p.right and s.segment == p.index and s.char_start < p.end
                      and p.start < s.char_end for s in report.suggestions)
            by_kind[p.kind][0] += got
            missed += [] if got else [f"{p.wrong!r}->{p.right!r}"]
        print("suggestions: name errors given the right suggestion, by kind")
        for kind, (got, total) in by_kind.items():
            print(f"  {kind:12s} {got}/{total}")
        got = sum(g for g, _ in by_kind.values())
        print(f"  all          {got}/{len(names)} = {100 * got / max(1, len(names)):.0f} %"
              + (f"  missed {missed}" if missed else ""))
        figures["names"] = 100 * got / max(1, len(names))
        from_audio = [s for s in report.suggestions if "audio" in s.evidence]
        print(f"  with audio evidence: {len(from_audio)} ({sum(map(right, from_audio))} right)")
    print(f"ticked suggestions: {len(ticked)}, right {sum(map(right, ticked))}"
          + (f" = {100 * sum(map(right, ticked)) / len(ticked):.0f} %" if ticked else ""))
    wrong_ticks = [f"{s.found!r}->{s.replacement!r}" for s in ticked if not right(s)]
    if wrong_ticks:
        print(f"  wrong ticks: {wrong_ticks}")
    if ticked:
        figures["ticked"] = 100 * sum(map(right, ticked)) / len(ticked)
    return figures


def long_episode(folder: Path, minutes: float) -> None:
    import resource

    from editor.hearing.suggest import align_missing

    one = hm.episode()
    seconds = len(one.audio) / RATE
    repeat = max(1, round(minutes * 60 / seconds))
    episode = hm.episode(repeat=repeat)
    wav = hm.write_wav(folder / "long.wav", episode.audio)
    minutes_long = len(episode.audio) / RATE / 60
    # The window checks the turns once their words are aligned: align first (not counted).
    started = time.perf_counter()
    align_missing(episode.transcript, wav, workers=2)
    print(f"\n== long episode: {minutes_long:.1f} min, {len(episode.transcript.segments)} turns, "
          f"aligned first in {time.perf_counter() - started:.1f} s")
    for names in (episode.names, ()):
        jobs = plan(episode.transcript.segments, len(episode.audio) * 1000 // RATE, names)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        own_before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        suspects = 0
        for heard in hear_transcript(wav, jobs, workers=2):
            suspects += len(heard.suspects)
        took = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        own_after = resource.getrusage(resource.RUSAGE_SELF)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        own = (own_after.ru_utime + own_after.ru_stime) - (own_before.ru_utime + own_before.ru_stime)
        # This process decodes the audio for the workers, on the same two cores.
        print(f"  {len(names)}-name glossary: suspects and names heard in {took:.1f} s on 2 workers "
              f"({suspects} suspects); worker CPU {cpu:.1f} s = {cpu / 2:.1f} s on 2 idle cores, "
              f"{cpu / 2 * 60 / minutes_long:.1f} s per hour of audio -- target <= 60 s per hour; "
              f"this process (decoding the audio) {own:.1f} s CPU, {own * 60 / minutes_long:.1f} s per hour")


def order_check(voice: str) -> None:
    """Every turn's word fits with one aligner taking the turns in order, then in reverse."""
    from editor.align.text import segment_tokens
    from editor.hearing.fit import fit_tokens, hearing_aligner
    from editor.hearing.suspects import runs, word_doubts

    episode = hm.episode(voice=voice)
    segments = episode.transcript.segments
    result = {}
    for label, order in (("forward", range(len(segments))), ("reverse", range(len(segments) - 1, -1, -1))):
        aligner = hearing_aligner()
        for i in order:
            lo, hi = max(0, segments[i].start_ms - 200), segments[i].end_ms + 200
            fitted = fit_tokens(episode.audio[lo * RATE // 1000:hi * RATE // 1000], segment_tokens(segments[i]),
                                aligner, lo)
            fits = [t.fit for t in fitted.tokens] if fitted else []
            found = runs(segments[i].text, word_doubts(segments[i].text, fitted.tokens), i, "s") if fitted else []
            result[label, i] = fits, [(x.char_start, x.char_end) for x in found]
    differ = [i for i in range(len(segments)) if result["forward", i][0] != result["reverse", i][0]]
    suspects = [i for i in range(len(segments)) if result["forward", i][1] != result["reverse", i][1]]
    most = max((abs(a - b) for i in differ for a, b in zip(result["forward", i][0], result["reverse", i][0],
                                                            strict=False)), default=0.0)
    print(f"\n== order check, voice {voice}: {len(segments)} turns fitted by one aligner in order and in "
          f"reverse: word fits differ in {len(differ)} turns (largest difference {most:.2f} per frame), "
          f"suspects differ in {len(suspects)} turns")


def real_speech(folder: Path) -> None:
    """Recordings with reference texts (*.raw/*.wav and a transcription file) from PocketSphinx's tests."""
    from editor.align.text import Token, spoken_words
    from editor.hearing.fit import fit_tokens, hearing_aligner
    from editor.hearing.suspects import runs, word_doubts

    pairs = []
    for audio in sorted(folder.rglob("*.raw")) + sorted(folder.rglob("*.wav")):
        text_file = next((p for p in (audio.with_suffix(".txt"), audio.with_suffix(".lab")) if p.exists()), None)
        if text_file:
            pairs.append((audio, text_file.read_text().strip()))
    print(f"\n== real speech: {len(pairs)} recordings with a reference text in {folder}")
    aligner = hearing_aligner()
    import numpy as np

    for audio_path, text in pairs[:8]:
        if audio_path.suffix == ".raw":
            samples = np.fromfile(audio_path, dtype=np.int16)
        else:
            from editor.audio.decode import decode
            samples = decode(audio_path, RATE, "int16")
        for label, words in (("right", text.split()), ("one word swapped", _swap(text.split()))):
            tokens, at = [], 0
            for w in words:
                tokens.append(Token(w, at, spoken_words(w)))
                at += len(w) + 1
            line = " ".join(words)
            fitted = fit_tokens(samples, tokens, aligner, 0)
            if fitted is None:
                print(f"  {audio_path.name:28s} {label:17s} could not be aligned")
                continue
            doubts = word_doubts(line, fitted.tokens)
            found = runs(line, doubts, 0, "s")
            fits = [round(t.fit, 1) for t in fitted.tokens if t.spoken]
            print(f"  {audio_path.name:28s} {label:17s} median fit {np.median(fits):5.1f} worst {min(fits):5.1f}"
                  f"  suspects {[s.text for s in found]}")


def _swap(words: list[str]) -> list[str]:
    """The reference with its longest word replaced by an unrelated one of similar length."""
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    return words[:longest] + ["umbrella" if len(words[longest]) > 5 else "cat"] + words[longest + 1:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--real", type=Path)
    parser.add_argument("--voices", default="en-us+f2:165,en-us+f3:150",
                        help="espeak-ng voices with their speed in words per minute")
    parser.add_argument("--british", action="store_true",
                        help=f"also a British voice ({BRITISH}): the American model hears its vowels otherwise")
    parser.add_argument("--episodes", default="tuned,held-out,fresh,fresh2,fresh3",
                        help="which evaluation episodes (tuned, held-out, fresh, fresh2 ... fresh22;"
                             " tuning, near, slips, stress, slips2,"
                             " shapes1, shapes2, shapes3: right lines alone;"
                             " names, names2: extra material of real-word errors, near-pair slips, names and"
                             " names written as runs of short words, tuned on)")
    parser.add_argument("--order-check", action="store_true")
    parser.add_argument("--speed-only", action="store_true", help="only the long episode's time")
    parser.add_argument("--dump", type=Path, metavar="FILE.jsonl",
                        help="write every episode's suggestions and suspects there (to diff two runs)")
    options = parser.parse_args()
    summary = []
    dump = options.dump.open("w", encoding="utf-8") if options.dump else None
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for which in [] if options.speed_only else options.episodes.split(","):
            for item in options.voices.split(",") + ([BRITISH] if options.british else []):
                voice, _, speed = item.partition(":")
                right = evaluate(folder, "right", voice, int(speed or 165), which, dump)
                # (An episode of right lines alone has no wrong side: its control would be the same run.)
                control = (evaluate(folder, "wrong", voice, int(speed or 165), which, dump)
                           if EPISODES[which].get("lines") != [] else right)
                summary.append((f"{which} {item}", right, control))
                if options.order_check and which == "tuned":
                    order_check(voice)
        if summary:
            print("\n== summary (targets: recall >= 80 %, false <= 1 per 200 words, names >= 90 %, ticked >= 90 %)")
            print(f"  {'episode, voice':28s} recall precision false/200 (audio) control/200 (audio) names ticked")
        for label, right, control in summary:
            print(f"  {label:28s} {right.get('recall', 0):5.0f} % {right.get('precision', 0):6.0f} %"
                  f" {right['false']:7.2f} ({right['false_audio']:.2f})"
                  f" {control['false']:9.2f} ({control['false_audio']:.2f})"
                  f" {right.get('names', 0):5.0f} % {right.get('ticked', 0):4.0f} %")
        if options.real:
            real_speech(options.real)
        if options.minutes:
            long_episode(folder, options.minutes)
    if dump is not None:
        dump.close()


if __name__ == "__main__":
    main()
