"""Does a piece of evidence tell real-word slips from right words? (prints figures per word).

    PYTHONPATH=. python tests/bench/bench_slip_evidence.py [--episodes fresh11,fresh12] [--voices V:WPM,...]
                                                           [--loop] [--oracle]

For every ordinary word (one the context checks may judge: not a name, not reduced in speech) of
the chosen evaluation episodes (tests/bench/hearing_material.py; seen ones only), in each voice,
with the audio saying the right words and in the control (the audio says the text's own words):

* ``below``: how far its acoustic fit lies under its turn's typical word (:mod:`editor.hearing.suspects`);
* with ``--loop``, a goodness of pronunciation: the word's frames decoded by a free phone loop,
  its neighbours fixed around it (one grammar search), and the turn aligned again with the loop's
  phones in the word's place; how much better that fits, per frame of the word (0: the text's
  phones are as good as any the model knows; a slip should gain, a right word not);
* with ``--phones``, a partial misfit: the word's own phones aligned in its place (a phone-level pass,
  :meth:`~editor.align.aligner.Aligner.phones`), for a word of PARTIAL_PHONES phones or more, split
  where its head (at least two phones) fits best against its tail (at least two): how much worse per
  frame the tail fits than the head (a common word written for a rarer one that starts alike,
  "headlines" where the audio says "headphones", should fit its head and misfit the rest);
* with ``--relaxed``, for a word fitting RELAXED_BELOW under its turn's typical word, the question of
  :mod:`editor.hearing.misfit_slips` asked twice: as the check asks it (neighbours the model finds at
  least as likely) and with the model's floor lowered to RELAXED_GAIN orders of magnitude; the word
  the light search chose each time, its gain, its margin and the check's bar for it; and for a word
  of three letters (a short one, never asked by that check), its vowel-apart words the model does not
  find less likely, as :func:`editor.hearing.context._audio_led` would ask a longer word;
* with ``--oracle``, for each slip, how much better the turn fits with the right word in its place
  (the most a check that guesses the right word could see);
* with ``--phone-gain``, the same gain measured over the phones that differ rather than the whole
  word (a one-phone slip in a long word is diluted by the frames of its other phones): for each slip
  its right word, for each right word the neighbour the light search chooses among those
  :mod:`editor.hearing.misfit_slips` would ask (the model's floor at RELAXED_GAIN), both aligned phone
  by phone in the word's place (its neighbours fixed): the turn's gain per frame of the differing
  phones (``diff``), and how much better per frame the other word's differing phones fit than the
  text's own (``gop``).

Then the right words' highest values of each, and the slips', so a bar can be read off. Each
turn is heard over its text's span and 200 ms around it (as tests/hearing/context_run.py does),
not over the aligned words as the app does: figures near a bar are worth a bench_hearing.py run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_hearing  # noqa: E402
import hearing_material as hm  # noqa: E402

from editor.align.aligner import RATE, Aligner  # noqa: E402
from editor.align.text import Token, segment_tokens  # noqa: E402
from editor.hearing import misfit_slips  # noqa: E402
from editor.hearing.context import (  # noqa: E402
    MAX_ASKED,
    _chosen,
    _margin,
    context_model,
    ordinary,
    spoken_words,
    vowel_apart,
    vowel_margin,
)
from editor.hearing.durations import word_phones  # noqa: E402
from editor.hearing.fit import SegmentFit, fit_tokens, hearing_aligner, neighbourhood  # noqa: E402
from editor.hearing.listen import NAMES_OPTIONS  # noqa: E402
from editor.hearing.suspects import word_doubts  # noqa: E402
from editor.hearing.two_phones import phone_code  # noqa: E402

RELAXED_BELOW = 0.5   # misfit under the turn's typical word (weighted as a short word's is) to be measured
RELAXED_GAIN = -1.0   # the model's floor of the relaxed question (orders of magnitude, net too)
PARTIAL_PHONES = 5   # phones a word needs for its head and tail to be told apart
EDGE_MS = 30      # audio taken beyond the neighbouring words for the phone loop (as the context checks')


class PhoneLoop:
    """A free phone loop over one word's frames, its neighbours' words fixed around it."""

    def __init__(self, aligner: Aligner):
        self.aligner = aligner
        self.phones = list(context_model()._phones)
        self.taught = 0
        for phone in self.phones:
            self._teach(self._word(phone), phone)

    @staticmethod
    def _word(phone: str) -> str:
        return f"phone_{phone.lower()}"

    def _teach(self, word: str, phones: str) -> None:
        # Words made of given phones: the aligner's own way in (prepare) would guess a
        # pronunciation from the spelling. Bench code, so its internals are used directly.
        # (Decoders made later are given every word of _pronounced as they are made.)
        aligner = self.aligner
        decoders = [aligner._decoder(0), *aligner._decoders.values(), aligner._choice_decoder()]
        aligner._pronounced[word] = phones
        aligner._sayings.pop(word, None)
        for decoder in dict.fromkeys(decoders):
            decoder.add_word(word, phones, True)

    def heard(self, tokens: list[Token], i: int, fitted: SegmentFit, audio, audio_start_ms: int) -> str | None:
        """The phones the loop hears in token *i*'s place (None: no path)."""
        around = neighbourhood(tokens, i, fitted, len(audio), audio_start_ms, EDGE_MS)
        if around is None:
            return None
        self.aligner.prepare(around.before + around.after)
        transitions: list[tuple] = []
        state = 0
        for word in around.before:
            transitions.append((state, state + 1, 1.0, word))
            state += 1
        loop = state + 1
        for phone in self.phones:
            transitions += [(state, loop, 1.0, self._word(phone)), (loop, loop, 1.0, self._word(phone))]
        state = loop
        for word in around.after:
            transitions.append((state, state + 1, 1.0, word))
            state += 1
        path = self.aligner.decode_graph(audio[around.lo:around.hi], transitions, state)
        if path is None:
            return None
        middle = path[len(around.before):len(path) - len(around.after)]
        return " ".join(w.removeprefix("phone_").upper() for w in middle) or None

    def gain(self, tokens: list[Token], i: int, fitted: SegmentFit, audio, audio_start_ms: int) -> float | None:
        """How much better (per frame of the word) the turn fits with the loop's phones in token *i*'s place."""
        phones = self.heard(tokens, i, fitted, audio, audio_start_ms)
        if phones is None:
            return None
        self.taught += 1
        word = f"loopword{self.taught}"
        self._teach(word, phones)
        total = sum(p.log_score for p in fitted.pieces)
        return _margin(tokens, i, word, audio, audio_start_ms, self.aligner, total, fitted.tokens[i].frames)


