"""How much a run of words looks or sounds like a phrase: the one score every name matcher uses.

Two levels: spelling, rapidfuzz ``fuzz.ratio`` on the normalised words (case, punctuation and a
possessive "'s" removed, on both sides), with and without the spaces between them; and sound,
Metaphone keys (jellyfish) of the whole run joined against the phrase's joined key, so a name split at
another place meets it and "Flax"/"flux"/"Flacks" compare equal. Sound counts for more the longer the
key: a three-letter key says little ("Brian" and "Barack" are BRN and BRK), a seven-letter one much.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from editor.core.name_index import analyse_token, phonetic_key


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase prepared for window comparison."""

    text: str
    norms: tuple[str, ...]
    keys: tuple[str, ...]
    joined_key: str = ""       # Metaphone of all the letters run together

    @classmethod
    def of(cls, text: str) -> Phrase:
        # Tokens are analysed as the transcript's are (a trailing possessive dropped), so
        # "Kofundo's" in a glossary and "Kofundo's" in a turn compare as the same word.
        analysed = [a for a in map(analyse_token, text.split()) if a is not None]
        norms = tuple(a[2] for a in analysed)
        return cls(text, norms, tuple(a[3] for a in analysed), phonetic_key("".join(norms)))

    @property
    def spaced(self) -> str:
        return " ".join(self.norms)


def score_window(phrase: Phrase, norms: tuple[str, ...], keys: tuple[str, ...]) -> tuple[int, str]:
    """How much a run of words looks (spelling) or sounds (Metaphone) like *phrase*: (0..100, how)."""
    if norms == phrase.norms:
        return 100, "exact"
    spelling = spelling_likeness(phrase, norms)
    length = len(phrase.joined_key)
    if spelling < spelling_floor(length, len(norms) != len(phrase.norms)):
        return int(spelling), "spelling"          # too unlike in spelling for sound to count
    sound = sound_likeness(phrase, norms, keys)
    if sound < SOUND_COUNTS or sound <= spelling:
        return int(spelling), "spelling"
    # A short key is weak evidence: only the very same key, on top of close spelling, counts. A
    # long key counts more, and more the closer it is ("Jolia Roman" is JLRMN, not JLBRMN).
    weight = (0.5 if sound == 100 else 0.0) if length <= 3 else sound_weight(length) * min(1.0, (sound - 80) / 15)
    if weight == 0:
        return int(spelling), "spelling"
    return int(spelling + weight * (sound - spelling)), "sound"


SOUND_COUNTS = 85   # key likeness below this is no evidence at all


def spelling_likeness(phrase: Phrase, norms: tuple[str, ...]) -> float:
    """rapidfuzz ratio of the words; split or merged words compare without spaces, 5 points lower."""
    if len(norms) == len(phrase.norms):
        return fuzz.ratio(phrase.spaced, " ".join(norms))
    # Split or merged words ("Co fundo" / "Cofundo"): rank a little below an equally good
    # window of the phrase's own length.
    return fuzz.ratio("".join(phrase.norms), "".join(norms)) - 5


def sound_likeness(phrase: Phrase, norms: tuple[str, ...], keys: tuple[str, ...]) -> float:
    """Best ratio of the joined per-word keys, or of the key of all letters run together."""
    if not phrase.joined_key:
        return 0.0
    best = fuzz.ratio("".join(phrase.keys), "".join(keys)) if any(keys) else 0.0
    joined = phonetic_key("".join(norms))
    if joined:
        best = max(best, fuzz.ratio(phrase.joined_key, joined))
    return best


def sound_weight(key_length: int) -> float:
    """How far sound may lift a score towards itself: nothing for a key of three letters or fewer."""
    return 0.0 if key_length <= 3 else min(0.8, 0.2 * (key_length - 2))


def spelling_floor(key_length: int, split: bool) -> int:
    """Least spelling likeness for sound to count: short keys need close spelling.

    Split or merged windows of a short key need more ("a story" sounds like "Istor").
    """
    if key_length <= 3:
        return 75
    floor = {4: 65, 5: 55}.get(key_length, 50)
    return floor + 10 if split and key_length < 6 else floor
