"""Glossary names whose *sound* is close to a run of the text's words, compared as phones.

"Mill walkie" and "Milwaukee", "small gate" and "Smallgate", "MTSP" and "NTSB" are far apart
in spelling but their pronunciations (from the aligner's dictionary, its g2p for unknown
words, letter names for acronyms) are almost the same phone string. Windows of one to four
words are compared with each name by normalised phone edit distance (rapidfuzz, on one
character per phone); the close ones are then put to the audio (:mod:`editor.hearing.spotting`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from editor.align.aligner import Aligner
from editor.align.g2p import LETTERS
from editor.align.text import Token, spoken_words
from editor.hearing.sayings import phone_sayings

MAX_DISTANCE = 0.34      # normalised phone edit distance of a sound-alike
MAX_WORDS = 4
VOWELS = frozenset(["AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW"])
_ANY_VOWEL = "\u00b7"    # every vowel's code in a vowel-blind phone string
_FLAP = "\u00b6"         # a t or d said as a flap, in a vowel-blind phone string that merges them


def sound_distance(a: list[str], b: list[str], vowels: frozenset[str] = VOWELS) -> float:
    """Normalised edit distance of two phone strings in which one vowel for another counts half.

    A recognizer writing a name it does not know keeps its consonants and guesses its vowels
    ("He mena eban yes" for Jimena Ibáñez), and a name's guessed readings are surest in their
    consonants too: the mean of the plain distance and the distance with every vowel alike.
    (Used where two texts are judged said alike; the search for sound-alike windows keeps the
    plain distance, whose far more candidates would each cost a verdict, but for acronyms said
    letter by letter.)
    """
    return vowels_half(a, b, [_ANY_VOWEL if p in vowels else p for p in a],
                        [_ANY_VOWEL if p in vowels else p for p in b])


def vowels_half(a: Sequence[str], b: Sequence[str], a_blind: Sequence[str], b_blind: Sequence[str]) -> float:
    """The mean of *a* and *b*'s distance and their vowel-blind forms' distance, normalised."""
    longest = max(len(a), len(b))
    if not longest:
        return 0.0
    return (Levenshtein.distance(a, b) + Levenshtein.distance(a_blind, b_blind)) / (2 * longest)


@dataclass(frozen=True)
class SoundAlike:
    first: int           # token indices, inclusive
    last: int
    name: str
    distance: float


@dataclass(frozen=True)
class _Target:
    """One way a name may be said, as :func:`sound_alikes` compares windows with it."""

    name: str
    code: str            # its phone string
    blind: str | None    # the same with every vowel alike, for an acronym; else None
    most: int            # the widest window (in tokens) that may say it
    flaps: bool = False  # *blind* also says a t or d between vowels alike (an acronym said as a word)


@dataclass(frozen=True)
class _NearTarget:
    """One way a one-word name may be said, as :func:`words_near_names` compares words with it."""

    name: str
    code: str            # its phone string
    blind: str           # the same with every vowel alike and a flapped t or d as one
    letters: bool        # a capitals name said letter by letter ("NASA": en ay es ay)


class PhoneSpeller:
    """Phone strings (one character per phone) of words and names, cached."""

    def __init__(self, aligner: Aligner):
        self._aligner = aligner
        self._codes: dict[str, str] = {}
        self._cache: dict[str, str] = {}
        self._names: dict[str, list[str]] = {}
        self._targets: dict[str, list[_Target]] = {}
        self._vowel_codes: set[str] = set()
        # The targets a window of so many tokens and phones may be near, by the names and the
        # distance asked for (see :func:`sound_alikes`): every turn of an episode asks the same.
        self._eligible: dict[tuple, list[_Target]] = {}
        self._near_targets: dict[tuple[str, ...], list[_NearTarget]] = {}
        self._everyday: dict[str, bool] = {}
        self._name_words: dict[tuple[str, ...], list[tuple[str, str, str]]] = {}
        self._blind: dict[tuple[str, bool], str] = {}

    def of_words(self, words: list[str]) -> str:
        key = " ".join(words)
        cached = self._cache.get(key)
        if cached is None:
            usable, _ = self._aligner.prepare(words)
            known = [w for w, ok in zip(words, usable, strict=True) if ok]
            phones = [p for w in known for p in (self._aligner.lookup(w) or "").split()]
            cached = self._cache[key] = "".join(self._code(p) for p in phones)
        return cached

    def of_text(self, text: str) -> str:
        return self.of_words([w for token in text.split() for w in spoken_words(token)])

    def spoken(self, name: str) -> list[str]:
        return [w for token in name.split() for w in spoken_words(token)]

    def of_name(self, name: str) -> list[str]:
        """Every way *name* may be said (:mod:`editor.hearing.sayings`), as phone strings."""
        cached = self._names.get(name)
        if cached is None:
            cached = self._names[name] = list(dict.fromkeys(
                "".join(self._code(p) for p in saying) for saying in phone_sayings(self._aligner, name)))
        return cached

    def targets(self, name: str) -> list[_Target]:
        """The phone strings of *name* long enough to compare windows with, worked out once a
        name (every turn of an episode is compared with the same names)."""
        cached = self._targets.get(name)
        if cached is None:
            letters = _said_as_letters(name)
            as_word = not letters and _acronym_said_as_a_word(name)
            cached = self._targets[name] = [_Target(name, code, self.vowel_blind(code, as_word)
                                                    if letters or as_word else None,
                                                    max(MAX_WORDS, len(self.spoken(name)) + 1, self.syllables(code)),
                                                    as_word)
                                            for code in self.of_name(name) if len(code) >= 3]
        return cached

    def near_word_targets(self, names: tuple[str, ...]) -> list[_NearTarget]:
        """Every saying of NEAR_WORD_PHONES phones or more of each one-word name of *names* not
        written as letters ("NBA", "U.N."), for :func:`words_near_names`; worked out once per
        glossary (every turn of an episode asks the same)."""
        cached = self._near_targets.get(names)
        if cached is None:
            cached = self._near_targets[names] = [
                _NearTarget(name, code, self.vowel_blind(code, True), code == self._letters_code(name))
                for name in names if len(self.spoken(name)) == 1 and not _said_as_letters(name)
                for code in self.of_name(name) if len(code) >= NEAR_WORD_PHONES]
        return cached

    def name_word_targets(self, names: tuple[str, ...]) -> list[tuple[str, str, str]]:
        """(word, phone string, vowel-blind phone string) of every way each capitalised word of
        NAME_PART_PHONES phones or more of a name of two words or more of *names* may be said,
        for :func:`name_words_near`; worked out once per glossary."""
        cached = self._name_words.get(names)
        if cached is None:
            words = dict.fromkeys(w for name in names if len(name.split()) > 1 for w in name.split()
                                  if w.isalpha() and w[0].isupper() and not w.isupper())
            cached = self._name_words[names] = [(word, code, self.vowel_blind(code)) for word in words
                                                for code in self.of_name(word) if len(code) >= NAME_PART_PHONES]
        return cached

    def everyday(self, word: str) -> bool:
        """Whether *word* (a spoken word, lowercase) is in the aligner's dictionary."""
        known = self._everyday.get(word)
        if known is None:
            known = self._everyday[word] = bool(self._aligner.in_dictionary(word))
        return known

    def _letters_code(self, name: str) -> str | None:
        """The phone string of capitals *name* said letter by letter ("NASA": en ay es ay), else None."""
        letters = name.strip(".,;:!?")
        if not (letters.isalpha() and letters.isupper()):
            return None
        return "".join(self._code(p) for ch in letters.lower() for p in LETTERS.get(ch, "").split())

    def syllables(self, code: str) -> int:
        """How many vowels *code* says: a recognizer that does not know a name may write a short
        word for each ("Venn cat a ram an" for Venkataraman)."""
        return sum(c in self._vowel_codes for c in code)

    def vowel_blind(self, code: str, flaps: bool = False) -> str:
        """*code* with every vowel's character made one (see :func:`sound_distance`); with *flaps*,
        a t or d after a vowel or an r and before a vowel made one too: American speech says both
        as one flap there ("sorter" and "sarda", "latter" and "ladder")."""
        cached = self._blind.get((code, flaps))
        if cached is not None:
            return cached
        blind = "".join(_ANY_VOWEL if c in self._vowel_codes else c for c in code)
        if flaps:
            stops = {self._codes.get("T"), self._codes.get("D")} - {None}
            after = {_ANY_VOWEL, self._codes.get("R")}
            blind = "".join(_FLAP if c in stops and 0 < k < len(blind) - 1 and blind[k - 1] in after
                            and blind[k + 1] == _ANY_VOWEL else c for k, c in enumerate(blind))
        self._blind[code, flaps] = blind
        return blind

    def _code(self, phone: str) -> str:
        if phone not in self._codes:
            self._codes[phone] = chr(0x100 + len(self._codes))
            if phone in VOWELS:
                self._vowel_codes.add(self._codes[phone])
        return self._codes[phone]


