"""Spell checking with pyspellchecker's bundled English word list, the show glossary and an ignore list.

Chosen over Enchant/Hunspell because it is pure Python with its dictionary inside the wheel:
``make run`` needs no system dictionary. "Is this word known" is answered by a compact
:class:`WordSet` (64-bit hashes of the 160,000 words, ~1.3 MB, cached on disk): the library's
full frequency dictionary costs ~28 MB resident and is loaded only when suggestions are asked
for (right-click on a misspelling). Both are loaded once per process and shared (reads are
thread-safe). Each word's verdict is cached, so checking a segment after
a keystroke costs a few dictionary lookups, never a pass over the whole document.

Skipped: inaudible/crosstalk/unclear marks and bracketed tokens ("[inaudible]"), anything
with a digit ("3rd", "1990s"), URLs and e-mail addresses. ALL-CAPS words count as known only
when they are common acronyms (:data:`COMMON_ACRONYMS`), glossary words or, from four letters
on, dictionary words said loudly ("NEVER"): recognizers write garbled names as capitals ("BSA").
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import heapq
import json
import os
import pkgutil
import re
import threading
import time
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

import spellchecker
from spellchecker import SpellChecker

from editor.core.transcript import Mark, Segment, Transcript

T = TypeVar("T")

# Acronyms a general audience reads without a second look; an ALL-CAPS word neither here, in
# the glossary nor (four letters or more) in the dictionary is underlined.
COMMON_ACRONYMS = frozenset([
    "AI", "AIDS", "AM", "API", "ATM", "BBC", "BC", "CBS", "CD", "CEO", "CFO", "CIA", "CNN", "COO", "COVID", "CPU",
    "CSV", "CTO", "CV", "DC", "DIY", "DJ", "DNA", "DOJ", "DVD", "EPA", "ER", "ETA", "EU", "FAQ", "FBI", "FCC", "FDA",
    "FM", "FYI", "GDP", "GOP", "GPS", "HBO", "HIV", "HQ", "HR", "HTML", "HTTP", "ID", "IMF", "IOU", "IP", "IPO", "IQ",
    "IRS", "IT", "JFK", "LA", "LED", "LGBT", "LGBTQ", "LLC", "MBA", "MD", "MIT", "MLB", "MP", "MP3", "MRI", "NASA",
    "NATO", "NBA", "NBC", "NFL", "NGO", "NHL", "NHS", "NPR", "NSA", "NY", "NYC", "NYU", "OK", "OMG", "PBS", "PC",
    "PDF", "PhD", "PM", "PR", "PS", "PTSD", "Q&A", "RSS", "SEC", "SMS", "SUV", "TBD", "TED", "TSA", "TV", "UCLA",
    "UFO", "UK", "UN", "UNESCO", "UPS", "URL", "US", "USA", "USB", "VIP", "VP", "WHO", "WWII", "WWI", "XL"
])

_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SKIP_TOKEN = re.compile(r"[\[\]]|://|^www\.|@.+\.|\d")
# Endings the word list lacks for many stems: possessive and the contracted would/had, will, have, are.
_CONTRACTION = re.compile(r"'(?:s|d|ll|ve|re)$")
# Kana, Han and Hangul: no word list here holds them, and Japanese and Chinese put no space between
# words, so a whole sentence would be one "unknown word" (hundreds in a paragraph, each drawn).
_NO_WORD_LIST_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")

def _bundled_word_counts(language: str) -> bytes:
    """pyspellchecker's bundled word list for *language* (gzipped JSON of word counts)."""
    raw = pkgutil.get_data("spellchecker", f"resources/{language}.json.gz")
    if raw is None:
        raise OSError(f"pyspellchecker has no word list for {language!r}")
    return raw


def _load_once(load: Callable[[], T]) -> Callable[[], T]:
    """A process-wide value made by the first caller; callers arriving meanwhile wait for it
    (a lock, not functools.cache, so two threads never build the same large object twice)."""
    lock = threading.Lock()
    made: list[T] = []

    def get() -> T:
        with lock:
            if not made:
                made.append(load())
            return made[0]
    get.__doc__ = load.__doc__
    return get