def partial_misfit(tokens: list[Token], i: int, fitted: SegmentFit, audio, audio_start_ms: int,
                   aligner: Aligner) -> float | None:
    """How much worse per frame token *i*'s tail fits than its head, split where that is most (None: a
    word too short, or no phone-level path)."""
    phones = word_phones(tokens, i, tokens[i].spoken[0], fitted, audio, audio_start_ms, aligner)
    if not phones or len(phones) < PARTIAL_PHONES:
        return None
    best = None
    for k in range(2, len(phones) - 1):
        head, tail = phones[:k], phones[k:]
        drop = (sum(p.log_score for p in head) / sum(p.frames for p in head)
                - sum(p.log_score for p in tail) / sum(p.frames for p in tail))
        best = drop if best is None else max(best, drop)
    return best


def phone_gain(tokens: list[Token], i: int, other: str, fitted: SegmentFit, audio, audio_start_ms: int,
               aligner: Aligner) -> dict | None:
    """The turn's gain with *other* in token *i*'s place per frame of the phones that differ (``diff``),
    and how much better per frame *other*'s differing phones fit than the word's own (``gop``)."""
    word = tokens[i].spoken[0]
    if not all(aligner.prepare([word, other])[0]):
        return None
    total = sum(p.log_score for p in fitted.pieces)
    margin = _margin(tokens, i, other, audio, audio_start_ms, aligner, total, fitted.tokens[i].frames)
    own = word_phones(tokens, i, word, fitted, audio, audio_start_ms, aligner)
    said = word_phones(tokens, i, other, fitted, audio, audio_start_ms, aligner)
    if margin is None or not own or not said:
        return None
    codes = phone_code([p.phone for p in own]), phone_code([p.phone for p in said])
    apart = ({op.src_pos for op in Levenshtein.editops(*codes) if op.tag != "insert"}
             | {min(op.src_pos, len(own) - 1) for op in Levenshtein.editops(*codes) if op.tag == "insert"},
             {op.dest_pos for op in Levenshtein.editops(*codes) if op.tag != "delete"}
             | {min(op.dest_pos, len(said) - 1) for op in Levenshtein.editops(*codes) if op.tag == "delete"})

    def fit(phones, at) -> float:
        return sum(phones[k].log_score for k in at) / max(1, sum(phones[k].frames for k in at))
    return {"other": other, "word": margin,
            "diff": margin * fitted.tokens[i].frames / max(1, sum(own[k].frames for k in apart[0])),
            "gop": fit(said, apart[1]) - fit(own, apart[0])}


