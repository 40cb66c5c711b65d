"""What the lengths of a word's phones say where its acoustic fit cannot choose.

"Sixteen" and "sixty" differ in a final n (and a long vowel before it): the acoustic fit of the
two over the same audio is nearly equal, and now and then prefers the wrong one. The n's length
tells them apart. Aligned phone by phone as the -teen form, with its neighbours fixed around it,
the audio of a -teen gives the final n about as many frames as any consonant (five to a dozen
at 10 ms), while the audio of a -ty, which has no n, squeezes it to the three frames a phone
takes at the least (or four). A voiced stop after the number ("seventy guests") murmurs like an
n and lengthens it a little, so a short n counts as heard only when it also fits well.
The same holds for a consonant of a cluster ("plants" and "pants", "brakes" and "bakes"): aligned
with the consonant, audio that has it gives it five frames or more, audio without it three.
Measured on espeak-ng voices from 150 to 200 words a minute (tests/bench/hearing_material.py's
tuning material), never on its held-out episodes.
"""

from __future__ import annotations

import numpy as np

from editor.align.aligner import Aligner, PhoneSpan
from editor.align.text import Token
from editor.hearing.fit import SegmentFit, neighbourhood

NO_N_FRAMES = 4        # an n of at most this many frames is one the audio lacks
N_FRAMES = 7           # an n of at least this many frames is said
SHORT_N_FRAMES = 5     # ...and one of at least this many, when it also fits this well (log score per frame)
SHORT_N_FIT = -1.3
# A consonant of a cluster (the l of "plants", the r of "brakes") aligned where the audio may
# lack it: said when it takes at least this many frames and fits at least this well.
CONSONANT_FRAMES = 5
CONSONANT_FIT = -2.5
EDGE_MS = 30           # audio taken beyond the neighbouring words


def teen_said(tokens: list[Token], i: int, teen: str, fitted: SegmentFit, audio_16k: np.ndarray,
              audio_start_ms: int, aligner: Aligner) -> bool | None:
    """Whether the audio of token *i* (a -teen/-ty number) says the -teen form *teen*: True when
    its final n is there, False when the audio has none, None when its length cannot tell."""
    phones = word_phones(tokens, i, teen, fitted, audio_16k, audio_start_ms, aligner)
    if not phones or phones[-1].phone != "N":
        return None
    last = phones[-1]
    if last.frames <= NO_N_FRAMES:
        return False
    if last.frames >= N_FRAMES or (last.frames >= SHORT_N_FRAMES and last.log_score / last.frames >= SHORT_N_FIT):
        return True
    return None


def consonant_said(tokens: list[Token], i: int, other: str, sayings: list[str], fitted: SegmentFit,
                   audio_16k: np.ndarray, audio_start_ms: int, aligner: Aligner) -> bool:
    """Whether the audio of token *i* holds the consonant *other* adds to one of *sayings* (the
    text's word): *other* aligned in its place, that consonant takes CONSONANT_FRAMES or more
    ("plants" said where the text has "pants": the l is there), where audio without it squeezes
    it to the least a phone takes."""
    phones = word_phones(tokens, i, other, fitted, audio_16k, audio_start_ms, aligner)
    if not phones:
        return False
    said = [p.phone for p in phones]
    for k, phone in enumerate(phones):
        if " ".join(said[:k] + said[k + 1:]) in sayings:
            return phone.frames >= CONSONANT_FRAMES and phone.log_score / phone.frames >= CONSONANT_FIT
    return False


def word_phones(tokens: list[Token], i: int, word: str, fitted: SegmentFit, audio_16k: np.ndarray,
                audio_start_ms: int, aligner: Aligner) -> list[PhoneSpan] | None:
    """The phones of *word* aligned in place of token *i*, between its spoken neighbours (fixed)."""
    around = neighbourhood(tokens, i, fitted, len(audio_16k), audio_start_ms, EDGE_MS)
    if around is None:
        return None
    words = around.before + [word] + around.after
    if not all(aligner.prepare(words)[0]):
        return None
    phones = aligner.phones(audio_16k[around.lo:around.hi], words)
    return None if phones is None else phones[len(around.before)]