def sound_alikes(tokens: list[Token], names: list[str], phones: PhoneSpeller,
                 max_distance: float = MAX_DISTANCE) -> list[SoundAlike]:
    """Windows of *tokens* that sound like one of *names* (best name per window, windows may overlap).

    A window holds up to MAX_WORDS tokens, or one more than the name has spoken words (a web
    address read out, "hello at tide line dot f m", is split into as many tokens or more), or
    as many as the name has syllables (a name written as a run of short words).
    """
    targets = [target for name in names for target in phones.targets(name)]
    widest = max((target.most for target in targets), default=MAX_WORDS)
    # Most targets are too long or too short for a window's phones to come within max_distance:
    # which ones a window of so many tokens and phones may be near is worked out once per such
    # shape, in the targets' order (the closest first target still wins a tie).
    asked = (tuple(names), max_distance)
    eligible = phones._eligible
    found = []
    for first in range(len(tokens)):
        for last in range(first, min(len(tokens), first + widest)):
            words = [w for t in tokens[first:last + 1] for w in t.spoken]
            if not words:
                continue
            code = phones.of_words(words)
            shape = (asked, last - first, len(code))
            near = eligible.get(shape)
            if near is None:
                near = eligible[shape] = [
                    target for target in targets if last - first < target.most
                    and abs(len(code) - len(target.code)) <= max_distance * len(target.code) + 1]
            blind: dict[bool, str] = {}
            best = None
            for target in near:
                # An acronym's letters are written as the words they sound like ("and be a" for
                # NBA, "you and" for UN), whose vowels are a reader's guess: one vowel for
                # another counts half there. So do they in an acronym said as a word, whose
                # reading is a guess too ("sorter" written for SARDA, its d a flap like the t).
                if target.blind is not None:
                    if target.flaps not in blind:
                        blind[target.flaps] = phones.vowel_blind(code, target.flaps)
                    distance = vowels_half(code, target.code, blind[target.flaps], target.blind)
                else:
                    distance = Levenshtein.normalized_distance(code, target.code, score_cutoff=max_distance)
                if distance > max_distance or (best is not None and distance >= best.distance):
                    continue
                if _holds(" ".join(t.text for t in tokens[first:last + 1]).casefold(), target.name):
                    continue      # the name itself, maybe with a word beside it ("I'm Nora Castellan")
                best = SoundAlike(first, last, target.name, distance)
            if best is not None:
                found.append(best)
    return found