def relaxed(tokens: list[Token], i: int, short: bool, fitted: SegmentFit, audio, audio_start_ms: int,
            aligner: Aligner, chooser: Aligner) -> dict:
    """The misfit-slip question about token *i* at the check's floor and at RELAXED_GAIN (see the docstring)."""
    model = context_model()
    words, position = spoken_words(tokens, model)
    at, word = position[i], words[position[i]]
    sayings = aligner.pronunciations(word)
    total = sum(p.log_score for p in fitted.pieces)
    found: dict = {}
    if not model.known(word):
        return found
    floors = (("vowel3", 0.0),) if short else (("asked", misfit_slips.MISFIT_GAIN), ("relaxed", RELAXED_GAIN))
    for label, floor in floors:
        kept = misfit_slips.MISFIT_GAIN, misfit_slips.MISFIT_ASKED
        # (a short word: every neighbour the model finds as likely, of which the vowel-apart ones)
        misfit_slips.MISFIT_GAIN, misfit_slips.MISFIT_ASKED = floor, 1000 if short else kept[1]
        try:
            others = misfit_slips.neighbours_not_less_likely(words, at, sayings)
        finally:
            misfit_slips.MISFIT_GAIN, misfit_slips.MISFIT_ASKED = kept
        if short:
            others = [w for w in others if vowel_apart(sayings, aligner.pronunciations(w))][:MAX_ASKED]
        if not others:
            continue
        chosen = _chosen(tokens, i, others, fitted, audio, audio_start_ms, chooser)
        entry = {"others": others, "chosen": chosen}
        if chosen is not None and chosen in others:
            own = model.window(words, at, word)
            gain = model.window(words, at, chosen) - own
            entry.update(gain=round(min(gain, gain - model.commoner(chosen, word)), 2),
                         margin=_margin(tokens, i, chosen, audio, audio_start_ms, aligner, total,
                                        fitted.tokens[i].frames),
                         vowel_bar=vowel_margin(sayings, aligner.pronunciations(chosen)))
        found[label] = entry
    return found


