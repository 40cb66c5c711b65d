"""The ways a glossary name may be said, taught to an aligner as alternative pronunciations.

A name the dictionary lacks gets one guessed pronunciation, and a wrong guess ("Anouk" read
as "an" + a dictionary oddity) makes the audio reject the right name. So each word of a name
gets the other plausible readings too, as the dictionary's own alternatives ("word(2)"), and
every search (the name grammar, the verdict's alignment, the sound-alike match) takes
whichever fits best:

* a word the dictionary lacks: the aligner's guess, the plain English letter rules, dictionary
  pieces of three letters or more ("tideline" as "tide line", not "ti" + "deline"), a last
  unstressed "a" said as a schwa ("Linda"; an acronym's "-las", "SOLAS" said "SO-luss"), and, when
  it is spelled the French way ("Delacroix", "Anouk", "Thibault"), the French reading;
* any word of a name spelled another language's way ("Giovanni Ricci", "Wojciech", "Niamh", in the
  dictionary or not): that language's reading too (:mod:`editor.hearing.spellings`);
* an acronym: letter by letter (as the aligner reads one, unless its letters spell a dictionary word:
  "ABO", "ISM") and, when it has three letters or
  more and a vowel to say, as a word ("NEH" said "neh", the way NASA is); a pronounceable capitals word ("NASA", read
  as a word) letter by letter too.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Iterable

from editor.align.aligner import Aligner
from editor.align.g2p import LETTERS, letter_to_sound, read_by_rules
from editor.hearing.spellings import foreign_readings
from editor.hearing.verdict import _words as grammar_words

MAX_SAYINGS = 8          # pronunciations of a whole name compared by sound (the product of its words')

# French spellings, longest first: only used for words that show one of _FRENCH_MARKS.
_FRENCH: list[tuple[str, str]] = sorted({
    "eaux": "OW", "eau": "OW", "oix": "W AA", "oie": "W AA", "oi": "W AA", "ou": "UW", "au": "OW",
    "eu": "ER", "ai": "EH", "ei": "EH", "ch": "SH", "qu": "K", "gn": "N Y", "ille": "IY", "ph": "F",
    "th": "T", "ç": "S", "é": "EY", "è": "EH", "ê": "EH", "ë": "EH", "ï": "IY", "ô": "OW", "û": "UW",
    "an": "AA N", "en": "AA N", "on": "AO N", "in": "AE N", "ain": "AE N", "ein": "AE N", "un": "AH N",
    "ll": "L", "ss": "S", "tt": "T", "nn": "N", "mm": "M", "rr": "R", "ff": "F", "pp": "P",
    "a": "AA", "b": "B", "c": "K", "d": "D", "e": "AH", "f": "F", "g": "G", "h": "", "i": "IY", "j": "ZH",
    "k": "K", "l": "L", "m": "M", "n": "N", "o": "OW", "p": "P", "q": "K", "r": "R", "s": "S", "t": "T",
    "u": "UW", "v": "V", "w": "W", "x": "K S", "y": "IY", "z": "Z",
}.items(), key=lambda rule: -len(rule[0]))
_FRENCH_MARKS = re.compile(r"oix|eau|aux|eux|ou[^aeiouy]?$|ou[kcq]|ault|[éèêçëï]|ier$|ette$|oi[srt]|^de[l]a|^le[a-z]")
_SILENT_END = re.compile(r"(?<=[aeiouy])(?:e?[stdxz]|e)$|(?<=[^aeiouy])e$")
_NASAL_BEFORE_VOWEL = re.compile(r"^(an|en|on|in|ain|ein|un)[aeiouy]")
_VOWEL_H_END = re.compile(r"(?<=[aeiou])h$")

_taught: weakref.WeakKeyDictionary[Aligner, set[str]] = weakref.WeakKeyDictionary()


def teach(aligner: Aligner, names: Iterable[str]) -> None:
    """Give every word of *names* its other plausible pronunciations in *aligner* (once per name)."""
    done = _taught.setdefault(aligner, set())
    for name in names:
        if name in done:
            continue
        done.add(name)
        capitals = {token.lower() for token in re.findall(r"[^\W\d_]+", name) if len(token) > 1 and token.isupper()}
        for word in grammar_words(name):
            guessed = not aligner.in_dictionary(word)
            usable, _ = aligner.prepare([word])
            if not usable[0]:
                continue
            for phones in other_readings(word, guessed, aligner.lookup, word in capitals):
                aligner.add_pronunciation(word, phones)


def other_readings(word: str, guessed: bool, lookup, capitals: bool = False) -> list[str]:
    """Readings of one grammar word of a name besides the aligner's own (*guessed*: the word is
    not in the dictionary, its pronunciation a guess; *capitals*: written in capitals, "NASA")."""
    readings: list[str] = []
    if capitals:                          # a capitals word read as a word: also letter by letter
        readings.append(" ".join(LETTERS[ch] for ch in word if ch in LETTERS))
    if "_" in word:                       # an acronym read letter by letter: also as a word
        joined = word.replace("_", "")
        # The aligner reads letters that spell a dictionary word ("a_b_o", "i_s_m") as that word,
        # which such an acronym is seldom said as: its letters are a reading of their own.
        readings.append(" ".join(LETTERS[ch] for ch in joined if ch in LETTERS))
        if _said_as_a_word(joined, lookup):
            readings.append(lookup(joined) or letter_to_sound(_VOWEL_H_END.sub("", joined)))
        return [r for r in readings if r]
    if word.endswith("."):
        return [r for r in readings if r]
    plain = word.replace("'", "")
    if guessed:
        readings.append(letter_to_sound(plain))
        readings.append(two_words(plain, lookup) or "")
        readings.append(_final_a_as_schwa(plain))
        if capitals:    # (not "Ofwat", said "OF-wot": an acronym's vowels are the letters' guess alone)
            readings += _last_a_as_schwa(plain, [lookup(plain) or "", letter_to_sound(plain)])
        else:
            readings += _last_vowel_reduced(plain, [letter_to_sound(plain), lookup(plain) or ""])
        if _FRENCH_MARKS.search(plain):    # (marks that everyday words have too: "our", "you")
            readings.append(french_reading(plain))
    # Spelled another language's way: said that way too, in the dictionary or not ("Weiss").
    readings += foreign_readings(plain)
    return list(dict.fromkeys(r for r in readings if r))


def _final_a_as_schwa(word: str) -> str:
    """*word* read by the letter rules with a last "a" after a consonant said as a schwa, as English
    says a name's ("Linda", "Honda", "SARDA" said "sar-duh"); '' for any other word."""
    if len(word) < 3 or word[-1].lower() != "a" or word[-2].lower() in "aeiouy":
        return ""
    stem = letter_to_sound(word[:-1])
    return f"{stem} AH" if stem else ""


