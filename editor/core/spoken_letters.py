"""Acronyms said letter by letter and written as words ("the essay" for TSA, "and WRC" for NWRC)."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from editor.core.candidates import Candidate, candidate_at
from editor.core.name_index import _LOW, SHIFT, NameIndex

# How letters are said, written as a recognizer would write the sound.
LETTER_NAMES = dict(zip("abcdefghijklmnopqrstuvwxyz", [
    "ay", "bee", "see", "dee", "ee", "eff", "gee", "aitch", "eye", "jay", "kay", "el", "em", "en", "oh", "pee", "cue",
    "ar", "ess", "tee", "you", "vee", "doubleyou", "ex", "why", "zee"
], strict=True))
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")


def spoken_letters(acronym: str) -> str | None:
    """"DSA" -> "deeessay": an acronym's letters as they are said; None for anything else."""
    if not _ACRONYM.match(acronym):
        return None
    return "".join(LETTER_NAMES[ch] for ch in acronym.lower())


# Words recognizers write for a letter's sound ("and WRC" for NWRC, "the essay" for DSA).
_WORD_AS_LETTER = {"and": "en", "an": "en", "in": "en", "the": "dee", "de": "dee", "are": "ar", "our": "ar",
                   "sea": "see", "be": "bee", "pea": "pee", "tea": "tee", "why": "why", "oh": "oh", "owe": "oh",
                   "you": "you", "eye": "eye", "jay": "jay", "kay": "kay", "queue": "cue", "ex": "ex"}


def match_spoken_letters(index: NameIndex, acronym: str, threshold: int, details: bool = True) -> list[Candidate]:
    """Runs of one to three words that read like *acronym* said letter by letter ("the essay" for
    TSA, "and WRC" for NWRC): the run as said (capitals as their letters' names, a few words as
    the letter they sound like) against the acronym's spoken letters, started from words that
    make up a good part of them."""
    spoken = spoken_letters(acronym)
    if spoken is None:
        return []
    vocab = index.vocabulary()
    if not vocab:
        return []
    # Each word as said, and short ones also letter by letter (the index keeps no capitals); a
    # letter alone ("n" of "N R M") as its name.
    # Only words of the letters that have English names ("søren" has none for its ø).
    words = list(vocab) + [w for w in vocab if 2 <= len(w) <= 6 and w.isascii() and w.isalpha()
                           or w in _LONE_LETTERS]
    choices = [_as_said(w) for w in vocab] + ["".join(LETTER_NAMES[ch] for ch in w)
                                              for w in words[len(vocab):]]
    scores = process.cdist([spoken], choices, scorer=fuzz.partial_ratio, score_cutoff=80, dtype="uint8")[0]
    anchors = {words[i]: False for i in scores.nonzero()[0] if len(choices[i]) >= 3}
    # A word said like the first letter alone ("and" for N of NRM, "oh" for O) starts a run of the
    # acronym's letters written as words ("and are em"): too short and common to anchor one elsewhere.
    for word, said in zip(words, choices, strict=True):
        if word not in anchors and len(said) >= 2 and said == LETTER_NAMES[acronym[0].lower()]:
            anchors[word] = True
    # Up to a word a letter ("K P M G"), and one more: a letter may be heard as two words.
    widths = range(1, max(3, len(acronym)) + 1)
    seen: set[int] = set()
    results = []
    for anchor, first_only in anchors.items():
        for position in index.packed_positions(anchor):
            s, t = position >> SHIFT, position & _LOW
            tokens = index.segments[s]
            for k in widths:
                lowest = t if first_only else max(0, t - k + 1)
                for first in range(lowest, min(t, len(tokens.norms) - k) + 1):
                    spot = ((position - t + first) << 16) | k
                    if spot in seen or (tokens.any_blocked and any(tokens.blocked[first:first + k])):
                        continue
                    seen.add(spot)
                    said = "".join(_token_as_said(tokens, i) for i in range(first, first + k))
                    score = int(fuzz.ratio(spoken, said))
                    if score >= threshold and tokens.norms[first:first + k] != (acronym.lower(),):
                        results.append(candidate_at(index, s, first, k, (score, "sound"), details))
    return results


_LONE_LETTERS = frozenset("bcdefghjklmnopqrstuvwxyz")    # "a" and "i" are words of their own


def _as_said(norm: str) -> str:
    return _WORD_AS_LETTER.get(norm, norm)


def _token_as_said(tokens, i: int) -> str:
    """A token as it would be said: capitals letter by letter, else the word (or the letter it sounds like)."""
    written = tokens.text[tokens.starts[i]:tokens.ends[i]]
    if written.isupper() and written.isalpha() and len(written) <= 6:
        return "".join(LETTER_NAMES.get(ch, ch) for ch in written.lower())
    return _as_said(tokens.norms[i])
