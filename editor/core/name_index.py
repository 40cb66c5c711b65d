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
from dataclasses import dataclass, field
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
    starts: list[int] = field(default_factory=list)   # core span of each word
    ends: list[int] = field(default_factory=list)
    norms: list[str] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    blocked: list[bool] = field(default_factory=list)  # inside a mark: never matched
    any_blocked: bool = False

    @classmethod
    def build(cls, text: str, marks: tuple[Mark, ...]) -> "SegmentTokens":
        tokens = cls(text, marks)
        for found in _TOKEN.finditer(text):
            analysed = analyse_token(found.group())
            if analysed is None:
                continue  # a dash or an ellipsis is not a word
            lo, hi, norm, key = analysed
            start, end = found.start() + lo, found.start() + hi
            tokens.starts.append(start)
            tokens.ends.append(end)
            tokens.norms.append(norm)
            tokens.keys.append(key)
            blocked = bool(marks) and any(start < m.end and m.start < end for m in marks)
            tokens.blocked.append(blocked)
            tokens.any_blocked = tokens.any_blocked or blocked
        return tokens


@lru_cache(maxsize=131072)
def analyse_token(token: str) -> tuple[int, int, str, str] | None:
    """(core start, core end, normalised form, phonetic key) of a whitespace token, cached:
    an episode's 90,000 tokens are only a few thousand distinct strings."""
    lo, hi = core_span(token, 0)
    norm = normalise(token[lo:hi])
    if not norm:
        return None
    return lo, hi, norm, phonetic_key(norm)


class NameIndex:
    """Tokens of every segment of a transcript plus an inverted index word -> positions.

    Call :meth:`refresh` before matching after edits: only changed segments are re-tokenised.
    """

    def __init__(self, transcript: Transcript):
        self.transcript = transcript
        self.segments: list[SegmentTokens] = []
        self._postings: dict[str, list[tuple[int, int]]] = {}
        self._by_key: dict[str, set[str]] = {}
        self._vocab: list[str] = []
        self.refresh()

    def refresh(self) -> None:
        """Bring the tokens in step with the transcript; cheap when little changed."""
        changed = len(self.segments) != len(self.transcript.segments)
        fresh: list[SegmentTokens] = []
        for i, segment in enumerate(self.transcript.segments):
            old = self.segments[i] if i < len(self.segments) else None
            marks = tuple(segment.marks)
            if old is not None and old.text == segment.text and old.marks == marks:
                fresh.append(old)
            else:
                fresh.append(SegmentTokens.build(segment.text, marks))
                changed = True
        self.segments = fresh
        if changed or not self._postings:
            self._rebuild_postings()

    def _rebuild_postings(self) -> None:
        postings: dict[str, list[tuple[int, int]]] = {}
        for s, tokens in enumerate(self.segments):
            for t, norm in enumerate(tokens.norms):
                entry = postings.get(norm)
                if entry is None:
                    postings[norm] = [(s, t)]
                else:
                    entry.append((s, t))
        by_key: dict[str, set[str]] = {}
        for norm in postings:
            by_key.setdefault(phonetic_key(norm), set()).add(norm)
        self._postings = postings
        self._by_key = by_key
        self._vocab = list(postings)

    @property
    def token_count(self) -> int:
        return sum(len(t.norms) for t in self.segments)

    def positions(self, norm: str) -> list[tuple[int, int]]:
        """(segment index, token number) of every occurrence of normalised word *norm*."""
        return self._postings.get(norm, [])

    def near_words(self, words: list[str]) -> list[set[str]]:
        """For each normalised word, the transcript's words that look or sound like it.

        One batched rapidfuzz call over the vocabulary for all words (the glossary scan asks
        for hundreds at once). Short words need a closer match: "ask" must not stand in for "Esk".
        """
        result = [set() for _ in words]
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