# A last syllable spelled consonant, "a", one consonant ("-las", "-wat", "-man"), after a vowel.
_LAST_A_SYLLABLE = re.compile(r"[aeiouy][^aeiouy]*[^aeiouy]a[bcdfgjklmnpqstvxz]$")
_VOWEL_PHONES = frozenset(("AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"))


def _last_a_as_schwa(word: str, readings: list[str]) -> list[str]:
    """*readings* of *word* with the vowel of a last syllable like "-las" said as a schwa, as English
    says an unstressed last syllable ("Thomas", "Dallas", the acronym SOLAS said "SO-luss"), where a
    guess gives the letter its full sound ("SO-lahss"); [] for any other word. (A final "a" alone is
    :func:`_final_a_as_schwa`'s.)"""
    if not _LAST_A_SYLLABLE.search(word.lower()):
        return []
    said = []
    for reading in readings:
        phones = reading.split()
        vowels = [i for i, phone in enumerate(phones) if phone in _VOWEL_PHONES]
        if len(vowels) > 1:
            said.append(" ".join(phones[:vowels[-1]] + ["AH"] + phones[vowels[-1] + 1:]))
    return said


# A last syllable spelled consonant, "e" or "o", "l" or "n" (maybe doubled: "-el", "-ell", "-en", "-on"),
# after a vowel: unstressed in most English names ("Russell", "Hansen", "Gibbon"). Not other endings:
# "-ed", "-om" keep their vowel in many ("Ofsted", "Ofcom"), and read as a schwa they fit everyday
# words ("offset") said in their place as well as those words do.
_LAST_REDUCED_SYLLABLE = re.compile(r"[aeiouy][^aeiouy]*[^aeiouy][eo]([ln])\1?$")


