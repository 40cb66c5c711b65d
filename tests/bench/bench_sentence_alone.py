"""The context check's decisions on the sentence alone, replayed on the text of every episode (prints figures).

    PYTHONPATH=. python tests/bench/bench_sentence_alone.py [--episodes tuned,held-out,...]

A word said alike with another (:meth:`~editor.hearing.context.ContextModel.heard_alike`) is doubted
on its sentence alone: the audio is not asked, so which such words are doubted depends on the text
only (the turn's words, the episode's other words, the glossary), not on the voice or the audio.
This replays that decision on every turn of the evaluation episodes of bench_hearing.py (the
same text for the right audio and the control) in seconds, with no audio made or heard: each word
doubted, the word the model wanted, its gains (all, and net of the two words' commonness), what the
episode's own uses of the word are worth (:meth:`~editor.hearing.context.ContextModel.episode_support`),
and whether it lies in a wrong passage (a slip) or not (a right word: a false suspect in both runs).
A word a suspect of another check already covers is left out of that check in the full run, so this is
what the context check could doubt, not necessarily what it shows.

With --sound-alikes, what the episode's counts would do for the words a phone away (not said alike),
which today are judged on the general model alone: for every ordinary word, its likeliest sound-alike
by the model (gain and net, as :meth:`~editor.hearing.context.ContextModel.likelier` weighs them) and by
a symmetric cache model (each of the two words boosted by its own uses elsewhere in the episode:
``episode_support(other) - episode_support(word)`` added), and how many slips and right words reach the
bar of a word put to the audio (ASK_GAIN) and of a strong wish (CONTEXT_GAIN) either way.

Then the same for the tense check (:mod:`~editor.hearing.tense`: a verb in its plain form where the
sentence says the time is past), whose decision is the grammar's, the audio only able to rule the
past form out: every word it would doubt, a slip or a right word.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hearing_material as hm  # noqa: E402
from bench_hearing import EPISODES, UNSEEN  # noqa: E402

from editor.align.aligner import Aligner  # noqa: E402
from editor.align.text import segment_tokens  # noqa: E402
from editor.core.british import american  # noqa: E402
from editor.core.transcript import Segment  # noqa: E402
from editor.hearing import context  # noqa: E402
from editor.hearing.episode_words import EpisodeWords, ordinary_words  # noqa: E402
from editor.hearing.fit import TokenFit, hearing_aligner  # noqa: E402
from editor.hearing.suspects import word_doubts  # noqa: E402


def doubted_alike(which: str, aligner: Aligner) -> list[tuple[str, str, bool, context.Likelier, float, bool]]:
    """(turn text, word, in a wrong passage, the likeliest word said alike, the episode's support,
    still doubted) for every word of episode *which* the sentence alone doubted without the
    episode's words and the main-pronunciation bar."""
    spec = EPISODES[which]
    lines, clean = spec.get("lines", hm.LINES), spec.get("clean", hm.CLEAN)
    order = []
    for i in range(max(len(lines), len(clean))):
        order += [lines[i]] if i < len(lines) else []
        order += [("clean", clean[i])] if i < len(clean) else []
    turns = [hm._side(line, "wrong") for _, line in order]
    names = [right for kind, line in lines for *_, right in hm._side(line, "wrong")[1]
             if kind != "real word" or right[:1].isupper()]
    vocabulary = EpisodeWords([text for text, _ in turns], "", names)
    model = context.context_model()
    found = []
    for index, (text, spans) in enumerate(turns):
        tokens = segment_tokens(Segment(f"s{index}", 0, 1000, text))
        # Only each word's shortness matters here (a text property): every word fits alike.
        doubts = word_doubts(text, [TokenFit(k, t.char_start, t.char_start + len(t.text), 0, 100, 10, -1.0, 0.0)
                                    for k, t in enumerate(tokens)])
        words, position = context.spoken_words(tokens, model)
        uses = vocabulary.uses_outside(text)
        for i in context.ordinary(tokens, doubts, text):
            word, written = words[position[i]], tokens[i].spoken[0].lower()
            if not model.known(word) or american(written) != written:
                continue
            saying = aligner.pronunciations(word)
            alike = [x for x in model.likelier(words, position[i], saying, doubts[i].short, homophones_only=True)
                     if x.same_sound and not context._ending_dropped(saying, aligner.pronunciations(x.word))]
            if not alike:
                continue
            support = model.episode_support(word, uses.get(american(written), 0))
            heard = model.heard_alike(saying)
            kept = [x for x in alike if min(x.gain - support, x.net)
                    >= context._sentence_bar(model, word, x.word, heard, doubts[i].short)]
            slip = any(lo < doubts[i].char_end and doubts[i].char_start < hi for lo, hi, *_ in spans)
            found.append((text, word, slip, alike[0], support, bool(kept)))
    return found


