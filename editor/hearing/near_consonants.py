"""Real-word slips a consonant apart that the audio hears: "sold" where the audio says "told".

A recognizer's commonest real-word slips change one consonant for its nearest neighbour: one made
at the same place in the mouth with the other voicing ("rode"/"wrote", "coat"/"goat"), the stop
for the fricative made there ("sold"/"told"), or l for r ("glass"/"grass"). Such a slip fits the
audio nearly as well as the right word, often as well as the turn's other words: the acoustic fit
alone (:mod:`.suspects`) does not doubt it, and the context check (:mod:`.context`) asks about a
well-fitting word only when the language model wants another.

Yet over the same frames, the turn aligned again with the word the audio says fits clearly
better. On the seen evaluation episodes and new lines in two espeak-ng voices, the slips caught
gained 0.58 to 1.34 per frame of the word (others 0.5 or less: left alone), while right words
gained at most 0.40 from such a neighbour of their own, and most lost. The check is narrow, so it
asks few words (about one ordinary word in thirty): an ordinary word (:func:`.context.ordinary`,
not one reduced in speech) that no other check has doubted, with such a neighbour that the
language model does not find less likely in its place, also net of the two words' general
frequencies. The light search first chooses between the word and those neighbours (one short
decode); only a neighbour it chooses is aligned in the turn, and it is a suspect when it fits
:data:`NEAR_MARGIN` per frame of the word better.

A vowel for another is left to :mod:`.context`: voices move vowels, and right words gained as much
from a vowel-apart word as the vowel slips did ("hill" fitted "hall" 0.68 better). Nor is a word's
last t asked about against a d, or a d against a t, where the next word starts with a vowel:
American speech says both as one flap there ("meat in", "mead in"), and a right "mead in the autumn"
fitted "meat" 0.54 per frame better in one voice.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from editor.align.aligner import Aligner
from editor.align.text import Token
from editor.hearing.context import (
    _CONSONANTS,
    AUDIO_ASK_GAIN,
    CONTEXT_DOUBT,
    MAX_ASKED,
    _chosen,
    _margin,
    _one_phone_places,
    asked_words,
    context_model,
    spoken_words,
)
from editor.hearing.fit import SegmentFit
from editor.hearing.sound_match import VOWELS
from editor.hearing.suspects import Suspect, WordDoubt, american

NEAR_MARGIN = 0.5   # per-frame score (of the word) the neighbour must fit the turn better by
# A stop and a fricative of one place are told apart by the audio ("sold"/"told"); an affricate is a
# stop run into its fricative, and a fricative after a vowel or an r fits it nearly as well ("marsh"
# said fitted "march" 0.54 per frame better in one voice): only its voicing counts.
_STOP_OR_FRICATIVE = frozenset(("stop", "fricative"))


def near_consonant_suspects(text: str, tokens: list[Token], fitted: SegmentFit, doubts: list[WordDoubt],
                            audio_16k: np.ndarray, audio_start_ms: int, aligner: Aligner, segment: int,
                            segment_id: str, already: list[Suspect], chooser: Aligner | None = None) -> list[Suspect]:
    """Suspects of one turn where the audio says a word a near consonant from the text's
    (words *already* in a suspect are not asked; *chooser*: as for
    :func:`~editor.hearing.context.context_suspects`)."""
    asked = asked_words(tokens, doubts, text, already)
    if not asked:
        return []
    model = context_model()
    words, position = spoken_words(tokens, model)
    text_total: float | None = None
    found = []
    for i in asked:
        word = words[position[i]]
        sayings = aligner.pronunciations(word)
        flapped = _before_vowel(tokens, i, aligner)
        neighbours = [w for w in _neighbour_words(tuple(sayings))
                      if w != word and model.known(w) and american(w) != american(word)
                      and not (flapped and _last_t_for_d(sayings, model._sayings(w)))
                      and not liquid_after_vowel(sayings, model._sayings(w))]
        if not neighbours:
            continue
        # Those the model does not find less likely than the text's word, likeliest first; also
        # net of the two words' general frequencies: a rare right word makes the model want a common
        # one in its place nearly anywhere ("weighs nearly a tonne": "son", 1.3 orders of magnitude
        # likelier, 0.8 less likely net), and a voice's tonne fitted son 0.9 and 1.3 per frame better.
        # Every near-consonant slip of the seen material the model does not find less likely is as
        # likely net too (by 0.19 orders or more: "bump" for "pump").
        own = model.window(words, position[i], word)
        gains = sorted(((model.window(words, position[i], w) - own, w) for w in neighbours), reverse=True)
        others = [w for gain, w in gains
                  if min(gain, gain - model.commoner(w, word)) >= AUDIO_ASK_GAIN][:MAX_ASKED]
        if not others:
            continue
        chosen_word = _chosen(tokens, i, others, fitted, audio_16k, audio_start_ms, chooser or aligner)
        if chosen_word is None or chosen_word not in others:
            continue
        if text_total is None:
            text_total = sum(p.log_score for p in fitted.pieces)
        margin = _margin(tokens, i, chosen_word, audio_16k, audio_start_ms, aligner, text_total,
                         fitted.tokens[i].frames)
        if margin is not None and margin >= NEAR_MARGIN:
            doubt = doubts[i]
            found.append(Suspect(segment, segment_id, doubt.char_start, doubt.char_end,
                                 text[doubt.char_start:doubt.char_end], doubt.start_ms, doubt.end_ms,
                                 max(CONTEXT_DOUBT, doubt.doubt), ["audio"], past_bar=margin - NEAR_MARGIN))
    return found


def _before_vowel(tokens: list[Token], i: int, aligner: Aligner) -> bool:
    """Whether token *i* runs into a next word of its turn that starts with a vowel (no
    punctuation between them): American speech says a last t or d there as one flap
    ("meat in", "mead in"), and the audio does not tell the two apart."""
    if i + 1 >= len(tokens) or not tokens[i + 1].spoken or not tokens[i].text[-1:].isalnum():
        return False
    following = aligner.pronunciations(tokens[i + 1].spoken[0])
    return bool(following) and all(saying.split()[0] in VOWELS for saying in following)


def liquid_after_vowel(sayings: list[str], others: list[str]) -> bool:
    """Whether every pronunciation of *others* one phone changed from one of *sayings* has an l for
    an r right after a vowel, or the other way ("HH EH R AH N Z"/"HH EH L AH N Z": herons/helens).

    After a vowel an r is the vowel's colour and an l its glide (see
    :func:`.context._cluster_apart`): neither is a consonant of its own that the audio hears
    apart, and a voice's right "herons" fitted "helens" 1.1 per frame better, as much as the slips
    this check finds gain. The recognizer's own l-for-r slips are a consonant's, beside another
    consonant or at a word's start ("glass"/"grass", "light"/"right")."""
    found = False
    for a, b, k in _one_phone_places(sayings, others):
        if not ({a[k], b[k]} == {"L", "R"} and k > 0 and a[k - 1] in VOWELS):
            return False
        found = True
    return found