def _last_vowel_reduced(word: str, readings: list[str]) -> list[str]:
    """*readings* of a name's *word* with the vowel of a last syllable like "-el" or "-en" said as a
    schwa, as English says a name's unstressed end ("Kandel" as "candle", "Vossel" as "fossil"), where
    a guess gives the letter its full sound ("-EH L"); [] for any other word."""
    if not _LAST_REDUCED_SYLLABLE.search(word.lower()):
        return []
    said = []
    for reading in readings:
        phones = reading.split()
        vowels = [i for i, phone in enumerate(phones) if phone in _VOWEL_PHONES]
        if len(vowels) > 1 and phones[vowels[-1]] != "AH":
            said.append(" ".join(phones[:vowels[-1]] + ["AH"] + phones[vowels[-1] + 1:]))
    return said


def _said_as_a_word(letters: str, lookup) -> bool:
    """Whether an acronym's *letters* may be said as a word: three letters or more with a vowel to
    say ("UN", "EU" never are), but not three that start with a vowel and are no dictionary word:
    "IMF" guessed as "imf" is a reading no one gives it, and its three phones fit a poorly heard
    word ("sells") better than the word itself. Nor are letters that start with one consonant twice
    ("SSSI", "LLC"): no English word starts so, and read as a word ("SSSI" guessed "S S IH") the
    acronym is a syllable of three phones that fitted a poorly heard "sell" 1.1 to 2.9 per frame
    better than the word itself, where the acronym said as its letters has four syllables."""
    if len(letters) < 3 or not re.search(r"[aeiouy]", letters):
        return False
    if letters[0] == letters[1] and letters[0] not in "aeiouy":
        return False
    return len(letters) > 3 or letters[0] not in "aeiou" or bool(lookup(letters))


def two_words(word: str, lookup) -> str | None:
    """*word* as two dictionary words of three letters or more, the most even split first
    ("tideline": "tide" + "line", not "ti" + "deline"); None when it is no such compound."""
    splits = sorted(range(3, len(word) - 2), key=lambda at: -min(at, len(word) - at))
    for at in splits:
        first, second = lookup(word[:at]), lookup(word[at:])
        if first and second:
            return f"{first} {second}"
    return None


def french_reading(word: str) -> str:
    """A rough ARPABET reading of *word* spelled the French way: silent endings, "oi" /wa/, "ou" /u/."""
    letters = word.lower()
    return read_by_rules(_SILENT_END.sub("", letters) or letters, _FRENCH, _french_exception)


def _french_exception(rest: str, at: int) -> tuple[str, int] | None:
    if rest[0] in "cg" and len(rest) > 1 and rest[1] in "eiyéè":
        return ("S" if rest[0] == "c" else "ZH"), 1
    nasal = _NASAL_BEFORE_VOWEL.match(rest)
    if nasal:      # "an" before a vowel is no nasal: the next shorter grapheme reads it
        return next(((sound, len(g)) for g, sound in _FRENCH if rest.startswith(g) and g != nasal.group(1)), ("", 1))
    return None


def phone_sayings(aligner: Aligner, name: str) -> list[list[str]]:
    """The phone sequences *name* may be said as (after :func:`teach`), the aligner's own first."""
    words = grammar_words(name)
    usable, _ = aligner.prepare(words)
    options = [aligner.pronunciations(w)[:3] for w, ok in zip(words, usable, strict=True) if ok]
    sayings = []
    for combination in itertools.islice(itertools.product(*options), MAX_SAYINGS):
        sayings.append([p for phones in combination for p in phones.split()])
    return sayings