@_load_once
def english() -> SpellChecker:
    """The process-wide English dictionary (loaded on first use, ~0.1-0.2 s, in GIL-friendly pieces)."""
    return load_in_pieces("en")


CHARS_PER_PIECE = 64_000   # ~4,000 words: ~2 ms of JSON parsing


def load_in_pieces(language: str = "en") -> SpellChecker:
    """pyspellchecker's word list for *language*, parsed a few thousand words at a time.

    ``SpellChecker(language="en")`` parses its 160,000-word JSON in one ``json.loads`` call
    and then walks every word in a few more C calls: 80-140 ms during which no other
    thread runs Python, so a window loading it in the background still froze. The bundled
    file has one ``"word": count,`` per line; here each piece of lines is parsed on its own
    and the GIL is let go (``time.sleep(0)``) between pieces. The checker ends up exactly as
    the library would build it (tested); a file of another shape is loaded the library's way.
    """
    counts: dict[str, int] = {}
    letters: set[str] = set()
    longest = 0
    try:
        for piece in _word_count_pieces(language):
            for word, count in piece.items():   # the library lower-cases and sums case variants
                lowered = word.lower()
                counts[lowered] = counts.get(lowered, 0) + count
            keys = [w.lower() for w in piece]
            if keys:
                letters.update(*keys)
                longest = max(longest, max(map(len, keys)))
    except ValueError:
        return SpellChecker(language=language)
    checker = SpellChecker(language=None)
    frequency = checker.word_frequency
    if not all(hasattr(frequency, name) for name in _FREQUENCY_FIELDS):
        frequency.load_json(counts)                     # a newer library: its own (slower) way
        return checker
    frequency._dictionary = Counter(counts)             # dict.update in C: ~2 ms
    frequency._total_words = sum(counts.values())
    frequency._unique_words = len(counts)
    frequency._letters = letters
    frequency._longest_word_length = longest
    return checker


_FREQUENCY_FIELDS = ("_dictionary", "_total_words", "_unique_words", "_letters", "_longest_word_length")


def _distinct(ordered: Iterable[int]) -> Iterator[int]:
    """*ordered* without repeats."""
    previous = None
    for value in ordered:
        if value != previous:
            yield value
            previous = value


def _word_count_pieces(language: str) -> Iterator[dict[str, int]]:
    """The bundled word list's ``"word": count`` pairs, a piece of lines at a time, the GIL let go
    (``time.sleep(0)``) after each piece is used; ValueError when the file is not one word a line."""
    text = gzip.decompress(_bundled_word_counts(language)).decode("utf-8")   # zlib lets go of the GIL
    body = text[text.index("{") + 1:text.rindex("}")]
    position = 0
    while position < len(body):
        cut = _piece_end(body, position)
        yield json.loads("{" + body[position:cut].strip().rstrip(",") + "}")
        position = cut + 1
        time.sleep(0)


def _piece_end(body: str, start: int) -> int:
    """Offset of the first newline CHARS_PER_PIECE after *start* (or the body's end)."""
    at = body.find("\n", start + CHARS_PER_PIECE)
    return len(body) if at == -1 else at


COMMON_COUNT = 20_000      # words this frequent in the list are "everyday" (about 3,000 of them)


def common_words(min_count: int = COMMON_COUNT) -> frozenset[str]:
    """Everyday English words (about the 3,000 most frequent in the word list).

    The glossary scan never offers to "correct" a run made only of these into a name:
    "what" sounds like "Wati", but it is almost always just "what".
    """
    if min_count == COMMON_COUNT:
        return known_words().common
    dictionary = english()
    return frozenset(w for w, n in dictionary.word_frequency.dictionary.items() if n >= min_count)