def _holds(window: str, name: str) -> bool:
    """Whether the (casefolded) *window* text says *name* word for word somewhere in it."""
    words = [w.strip(".,;:!?") for w in window.split()]
    wanted = name.casefold().split()
    return any(words[i:i + len(wanted)] == wanted for i in range(len(words) - len(wanted) + 1))


def _acronym_said_as_a_word(name: str) -> bool:
    """Whether *name* is one capitals word of three letters or more read as a word ("SARDA", "NASA")."""
    letters = name.strip(".,;:!?")
    return len(letters) >= 3 and letters.isalpha() and letters.isupper() and len(spoken_words(name)) == 1


def _said_as_letters(name: str) -> bool:
    """Whether *name* is an acronym said letter by letter ("NBA", "U.N."), not a word ("NASA")."""
    words = spoken_words(name)
    return len(words) > 1 and all(len(w) == 2 and w.endswith(".") for w in words)


# A one-word name a word of the text may stand for, its vowels weighed half (see
# :func:`words_near_names`), when it has this many phones or more: shorter ones (acronyms said
# as three-phone words, "NEH") are near too many everyday words to listen for at each.
NEAR_WORD_PHONES = 5
# A run of everyday words may stand for such a name too ("off come" for Ofcom, "ever note" for
# Evernote): two or three dictionary words, each shorter than the name, whose phones together
# number the name's give or take one. Everyday runs of words are very many: only a run as long
# as the name, its consonants nearly the name's, comes near it.
NEAR_RUN_WORDS = 3
NEAR_RUN_LENGTH = 1


def words_near_names(tokens: list[Token], names: list[str], phones: PhoneSpeller,
                     max_distance: float) -> list[SoundAlike]:
    """Single words of *tokens*, and runs of two or three everyday words, near a one-word name of
    *names* said as a word, one vowel for another counting half: everyday words the recognizer
    wrote for a name it does not know ("offset" for Ofsted, said "OF-sted"; "off come" for Ofcom).
    The name's reading is a guess, its vowels the least sure part of it, so the plain distance
    :func:`sound_alikes` keeps misses such words. A single word is only worth listening for: a
    right everyday word is as near, and the audio alone can tell the two apart."""
    targets = phones.near_word_targets(tuple(names))
    found = []
    for first in range(len(tokens)):
        for last in range(first, min(len(tokens), first + (NEAR_RUN_WORDS if targets else 0))):
            window = tokens[first:last + 1]
            if len(window[-1].spoken) != 1:
                break
            words = [t.spoken[0] for t in window]
            if last > first and not _a_word(window[-1], phones):
                break
            if last == first + 1 and not _a_word(window[0], phones):
                break
            code = phones.of_words(words)
            if not code:
                continue
            blind = phones.vowel_blind(code, True)
            best = None
            for target in targets:
                if last > first:
                    # A run stands for a name said as a word (the plain search compares runs with an
                    # acronym's letters), each of its words shorter than the name and the run as long
                    # as it give or take one.
                    if target.letters or abs(len(code) - len(target.code)) > NEAR_RUN_LENGTH or any(
                            len(phones.of_words([w])) >= len(target.code) for w in words):
                        continue
                elif abs(len(code) - len(target.code)) > max_distance * len(target.code) + 1:
                    continue
                distance = vowels_half(code, target.code, blind, target.blind)
                if distance <= max_distance and (best is None or distance < best.distance) \
                        and not _holds(" ".join(t.text for t in window).casefold(), target.name):
                    best = SoundAlike(first, last, target.name, distance)
            if best is not None:
                found.append(best)
    return found


