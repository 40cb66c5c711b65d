"""Real-word slips of a whole word that misfits alone: "the old changing cupboards" where the audio says "cubicles".

A recognizer now and then writes a word that shares only a few sounds with the one said
("cupboards"/"cubicles", "cater"/"crater"): no check that asks about a word's neighbours a phone or
two away (:mod:`.context`, :mod:`.misfit_slips`) reaches the right one, and the word misfits its turn
alone, its neighbours keeping their sounds, which :mod:`.suspects` does not count as the audio's
evidence on its own: a voice says some right words as badly. On the seen evaluation episodes of
tests/bench/hearing_material.py in two espeak-ng voices, ordinary words fitting their turn 2.6 per
frame or more under its typical word held the slips "cupboards", "cater", "rungs", "packed" (3.4 to 4.1
under) and as many right words ("tell" 4.1, "left" 3.4, "cellar" 3.4, "held" 3.0: one voice's short e):
how far a word misfits does not tell them apart, nor does a free phone loop over its frames (see
tests/bench/bench_slip_evidence.py).

What does is asking the recognizer again: PocketSphinx's own recognizer, its language model and whole
dictionary with it, decodes the word's place with its neighbours (:meth:`~editor.align.aligner.Aligner.recognize`),
free of the text. A word it hears there instead of the text's that the language model finds about as
likely in the sentence (:data:`LONE_GAIN`, net of the two words' general frequencies too) and that fits
the turn :data:`LONE_MARGIN` per frame of the word better is what the audio says: "cubicle" where the
text says "cupboards" (4.4 and 5.3 per frame better in the two voices), "rings" for "rungs" (3.3),
"went" for "sent" (3.4, 4.8). Where a voice says a right word oddly, the recognizer hears a word the
sentence does not want ("within" for a right "cellar", 2.4 orders of magnitude less likely net of
frequency; "myths" for "left", "retail" for "tell") or one that fits little better ("third" for "first"):
of the 50-odd right words asked on those episodes, none passed both bars (the nearest, "not" for a
right "armour.", 0.7 orders less likely net and 1.9 better). Only a word that misfits this much is
asked (about one word in 250): each question is one recognizer decode of about a second of audio
(about 0.7 s of CPU), and the recognizer, made on first use, takes about 0.4 s and 90 MB more.
"""

from __future__ import annotations

import numpy as np

from editor.align.aligner import Aligner
from editor.align.text import Token
from editor.hearing.context import (
    CHOICE_EDGE_MS,
    CONTEXT_DOUBT,
    _margin,
    asked_words,
    context_model,
    spoken_words,
)
from editor.hearing.fit import SegmentFit, neighbourhood
from editor.hearing.sound_match import VOWELS
from editor.hearing.suspects import FIT_BAD, Suspect, WordDoubt, american

LONE_BELOW = 2.6     # log score per frame the word fits under its turn's typical word, to be asked about
LONE_FIT = FIT_BAD + 0.5   # ...and worse than this: a bad fit by any measure
LONE_GAIN = -0.5     # orders of magnitude the heard word may leave the context less likely (net too)
LONE_MARGIN = 2.5    # per-frame score (of the word) the heard word must fit the turn better by


def shares_a_consonant(sayings: list[str], others: list[str]) -> bool:
    """Whether a pronunciation of *others* has a consonant that one of *sayings* has too.

    A recognizer that wrote the text's word heard the audio too: its slip keeps some of the said
    word's consonants ("cubicle"/"cupboards": k and b; "went"/"sent": n and t). Where the recognizer,
    asked again, hears a word sharing none ("money" where a voice said a right "rudder", its flapped d
    heard as an n), no recognizer would have written the text's word for it: the voice says the text's
    word oddly, and the free decode lands on whatever fits (it fitted 3.9 per frame better)."""
    consonants = {p for saying in sayings for p in saying.split() if p not in VOWELS}
    return any(p in consonants for other in others for p in other.split() if p not in VOWELS)


def lone_misfit_suspects(text: str, tokens: list[Token], fitted: SegmentFit, doubts: list[WordDoubt],
                         audio_16k: np.ndarray, audio_start_ms: int, aligner: Aligner, segment: int,
                         segment_id: str, already: list[Suspect], chooser: Aligner | None = None) -> list[Suspect]:
    """Suspects of one turn where a word misfitting it alone is, by the recognizer asked again, another
    word the sentence takes as well (words *already* in a suspect are not asked; *chooser* unused: the
    recognizer's own search decides)."""
    asked = [i for i in asked_words(tokens, doubts, text, already, LONE_BELOW) if fitted.tokens[i].fit <= LONE_FIT]
    if not asked:
        return []
    model = context_model()
    words, position = spoken_words(tokens, model)
    text_total = sum(p.log_score for p in fitted.pieces)
    found = []
    for i in asked:
        word = words[position[i]]
        if not model.known(word):
            continue        # (a word the model lacks is unlikely anywhere: it cannot judge it)
        around = neighbourhood(tokens, i, fitted, len(audio_16k), audio_start_ms, CHOICE_EDGE_MS)
        if around is None:
            continue
        heard = aligner.recognize(audio_16k[around.lo:around.hi]) or []
        own = model.window(words, position[i], word)
        for other in dict.fromkeys(heard):
            if (other in around.before or other in around.after or not other.isalpha() or len(other) < 3
                    or american(other) == american(word) or not model.known(other)):
                continue
            if not shares_a_consonant(aligner.pronunciations(word), aligner.pronunciations(other)):
                continue
            gain = model.window(words, position[i], other) - own
            if min(gain, gain - model.commoner(other, word)) < LONE_GAIN:
                continue
            usable, _ = aligner.prepare([other])
            margin = _margin(tokens, i, other, audio_16k, audio_start_ms, aligner, text_total,
                             fitted.tokens[i].frames) if usable[0] else None
            if margin is not None and margin >= LONE_MARGIN:
                doubt = doubts[i]
                found.append(Suspect(segment, segment_id, doubt.char_start, doubt.char_end,
                                     text[doubt.char_start:doubt.char_end], doubt.start_ms, doubt.end_ms,
                                     max(CONTEXT_DOUBT, doubt.doubt), ["audio"], past_bar=margin - LONE_MARGIN))
                break
    return found
