"""Per-segment word tokens with normalised forms and phonetic keys, indexed for name matching.

"Correct everywhere" and the glossary scan compare a phrase with every run of words in a
10-hour episode. Doing that naively is hundreds of thousands of fuzzy comparisons, so the
tokens of each segment are computed once (and again only when that segment's text or marks
change), and an inverted index maps each normalised word to where it occurs. Matching then
starts from the few words that resemble a word of the phrase (see :mod:`editor.core.corrections`).

Normalisation ignores case and punctuation ("Dick." == "dick", "O'Neil" == "oneil") and a
possessive "'s"; the phonetic key is Metaphone (jellyfish) with any leading vowel written
as "A", because recognizers swap initial vowels freely ("Alison" / "Ellison").
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz, process

from editor.core.transcript import Mark, Transcript

_TOKEN = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def normalise(word: str) -> str:
    """Lower case, letters and digits only: the form fuzzy comparison works on."""
    return "".join(ch for ch in word.casefold() if ch.isalnum())


@lru_cache(maxsize=65536)
def phonetic_key(norm: str) -> str:
    """Metaphone of a normalised word, leading vowel folded to "A" ("" for numbers)."""
    letters = "".join(ch for ch in norm if ch.isalpha() and ch.isascii())
    if not letters:
        return ""
    key = jellyfish.metaphone(letters)
    if key and key[0] in "AEIOU":
        key = "A" + key[1:]
    return key


def core_span(token: str, start: int) -> tuple[int, int]:
    """Offsets of a token without surrounding punctuation or a trailing possessive."""
    lo, hi = 0, len(token)
    while lo < hi and not token[lo].isalnum():
        lo += 1
    while hi > lo and not token[hi - 1].isalnum():
        hi -= 1
    possessive = _POSSESSIVE.search(token, lo, hi)
    if possessive and possessive.start() > lo:
        hi = possessive.start()
    return start + lo, start + hi


@dataclass(slots=True)
class SegmentTokens:
    """The words of one segment as the matchers see them."""

    text: str
    marks: tuple[Mark, ...]
    # Tuples, not lists: tuples of strings and ints drop out of the cyclic GC's lists after
    # the first collection they survive, so a kept index costs later full collections little.
    starts: tuple[int, ...] = ()      # core span of each word
    ends: tuple[int, ...] = ()
    norms: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    blocked: tuple[bool, ...] = ()    # inside a mark: never matched
    any_blocked: bool = False

    @classmethod
    def build(cls, text: str, marks: tuple[Mark, ...]) -> SegmentTokens:
        starts, ends, norms, keys, blocked = [], [], [], [], []
        for found in _TOKEN.finditer(text):
            analysed = analyse_token(found.group())
            if analysed is None:
                continue  # a dash or an ellipsis is not a word
            lo, hi, norm, key = analysed
            start, end = found.start() + lo, found.start() + hi
            starts.append(start)
            ends.append(end)
            norms.append(norm)
            keys.append(key)
            blocked.append(bool(marks) and any(start < m.end and m.start < end for m in marks))
        return cls(text, marks, tuple(starts), tuple(ends), tuple(norms), tuple(keys), tuple(blocked),
                   any(blocked))


@lru_cache(maxsize=131072)
def analyse_token(token: str) -> tuple[int, int, str, str] | None:
    """(core start, core end, normalised form, phonetic key) of a whitespace token, cached:
    an episode's 90,000 tokens are only a few thousand distinct strings."""
    lo, hi = core_span(token, 0)
    norm = normalise(token[lo:hi])
    if not norm:
        return None
    return lo, hi, norm, phonetic_key(norm)


# Postings are packed ints (segment << SHIFT | token number), not (segment, token) tuples:
# ints are invisible to the cyclic GC, 90,000 tuples are not, and a full collection that
# walks them from the scan's worker thread holds the GIL (stalls the window) for tens of ms.
SHIFT = 32
INCREMENTAL_ROWS = 32   # up to this many changed rows (or 5 %) update postings in place; more: rebuild
_LOW = (1 << SHIFT) - 1


def pack(segment: int, token: int) -> int:
    return segment << SHIFT | token


def unpack(position: int) -> tuple[int, int]:
    return position >> SHIFT, position & _LOW


class _Breather:
    """Call it often in a long loop: every couple of ms it lets go of the GIL (``time.sleep(0)``).

    Indexing a 10-hour episode takes ~0.1 s on the glossary scan's worker thread; a GUI
    thread waiting for the GIL then gets it at once instead of after Python's 5 ms switch
    interval (and on the GUI thread itself this costs nothing: nobody else is waiting).
    """

    __slots__ = ("_last",)

    def __init__(self):
        self._last = time.perf_counter()

    def __call__(self) -> None:
        now = time.perf_counter()
        if now - self._last > 0.002:
            time.sleep(0)
            self._last = time.perf_counter()


