"""Real-word slips two phones apart that the sentence strongly wants: "we except a big crowd" for "expect".

The context check (:mod:`.context`) and the near-consonant check (:mod:`.near_consonants`) ask about
words one phone from the text's. A recognizer also writes a word two phones away, a phone moved or
two changed ("except"/"expect", "quite"/"quiet"), which neither asks about: words two phones away
are many, and the language model wants one of them in many right sentences ("locked the gate":
"left"). So such a word is asked about only where every sign points at it: the text's word fits
clearly worse than its turn's typical word (:data:`~editor.hearing.context.AUDIO_ASK_BELOW`), and
the model strongly prefers the other word in its place, by as much as the context check lets the
model alone decide a one-phone word (:data:`~editor.hearing.context.CONTEXT_GAIN`, net of the two
words' general frequencies too; a word the model lacks, "apiary", is never asked: any word it knows is
likelier in its place). The light search then chooses between the text's word and those
(one short decode); one it chooses is aligned in the turn, and the word is a suspect when that fits
:data:`~editor.hearing.verdict.MARGIN` per frame of the word better (a verdict's margin: the audio
itself prefers it). On espeak-ng speech "expect" fitted 0.66 and 1.29 better where the audio said
it, and 1.1 to 1.7 worse where it said "except".

Words two phones away are found among the dictionary's words that start with the text's word's
first phone (a slip that keeps the onset: the search stays small), with an edit distance over
phones (rapidfuzz), once per pronunciation.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from editor.align.aligner import Aligner
from editor.align.text import Token
from editor.hearing.context import (
    AUDIO_ASK_BELOW,
    CONTEXT_GAIN,
    MAX_ASKED,
    asked_words,
    chosen_neighbour_suspects,
    context_model,
)
from editor.hearing.fit import SegmentFit
from editor.hearing.suspects import Suspect, WordDoubt, american
from editor.hearing.verdict import MARGIN

PHONES_APART = 2


def two_phone_suspects(text: str, tokens: list[Token], fitted: SegmentFit, doubts: list[WordDoubt],
                       audio_16k: np.ndarray, audio_start_ms: int, aligner: Aligner, segment: int,
                       segment_id: str, already: list[Suspect], chooser: Aligner | None = None) -> list[Suspect]:
    """Suspects of one turn where the audio says a word two phones from the text's that the
    sentence strongly wants (words *already* in a suspect are not asked; *chooser*: as for
    :func:`~editor.hearing.context.context_suspects`)."""
    asked = asked_words(tokens, doubts, text, already, AUDIO_ASK_BELOW)
    if not asked:
        return []
    model = context_model()

    def wanted_neighbours(words: list[str], at: int, word: str) -> list[str]:
        own = model.window(words, at, word)
        wanted = []
        for other in two_phones_from(tuple(aligner.pronunciations(word))):
            if other == word or not model.known(other) or american(other) == american(word):
                continue
            gain = model.window(words, at, other) - own
            if min(gain, gain - model.commoner(other, word)) >= CONTEXT_GAIN:
                wanted.append((gain, other))
        return [w for _, w in sorted(wanted, reverse=True)[:MAX_ASKED]]

    return chosen_neighbour_suspects(text, tokens, fitted, doubts, audio_16k, audio_start_ms, aligner, segment,
                                     segment_id, asked, wanted_neighbours, lambda word, chosen: MARGIN,
                                     ["audio", "context"], chooser)


@lru_cache(maxsize=8192)
def two_phones_from(sayings: tuple[str, ...]) -> tuple[str, ...]:
    """The dictionary's words exactly PHONES_APART phones from one of *sayings* that start with its first phone."""
    by_onset = _by_onset()
    found: set[str] = set()
    for saying in sayings:
        phones = saying.split()
        if not phones:
            continue
        keys, owners = by_onset.get(phones[0], ([], []))
        query = phone_code(phones)
        for _, distance, at in process.extract(query, keys, scorer=Levenshtein.distance,
                                               score_cutoff=PHONES_APART, limit=None):
            if distance == PHONES_APART:
                found.update(owners[at])
    return tuple(sorted(found))


_onsets: dict[str, tuple[list[str], list[list[str]]]] | None = None
_CODE: dict[str, str] = {}


def phone_code(phones: list[str]) -> str:
    """*phones* as one character each, for an edit distance over phones."""
    if not _CODE:
        _CODE.update((p, chr(0x100 + k)) for k, p in enumerate(context_model()._phones))
    return "".join(_CODE.get(p, "?") for p in phones)


def _by_onset() -> dict[str, tuple[list[str], list[list[str]]]]:
    """The dictionary's pronunciations grouped by first phone: (coded pronunciations, their words)
    for each, made once per process on first use."""
    global _onsets
    if _onsets is None:
        _onsets = {}
        for saying, words in context_model()._by_sound.items():
            phones = saying.split()
            keys, owners = _onsets.setdefault(phones[0], ([], []))
            keys.append(phone_code(phones))
            owners.append(list(words))
    return _onsets