# ---------------------------------------------------------------------------- compact word set
def word_hash(word: str) -> int:
    """A stable signed 64-bit hash of a (lower-cased) word: the same in every process, unlike hash()."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class WordSet:
    """Membership of the word list as sorted 64-bit hashes (``array('q')`` + bisection).

    160,000 words take 1.3 MB here against ~28 MB for the library's dict of str -> count.
    A false "known" needs two words sharing 64 bits of a cryptographic hash: ~1e-9 per
    lookup. ``common`` holds the everyday words (see :func:`common_words`).
    """

    def __init__(self, hashes: array, common: frozenset[str]):
        self._hashes = hashes                 # sorted, no duplicates
        self.common = common

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        key = word_hash(word.lower())
        at = bisect_left(self._hashes, key)
        return at < len(self._hashes) and self._hashes[at] == key

    def known(self, words: Iterable[str]) -> set[str]:
        """The words of *words* in the list (the same call as ``SpellChecker.known``)."""
        return {w for w in words if w in self}

    # -------------------------------------------------------------- building and the disk cache
    @classmethod
    def build(cls, language: str = "en") -> WordSet:
        """Hash the bundled word list a few thousand words at a time, letting go of the GIL between pieces.

        Never holds more than one piece's words as str: building costs ~0.3 s of a worker and a
        few MB, where the full checker costs ~28 MB for as long as the process lives.
        """
        pieces: list[list[int]] = []     # each piece's hashes, sorted
        counts: dict[str, int] = {}      # only everyday words and case variants (the list is lower-case)
        # word_hash() written out in the loop, its functions looked up once: a call of it for each of
        # 160,000 words was a tenth of building the set (~35 ms of the ~0.3 s a first run spends on it).
        blake2b, from_bytes = hashlib.blake2b, int.from_bytes
        try:
            for piece in _word_count_pieces(language):
                hashes = []
                for word, count in piece.items():
                    lowered = word.lower()
                    hashes.append(from_bytes(blake2b(lowered.encode("utf-8"), digest_size=8).digest(), "little",
                                             signed=True))
                    if count >= COMMON_COUNT or lowered != word or lowered in counts:
                        counts[lowered] = counts.get(lowered, 0) + count
                pieces.append(sorted(hashes))
        except ValueError:                # not the one-word-a-line shape: the library's way, once
            dictionary = SpellChecker(language=language).word_frequency.dictionary
            pieces = [sorted(word_hash(w) for w in dictionary)]
            counts = {w: n for w, n in dictionary.items() if n >= COMMON_COUNT}
        # Merged in Python, not one sorted(set(...)) of 160,000 hashes: that single C call holds the
        # GIL for 60-400 ms, and the window's thread waits that long for it.
        return cls(array("q", _distinct(heapq.merge(*pieces))),
                   frozenset(w for w, n in counts.items() if n >= COMMON_COUNT))

    def save(self, path: Path) -> None:
        """Write atomically (a half-written cache must never be read): hashes, then the common words."""
        path.parent.mkdir(parents=True, exist_ok=True)
        common = "\n".join(sorted(self.common)).encode("utf-8")
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(temporary, "wb") as out:
            out.write(len(self._hashes).to_bytes(8, "little"))
            self._hashes.tofile(out)
            out.write(common)
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path) -> WordSet:
        """Read a cache written by :meth:`save`; ValueError/OSError if it is damaged."""
        data = path.read_bytes()
        count = int.from_bytes(data[:8], "little")
        end = 8 + 8 * count
        if count == 0 or len(data) < end:
            raise ValueError(f"{path}: truncated word-set cache")
        hashes = array("q")
        hashes.frombytes(data[8:end])
        if array("q", [1]).tobytes() != (1).to_bytes(8, "little"):
            hashes.byteswap()            # the file is little-endian
        common = frozenset(data[end:].decode("utf-8").split("\n")) - {""}
        return cls(hashes, common)


def word_set_cache_path(language: str = "en") -> Path:
    """Cache file of the word set, keyed by pyspellchecker's version (a new word list, a new file)."""
    from editor.core.user_data import cache_subdir
    return cache_subdir("spelling") / f"{language}-{_library_version()}-v1.words"


