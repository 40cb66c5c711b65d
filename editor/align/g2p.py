"""Pronunciations for words missing from the CMU dictionary (names, coinages).

Two steps, both offline and dependency-free:
1. split the word into dictionary words ("tidewater" -> "tide" + "water",
   "marrowby" -> "marrow" + "by"), preferring the fewest pieces;
2. otherwise spell it out with English letter-to-sound rules (longest grapheme first).
The result only has to be close: forced alignment needs the word's rough sound to put
its boundaries in the right place, and neighbours constrain it from both sides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Longest graphemes first; values are ARPABET phones (the model's phone set, no stress).
_RULES: list[tuple[str, str]] = sorted({
    "tion": "SH AH N", "sion": "ZH AH N", "ough": "AO", "augh": "AO", "eigh": "EY",
    "igh": "AY", "sch": "S K", "tch": "CH", "dge": "JH", "que": "K",
    "ch": "CH", "sh": "SH", "th": "TH", "ph": "F", "ck": "K", "ng": "NG", "qu": "K W",
    "wh": "W", "gh": "G", "kn": "N", "wr": "R", "ee": "IY", "ea": "IY", "oo": "UW",
    "ou": "AW", "ow": "OW", "ai": "EY", "ay": "EY", "oi": "OY", "oy": "OY", "au": "AO",
    "aw": "AO", "ie": "IY", "ei": "EY", "ey": "IY", "oa": "OW", "ue": "UW", "ew": "UW",
    "er": "ER", "ir": "ER", "ur": "ER", "ar": "AA R", "or": "AO R", "zz": "Z", "ss": "S",
    "ll": "L", "tt": "T", "nn": "N", "mm": "M", "pp": "P", "rr": "R", "ff": "F", "bb": "B",
    "dd": "D", "gg": "G", "cc": "K",
    "a": "AE", "b": "B", "c": "K", "d": "D", "e": "EH", "f": "F", "g": "G", "h": "HH",
    "i": "IH", "j": "JH", "k": "K", "l": "L", "m": "M", "n": "N", "o": "AA", "p": "P",
    "q": "K", "r": "R", "s": "S", "t": "T", "u": "AH", "v": "V", "w": "W", "x": "K S",
    "y": "IY", "z": "Z",
}.items(), key=lambda rule: -len(rule[0]))

_VOWELS = set("aeiouy")


def letter_to_sound(word: str) -> str:
    """A rough ARPABET pronunciation from spelling alone ('' when nothing is spellable)."""
    return read_by_rules("".join(ch for ch in word.lower() if ch.isalpha()), _RULES, _english_exception)


def _english_exception(rest: str, at: int) -> tuple[str, int] | None:
    if rest == "e" and at > 1:  # silent final e ("Brooke")
        return "", 0
    if rest[0] == "c" and len(rest) > 1 and rest[1] in "eiy":
        return "S", 1
    if rest[0] == "y" and at == 0 and len(rest) > 1 and rest[1] in _VOWELS:
        return "Y", 1
    return None


def read_by_rules(letters: str, rules: list[tuple[str, str]],
                  exception: Callable[[str, int], tuple[str, int] | None]) -> str:
    """ARPABET phones of *letters* read left to right: at each step *exception(rest, at)* may claim
    the next letters as (phones, letters taken; none taken ends the word), else the first grapheme
    of *rules* (longest first) the rest starts with gives its phones; a letter no rule knows is skipped."""
    phones: list[str] = []
    i = 0
    while i < len(letters):
        rest = letters[i:]
        claimed = exception(rest, i) or next(((sound, len(g)) for g, sound in rules if rest.startswith(g)), ("", 1))
        sound, taken = claimed
        if not taken:
            break
        if sound:
            phones.append(sound)
        i += taken
    return " ".join(phones)


_HAS_VOWEL = re.compile(r"[aeiouy]")


def compound_pronunciation(word: str, lookup: Callable[[str], str | None],
                           min_piece: int = 2) -> str | None:
    """Pronounce *word* as a concatenation of dictionary words, fewest pieces first; None if none.

    A piece without a vowel letter is no syllable of the word: the dictionary says such letters as
    the word they stand for ("st" is "street", "dr" "doctor"), so "Ofsted" was "of street ed" and
    "recordist" ended in "street". It is never a piece (but a plural "s" at the end)."""
    n = len(word)
    best: list[tuple[int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, [])
    for end in range(1, n + 1):
        for start in range(end):
            if best[start] is None:
                continue
            piece = word[start:end]
            # a trailing "s" may be a plural/possessive of the piece before it
            short_ok = piece == "s" and end == n and start > 0
            if (len(piece) < min_piece or not _HAS_VOWEL.search(piece)) and not short_ok:
                continue
            phones = "Z" if short_ok else lookup(piece)
            if not phones:
                continue
            before, done = best[start], best[end]
            assert before is not None
            if done is None or before[0] + 1 < done[0]:
                best[end] = (before[0] + 1, before[1] + [phones])
    last = best[n]
    return " ".join(last[1]) if last is not None else None


# Letter names, for acronyms read letter by letter (the dictionary's "a" is the article).
LETTERS = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    "EY", "B IY", "S IY", "D IY", "IY", "EH F", "JH IY", "EY CH", "AY", "JH EY", "K EY", "EH L", "EH M",
    "EH N", "OW", "P IY", "K Y UW", "AA R", "EH S", "T IY", "Y UW", "V IY", "D AH B AH L Y UW", "EH K S",
    "W AY", "Z IY"), strict=True))


def pronounce(word: str, lookup: Callable[[str], str | None]) -> str:
    """A pronunciation for an out-of-dictionary *word* ('' when none can be made).

    "n_t_s_b" (an acronym, see text.spoken_words) is the dictionary's word "ntsb" when it has
    one ("nasa"), else the letters' names; two letters always by their names ("UN" is not "un").
    """
    if "_" in word:
        joined = word.replace("_", "")
        return (len(joined) > 2 and lookup(joined)) or " ".join(LETTERS[ch] for ch in joined if ch in LETTERS)
    stem = lookup(word[:-2]) if word.endswith("'s") else None
    if stem:
        return stem + " Z"
    past = past_tense(word, lookup)
    if past:
        return past
    letters = without_accents(word.replace("'", ""))
    return compound_pronunciation(letters, lookup) or letter_to_sound(letters)


# The consonants after which the past tense's -ed is said as a t ("snipped": S N IH P T); after a t
# or d it is a syllable ("podcasted": ... T IH D), after any other sound a d.
_VOICELESS = frozenset(("P", "K", "F", "TH", "S", "SH", "CH", "HH"))


def past_tense(word: str, lookup: Callable[[str], str | None]) -> str | None:
    """The pronunciation of *word* as the regular past tense of a dictionary word ("snipped": snip,
    "abseiled": abseil, "podcasted": podcast), None when it is none.

    Split as a compound instead, the ending would be the dictionary's name "Ed" (EH D), a syllable a
    voice never says there: a right "snipped" then fitted its turn clearly worse than its neighbours.
    """
    if not word.endswith("ed") or len(word) < 5:
        return None
    doubled = word[-3] == word[-4] and word[-3] not in _VOWELS
    for stem in (word[:-2], word[:-1], word[:-3] if doubled else None):
        phones = lookup(stem) if stem else None
        if phones:
            last = phones.split()[-1]
            ending = "IH D" if last in ("T", "D") else "T" if last in _VOICELESS else "D"
            return f"{phones} {ending}"
    return None


def without_accents(word: str) -> str:
    """*word* with its letters' accents dropped ("Ibáñez": "Ibanez"), as English speakers read it
    and as the dictionary spells it; letters with no plain form ("ø", "ß") are kept."""
    if word.isascii():
        return word
    plain = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in plain if not unicodedata.combining(ch))