def measure(which: str, voice: str, speed: int, audio_side: str, loop: PhoneLoop | None, oracle: bool,
            aligner: Aligner, phones: bool = False, chooser: Aligner | None = None, out=None,
            short_only: bool = False, phone_gains: Aligner | None = None) -> list[dict]:
    episode = hm.episode(audio=audio_side, voice=voice, speed=speed, **bench_hearing.EPISODES[which])
    passages = hm.episode(voice=voice, speed=speed, **bench_hearing.EPISODES[which]).passages
    found = []
    for index, segment in enumerate(episode.transcript.segments):
        lo, hi = segment.start_ms - 200, segment.end_ms + 200
        audio = episode.audio[lo * RATE // 1000:hi * RATE // 1000]
        tokens = segment_tokens(segment)
        fitted = fit_tokens(audio, tokens, aligner, lo)
        if fitted is None:
            continue
        doubts = word_doubts(segment.text, fitted.tokens)
        for i in ordinary(tokens, doubts, segment.text):
            doubt = doubts[i]
            letters = tokens[i].spoken[0]
            if (doubt.short and (chooser is None or len(letters) != 3)) or (short_only and not doubt.short):
                continue
            hit = [p for p in passages if p.index == index and p.start < doubt.char_end and doubt.char_start < p.end]
            if hit and hit[0].kind != "real word":
                continue
            slip = bool(hit) and audio_side == "right"
            row = {"episode": which, "voice": voice, "audio": audio_side, "word": tokens[i].text,
                   "right": hit[0].right if slip else None, "below": doubt.below, "short": doubt.short,
                   "fit": fitted.tokens[i].fit}
            if doubt.short and doubt.below < RELAXED_BELOW:
                continue
            if chooser is not None and doubt.below >= RELAXED_BELOW:
                row.update(relaxed(tokens, i, doubt.short, fitted, audio, lo, aligner, chooser))
            if loop is not None:
                row["loop"] = loop.gain(tokens, i, fitted, audio, lo)
            if phones:
                row["tail"] = partial_misfit(tokens, i, fitted, audio, lo, aligner)
            if phone_gains is not None and not doubt.short:
                other = hit[0].right.lower() if slip else None
                if other is None:
                    kept = misfit_slips.MISFIT_GAIN
                    misfit_slips.MISFIT_GAIN = RELAXED_GAIN
                    try:
                        words, position = spoken_words(tokens, context_model())
                        others = misfit_slips.neighbours_not_less_likely(
                            words, position[i], aligner.pronunciations(words[position[i]]))
                    finally:
                        misfit_slips.MISFIT_GAIN = kept
                    other = _chosen(tokens, i, others, fitted, audio, lo, phone_gains) if others else None
                    other = other if other in others else None
                if other is not None and " " not in other:
                    row["phone_gain"] = phone_gain(tokens, i, other, fitted, audio, lo, aligner)
            if oracle and slip:
                total = sum(p.log_score for p in fitted.pieces)
                aligner.prepare([hit[0].right.lower()])
                row["oracle"] = _margin(tokens, i, hit[0].right.lower(), audio, lo, aligner, total,
                                        fitted.tokens[i].frames)
            found.append(row)
            if out is not None:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                out.flush()
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", default="fresh11,fresh12", help="seen evaluation episodes only")
    parser.add_argument("--voices", default="en-us+f2:165,en-us+f3:150")
    parser.add_argument("--loop", action="store_true", help="the phone loop's goodness of pronunciation")
    parser.add_argument("--oracle", action="store_true", help="each slip's right word put in its place")
    parser.add_argument("--phones", action="store_true", help="a partial misfit: the word's tail against its head")
    parser.add_argument("--phone-gain", action="store_true",
                        help="the gain per frame of the differing phones, and their own fits (see the docstring)")
    parser.add_argument("--relaxed", action="store_true", help="the misfit-slip question, as asked and relaxed")
    parser.add_argument("--short-only", action="store_true", help="with --relaxed: three-letter words only")
    parser.add_argument("--dump", type=Path, metavar="FILE.jsonl", help="every word's row, to weigh bars on later")
    options = parser.parse_args()
    aligner = hearing_aligner()
    loop = PhoneLoop(aligner) if options.loop else None
    chooser = Aligner(NAMES_OPTIONS) if options.relaxed or options.phone_gain else None
    out = options.dump.open("w", encoding="utf-8") if options.dump else None
    rows = []
    for which in options.episodes.split(","):
        for item in options.voices.split(","):
            voice, _, speed = item.partition(":")
            for side in ("right", "wrong"):
                rows += measure(which, voice, int(speed or 165), side, loop, options.oracle, aligner,
                                options.phones, chooser if options.relaxed else None, out, options.short_only,
                                chooser if options.phone_gain else None)
    for row in rows:
        for name in ("word", "diff", "gop"):
            if row.get("phone_gain"):
                row[f"phone gain by {name}"] = row["phone_gain"][name]
    measures = (["below"] + (["loop"] if options.loop else []) + (["tail"] if options.phones else [])
                + ([f"phone gain by {n}" for n in ("word", "diff", "gop")] if options.phone_gain else []))
    for label, chosen in (("slips (the audio says the right word)", [r for r in rows if r["right"]]),
                          ("right words, highest first", [r for r in rows if not r["right"]])):
        print(f"\n== {label}: {len(chosen)}")
        for name in measures:
            ranked = sorted((r for r in chosen if r.get(name) is not None), key=lambda r: -r[name])
            shown = ranked if chosen and chosen[0]["right"] else ranked[:12]
            print(f"  by {name}:")
            for r in shown:
                extra = f"  oracle {r['oracle']:5.2f}" if r.get("oracle") is not None else ""
                extra += f"  ({r['phone_gain']['other']})" if name.startswith("phone") else ""
                print(f"    {r[name]:6.2f}  {r['episode']:8s} {r['voice']:9s} {r['audio']:5s} {r['word']}"
                      + (f" -> {r['right']}" if r["right"] else "") + extra)


if __name__ == "__main__":
    main()
