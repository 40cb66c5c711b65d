"""What lighter searches would save in the audio checks, and what they would change (prints figures).

    PYTHONPATH=. python tests/bench/bench_hearing_levers.py [--voices en-us+f2:165,en-us+f3:150]
                                                            [--episodes tuned,held-out]
                                                            [--parts fit,reuse,pass,recognizer,frame]

Decoding is most of the audio checks' time (tests/bench/bench_hearing_parts.py), and nearly all of it is
PocketSphinx scoring each frame, so a saving comes from fewer frames or a cheaper frame, and most
such levers move the fits the checks' bars were tuned on. This measures, over the turns of the
evaluation episodes (tests/bench/hearing_material.py; never the reserved ones), aligned first:

* fit: the turn's word fit (the hearing pass's largest part) under other PocketSphinx settings and
  less audio around the turn: CPU time (the settings interleaved, each pass over the same turns, so a
  loaded machine weighs on all alike), how far every word's fit moves (the bars are in these units),
  in how many turns the poorly fitting runs (the passages the names are listened for in) differ,
  and in how many turns a word's fit depends on which turns one process decoded before it (the
  turns decoded forward, then backward: a setting where it does makes the checks' answers depend
  on the number of workers).
* reuse: whether the hearing pass could take its word fits from the alignment pass's own decode
  instead of aligning the turn again: that decode's per-word fits against the hearing pass's.
* pass: the whole of the audio checks of each turn (word fit, names heard with the episode's
  glossary, context and slip checks) with every search of the hearing pass's aligner under other
  PocketSphinx settings (the names' choice keeps its own, lighter, settings): CPU (the settings
  interleaved), and what the checks then find: in how many turns the suspects or the names heard
  differ from as shipped, the wrong passages a suspect overlaps, and false suspects per 200 correct
  words (a lighter search is only worth having where these stay as they are).
* recognizer: PocketSphinx's own recognizer (the lone-misfit check asks it about a word misfitting
  its turn alone) under lighter settings: CPU time and whether it hears the same words, over each
  turn's worst-fitting word and its neighbours.
* frame: what a decoded frame of the word fit costs (CPU per 10 ms of audio searched) under
  settings as light as PocketSphinx allows, and what the same audio costs searched for one short
  word (the floor: the front end and the Gaussians every frame computes whatever the grammar). Every
  part of the checks decodes its audio with such a search, so the checks' CPU is the frames decoded
  times this cost: where no setting brings it down far, only fewer frames can.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hearing_material as hm  # noqa: E402
import numpy as np  # noqa: E402

from editor.align.aligner import RATE, AlignedPiece, Aligner, AlignOptions  # noqa: E402
from editor.align.batch import PAD_AFTER_MS, PAD_MS, AlignJob, plan_jobs  # noqa: E402
from editor.align.text import Token  # noqa: E402
from editor.hearing.context import CHOICE_EDGE_MS  # noqa: E402
from editor.hearing.fit import HEARING_OPTIONS, TokenFit, neighbourhood  # noqa: E402
from editor.hearing.listen import HEAR_PAD_MS, Heard, HearJob, fit_turn, hear_segment, plan  # noqa: E402
from editor.hearing.suggest import align_missing  # noqa: E402
from editor.hearing.suspects import runs, word_doubts  # noqa: E402

EPISODES: dict[str, dict] = {"tuned": {}, "held-out": dict(lines=hm.HELD_OUT_LINES, clean=hm.HELD_OUT_CLEAN),
            "fresh11": dict(lines=hm.FRESH11_LINES, clean=hm.FRESH11_CLEAN),
            "fresh12": dict(lines=hm.FRESH12_LINES, clean=hm.FRESH12_CLEAN)}

WIDE = HEARING_OPTIONS.beams[-1]
# (settings added to the hearing pass's, audio around the turn's aligned words)
FIT_SETTINGS: dict[str, tuple[AlignOptions, int]] = {
    "as shipped": (HEARING_OPTIONS, HEAR_PAD_MS),
    "topn 2": (AlignOptions(extra={**HEARING_OPTIONS.extra, "topn": 2}), HEAR_PAD_MS),
    "beams 1e-20 first": (AlignOptions(beams=((1e-20, 1e-20, 1e-20), WIDE), extra=HEARING_OPTIONS.extra), HEAR_PAD_MS),
    "ds 2, topn 2": (AlignOptions(extra={**HEARING_OPTIONS.extra, "ds": 2, "topn": 2}), HEAR_PAD_MS),
    "200 ms around the turn": (HEARING_OPTIONS, 200),
}
# Settings of every search of the hearing pass's aligner (the word fit, verdicts and checks).
PASS_SETTINGS: dict[str, AlignOptions] = {
    "as shipped": HEARING_OPTIONS,
    "topn 2": AlignOptions(extra={**HEARING_OPTIONS.extra, "topn": 2}),
    "topn 3": AlignOptions(extra={**HEARING_OPTIONS.extra, "topn": 3}),
}
RECOGNIZER_SETTINGS: dict[str, dict] = {
    "as shipped": {},
    "fwdflat off": {"fwdflat": False},
    "fwdflat and bestpath off": {"fwdflat": False, "bestpath": False},
    "fwdflat off, topn 2": {"fwdflat": False, "topn": 2},
}


@dataclass
class Turn:
    job: HearJob            # the hearing pass's job (the episode's names its glossary), without its audio
    align_job: AlignJob     # the alignment pass's
    audio: np.ndarray       # the whole episode's samples
    wrong: list[tuple[int, int]] = field(default_factory=list)   # the turn's wrong passages (char spans)
    correct_words: int = 0  # words of the turn outside them


def turns_of(voices: list[tuple[str, int]], episodes: list[str], folder: Path) -> list[Turn]:
    """Every timed turn of the episodes in the voices, the transcript aligned first as the app does."""
    turns = []
    for voice, speed in voices:
        for which in episodes:
            episode = hm.episode(voice=voice, speed=speed, **EPISODES[which])
            duration_ms = len(episode.audio) * 1000 // RATE
            align_jobs = {j.index: j for j in plan_jobs(episode.transcript.segments, duration_ms, redo=True)}
            align_missing(episode.transcript, hm.write_wav(folder / f"{which}-{voice}.wav", episode.audio), workers=1)
            for job in plan(episode.transcript.segments, duration_ms, episode.names):
                if job.index in align_jobs:
                    wrong = [(p.start, p.end) for p in episode.passages if p.index == job.index]
                    correct = sum(1 for t in job.tokens if not any(lo < t.char_start + len(t.text) and t.char_start < hi
                                                                    for lo, hi in wrong))
                    turns.append(Turn(job, align_jobs[job.index], episode.audio, wrong, correct))
    return turns


def with_audio(turn: Turn, pad_ms: int) -> HearJob:
    """The turn's hearing job with its audio, *pad_ms* around it (as the worker pool cuts it)."""
    job = turn.job
    lo = max(0, job.start_ms - pad_ms) * RATE // 1000
    hi = (job.end_ms + pad_ms) * RATE // 1000
    return replace(job, audio_start_ms=lo * 1000 // RATE, audio=turn.audio[lo:hi].copy())


@dataclass
class Fitted:
    fits: list[float] | None                   # every token's fit (None: not aligned)
    weak: list[tuple[int, int]] | None         # the poorly fitting runs' char spans


def fitted_of(text: str, fits: list[TokenFit] | None) -> Fitted:
    if fits is None:
        return Fitted(None, None)
    return Fitted([f.fit for f in fits],
                  [(s.char_start, s.char_end) for s in runs(text, word_doubts(text, fits), 0, "s", unsupported=True)])


def compared(base: list[Fitted], other: list[Fitted]) -> str:
    """How far *other*'s word fits are from *base*'s, and in how many turns the weak runs differ."""
    moved = [b - a for x, y in zip(base, other, strict=True) if x.fits and y.fits
             for a, b in zip(x.fits, y.fits, strict=True) if a or b]
    if not moved:
        return "no fits to compare"
    size = np.abs(moved)
    weak = sum(x.weak != y.weak for x, y in zip(base, other, strict=True))
    return (f"|fit moved| mean {size.mean():.2f} p95 {np.percentile(size, 95):.2f} max {size.max():.1f}"
            f" (mean {np.mean(moved):+.2f}), weak runs differ in {weak} turns")


Result = TypeVar("Result")


def cpu_of(run: Callable[[], Result]) -> tuple[float, Result]:
    started = time.process_time()
    result = run()
    return time.process_time() - started, result


def fit_part(turns: list[Turn]) -> None:
    print(f"\n== word fit (the turn aligned again), {len(turns)} turns: CPU, forward and backward interleaved")
    spent = dict.fromkeys(FIT_SETTINGS, 0.0)
    found: dict[tuple[str, int], list[Fitted]] = {}
    for rnd in (0, 1):
        for label, (options, pad_ms) in FIT_SETTINGS.items():
            aligner = Aligner(options)
            order = turns if rnd == 0 else turns[::-1]

            def every_turn(order: list[Turn] = order, aligner: Aligner = aligner, pad_ms: int = pad_ms) -> list[Fitted]:
                out = []
                for turn in order:
                    job, fitted = fit_turn(with_audio(turn, pad_ms), aligner)
                    out.append(fitted_of(job.text, None if fitted is None else fitted.tokens))
                return out

            took, result = cpu_of(every_turn)
            spent[label] += took
            found[label, rnd] = result if rnd == 0 else result[::-1]
    base = found["as shipped", 0]
    for label in FIT_SETTINGS:
        depends = sum(a.fits != b.fits for a, b in zip(found[label, 0], found[label, 1], strict=True))
        print(f"  {label:24s} CPU {spent[label]:6.1f} s ({spent[label] / spent['as shipped']:.2f}x)"
              f"  fits depend on the order in {depends} turns;"
              + ("" if label == "as shipped" else f" against as shipped: {compared(base, found[label, 0])}"))


def alignment_fits(turn: Turn, aligner: Aligner) -> list[TokenFit] | None:
    """The turn's per-token fits from the alignment pass's own decode: its options, its audio (the
    turn's span padded as the pass pads it) and its grammar (with the neighbouring turns' words)."""
    job = turn.align_job
    lo, hi = max(0, job.start_ms - PAD_MS) * RATE // 1000, (job.end_ms + PAD_AFTER_MS) * RATE // 1000
    words = [w for token in job.tokens for w in token.spoken]
    usable, _ = aligner.prepare(words)
    if not all(usable):
        return None
    pieces = aligner.decode(turn.audio[lo:hi], words, job.before, job.after)
    return None if pieces is None else _token_fits(job.tokens, pieces)


def _token_fits(tokens: list[Token], pieces: list[AlignedPiece]) -> list[TokenFit]:
    owner = iter(i for i, token in enumerate(tokens) for _ in token.spoken)
    scores: dict[int, float] = {}
    frames: dict[int, int] = {}
    for piece in pieces:
        if piece.word is not None:
            i = next(owner)
            scores[i] = scores.get(i, 0.0) + piece.log_score
            frames[i] = frames.get(i, 0) + piece.frames
    return [TokenFit(i, t.char_start, t.char_start + len(t.text), 0 if i in frames else None,
                     0 if i in frames else None, frames.get(i, 0), scores.get(i, 0.0) / max(1, frames.get(i, 0)), 0.0)
            for i, t in enumerate(tokens)]


def reuse_part(turns: list[Turn]) -> None:
    hearing, aligning = Aligner(HEARING_OPTIONS), Aligner(AlignOptions())
    base, reused = [], []
    for turn in turns:
        job, fitted = fit_turn(with_audio(turn, HEAR_PAD_MS), hearing)
        base.append(fitted_of(job.text, None if fitted is None else fitted.tokens))
        reused.append(fitted_of(job.text, alignment_fits(turn, aligning)))
    print(f"\n== the alignment pass's word fits in place of the hearing pass's, {len(turns)} turns: "
          f"{compared(base, reused)}")


@dataclass
class Found:
    suspects: set[tuple[int, int, str]]        # (char start, char end, evidence)
    names: set[tuple[int, int, str, str, bool]]  # (char start, char end, name, how, agrees)


def found_in(heard: Heard) -> Found:
    return Found({(s.char_start, s.char_end, "+".join(s.evidence)) for s in heard.suspects},
                 {(s.char_start, s.char_end, s.name, s.how, s.agrees) for s in heard.spotted})


def _overlap(a: tuple, b: tuple) -> bool:
    """Whether two passages, each (char start, char end, ...), overlap."""
    return a[0] < b[1] and b[0] < a[1]


def pass_part(turns: list[Turn]) -> None:
    print(f"\n== the whole audio checks of {len(turns)} turns, the hearing aligner's searches under other settings:"
          " CPU (interleaved), and what they find")
    spent = dict.fromkeys(PASS_SETTINGS, 0.0)
    found: dict[str, list[Found]] = {}
    for _ in (0, 1):
        for label, options in PASS_SETTINGS.items():
            aligner = Aligner(options)

            def every_turn(aligner: Aligner = aligner) -> list[Found]:
                return [found_in(hear_segment(with_audio(turn, HEAR_PAD_MS), aligner)) for turn in turns]

            took, result = cpu_of(every_turn)
            spent[label] += took
            found.setdefault(label, result)
    base = found["as shipped"]
    words = sum(t.correct_words for t in turns)
    passages = sum(len(t.wrong) for t in turns)
    for label in PASS_SETTINGS:
        mine = found[label]
        pairs = list(zip(turns, mine, strict=True))
        caught = sum(any(_overlap(w, s) for s in f.suspects) for t, f in pairs for w in t.wrong)
        false = sum(not any(_overlap(w, s) for w in t.wrong) for t, f in pairs for s in f.suspects)
        differ = sum(a.suspects != b.suspects for a, b in zip(base, mine, strict=True))
        names = sum(a.names != b.names for a, b in zip(base, mine, strict=True))
        print(f"  {label:12s} CPU {spent[label]:6.1f} s ({spent[label] / spent['as shipped']:.2f}x); wrong passages"
              f" found {caught}/{passages}, false suspects {200 * false / max(1, words):.2f} per 200 correct words;"
              f" suspects differ from as shipped in {differ} turns, names heard in {names}")


def recognizer_part(turns: list[Turn]) -> None:
    from pocketsphinx import Decoder

    hearing = Aligner(HEARING_OPTIONS)
    clips = []
    for turn in turns:
        job, fitted = fit_turn(with_audio(turn, HEAR_PAD_MS), hearing)
        if fitted is None or not any(f.spoken for f in fitted.tokens):
            continue
        assert job.audio is not None
        worst = min((f for f in fitted.tokens if f.spoken), key=lambda f: f.fit).token
        around = neighbourhood(job.tokens, worst, fitted, len(job.audio), job.audio_start_ms, CHOICE_EDGE_MS)
        if around is not None:
            clips.append(job.audio[around.lo:around.hi])
    heard: dict[str, list[list[str] | None]] = {}
    spent = {}
    for label, settings in RECOGNIZER_SETTINGS.items():
        aligner = Aligner(HEARING_OPTIONS)
        # (the aligner's recognizer, as the lone-misfit check makes it, with these settings)
        aligner._recognizer = Decoder(loglevel="FATAL", samprate=RATE, **settings)

        def every_clip(aligner: Aligner = aligner) -> list[list[str] | None]:
            return [aligner.recognize(clip) for clip in clips]

        spent[label], heard[label] = cpu_of(every_clip)
    seconds = sum(len(c) for c in clips) / RATE
    print(f"\n== the recognizer over each turn's worst-fitting word and its neighbours: {len(clips)} passages, "
          f"{seconds:.0f} s of audio")
    for label in RECOGNIZER_SETTINGS:
        same = sum(a == b for a, b in zip(heard["as shipped"], heard[label], strict=True))
        print(f"  {label:26s} CPU {spent[label]:6.1f} s ({spent[label] / spent['as shipped']:.2f}x,"
              f" {spent[label] / max(1e-9, seconds):.2f} s a second of audio), same words heard in {same}/{len(clips)}")


# Searches of the word fit's decode, each over the same noisy samples and text (the last: one short
# word instead of the text, the cost of a frame whatever the grammar).
FRAME_SETTINGS: dict[str, dict] = {
    "as shipped": {},
    "beams 1e-20": {"beam": 1e-20, "pbeam": 1e-20, "wbeam": 1e-20},
    "beams 1e-5": {"beam": 1e-5, "pbeam": 1e-5, "wbeam": 1e-5},
    "topn 2": {"topn": 2},
    "topn 1": {"topn": 1},
    "one word, not the text": {},
}


def frame_part(turns: list[Turn]) -> None:
    from pocketsphinx import Decoder

    shipped = Aligner(HEARING_OPTIONS)
    clips, texts = [], []
    for turn in turns:
        job = with_audio(turn, HEAR_PAD_MS)
        assert job.audio is not None
        words = [w for token in job.tokens for w in token.spoken]
        usable, _ = shipped.prepare(words)
        if all(usable) and words:
            clips.append(shipped._decoded(job.audio).data)
            texts.append(" ".join(words))
    frames = sum(len(clip) // (2 * RATE // 100) for clip in clips)
    beam, pbeam, wbeam = HEARING_OPTIONS.beams[0]
    decoders = {}
    for label, settings in FRAME_SETTINGS.items():
        decoder = Decoder(**{"lm": None, "loglevel": "FATAL", "samprate": RATE, "beam": beam, "pbeam": pbeam,
                             "wbeam": wbeam, "silprob": HEARING_OPTIONS.silprob, **HEARING_OPTIONS.extra, **settings})
        for word, phones in shipped._pronounced.items():
            decoder.add_word(word, phones, False)
        decoders[label] = decoder
    spent = dict.fromkeys(FRAME_SETTINGS, 0.0)
    for _ in (0, 1):
        for label, decoder in decoders.items():
            def every_clip(decoder: Decoder = decoder, one_word: bool = label.startswith("one word")) -> None:
                for clip, text in zip(clips, texts, strict=True):
                    decoder.set_align_text("the" if one_word else text)
                    shipped._run(decoder, clip)

            spent[label] += cpu_of(every_clip)[0]
    print(f"\n== a decoded frame's CPU, the word fit's search over {len(clips)} turns ({frames} frames), interleaved")
    for label in FRAME_SETTINGS:
        print(f"  {label:24s} {1e6 * spent[label] / 2 / max(1, frames):5.0f} us a frame"
              f" ({spent[label] / spent['as shipped']:.2f}x)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--voices", default="en-us+f2:165,en-us+f3:150")
    parser.add_argument("--episodes", default="tuned,held-out", help=f"of {', '.join(EPISODES)}")
    parser.add_argument("--parts", default="fit,reuse,pass,recognizer")
    options = parser.parse_args()
    voices = [(v, int(s or 165)) for v, _, s in (item.partition(":") for item in options.voices.split(","))]
    with tempfile.TemporaryDirectory() as tmp:
        turns = turns_of(voices, options.episodes.split(","), Path(tmp))
    parts = {"fit": fit_part, "reuse": reuse_part, "pass": pass_part, "recognizer": recognizer_part,
             "frame": frame_part}
    for part in options.parts.split(","):
        parts[part](turns)


if __name__ == "__main__":
    main()
