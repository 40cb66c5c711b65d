"""How a name spelled by another language's rules is said: rough ARPABET readings, one per language.

Podcast guests' names are often Italian, Spanish, German, Polish, Irish or Scandinavian, and
said the way their language spells them ("Giovanni Ricci" is "jo-VAH-nee REE-chee", not what
English letter rules make of it). Each reading here applies only to a word whose spelling shows
that language (its *marks*: "cci", "ñ", "sch", "cz", "bh", "ø"...); a word may show several and
get each reading. The readings only have to be close: the audio chooses among them and the
other pronunciations of the name (:mod:`editor.hearing.sayings`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from editor.align.g2p import read_by_rules

_Exception = Callable[[str, int], "tuple[str, int] | None"]


def _rules(table: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(table.items(), key=lambda rule: -len(rule[0]))


_VOWELS = "aeiouyàáâäåæèéêëìíîïòóôöøùúûü"
# Plain vowels most of these languages share (no English diphthongs).
_PURE = {"a": "AA", "e": "EH", "i": "IY", "o": "OW", "u": "UW", "y": "IY", "á": "AA", "à": "AA", "é": "EY",
         "è": "EH", "í": "IY", "ì": "IY", "ó": "OW", "ò": "OW", "ú": "UW", "ù": "UW"}
_CONSONANTS = {"b": "B", "c": "K", "d": "D", "f": "F", "g": "G", "h": "", "j": "Y", "k": "K", "l": "L", "m": "M",
               "n": "N", "p": "P", "q": "K", "r": "R", "s": "S", "t": "T", "v": "V", "w": "W", "x": "K S", "z": "Z",
               "bb": "B", "cc": "K", "dd": "D", "ff": "F", "gg": "G", "kk": "K", "ll": "L", "mm": "M", "nn": "N",
               "pp": "P", "rr": "R", "ss": "S", "tt": "T", "zz": "T S", "ph": "F", "th": "T"}


@dataclass(frozen=True)
class Spelling:
    """One language's way of spelling sounds."""

    language: str
    marks: re.Pattern[str]           # a word showing one of these is spelled this language's way
    rules: list[tuple[str, str]]     # graphemes and their phones, longest first
    exception: _Exception | None = None

    def read(self, word: str) -> str:
        return read_by_rules(word, self.rules, self.exception or (lambda rest, at: None))


_ITALIAN_SOFT = {"cc": "CH", "c": "CH", "gg": "JH", "g": "JH"}


def _italian_exception(rest: str, at: int) -> tuple[str, int] | None:
    """"sc", "gl", "c" and "g" (doubled or not) before e and i said soft; an "i" between them and
    a vowel only softens them ("Giovanni": JH OW, "Ricci" ends CH IY)."""
    if rest.startswith("sc") and len(rest) > 2 and rest[2] in "ei":
        return "SH", 3 if rest[2] == "i" and len(rest) > 3 and rest[3] in _VOWELS else 2
    if rest.startswith("gli"):
        return "L Y", 3 if len(rest) > 3 and rest[3] in _VOWELS else 2
    for letters, sound in _ITALIAN_SOFT.items():
        if rest.startswith(letters) and len(rest) > len(letters) and rest[len(letters)] in "eiéèí":
            taken = len(letters)
            if rest[taken] == "i" and len(rest) > taken + 1 and rest[taken + 1] in _VOWELS:
                taken += 1
            return sound, taken
    return None


def _spanish_exception(rest: str, at: int) -> tuple[str, int] | None:
    if rest[0] == "c" and len(rest) > 1 and rest[1] in "eiéí":
        return "S", 1
    if rest[0] == "g" and len(rest) > 1 and rest[1] in "eiéí":
        return "HH", 1
    if rest.startswith("gu") and len(rest) > 2 and rest[2] in "eiéí":
        return "G", 2
    return None


def _german_exception(rest: str, at: int) -> tuple[str, int] | None:
    if at == 0 and rest[:2] in ("sp", "st"):
        return "SH " + ("P" if rest[1] == "p" else "T"), 2
    if at == 0 and rest[0] == "s" and len(rest) > 1 and rest[1] in _VOWELS:
        return "Z", 1
    if rest == "er":
        return "ER", 2
    if rest == "e" and at > 0:
        return "AH", 1
    if rest[0] == "h" and at > 0:            # a lengthening h ("Kuhn", "Lehmann")
        return "", 1
    return None


def _polish_exception(rest: str, at: int) -> tuple[str, int] | None:
    soft = {"c": "CH", "s": "SH", "z": "ZH", "n": "N Y", "dz": "JH"}
    for letters, sound in sorted(soft.items(), key=lambda item: -len(item[0])):
        if rest.startswith(letters + "i") and len(rest) > len(letters) + 1 and rest[len(letters) + 1] in _VOWELS:
            return sound, len(letters) + 1      # "ci" before a vowel: its i only softens ("Wojciech")
    return None


