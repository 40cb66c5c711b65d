"""Real-word slips a vowel or a consonant apart where the text's word clearly misfits its turn:
"bride" where the audio says "bridge", "slapped" for "slipped".

The context check (:mod:`.context`) asks about a word one phone from the text's when the
language model wants it (or, where the audio leads, when the word fits worse than a fair fit);
the two-phone check (:mod:`.two_phones`) only when the model wants the other word by as much as it
may decide a one-phone word alone. A recognizer's slips a vowel apart or a consonant short fall
between them: the model wants the right word, but not by that much ("the old bridge" over "the old
bride" by 2.9 orders of magnitude, 2.1 net of the two words' frequencies), or barely at all.

What such slips share is the audio's doubt: the text's word fits clearly worse than its turn's
typical word (:data:`MISFIT_BELOW`, twice what the audio-led check of :mod:`.context` asks for).
Only such a word is asked about its neighbours one phone away, or two away and starting with its
first phone (as in :mod:`.two_phones`), that the model does not find less likely in its place,
also net of the two words' general frequencies (a rare right word, "heron", makes the model want a
common one: "hidden"). The light search chooses among the word and the likeliest
:data:`MISFIT_ASKED` of them (one short decode, however many), and one it chooses is aligned in the
turn (one alignment): the word is a suspect when that fits :data:`MISFIT_MARGIN` per frame of the
word better (a vowel alone, or a vowel for one of its height or the next beside a changed
consonant: the audio-led check's bars, :func:`.context.vowel_margin`; and its far consonant's bar
for a consonant of another manner and place, or a nasal for an l or r). Tuned on the "slips2" lines and the
"fresh6" episode of tests/bench/hearing_material.py in two espeak-ng voices, and checked on every
other episode there: the slips asked about fitted their chosen neighbour 1.1 to 9 per frame
better; right words asked about fitted theirs at most 0.91 better ("harbour"/"Harvard"), but for
"heron"/"hidden" (1.39, before the frequencies were netted out) and a vowel a voice moves
("hill."/"wheel", 1.7).

Tried and left: a wider choice (every word one phone away that the model finds at most ten times
less likely, chosen by the audio) found "painted" for "pained" and "slipped" itself, but doubted a
right "bell" (it fitted "bill" 2.9 per frame better in one voice) and "door" ("war", 1.7). A slip
that fits as well as the turn's right words ("lift" where the audio says "left", "flesh" for
"flash", "fond" for "found") is beyond any such check: the light search chose the text's word,
or the turn fitted it better, in both voices.

Also tried and left, on every seen episode of tests/bench/hearing_material.py in two voices: a
slip of the first consonant the model does not want ("a new task of ale" where the audio says
"cask": the model finds "cask" 2000 times less likely there) asked about every word with its first
consonant changed, whatever the model thinks. The slips' chosen neighbour fitted the turn 0.4 to 1.3
per frame better ("task"/"cask", "parts"/"darts"), right words' up to 3.3 ("down" said fitted
"noun", "whole" fitted "bowl" 2.6, "sells" fitted "yells" 1.6); nor was the first phone's own fit
a sign (a voice's weak h fitted -8 to -10 per frame, the slips' first consonant -3.7 to -7.8). And
a dropped ending ("pull" where the audio says "pulled" before "four") leaves no length to measure:
"pulled" aligned in its place gave its d the three frames a phone takes at the least, as where the
audio said "pull", and the turn fitted "pulled" 0.3 per frame worse.

Nor does measuring the gain over the phones that differ rather than the whole word tell slips from
right words better (tests/bench/bench_slip_evidence.py --phone-gain; "fresh15" and "fresh16" in two
voices, 20 slips, each with its right word put in its place, against the neighbour the light search
chose for every right word). Per frame of the word, 5 slips gained 1.0 or more, right words up to
3.1 ("bells" fitted "build" in en-us+f3); per frame of the differing phones, right words gained up
to 10.3 ("ripe"/"right": a one-phone end fits little better and has few frames), and only 3 slips
more; the differing phones' own fit, 4 slips more than any right word's 4.7: "muffins", which the
check finds already, and "pops", whose right word is never asked ("pips": the model finds it as
likely, but six words two phones away likelier, and given the one-phone words first the light
search chose "pipes"). The rest gain little or nothing where
the audio says the right word ("bell" for a written "bill" fitted 1.4 and 2.3 per frame worse in the
two voices, "pull" for "bull" -0.3 and 0.3, "climbed" for "climb" -0.2 and 0.1): the voice says
them near the written word, and no measure of this acoustic model's fit finds them.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz.distance import Levenshtein

from editor.align.aligner import Aligner
from editor.align.text import Token
from editor.hearing.context import (
    _HEIGHT,
    AUDIO_FAR_CONSONANT_MARGIN,
    AUDIO_VOWEL_MARGIN,
    _end_apart,
    _flap_heard_otherwise,
    _made_otherwise,
    _nasal_for_liquid,
    asked_words,
    chosen_neighbour_suspects,
    context_model,
    vowel_margin,
)
from editor.hearing.fit import SegmentFit
from editor.hearing.near_consonants import liquid_after_vowel
from editor.hearing.suspects import Suspect, WordDoubt, american
from editor.hearing.two_phones import phone_code, two_phones_from

MISFIT_BELOW = 1.0    # log score per frame the word fits under its turn's typical word, to be asked about
MISFIT_GAIN = 0.0     # orders of magnitude the neighbour may leave its context less likely (none)
MISFIT_ASKED = 6      # neighbours the light search chooses among, the likeliest first
MISFIT_MARGIN = 1.0   # per-frame score (of the word) the chosen neighbour must fit the turn better by


def misfit_slip_suspects(text: str, tokens: list[Token], fitted: SegmentFit, doubts: list[WordDoubt],
                         audio_16k: np.ndarray, audio_start_ms: int, aligner: Aligner, segment: int,
                         segment_id: str, already: list[Suspect], chooser: Aligner | None = None) -> list[Suspect]:
    """Suspects of one turn where a word that clearly misfits it is, by the audio, a word one or
    two phones from the text's (words *already* in a suspect are not asked; *chooser*: as for
    :func:`~editor.hearing.context.context_suspects`)."""
    asked = asked_words(tokens, doubts, text, already, MISFIT_BELOW)
    if not asked:
        return []

    def neighbours(words: list[str], at: int, word: str) -> list[str]:
        return neighbours_not_less_likely(words, at, aligner.pronunciations(word))

    def bar(word: str, chosen_word: str) -> float | None:
        return slip_bar(aligner.pronunciations(word), aligner.pronunciations(chosen_word))

    return chosen_neighbour_suspects(text, tokens, fitted, doubts, audio_16k, audio_start_ms, aligner, segment,
                                     segment_id, asked, neighbours, bar, ["audio"], chooser)


def slip_bar(sayings: list[str], others_said: list[str]) -> float | None:
    """The margin (per frame of the word) by which the turn must fit a neighbour said as one of
    *others_said* better than the text's word said as one of *sayings*, for the word to be a slip
    (None: never)."""
    # A vowel alone is what a voice moves: the audio-led check's bars for it (a right "bell"
    # fitted "bill" 2.9 per frame better in one voice).
    least = vowel_margin(sayings, others_said)
    if least is None or _flap_heard_otherwise(sayings, others_said):
        # (Nor a flapped t or d heard as a nasal or a th, as where the audio leads.)
        return None
    if _near_height_vowel(sayings, others_said):
        # ...and so is a vowel for one of its height or the next beside a changed consonant (a
        # right "hill." at a sentence's end fitted "wheel" 1.7 per frame better in one voice, a
        # right "fells" fitted "fans" 1.08 better in another).
        least = max(least, AUDIO_VOWEL_MARGIN)
    if (_made_otherwise(sayings, others_said) or _nasal_for_liquid(sayings, others_said)
            or liquid_after_vowel(sayings, others_said)):
        # ...and a consonant for one made in another manner at another place, or a nasal for an
        # l or r, as where the audio leads (:data:`.context.AUDIO_FAR_CONSONANT_MARGIN`): a voice's
        # l has a murmur of its own, and a right "bell" fitted "ben" 1.4 per frame better in one;
        # and an l for an r after a vowel, the vowel's glide or colour (see
        # :func:`.near_consonants.liquid_after_vowel`).
        least = max(least, AUDIO_FAR_CONSONANT_MARGIN)
    return max(least, MISFIT_MARGIN)


def neighbours_not_less_likely(words: list[str], at: int, sayings: list[str]) -> list[str]:
    """The words one phone from ``words[at]`` (said as one of *sayings*), or two phones and
    starting with its first phone, that leave its context at least MISFIT_GAIN as likely, the
    likeliest MISFIT_ASKED first. Not one said alike or its other spelling; nor one that is the word
    with a last phone added or dropped, which is how a word's end is said ("issued" fitted "issue"
    2.6 per frame better in one voice); nor one that loses an r-coloured vowel the word has, which a
    voice drops from a right word ("burst" fitted "but" 1.5 better)."""
    model = context_model()
    word = words[at]
    own = model.window(words, at, word)
    candidates = (model.sound_alikes(sayings) - model.homophones(sayings)) | set(two_phones_from(tuple(sayings)))
    gains = []
    for other in candidates:
        if (other == word or not model.known(other) or american(other) == american(word)
                or _end_apart(sayings, model._sayings(other)) or r_colour_lost(sayings, model._sayings(other))):
            continue
        gain = model.window(words, at, other) - own
        if min(gain, gain - model.commoner(other, word)) >= MISFIT_GAIN:
            gains.append((gain, other))
    return [w for _, w in sorted(gains, reverse=True)[:MISFIT_ASKED]]


def r_colour_lost(sayings: list[str], others: list[str]) -> bool:
    """Whether every pronunciation of *others* has fewer r-coloured vowels (ER) than every one of
    *sayings* ("B ER S T"/"B AH T": burst/but)."""
    return bool(sayings and others) and (max(o.split().count("ER") for o in others)
                                         < min(s.split().count("ER") for s in sayings))


# The plain vowels' heights in order: a voice moves a vowel to its own height or the next, seldom
# from high to low (see :func:`.context.heights_apart`).
_HEIGHT_STEP = {"high": 0, "mid": 1, "low": 2}


def _near_height_vowel(sayings: list[str], others: list[str]) -> bool:
    """Whether every pronunciation of *others* two phones from one of *sayings* changes one of
    its plain vowels for another of the same height or the next, not the r-coloured one
    ("HH IH L"/"HH W IY L": hill/wheel; "F EH L Z"/"F AE N Z": fells/fans): how a voice says
    the word, as "hills" near "heels"."""
    found = False
    for saying in sayings:
        a = saying.split()
        for other in others:
            b = other.split()
            if Levenshtein.distance(phone_code(a), phone_code(b)) != 2:
                continue
            changed = [(a[op.src_pos], b[op.dest_pos]) for op in Levenshtein.editops(phone_code(a), phone_code(b))
                       if op.tag == "replace"]
            if not any(_vowel_step(x, y) for x, y in changed):
                return False
            found = True
    return found


def _vowel_step(x: str, y: str) -> bool:
    """Whether *x* and *y* are two plain vowels (not ER) at most one height apart."""
    if "ER" in (x, y) or x not in _HEIGHT or y not in _HEIGHT:
        return False
    return abs(_HEIGHT_STEP[_HEIGHT[x]] - _HEIGHT_STEP[_HEIGHT[y]]) <= 1