def _last_t_for_d(sayings: list[str], others: list[str]) -> bool:
    """Whether every pronunciation of *others* one phone from one of *sayings* swaps the word's
    last phone, a t for a d or the other way ("M IY D"/"M IY T": mead/meat)."""
    changed = _one_phone_swaps(sayings, others)
    return bool(changed) and all(last and {x, y} == {"T", "D"} for x, y, last in changed)


@lru_cache(maxsize=8192)
def _neighbour_words(sayings: tuple[str, ...]) -> tuple[str, ...]:
    """The dictionary's words a near consonant from one of *sayings* (not said alike), worked out
    once per pronunciation: most words have none, and then the model is not asked at all."""
    model = context_model()
    alikes = model.sound_alikes(list(sayings)) - model.homophones(list(sayings))
    return tuple(sorted(w for w in alikes if near_consonants(list(sayings), model._sayings(w))))


def near_consonants(sayings: list[str], others: list[str]) -> bool:
    """Whether every pronunciation of *others* one phone from one of *sayings* changes a consonant
    for its nearest neighbour: l for r, or one made at the same place that differs in voicing
    alone or is the stop for its fricative ("S OW L D"/"T OW L D": sold/told; "R OW D"/"R OW T":
    rode/wrote). A nasal, a glide or a consonant made elsewhere is a change the audio tells apart
    less surely from a voice's way with a right word ("wall" said near "mall").

    A word's last consonant counts by its voicing only: a stop for a fricative there is a verb's
    other ending ("carries"/"carried"), said softly into the next word, and a right "carries"
    fitted "carried" 0.75 per frame better in one voice."""
    changed = _one_phone_swaps(sayings, others)
    return bool(changed) and all(_neighbours(x, y, last) for x, y, last in changed)


def _one_phone_swaps(sayings: list[str], others: list[str]) -> list[tuple[str, str, bool]]:
    """For each pair of pronunciations (one of *sayings*, one of *others*) that differ in one phone
    alone: that phone in each and whether it is the word's last."""
    return [(a[k], b[k], k == len(a) - 1) for a, b, k in _one_phone_places(sayings, others)]


def _neighbours(x: str, y: str, last: bool) -> bool:
    """Whether consonant *y* is a near neighbour of *x* (*last*: the word's last phone)."""
    if {x, y} == {"L", "R"}:
        return True
    if x not in _CONSONANTS or y not in _CONSONANTS:
        return False
    (voice_x, manner_x, place_x), (voice_y, manner_y, place_y) = _CONSONANTS[x], _CONSONANTS[y]
    if place_x != place_y:
        return False
    if manner_x == manner_y:
        return voice_x != voice_y and manner_x in _STOP_OR_FRICATIVE | {"affricate"}
    return not last and voice_x == voice_y and {manner_x, manner_y} == _STOP_OR_FRICATIVE