def _irish_exception(rest: str, at: int) -> tuple[str, int] | None:
    if rest in ("dh", "gh", "th") and at > 0:      # silent at the end
        return "", 2
    if rest[0] == "s" and len(rest) > 1 and rest[1] in "ie":
        return "SH", 1
    return None


SPELLINGS: list[Spelling] = [
    Spelling("Italian",
             re.compile(r"cc[hi]|zz|gli|gn[aeiou]|sc[ei]|^gi[aou]|^ci[aou]|"
                        r"(?:elli|etti|ini|ino|ucci|ello|ella|otti|ozzi|anni|oni|uzzi|ari|esi|oli|ieri)$"),
             _rules({**_CONSONANTS, **_PURE, "ch": "K", "gh": "G", "gn": "N Y", "qu": "K W", "z": "T S", "j": "Y"}),
             _italian_exception),
    Spelling("Spanish",
             re.compile(r"ñ|[áéíóú]|(?:ez|az|oz|ado|ito|ita|era|ero)$|^ll|^j[aeiouíé]|^x[aeiou]|ju[aá]|rr[aeio]"),
             _rules({**_CONSONANTS, **_PURE, "ch": "CH", "ll": "Y", "ñ": "N Y", "qu": "K", "j": "HH", "z": "S",
                     "v": "B", "x": "HH", "e": "EY", "ai": "AY", "ay": "AY", "ei": "EY", "au": "AW", "ue": "W EH",
                     "ua": "W AA", "ie": "Y EH", "io": "Y OW", "ia": "Y AA"}),
             _spanish_exception),
    Spelling("German",
             re.compile(r"sch|ß|[äöü]|tz|pf|ei|(?:mann|stein|berg|burg|feld|hof|dorf|heim|bach|gang|"
                        r"fried|hardt|wald|rich|tz|ler)$"),
             _rules({**_CONSONANTS, **_PURE, "i": "IH", "sch": "SH", "tsch": "CH", "ch": "K", "ck": "K", "ei": "AY",
                     "ey": "AY", "ai": "AY", "ie": "IY", "eu": "OY", "äu": "OY", "au": "AW", "ä": "EH", "ö": "ER",
                     "ü": "UW", "ß": "S", "ng": "NG", "w": "V", "v": "F", "z": "T S", "tz": "T S", "j": "Y",
                     "qu": "K V"}),
             _german_exception),
    Spelling("Polish",
             re.compile(r"cz|sz|rz|ł|[ąęśćźżń]|(?:ski|ska|cki|wicz|czyk|ak|ek|yk)$|ojc|iec"),
             _rules({**_CONSONANTS, **_PURE, "o": "AO", "y": "IH", "szcz": "SH CH", "cz": "CH", "sz": "SH",
                     "rz": "ZH", "ch": "HH", "ł": "W", "w": "V", "c": "T S", "ą": "OW N", "ę": "EH N", "ó": "UW",
                     "ś": "SH", "ć": "CH", "ż": "ZH", "ź": "ZH", "ń": "N", "ie": "Y EH", "dz": "D Z", "dż": "JH"}),
             _polish_exception),
    Spelling("Irish",
             re.compile(r"bh|mh|aoi|ao|^sio|^sea|^nia|^ao|aidh|(?:agh|aigh|adh)$|^mc|^mac|^o'"),
             _rules({**_CONSONANTS, **_PURE, "bh": "V", "mh": "V", "aoi": "IY", "ao": "IY", "ia": "IY AH",
                     "ai": "AE", "ei": "EH", "ea": "AE", "io": "IH", "á": "AO", "ó": "OW", "ú": "UW", "ch": "K"}),
             _irish_exception),
    Spelling("Scandinavian",
             re.compile(r"[åøæ]|qv|kv|sj|skj|^hj|^bj|^fj|^kj|^tj|(?:sson|ström|qvist|kvist|gaard|vik|dahl)$"),
             _rules({**_CONSONANTS, **_PURE, "skj": "SH", "sj": "SH", "stj": "SH", "kj": "CH", "tj": "CH",
                     "hj": "Y", "j": "Y", "å": "OW", "ø": "ER", "ö": "ER", "æ": "EH", "ä": "EH", "qv": "K V",
                     "kv": "K V", "w": "V", "ei": "AY", "ej": "AY", "y": "UW", "aa": "OW"})),
]


def foreign_readings(word: str) -> list[str]:
    """The readings of *word* (lowercase) by every language whose spelling it shows."""
    return [spelling.read(word) for spelling in SPELLINGS if spelling.marks.search(word)]
