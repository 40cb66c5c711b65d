"""Ask the audio which of two texts it says: align each over the same frames and compare.

The passage is aligned with a word of context on each side, in a little silence, once as the
transcript has it (its capitals said as letters or as the word they spell, whichever fits) and
once with the candidate in its place. Both alignments cover exactly the same audio, so their
total acoustic scores (every frame, silences included) are comparable; the difference per frame
of the passage is the *margin*: positive when the candidate fits better.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import numpy as np

from editor.align.aligner import RATE, Aligner
from editor.align.g2p import LETTERS
from editor.align.text import spoken_words
from editor.core.transcript import Segment

AGREES = "agrees"
PREFERS_ORIGINAL = "prefers original"
UNSURE = "unsure"
SOUNDS_ALIKE = "sounds alike"   # the two texts are said (nearly) alike: the audio cannot choose, the text does

MARGIN = 0.25          # per-frame log-score difference needed for a verdict either way
# A candidate only "agrees" when it also fits on its own (about as well as a right word) and
# takes most of the passage's time: a short word plus silence can beat garbage, and is no answer.
AGREE_FIT = -3.0
AGREE_COVERAGE = 0.5
VOWEL_MARGIN = 1.0     # a margin (per frame) beyond what a vowel said otherwise makes
SAME_SOUND = 0.25      # share of phones two texts may differ by and still be said alike
# The region's audio runs from its first context word's start to its last one's end, with this
# much silence put on either side. Padding it with the audio around (the neighbouring words'
# edges) made the search fail to end now and then, a few milliseconds more or less of the same
# audio deciding (both texts then unaligned: no verdict); in silence it ends where the words do.
SILENCE_MS = 150
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class Verdict:
    label: str         # AGREES, PREFERS_ORIGINAL or UNSURE
    margin: float      # candidate minus original, log score per frame of the passage
    fit: float = 0.0   # the candidate's own per-frame score
    coverage: float = 0.0  # share of the passage's time the candidate's words take (not silence)

    @property
    def rejected(self) -> bool:
        return self.label == PREFERS_ORIGINAL


@dataclass(frozen=True)
class Region:
    """A passage in its context and the audio times around it."""

    before: str
    original: str
    after: str
    start_ms: int          # audio to take (its context words included)
    end_ms: int
    passage_ms: int        # the passage's own duration (the margin's denominator)


def region(segment: Segment, char_start: int, char_end: int, context: int = 1) -> Region | None:
    """The passage ``segment.text[char_start:char_end]`` with *context* words each side.

    Needs word times (aligned or imported); None when the segment has none for the passage.
    """
    tokens = list(_TOKEN.finditer(segment.text))
    if not tokens or len(segment.words) != len(tokens):
        return None
    timed = [TimedToken(m.start(), m.end(), w.start_ms, w.end_ms) for m, w in zip(tokens, segment.words, strict=True)]
    return region_of(segment.text, timed, char_start, char_end, context)


@dataclass(frozen=True)
class TimedToken:
    char_start: int
    char_end: int
    start_ms: int | None
    end_ms: int | None


def region_of(text: str, tokens: list[TimedToken], char_start: int, char_end: int,
              context: int = 1) -> Region | None:
    """:func:`region` over any timed whitespace tokens of *text* (e.g. fresh from an alignment)."""
    inside = [i for i, t in enumerate(tokens) if t.char_start < char_end and char_start < t.char_end]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    lo, hi = max(0, first - context), min(len(tokens) - 1, last + context)
    while lo < first and tokens[lo].start_ms is None:
        lo += 1
    while hi > last and tokens[hi].end_ms is None:
        hi -= 1
    starts, ends = tokens[first].start_ms, tokens[last].end_ms
    # (lo stops at first and hi at last at the latest: their times are these or later ones)
    from_ms, to_ms = tokens[lo].start_ms, tokens[hi].end_ms
    if starts is None or ends is None or from_ms is None or to_ms is None:
        return None
    words = [text[t.char_start:t.char_end] for t in tokens]
    return Region(" ".join(words[lo:first]), text[tokens[first].char_start:tokens[last].char_end],
                  " ".join(words[last + 1:hi + 1]), from_ms, to_ms, max(10, ends - starts))


_LETTER = re.compile(r"^([a-z])\.$")    # align.spoken reads an acronym as letters: "e." "p." "a."


def _words(text: str) -> list[str]:
    """The spoken words of *text*, a run of spelled letters joined as one word ("e_p_a", which
    g2p pronounces letter by letter): the letters of an acronym are one word of a grammar."""
    words: list[str] = []
    letters: list[str] = []
    for word in [w for token in text.split() for w in spoken_words(token)] + [""]:
        letter = _LETTER.match(word)
        if letter:
            letters.append(letter.group(1))
            continue
        if letters:
            words.append("_".join(letters) if len(letters) > 1 else letters[0])
            letters = []
        if word:
            words.append(word)
    return words


@dataclass(frozen=True)
class Scored:
    total: float           # log acoustic score of every frame of the region
    fit: float             # per-frame score of the passage's own words
    frames: int            # frames the passage's own words take


def score_text(audio_16k: np.ndarray, where: Region, middle: str, aligner: Aligner,
               words: list[str] | None = None) -> Scored | None:
    """Align *middle* in the region's context to all of *audio_16k*; None when it cannot fit.
    *words*: the grammar words to say *middle* with (by default :func:`_words`'s)."""
    before, after = _words(where.before), _words(where.after)
    words = _words(middle) if words is None else words
    every = before + words + after
    usable, _ = aligner.prepare(every)
    if not all(usable[len(before):len(before) + len(words)]) or not words:
        return None
    pieces = aligner.decode(in_silence(audio_16k), [w for w, ok in zip(every, usable, strict=True) if ok])
    if pieces is None:
        return None
    spoken = [p for p in pieces if p.word is not None]
    skip = sum(usable[:len(before)])
    own = spoken[skip:skip + len(words)]
    frames = sum(p.frames for p in own)
    return Scored(sum(p.log_score for p in pieces), sum(p.log_score for p in own) / max(1, frames), frames)


# Readings of a text tried at most when its capitals may each be said two ways (see text_readings).
MAX_TEXT_READINGS = 4


def text_readings(text: str, aligner: Aligner) -> list[list[str]]:
    """The grammar words *text* may be said with, :func:`_words`'s first.

    A capitals word whose letters spell a dictionary word may be either: the aligner says two
    letters by their names ("OR" as "oh ar") and three or more as the word ("ISM" as "ism"),
    while a voice reading the transcript may say "OR" as the word or "ISM" letter by letter. The
    name put in its place gets both readings (:mod:`editor.hearing.sayings`), so the text gets them
    too: scored by one reading only, the text loses to any name said the way the audio is ("ORR",
    read as the dictionary's "orr", beat "OR A" read as letters over audio saying "or a")."""
    options: list[list[list[str]]] = []
    for word in _words(text):
        joined = word.replace("_", "")
        other: list[str] = []
        if "_" in word and joined.isalpha() and aligner.in_dictionary(joined):
            other = list(joined) if len(joined) > 2 else [joined]   # the letters alone, or the word
        options.append([[word], other] if other else [[word]])
    return [[w for words in combination for w in words]
            for combination in itertools.islice(itertools.product(*options), MAX_TEXT_READINGS)]


def score_original(audio_16k: np.ndarray, where: Region, aligner: Aligner) -> Scored | None:
    """``where.original`` aligned as :func:`score_text` does, said the way of :func:`text_readings`
    that fits the audio best; None when none fits."""
    scored = [score_text(audio_16k, where, where.original, aligner, words)
              for words in text_readings(where.original, aligner)]
    return max((s for s in scored if s is not None), key=lambda s: s.total, default=None)


def compare(audio_16k: np.ndarray, where: Region, candidate: str, aligner: Aligner,
            original: Scored | None = None, margin_needed: bool = True,
            usable_from: tuple[float, float] | None = None) -> Verdict:
    """The audio's verdict on replacing ``where.original`` by *candidate* (*audio_16k*: the region's audio).

    *margin_needed* False: the caller only asks whether the audio agrees with the candidate or
    rejects it, and what the candidate fits. A candidate said with the original's phones (every
    phone counted, not an acronym a letter apart) is then neither, whichever fits better: its
    verdict is "sounds alike" (margin 0) from its own alignment alone, the original's (a second
    decoding of the same audio) is skipped.

    *usable_from*: the (fit, coverage) below which the caller makes nothing of a verdict whatever
    its margin. A candidate that aligns but fits or covers less is then not compared: its verdict
    is "unsure" (margin 0) with its own fit and coverage, and the original is not aligned.
    """
    frames = max(1, where.passage_ms // 10)
    said_the_same = not margin_needed and original is None and _said_the_same(where.original, candidate, aligner)
    scored = score_text(audio_16k, where, candidate, aligner)
    if said_the_same and scored is not None:
        return Verdict(SOUNDS_ALIKE, 0.0, scored.fit, scored.frames / frames)
    if scored is not None and usable_from is not None and (scored.fit < usable_from[0]
                                                           or scored.frames / frames < usable_from[1]):
        return Verdict(UNSURE, 0.0, scored.fit, scored.frames / frames)
    # (when the candidate does not fit, whether the original does tells "rejected" from "unsure")
    if original is None:
        original = score_original(audio_16k, where, aligner)
    if scored is None and original is None:
        return Verdict(UNSURE, 0.0)
    if scored is None:
        return Verdict(PREFERS_ORIGINAL, -9.9)
    if original is None:
        return Verdict(AGREES, 9.9, scored.fit, scored.frames / frames)
    margin = (scored.total - original.total) / frames
    coverage = scored.frames / frames
    if margin >= MARGIN and not (scored.fit >= AGREE_FIT and coverage >= AGREE_COVERAGE):
        label = UNSURE
    elif abs(margin) >= MARGIN and said_alike(where.original, candidate, aligner,
                                                  vowels_count_half=abs(margin) < VOWEL_MARGIN):
        # Either way the margin only says how this voice said a vowel ("Joe vanny" is nearer
        # its "Giovanni" than the name's own reading is). But two acronyms a letter apart
        # ("CDC", "CBC") are both real names, and which letter a voice said (B or D, M or N)
        # is beyond the margin: the audio is unsure, and the text cannot tell either. Only a
        # letter named with another vowel ("FSE", "FSA": ee, ay) is rejected, and only by a
        # margin beyond what a vowel said otherwise makes (over audio saying "FSA" one voice's
        # "ay" fitted "ee" better by 0.5).
        if other_letters(where.original, candidate):
            label = PREFERS_ORIGINAL if margin <= -VOWEL_MARGIN and not _consonants_apart(
                where.original, candidate) else UNSURE
        else:
            label = SOUNDS_ALIKE
    elif margin >= MARGIN:
        label = AGREES
    elif margin <= -MARGIN:
        label = PREFERS_ORIGINAL
    else:
        # Neither fits clearly better: when the two are said alike ("Ingrid Soulberg" and Solberg)
        # that is the answer, and the text decides; otherwise the audio is unsure. So it is about
        # two acronyms a letter apart, whose letters the text cannot choose between either.
        label = SOUNDS_ALIKE if said_alike(where.original, candidate, aligner) and not other_letters(
            where.original, candidate) else UNSURE
    return Verdict(label, round(margin, 3), scored.fit, coverage)


def _said_the_same(original: str, candidate: str, aligner: Aligner) -> bool:
    """Whether :func:`compare` labels *candidate* "sounds alike" or "unsure" whatever its margin:
    said like *original* with every phone counted, not an acronym a letter apart, and *original*
    pronounceable (its alignment then fails only where the candidate's, said the same, does too)."""
    usable, _ = aligner.prepare(_words(original))
    return (bool(usable) and all(usable) and not other_letters(original, candidate)
            and said_alike(original, candidate, aligner, vowels_count_half=False))


def said_alike(original: str, candidate: str, aligner: Aligner, vowels_count_half: bool = True) -> bool:
    """Whether *candidate* may be said with (nearly) the phones of *original* ("Hallquist" and
    "Hall quest" differ by a vowel). Which of two such texts fits better is down to how this
    voice said a vowel or where it paused: the audio gains on such a candidate are no agreement
    (with audio saying "Hall quest", "Hallquist" has won by more than MARGIN).

    *vowels_count_half*: one vowel for another counts half (a name's guessed vowels are its least
    sure part, and a vowel said otherwise moves the fit a little), for a margin a vowel can make;
    a clearer one either way is the audio telling apart texts that differ in their consonants too
    ("Joe Lieberman" and "Jolia Roman"), and every phone counts."""
    from editor.hearing.sayings import phone_sayings  # sayings builds on this module's _words
    from editor.hearing.sound_match import VOWELS, sound_distance

    said = phone_sayings(aligner, original)[:1]
    if not said or not said[0]:
        return False
    vowels = VOWELS if vowels_count_half else frozenset()
    return any(sound_distance(said[0], saying, vowels) <= SAME_SOUND
               for saying in phone_sayings(aligner, candidate) if saying)


def other_letters(original: str, candidate: str) -> bool:
    """Whether both texts are said letter by letter, and one letter differs ("CDC", "CBC")."""
    return _letters_apart(original, candidate) is not None


def _letters_apart(original: str, candidate: str) -> tuple[str, str] | None:
    """The one letter of *original* and the one of *candidate* that differ, when both are said
    letter by letter and only that letter differs ("CDC", "CBC": "d", "b"); else None."""
    first, second = _spelled_letters(original), _spelled_letters(candidate)
    if first is None or second is None or len(first) != len(second):
        return None
    differ = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
    return differ[0] if len(differ) == 1 else None


def _consonants_apart(original: str, candidate: str) -> bool:
    """Whether the letter that tells two acronyms apart is named with the same vowels, its
    consonants alone differing ("ISN", "ISM": en, em; "PLD", "PLB": dee, bee). A voice says such
    consonants its own way (one voice's M is heard as N, by 2.5 per frame over "ISM"), and over
    audio saying either the text and the candidate each fit better now and then: their margin
    says nothing either way."""
    from editor.hearing.sound_match import VOWELS  # sound_match builds on sayings, which imports this module

    apart = _letters_apart(original, candidate)
    if apart is None or not all(letter in LETTERS for letter in apart):
        return False
    first, second = ([p for p in LETTERS[letter].split() if p in VOWELS] for letter in apart)
    return first == second


def _spelled_letters(text: str) -> str | None:
    """The letters of *text* when it is said letter by letter only ("KP MG": "kpmg"), else None."""
    words = _words(text)
    if not any("_" in w for w in words) or not all(_LETTER_WORD.fullmatch(w) for w in words):
        return None
    return "".join(w.replace("_", "") for w in words)


_LETTER_WORD = re.compile(r"[a-z](?:_[a-z])*")


def best_of(audio_16k: np.ndarray, where: Region, candidates: list[str], aligner: Aligner) -> str | None:
    """The candidate the audio fits best, found in one decoding pass over a grammar of them all."""
    before, after = _words(where.before), _words(where.after)
    choices: dict[tuple[str, ...], str] = {}
    for candidate in candidates:
        words = _words(candidate)
        usable, _ = aligner.prepare(words)
        if words and all(usable):
            choices.setdefault(tuple(words), candidate)
    if not choices or not all(aligner.prepare(before + after)[0]):
        return None
    heard = aligner.decode_choice(in_silence(audio_16k), before, list(choices), after)
    if heard is None or len(heard) < len(before) + len(after) + 1:
        return None
    return choices.get(tuple(heard[len(before):len(heard) - len(after)]))


def rank(audio_16k: np.ndarray, where: Region, candidates: list[str],
         aligner: Aligner) -> list[tuple[str, Verdict]]:
    """Every candidate with its verdict, the best-fitting first (the original is aligned once)."""
    original = score_original(audio_16k, where, aligner)
    judged = [(c, compare(audio_16k, where, c, aligner, original)) for c in candidates]
    return sorted(judged, key=lambda item: -item[1].margin)


def _joined(where: Region, middle: str) -> str:
    return " ".join(part for part in (where.before, middle, where.after) if part)


def in_silence(audio_16k: np.ndarray) -> np.ndarray:
    """*audio_16k* with SILENCE_MS of silence before and after it."""
    silence = np.zeros(SILENCE_MS * RATE // 1000, np.int16)
    return np.concatenate([silence, np.asarray(audio_16k, np.int16), silence])


def cut(samples: np.ndarray, samples_start_ms: int, where: Region) -> np.ndarray:
    """The region's audio out of *samples* (int16 at 16 kHz starting at *samples_start_ms*)."""
    lo = max(0, (where.start_ms - samples_start_ms) * RATE // 1000)
    hi = max(lo, (where.end_ms - samples_start_ms) * RATE // 1000)
    return samples[lo:hi]
