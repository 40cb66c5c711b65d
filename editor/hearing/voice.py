"""How a voice is heard across a whole episode, phone by phone, and what that says of its poor fits.

The audio alone makes a suspect of two words near each other that both fit clearly worse than their
turn's typical word (:func:`~editor.hearing.suspects.runs`). Some voices say some phones in a way the
acoustic model hears badly wherever they come (espeak-ng's en-us+f3 says its r-coloured vowels and its
short e so), and then two right words with such phones make that pair ("her family", "tells you
whether"). One turn cannot tell; the episode can: every word of it was fitted already, and each says
something about the phones it is made of.

:meth:`VoicePicture.learn` takes every spoken word of the episode (its fit against its turn's typical
word, its frames, its phones) and finds, by ridge regression, what each phone adds to a word's fit in
this voice: a word's fit against its turn is about the mean of its phones' parts. A real error fits
badly whatever its phones, so the few of an episode pull a phone's part down little, and the worst
fits are left out of a second and third round (they are what the picture is for, not what it learns
from). :func:`fits_the_voice` then asks the pair again with each word's shortfall net of what the
voice's picture expects for its phones.

Only a suspect made by the pair rule and nothing else
(:attr:`~editor.hearing.suspects.Suspect.from_fits`) is asked again so: a name heard, a word the context
wants are evidence the voice does not explain. Set on the seen episodes of
tests/bench/hearing_material.py in two espeak-ng voices (see :data:`SHRINK` and :data:`EXPECTED_WEIGHT`):
in en-us+f3 it explained eight of the pair rule's suspects on right words (its ER, EH and R the worst
parts, 0.4 to 1.3 per frame under the median word) and none of those on errors ("boiler best" and "pained
the carriages" are kept at half again the weight); en-us+f2 had no such suspects to explain. Left: pairs
that misfit more than their phones' parts say ("her family", "memory of her", "dark mild"). Learning an
hour's words takes ~0.2 s.

A voice's way with a vowel also shows in the checks that ask whether another word fits a misfitting
one's place better by a bar (:mod:`.misfit_slips`, :mod:`.lone_misfits`, :mod:`.near_consonants`, and
those built like them): en-us+f3 says its short e before an l or an f so far off that a right "sell"
fitted "send" and a right "left" fitted "live" just past their bars, where en-us+f2 fitted the text's
words better. A phone's part in the picture is its mean over every word (short e before an m or a t is
heard well), too little to tell; what tells is the vowel with the phone after it
(:func:`vowel_sounds`). :class:`VoiceSounds` keeps, for each such sound, how far the episode's other
words with it fit under their turns, and a suspect that went past its bar by less than their mean,
pulled towards none where few words have it (:func:`within_the_voice`), is how the voice says that
sound, not another word. A real slip's word fits badly where the voice says the same sound well in
other words, or goes past its bar by far more.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np

from editor.align.aligner import Aligner
from editor.align.text import Token
from editor.hearing.sound_match import VOWELS
from editor.hearing.suspects import SHORT_BELOW_WEIGHT, Suspect, WordDoubt, audio_pairs

if TYPE_CHECKING:
    from editor.hearing.listen import Heard

# A phone's part is pulled towards none by this many typical words' worth of frames: a phone heard
# in a word or two of a short episode says little of the voice.
SHRINK = 3.0
# The share of the expected shortfall taken off a word's: the picture is a rough one (a phone's part
# depends on its neighbours too), and a real error with the voice's poor phones must still count.
EXPECTED_WEIGHT = 1.0
# Words fitting this many standard deviations worse than the picture expects are left out of the
# next round of learning.
OUTLIER_SD = 2.5
ROUNDS = 3
# A vowel sound's shortfall is pulled towards none by this many words: one or two other words with it
# say less of how the voice says it than many.
SOUND_PRIOR = 1.0


@dataclass(frozen=True)
class VoicePicture:
    """What each phone adds to a word's fit against its turn's typical word, in one voice."""

    parts: dict[str, float]
    typical: float        # the expected fit of the episode's median word (the reference of a shortfall)

    @classmethod
    def learn(cls, doubts: Iterable[WordDoubt]) -> VoicePicture:
        words = [d for d in doubts if d.frames > 0 and d.phones]
        phones = sorted({p for d in words for p in d.phones})
        if not words or not phones:
            return cls({}, 0.0)
        column = {p: i for i, p in enumerate(phones)}
        shares = np.zeros((len(words), len(phones)))
        for row, d in enumerate(words):
            for p in d.phones:
                shares[row, column[p]] += 1 / len(d.phones)
        fits = np.array([d.fit_vs_turn for d in words])
        frames = np.array([float(d.frames) for d in words])
        kept = np.ones(len(words), bool)
        ridge = SHRINK * float(np.median(frames)) * np.eye(len(phones))
        for _ in range(ROUNDS):
            weight = frames * kept
            parts = np.linalg.solve(shares.T @ (shares * weight[:, None]) + ridge, shares.T @ (weight * fits))
            left = fits - shares @ parts
            spread = float(np.sqrt(np.average(left ** 2, weights=weight)))
            if spread == 0.0:       # the picture fits every word (one word, say): nothing to leave out
                break
            kept = left > -OUTLIER_SD * spread
        return cls({p: float(parts[column[p]]) for p in phones}, float(np.median(shares @ parts)))

    def expected_below(self, phones: Sequence[str]) -> float:
        """How much worse than the episode's median word this voice is heard saying *phones* (>= 0)."""
        if not phones:
            return 0.0
        return max(0.0, self.typical - sum(self.parts.get(p, 0.0) for p in phones) / len(phones))