def _library_version() -> str:
    """pyspellchecker's version, from the package itself: asking importlib.metadata instead cost
    ~30 ms and ~5 MB (it imports the email package to read the metadata) each time a window loads
    the word set, a few seconds after it opens a transcript."""
    found = getattr(spellchecker, "__version__", None)
    if isinstance(found, str) and found:
        return found
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("pyspellchecker")
    except PackageNotFoundError:
        return "unknown"


@_load_once
def known_words() -> WordSet:
    """The process-wide compact English word set: from the disk cache (~5 ms), else built and cached (~0.3 s)."""
    path = word_set_cache_path("en")
    try:
        return WordSet.load(path)
    except (OSError, ValueError):
        words = WordSet.build("en")
        with contextlib.suppress(OSError):   # a read-only cache dir: build again next time
            words.save(path)
        return words


MIN_NAME_LETTERS = 3
# The longest word a dictionary holds is ~45 letters; longer runs are data (a pasted hash, a token
# without spaces), not words to check or correct.
MAX_WORD_CHARS = 48


class Misspelling(NamedTuple):
    start: int
    end: int
    word: str


class Speller:
    """Known-word decisions with a cache, glossary words and an ignore list.

    Known words come from the compact :func:`known_words` set; the full checker (*dictionary*,
    else :func:`english`) is loaded on the first :meth:`suggestions` call.
    """

    def __init__(self, glossary_names: Iterable[str] = (), ignored: Iterable[str] = (),
                 dictionary: SpellChecker | None = None):
        self._full = dictionary
        self._known = dictionary if dictionary is not None else known_words()
        self._cache: dict[str, bool] = {}
        self._ignored: set[str] = {w.casefold() for w in ignored}
        self._names: list[str] = []
        self._name_words: set[str] = set()
        self.set_glossary_names(glossary_names)

    # ------------------------------------------------------------------ configuration
    def set_glossary_names(self, names: Iterable[str]) -> None:
        """The glossary's correct forms: their words count as known and come first in suggestions."""
        self._names = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        self._name_words = {w.casefold() for n in self._names for w in _WORD.findall(n)}
        self._cache.clear()

    def ignore(self, word: str) -> None:
        """Treat *word* as known from now on (session "Ignore")."""
        self._ignored.add(word.casefold())
        self._cache.pop(word.casefold(), None)

    @property
    def ignored(self) -> set[str]:
        return set(self._ignored)

    # ------------------------------------------------------------------ checking
    def is_known(self, word: str) -> bool:
        """True for dictionary, glossary and ignored words (case-insensitive)."""
        key = word.casefold()
        verdict = self._cache.get(key)
        if verdict is None:
            verdict = self._decide(key)
            self._cache[key] = verdict
        return verdict

    def is_known_capitals(self, word: str) -> bool:
        """An ALL-CAPS word: a common acronym, a glossary or ignored word, or a loud dictionary word."""
        if word in COMMON_ACRONYMS or word.casefold() in self._name_words or word.casefold() in self._ignored:
            return True
        return len(word) >= 4 and self.is_known(word)

    def _decide(self, key: str) -> bool:
        if key in self._ignored or key in self._name_words:
            return True
        key = key.replace("’", "'")
        if self._known.known([key]):
            return True
        base = _CONTRACTION.sub("", key)  # "Maya's", "there'd", "she'll": the stem decides
        if base != key and (base in self._name_words or base in self._ignored or bool(self._known.known([base]))):
            return True
        # The word list is American: a British spelling of a word it knows ("colours", "organised")
        # is right. Imported here: the pairs' table is only needed once a word is not known.
        from editor.core.british import american

        return any(american(word) != word and bool(self._known.known([american(word)])) for word in {key, base})

    def unknown_words(self, text: str, marks: Sequence[Mark] = ()) -> list[Misspelling]:
        """Unknown words of one piece of text (a segment), with their offsets."""
        found: list[Misspelling] = []
        for token in _TOKEN.finditer(text):
            if _SKIP_TOKEN.search(token.group()):
                continue
            if marks and any(token.start() < m.end and m.start < token.end() for m in marks):
                continue
            for word in _WORD.finditer(token.group()):
                text_word = word.group()
                if len(text_word) > MAX_WORD_CHARS or _NO_WORD_LIST_SCRIPT.search(text_word):
                    continue  # a run of letters no dictionary could hold is not checked
                known = self.is_known_capitals(text_word) if len(text_word) > 1 and text_word.isupper() \
                    else self.is_known(text_word)
                if not known:
                    start = token.start() + word.start()
                    found.append(Misspelling(start, start + len(text_word), text_word))
        return found

    def check_segment(self, segment: Segment) -> list[Misspelling]:
        return self.unknown_words(segment.text, segment.marks)

    def check_transcript(self, transcript: Transcript) -> dict[int, list[Misspelling]]:
        """Unknown words per segment index (only segments that have some)."""
        result = {}
        for index, segment in enumerate(transcript.segments):
            found = self.check_segment(segment)
            if found:
                result[index] = found
        return result

    # ------------------------------------------------------------------ suggestions
    def suggestions(self, word: str, limit: int = 8) -> list[str]:
        """Replacements for *word*: close glossary names first, then dictionary words by frequency.

        None for a run of letters longer than any word (pyspellchecker's edit-distance search grows
        with the square of the length: a 2,000-letter token takes 0.4 s, a 400 kB one would never end).
        """
        if len(word) > MAX_WORD_CHARS:
            return []
        names = self._name_suggestions(word)
        if self._full is None:
            self._full = english()        # the first right-click on a misspelling: ~0.2 s, ~28 MB
        candidates = self._full.candidates(word.casefold()) or set()
        candidates.discard(word.casefold())
        frequency = self._full.word_usage_frequency
        ranked = sorted(candidates, key=lambda w: (-frequency(w), w))
        words = [_match_case(word, w) for w in ranked]
        return list(dict.fromkeys(names + words))[:limit]

    def alternatives(self, word: str, limit: int = 8) -> list[str]:
        """What a correctly spelt *word* may have been misheard for (where the audio doubts it): close
        glossary names first, then dictionary words one letter away, most frequent first."""
        if len(word) > MAX_WORD_CHARS:
            return []
        names = self._name_suggestions(word)
        if self._full is None:
            self._full = english()
        folded = word.casefold()
        near = self._full.known(self._full.edit_distance_1(folded)) - {folded}
        frequency = self._full.word_usage_frequency
        ranked = sorted((w for w in near if len(w) >= MIN_NAME_LETTERS), key=lambda w: (-frequency(w), w))
        return list(dict.fromkeys(names + [_match_case(word, w) for w in ranked]))[:limit]

    def _name_suggestions(self, word: str) -> list[str]:
        """Glossary names (or single words of them) that look or sound like *word*, best first.

        Spelling (rapidfuzz WRatio) and sound (the joined Metaphone keys, weighted by key length as
        the glossary scan weighs them) both count. Words under three letters are never offered:
        "I" or "Al" look like half the words of a transcript.
        """
        from rapidfuzz import fuzz  # here, not with the module: the word set never needs it

        from editor.core.phrase_likeness import Phrase, score_window  # here too: it imports rapidfuzz, jellyfish

        parts = {w for n in self._names for w in _WORD.findall(n) if " " in n and len(w) >= MIN_NAME_LETTERS}
        choices = [c for c in self._names if len(c) >= MIN_NAME_LETTERS] + sorted(parts)
        if not choices:
            return []
        seen = Phrase.of(word)
        ranked = []
        for choice in choices:
            if choice.casefold() == word.casefold():
                continue
            spelling = fuzz.WRatio(word.casefold(), choice.casefold())
            target = Phrase.of(choice)
            sound, how = score_window(target, seen.norms, seen.keys) if seen.norms and target.norms else (0, "")
            best = max(spelling, sound if how == "sound" else 0)
            if best >= 72:
                ranked.append((-best, len(choice.split()) != len(word.split()), choice))
        return [choice for _, _, choice in sorted(ranked)[:5]]


def _match_case(original: str, suggestion: str) -> str:
    if original.isupper() and len(original) > 1:
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
