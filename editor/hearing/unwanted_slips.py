"""Real-word slips the sentence does not want but does not rule out, where the text's word clearly
misfits its turn: "cut back to the stalls" where the audio says "stools", "a full court of hazel"
where it says "cord", "a steel hedge" where it says "wedge".

The other checks that put a word's neighbours to the audio (:mod:`.context`, :mod:`.misfit_slips`)
offer it only the neighbours the language model finds at least as likely in the text's word's place,
the likeliest first. A trigram model sees two words either side: it cannot know that stools are what
hazel is cut back to, that a cord measures wood, or that logs are split with a wedge, and there it
finds the right word somewhat less likely than the written one, or than other neighbours ("store",
"sort", "him") that the audio then rejects. So the right word is never offered.

Here the audio leads and the model only rules out: a word fitting its turn clearly worse than its
typical word (:data:`UNWANTED_BELOW`) is put to the light search together with *every* word one phone
from it, one phone changed (not added or dropped: a voice's vowel glides into an l or a nasal, and a
right "rose" in "the moon rose over the trees" fitted "rolls" 3.3 per frame better; a consonant of a
cluster put back is :mod:`.context`'s question, measured by its length) that
the model does not find more than :data:`UNWANTED_GAIN` orders of magnitude less likely in its place
(plain and net of the two words' general frequencies), the likeliest :data:`UNWANTED_ASKED` of them:
one short decode whatever their number. One it chooses is aligned in the turn, and the word is a
suspect when the turn fits that clearly better per frame of the word (:func:`unwanted_bar`: only a
vowel a voice does not move that far, or any consonant by a high bar). Not one losing an r-coloured
vowel the text's word has (how a voice says a right word's ending).
"""

from __future__ import annotations

import numpy as np

from editor.align.aligner import Aligner
from editor.align.text import Token
from editor.hearing.context import (
    asked_words,
    chosen_neighbour_suspects,
    context_model,
    heights_apart,
    one_phone_changed,
    vowel_apart,
)
from editor.hearing.fit import SegmentFit
from editor.hearing.misfit_slips import r_colour_lost, slip_bar
from editor.hearing.suspects import Suspect, WordDoubt, american

UNWANTED_BELOW = 1.0    # log score per frame the word fits under its turn's typical word, to be asked about
UNWANTED_GAIN = -3.0    # orders of magnitude a neighbour may leave the word's context less likely (plain and net)
UNWANTED_ASKED = 16     # neighbours the light search chooses among, the likeliest first
UNWANTED_MARGIN = 3.0   # per-frame score (of the word) the chosen neighbour must fit the turn better by...
UNWANTED_VOWEL_MARGIN = 2.0  # ...and one a high vowel for a low one or back from it (see unwanted_bar)


def unwanted_slip_suspects(text: str, tokens: list[Token], fitted: SegmentFit, doubts: list[WordDoubt],
                           audio_16k: np.ndarray, audio_start_ms: int, aligner: Aligner, segment: int,
                           segment_id: str, already: list[Suspect], chooser: Aligner | None = None) -> list[Suspect]:
    """Suspects of one turn where a word that clearly misfits it is, by the audio, a word one phone
    from the text's that the sentence does not rule out (words *already* in a suspect are not asked;
    *chooser*: as for :func:`~editor.hearing.context.context_suspects`)."""
    asked = asked_words(tokens, doubts, text, already, UNWANTED_BELOW)
    if not asked:
        return []

    def neighbours(words: list[str], at: int, word: str) -> list[str]:
        return neighbours_not_ruled_out(words, at, aligner.pronunciations(word))

    def bar(word: str, chosen_word: str) -> float | None:
        return unwanted_bar(aligner.pronunciations(word), aligner.pronunciations(chosen_word))

    return chosen_neighbour_suspects(text, tokens, fitted, doubts, audio_16k, audio_start_ms, aligner, segment,
                                     segment_id, asked, neighbours, bar, ["audio"], chooser)


def unwanted_bar(sayings: list[str], others: list[str]) -> float | None:
    """The margin (per frame of the word) by which the turn must fit a neighbour said as one of
    *others* better than the text's word said as one of *sayings* (None: never, whatever the fit).

    The model does not want the neighbour here, so the audio alone must show it: a vowel a voice
    moves to its neighbour ("bell" heard as "bail" or "bill", "sell" as "seal", "left" as "lift":
    2.5 to 3.7 per frame better for right words in one voice) is never enough, only a high vowel for
    a low one or back (:func:`.context.heights_apart`: "stalls" said "stools", 2.3 and 3.4 per
    frame better; "pops" said "pips" fitted "peeps" 5.4 better), by UNWANTED_VOWEL_MARGIN (a right
    "good" fitted "god" 1.5 better); any other pair by UNWANTED_MARGIN, above every right word measured
    (a right "kept" fitted "leapt" 2.9 better, a right "door." at a sentence's end "gore" 2.3), or by
    the bar of :mod:`.misfit_slips` for it where that is higher. Measured with
    tests/bench/bench_unwanted_slips.py on the seen episodes "fresh15" to "fresh20", "slips", "slips2" and
    "tuned" in two espeak-ng voices (the audio saying the right words, and the control): no slip of a
    consonant cleared even the lower bar of 2.5; the "cord" said for a written "court" and the "wedge"
    for "hedge" were never the audio's choice, or fitted under 1.0 better."""
    least = slip_bar(sayings, others)
    if least is None:
        return None
    if vowel_apart(sayings, others):
        return max(least, UNWANTED_VOWEL_MARGIN) if heights_apart(sayings, others) else None
    return max(least, UNWANTED_MARGIN)


def neighbours_not_ruled_out(words: list[str], at: int, sayings: list[str]) -> list[str]:
    """The words one phone from ``words[at]`` (said as one of *sayings*) that leave its context at
    most UNWANTED_GAIN orders of magnitude less likely, plain and net of frequency, the likeliest
    UNWANTED_ASKED first (see the module's docstring for those left out)."""
    model = context_model()
    word = words[at]
    own = model.window(words, at, word)
    gains = []
    for other in model.sound_alikes(sayings) - model.homophones(sayings):
        others_said = model._sayings(other)
        if (other == word or not model.known(other) or american(other) == american(word)
                or not one_phone_changed(sayings, others_said) or r_colour_lost(sayings, others_said)):
            continue
        gain = model.window(words, at, other) - own
        least = min(gain, gain - model.commoner(other, word))
        if least >= UNWANTED_GAIN:
            gains.append((least, other))
    return [w for _, w in sorted(gains, reverse=True)[:UNWANTED_ASKED]]