def fits_the_voice(suspect: Suspect, doubts: list[WordDoubt], picture: VoicePicture) -> bool:
    """Whether *suspect* (of the turn whose words are *doubts*), made by the pair rule alone, is
    explained by how the voice says its words' phones: no pair is left there once each word's
    shortfall is net of what the voice's picture expects for its phones."""
    net = [replace(d, below=max(0.0, d.below - EXPECTED_WEIGHT * picture.expected_below(d.phones)
                                * (SHORT_BELOW_WEIGHT if d.short else 1.0))) for d in doubts]
    return not any(pair[0].char_start < suspect.char_end and suspect.char_start < pair[-1].char_end
                   for pair in audio_pairs(net))


def token_phones(token: Token, aligner: Aligner) -> tuple[str, ...]:
    """The phones of *token*'s spoken words as the aligner says them first (none when it cannot)."""
    return tuple(p for word in token.spoken for p in (aligner.lookup(word) or "").split())


def vowel_sounds(phones: Sequence[str]) -> set[tuple[str, str]]:
    """Each vowel of *phones* with the phone after it ("" at the word's end): where a voice's way
    with a vowel shows, as en-us+f3's short e before an l or an f ("sell", "bell", "left")."""
    return {(p, phones[k + 1] if k + 1 < len(phones) else "") for k, p in enumerate(phones) if p in VOWELS}


@dataclass(frozen=True)
class VoiceSounds:
    """How far under their turns' typical word the episode's words with each vowel sound fit (every
    word that is not reduced in speech, and its place)."""

    heard: dict[tuple[str, str], list[tuple[int, int, float]]]   # sound -> (segment, token, below)

    @classmethod
    def learn(cls, doubts_of: dict[int, list[WordDoubt]]) -> VoiceSounds:
        heard: dict[tuple[str, str], list[tuple[int, int, float]]] = {}
        for segment, doubts in doubts_of.items():
            for d in doubts:
                if d.frames > 0 and not d.short:
                    for sound in vowel_sounds(d.phones):
                        heard.setdefault(sound, []).append((segment, d.token, d.below))
        return cls(heard)

    def shortfall(self, segment: int, word: WordDoubt) -> float:
        """How far under its turn the voice says *word*'s worst vowel sound elsewhere in the episode:
        the mean of the other words with it, pulled towards none by SOUND_PRIOR words (0 when none)."""
        worst = 0.0
        for sound in vowel_sounds(word.phones):
            others = [below for s, t, below in self.heard.get(sound, ()) if (s, t) != (segment, word.token)]
            worst = max(worst, sum(others) / (len(others) + SOUND_PRIOR))
        return worst


def within_the_voice(suspect: Suspect, doubts: list[WordDoubt], sounds: VoiceSounds) -> bool:
    """Whether *suspect*, made by another word fitting its turn better than the text's by a check's
    bar, went past that bar by less than the voice's shortfall on its word's vowel sounds: a voice
    that says a sound poorly wherever it comes lowers every right word with it by about that much,
    and a word without that sound fits the same audio better by as much."""
    if suspect.past_bar is None:
        return False
    words = [d for d in doubts if d.char_start < suspect.char_end and suspect.char_start < d.char_end]
    return bool(words) and suspect.past_bar < max(sounds.shortfall(suspect.segment, d) for d in words)


def judged_at_the_end(suspect: Suspect) -> bool:
    """Whether the audio alone made *suspect* in a way the voice's way with its phones may explain:
    the pair rule, or another word fitting past a check's bar."""
    return suspect.from_fits or (suspect.evidence == ["audio"] and suspect.past_bar is not None)


def voice_explained(suspects: list[Suspect], doubts_of: dict[int, list[WordDoubt]],
                    picture: VoicePicture) -> list[Suspect]:
    """The suspects of *suspects* the audio alone made that the voice explains (*doubts_of*: each
    segment's word doubts): by the pair rule, its words' phones (*picture*); by another word fitting
    past a bar, the episode's other words with its vowel sounds (:class:`VoiceSounds`)."""
    sounds = VoiceSounds.learn(doubts_of)
    return [s for s in suspects if judged_at_the_end(s) and s.evidence == ["audio"] and s.segment in doubts_of
            and (fits_the_voice(s, doubts_of[s.segment], picture) if s.from_fits
                 else within_the_voice(s, doubts_of[s.segment], sounds))]


def pairs_judged_at_the_end(heard: Iterable[Heard]) -> Iterator[Heard]:
    """Each turn of a whole episode's pass as heard, less the suspects the pair rule alone made;
    once every turn is heard, each turn that had such suspects again, with those the voice's
    picture does not explain (a pass cut short shows none of them: no picture to judge them by).

    For a window that shows each turn as it comes: what it is given for a turn the second time
    replaces the first."""
    doubts_of: dict[int, list[WordDoubt]] = {}
    held: list[Heard] = []
    for turn in heard:
        doubts_of[turn.index] = turn.doubts
        judged = [s for s in turn.suspects if judged_at_the_end(s)]
        if judged:
            held.append(turn)
            turn = replace(turn, suspects=[s for s in turn.suspects if not judged_at_the_end(s)])
        yield turn
    if not held:
        return
    picture = VoicePicture.learn(d for doubts in doubts_of.values() for d in doubts)
    for turn in held:
        explained = {id(s) for s in voice_explained(turn.suspects, doubts_of, picture)}
        if len(explained) < sum(judged_at_the_end(s) for s in turn.suspects):
            yield replace(turn, suspects=[s for s in turn.suspects if id(s) not in explained])