def _a_word(token: Token, phones: PhoneSpeller) -> bool:
    """Whether *token* may be one of a run of words written for a name: a word of the aligner's
    dictionary, or one written in lowercase letters only, which a recognizer writes as a word of
    its own vocabulary ("cosh") though the dictionary lacks it (its reading is then the letter
    rules' guess, vowels least sure, which the run's distance weighs half)."""
    if phones.everyday(token.spoken[0]):
        return True
    word = token.text.strip(".,;:!?\"'()\u2019")
    return word.isalpha() and word.islower() and word == token.spoken[0]


# A word of a glossary person's name ("Haskell" of "Petra Haskell") a capitalised word of the text
# may be a mishearing of, when it has this many phones or more: shorter first names ("Ann", "Tom")
# are near too many others.
NAME_PART_PHONES = 4
_SENTENCE_END = ".!?:;\u2026"
_TITLES = frozenset(["mr.", "mrs.", "ms.", "dr.", "st.", "prof."])


def name_words_near(tokens: list[Token], names: list[str], phones: PhoneSpeller,
                    max_distance: float) -> list[SoundAlike]:
    """Capitalised words of *tokens* the dictionary knows as names, each near one word of a glossary
    name of two words or more, one vowel for another counting half: the recognizer's own name for a
    first name or surname it does not know ("Thanks Gaskell" for Petra Haskell, "Gaskell" being in its
    vocabulary, so neither its spelling nor its fit raises a doubt). :attr:`SoundAlike.name` is that
    word of the name. Only worth putting to the audio: a right name (a Mr Gaskell in an episode whose
    guest is Petra Haskell) is as near. A word at a sentence's start (whose capital may be the sentence's) and one
    of the glossary's own words are left out."""
    targets = phones.name_word_targets(tuple(names))
    if not targets:
        return []
    own = {w.casefold() for name in names for w in name.split()}
    found = []
    for at, token in enumerate(tokens):
        word = token.text.strip(".,;:!?\"'()\u2019")
        if (len(token.spoken) != 1 or len(word) < 3 or not word.isalpha() or not word[0].isupper()
                or word.isupper() or word.casefold() in own or not phones.everyday(token.spoken[0])):
            continue
        if at == 0 or _ends_sentence(tokens[at - 1].text):
            continue
        code = phones.of_words(token.spoken)
        if not code:
            continue
        blind = phones.vowel_blind(code)
        best = None
        for part, target, target_blind in targets:
            if abs(len(code) - len(target)) > 1:
                continue
            distance = vowels_half(code, target, blind, target_blind)
            if distance <= max_distance and (best is None or distance < best.distance):
                best = SoundAlike(at, at, part, distance)
        if best is not None:
            found.append(best)
    return found


def everyday_word_in_a_sentence(tokens: list[Token], at: int, phones: PhoneSpeller) -> bool:
    """Whether token *at* is written as an everyday word: lowercase, inside its sentence (not its
    first word, whose capital would be the sentence's either way), and known to the dictionary. A
    name a recognizer does not know is written so only when it sounds like such a word ("bright"
    for Brite), and then the audio cannot tell the two apart either: the text says the word."""
    word = tokens[at].text.strip(".,;:!?\"'()\u2019")
    if not word or not word[0].islower() or not tokens[at].spoken:
        return False
    if at == 0 or _ends_sentence(tokens[at - 1].text):
        return False
    return all(phones.everyday(w) for w in tokens[at].spoken)


def _ends_sentence(text: str) -> bool:
    """Whether the token *text* ends a sentence (a title's full stop, "Mrs.", does not)."""
    end = text.rstrip("\"'\u201d\u2019)")
    return bool(end) and end[-1] in _SENTENCE_END and end.casefold() not in _TITLES