def sound_alike_wishes(which: str, aligner: Aligner) -> list[tuple[str, str, bool, bool, tuple]]:
    """(turn text, word, the best wish is a slip's right word, in a wrong passage, (symmetric, plain,
    other word)) for every ordinary word of episode *which* not shortened in speech that has a
    sound-alike the model knows; symmetric and plain are min(gain, net) with and without the two
    words' episode support."""
    spec = EPISODES[which]
    lines, clean = spec.get("lines", hm.LINES), spec.get("clean", hm.CLEAN)
    turns = [hm._side(line, "wrong") for _, line in [*lines, *(("clean", c) for c in clean)]]
    names = [right for kind, line in lines for *_, right in hm._side(line, "wrong")[1]
             if kind != "real word" or right[:1].isupper()]
    every = [text for text, _ in turns]
    model = context.context_model()
    found = []
    for index, (text, spans) in enumerate(turns):
        # The rest of the episode's counts, for any word (the turn's own uses left out), as EpisodeWords counts.
        rest = Counter(word for turn in every[:index] + every[index + 1:] for word in ordinary_words(turn))
        rest.update(word for name in names for word in ordinary_words(name, starts_sentence=False))
        tokens = segment_tokens(Segment("s", 0, 1000, text))
        doubts = word_doubts(text, [TokenFit(k, t.char_start, t.char_start + len(t.text), 0, 100, 10, -1.0, 0.0)
                                    for k, t in enumerate(tokens)])
        words, position = context.spoken_words(tokens, model)
        for i in context.ordinary(tokens, doubts, text):
            word = words[position[i]]
            if not model.known(word) or doubts[i].short:
                continue
            saying = aligner.pronunciations(word)
            own = model.window(words, position[i], word)
            mine = model.episode_support(word, rest[word])
            best = None
            for other in model.sound_alikes(saying) - model.heard_alike(saying):
                if (other == word or not model.known(other) or american(other) == american(word)
                        or context._end_apart(saying, aligner.pronunciations(other))):
                    continue
                gain = model.window(words, position[i], other) - own
                net = gain - model.commoner(other, word)
                boost = model.episode_support(other, rest[other]) - mine
                wish = (min(gain, net) + boost, min(gain, net), other)
                best = wish if best is None or wish > best else best
            if best is not None:
                inside = [right.lower() for lo, hi, _, right in spans if lo <= tokens[i].char_start < hi]
                found.append((text, word, best[2] in inside, bool(inside), best))
    return found


def doubted_tense(which: str, aligner: Aligner) -> list[tuple[str, str, str, bool]]:
    """(turn text, word, its past form, in a wrong passage) for every word of episode *which* the
    tense check doubts on the sentence alone."""
    spec = EPISODES[which]
    lines, clean = spec.get("lines", hm.LINES), spec.get("clean", hm.CLEAN)
    model = context.context_model()
    found = []
    for _, line in [*lines, *(("clean", c) for c in clean)]:
        text, spans = hm._side(line, "wrong")
        tokens = segment_tokens(Segment("s", 0, 1000, text))
        words, position = context.spoken_words(tokens, model)
        for i, past in context._pasts_wanted(tokens, words, position, aligner).items():
            token = tokens[i]
            slip = any(lo <= token.char_start < hi for lo, hi, *_ in spans)
            found.append((text, token.text, past, slip))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", default=",".join(e for e in EPISODES if e not in UNSEEN),
                        help="which episodes of bench_hearing.py (all but the unseen pair by default)")
    parser.add_argument("--sound-alikes", action="store_true",
                        help="also the episode's counts for sound-alikes, plain and symmetric")
    options = parser.parse_args()
    aligner = hearing_aligner()
    if options.sound_alikes:
        rows = [(which, *row) for which in options.episodes.split(",") for row in sound_alike_wishes(which, aligner)]
        for which, text, word, slip, inside, (symmetric, plain, other) in rows:
            if slip or (not inside and max(symmetric, plain) >= context.ASK_GAIN):
                print(f"{'slip ' if slip else 'right'} {which:9s} {word} -> {other}: symmetric {symmetric:.2f},"
                      f" plain {plain:.2f}  | {text}")
        rights = sum(1 for row in rows if not row[4])
        for bar in (context.ASK_GAIN, context.CONTEXT_GAIN):
            for k, label in ((0, "symmetric"), (1, "plain")):
                slips = sum(1 for row in rows if row[3] and row[5][k] >= bar)
                wrong = sum(1 for row in rows if not row[4] and row[5][k] >= bar)
                print(f"bar {bar}: {label:9s} slips {slips}, right words {wrong} of {rights}")
    slips = rights = slips_kept = rights_kept = 0
    for which in options.episodes.split(","):
        for text, word, slip, other, support, kept in doubted_alike(which, aligner):
            slips, rights = slips + slip, rights + (not slip)
            slips_kept, rights_kept = slips_kept + (slip and kept), rights_kept + (kept and not slip)
            print(f"{'slip ' if slip else 'right'} {which:9s} {word} -> {other.word}: gain {other.gain:.2f}, "
                  f"net {other.net:.2f}, episode's support {support:.2f}: {'doubted' if kept else 'left alone'}"
                  f"  | {text}")
    print(f"\nslips doubted on the sentence alone: {slips_kept} of {slips}; right words doubted: {rights_kept}"
          f" ({rights} without the episode's words and the main-pronunciation bar)")
    print("\n== the tense check, on the sentence alone")
    tense_slips = tense_rights = 0
    for which in options.episodes.split(","):
        for text, word, past, slip in doubted_tense(which, aligner):
            tense_slips, tense_rights = tense_slips + slip, tense_rights + (not slip)
            print(f"{'slip ' if slip else 'right'} {which:9s} {word} -> {past}  | {text}")
    print(f"\ntense slips doubted: {tense_slips}; right words doubted: {tense_rights}")


if __name__ == "__main__":
    main()