class NameIndex:
    """Tokens of every segment of a transcript plus an inverted index word -> positions.

    *transcript* is anything with ``segments`` whose items have ``text`` and ``marks``
    (``words`` and ``start_ms`` too, for candidate times): a :class:`Transcript` or a
    captured view of one. Call :meth:`refresh` before matching after edits (optionally
    with a newer capture): only changed segments are re-tokenised, and when no row was
    added or removed only their postings change.
    """

    def __init__(self, transcript: Transcript):
        self.transcript = transcript
        self.segments: list[SegmentTokens] = []
        self._postings: dict[str, list[int]] = {}
        self._by_key: dict[str, set[str]] = {}
        self._vocab: list[str] = []
        self.retokenised = 0            # segments tokenised by the last refresh (tests, benches)
        self.refresh()

    def refresh(self, transcript=None) -> None:
        """Bring the tokens in step with *transcript* (default: the one indexed); cheap when little changed."""
        if transcript is not None:
            self.transcript = transcript
        rows = self.transcript.segments
        old = self.segments
        if len(old) == len(rows) and self._postings:
            changed = [i for i, (tokens, segment) in enumerate(zip(old, rows, strict=False))
                       if tokens.text is not segment.text and tokens.text != segment.text
                       or tokens.marks != tuple(segment.marks)]
            if len(changed) <= max(INCREMENTAL_ROWS, len(rows) // 20):
                for i in changed:
                    fresh = SegmentTokens.build(rows[i].text, tuple(rows[i].marks))
                    self._replace_postings(i, old[i], fresh)
                    old[i] = fresh
                self.retokenised = len(changed)
                if changed:
                    self._vocab = list(self._postings)
                return
        # Rows were added or removed (split, merge, another file) or many changed: reuse the tokens of any
        # text seen before, wherever it now is, and rebuild the postings.
        known = {(t.text, t.marks): t for t in old}
        fresh_segments = []
        self.retokenised = 0
        breathe = _Breather()
        for segment in rows:
            breathe()
            marks = tuple(segment.marks)
            tokens = known.get((segment.text, marks))
            if tokens is None:
                tokens = SegmentTokens.build(segment.text, marks)
                self.retokenised += 1
            fresh_segments.append(tokens)
        self.segments = fresh_segments
        self._rebuild_postings()

    def _rebuild_postings(self) -> None:
        postings: dict[str, list[int]] = {}
        breathe = _Breather()
        for s, tokens in enumerate(self.segments):
            breathe()
            base = s << SHIFT
            for t, norm in enumerate(tokens.norms):
                entry = postings.get(norm)
                if entry is None:
                    postings[norm] = [base | t]
                else:
                    entry.append(base | t)
        by_key: dict[str, set[str]] = {}
        for norm in postings:
            by_key.setdefault(phonetic_key(norm), set()).add(norm)
        self._postings = postings
        self._by_key = by_key
        self._vocab = list(postings)

    def _replace_postings(self, s: int, old: SegmentTokens, new: SegmentTokens) -> None:
        """Swap segment *s*'s postings from *old* tokens to *new* ones (order within a list is free)."""
        postings, by_key = self._postings, self._by_key
        for norm in set(old.norms):
            entry = postings.get(norm)
            if entry is None:
                continue
            kept = [p for p in entry if p >> SHIFT != s]
            if kept:
                postings[norm] = kept
            else:
                del postings[norm]
                key = phonetic_key(norm)
                words = by_key.get(key)
                if words is not None:
                    words.discard(norm)
                    if not words:
                        del by_key[key]
        base = s << SHIFT
        for t, norm in enumerate(new.norms):
            entry = postings.get(norm)
            if entry is None:
                postings[norm] = [base | t]
                by_key.setdefault(phonetic_key(norm), set()).add(norm)
            else:
                entry.append(base | t)

    def clone(self) -> NameIndex:
        """An independent copy (~ms where building one takes ~0.1 s): the tokens are shared
        (never changed in place), the postings copied (refresh edits their lists)."""
        twin = NameIndex.__new__(NameIndex)
        twin.transcript = self.transcript
        twin.segments = list(self.segments)
        twin._postings = {norm: list(entry) for norm, entry in self._postings.items()}
        twin._by_key = {key: set(words) for key, words in self._by_key.items()}
        twin._vocab = list(self._vocab)
        twin.retokenised = 0
        return twin

    @property
    def token_count(self) -> int:
        return sum(len(t.norms) for t in self.segments)

    def packed_positions(self, norm: str) -> list[int]:
        """Every occurrence of normalised word *norm*, packed (see :func:`unpack`)."""
        return self._postings.get(norm, [])

    def positions(self, norm: str) -> list[tuple[int, int]]:
        """(segment index, token number) of every occurrence of normalised word *norm*, in order."""
        return sorted(map(unpack, self._postings.get(norm, [])))

    def near_words(self, words: list[str]) -> list[set[str]]:
        """For each normalised word, the transcript's words that look or sound like it.

        One batched rapidfuzz call over the vocabulary for all words (the glossary scan asks
        for hundreds at once). Short words need a closer match: "ask" must not stand in for "Esk".
        """
        result: list[set[str]] = [set() for _ in words]
        if not words or not self._vocab:
            return result
        scores = process.cdist(words, self._vocab, scorer=fuzz.ratio, score_cutoff=66, dtype="uint8")
        for row, word in enumerate(words):
            need = _fuzzy_cutoff(word)
            hits = result[row]
            for column in scores[row].nonzero()[0]:
                if scores[row, column] >= need:
                    hits.add(self._vocab[column])
            key = phonetic_key(word)
            if len(key) >= 2 and len(word) >= 4:
                hits.update(self._by_key.get(key, ()))
            if word in self._postings:
                hits.add(word)
        return result


def _fuzzy_cutoff(word: str) -> int:
    """How alike a transcript word must be to a phrase word to start a candidate there."""
    if len(word) <= 3:
        return 101  # exact only (handled separately)
    if len(word) <= 5:
        return 75
    return 66
