""""Correct everywhere": find every occurrence of a misrecognized phrase, near-variants included.

A producer selects "Dick flux", types "Dick Flacks", and gets every place where the
recognizer wrote that name, however it spelled it: "Dick Flax", "Dick. Flax", "dick flacks".
Variants are found by comparing runs of words (n-gram windows of the phrase's word count
plus or minus one, so "Pat Reon" and "Patreon" meet) on two levels:

* spelling: rapidfuzz ``fuzz.ratio`` on the normalised words (case and punctuation
  removed), with and without the spaces between them;
* sound: per-word Metaphone keys (jellyfish), so "Flax"/"flux"/"Flacks" and
  "Alison"/"Ellison" compare equal.

Candidates start only from words that already resemble a word of the phrase (the
:class:`~editor.core.name_index.NameIndex` finds those in the vocabulary), and each distinct
window is scored once, which keeps a 10-hour episode well under a second.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from rapidfuzz import fuzz

from editor.core.name_index import _LOW, SHIFT, NameIndex, normalise, phonetic_key
from editor.core.search import ReplaceSpan, context_snippet, time_at
from editor.core.transcript import Transcript

DEFAULT_THRESHOLD = 80


class Candidate(NamedTuple):
    """One place to correct: ``segments[index].text[start:end]`` (``found``)."""

    index: int  # type: ignore[assignment]  # a field named like tuple.index
    start: int
    end: int
    found: str
    score: int            # 0..100, 100 = the same words apart from case and punctuation
    how: str              # "exact", "spelling" or "sound"
    context: str
    context_start: int
    time_ms: int | None


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase prepared for window comparison."""

    text: str
    norms: tuple[str, ...]
    keys: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Phrase:
        norms = tuple(n for n in (normalise(w) for w in text.split()) if n)
        return cls(text, norms, tuple(phonetic_key(n) for n in norms))

    @property
    def spaced(self) -> str:
        return " ".join(self.norms)


def score_window(phrase: Phrase, norms: tuple[str, ...], keys: tuple[str, ...]) -> tuple[int, str]:
    """How much a run of words looks (spelling) or sounds (Metaphone) like *phrase*: (0..100, how)."""
    if norms == phrase.norms:
        return 100, "exact"
    if len(norms) == len(phrase.norms):
        spelling = fuzz.ratio(phrase.spaced, " ".join(norms))
    else:
        # Split or merged words ("Co fundo" / "Cofundo"): compare without the spaces, and
        # rank a little below an equally good window of the phrase's own length.
        spelling = fuzz.ratio("".join(phrase.norms), "".join(norms)) - 5
    phrase_key = "".join(phrase.keys)
    window_key = "".join(keys)
    floor = _sound_floor(phrase, len(norms))
    if phrase_key and window_key == phrase_key and spelling >= floor:
        return max(int(spelling), 90), "sound"
    if phrase_key and window_key:
        sound = fuzz.ratio(phrase_key, window_key)
        if sound >= 80 and spelling >= max(65, floor):
            blended = (spelling + sound) / 2
            if blended > spelling:
                return int(blended), "sound"
    return int(spelling), "spelling"


def _sound_floor(phrase: Phrase, words: int) -> int:
    """Least spelling likeness for a sound-alike to count.

    Short single words and split/merged windows need more: "ask" sounds like "Esk" and
    "a story" like "Istor" in Metaphone, but neither is a misheard name.
    """
    if words != len(phrase.norms) or (len(phrase.norms) == 1 and len(phrase.norms[0]) <= 4):
        return 75
    return 50


def find_variants(transcript: Transcript, wrong: str, right: str = "", *,
                  threshold: int = DEFAULT_THRESHOLD, index: NameIndex | None = None,
                  include_right_variants: bool = True) -> list[Candidate]:
    """Every occurrence of *wrong* and its near-variants, best-first per place, in document order.

    Places whose text is already exactly *right* are left out. With *include_right_variants*
    the windows are also compared with *right* itself, so "dick flacks" is offered too.
    """
    if index is None:
        index = NameIndex(transcript)
    else:
        index.refresh(transcript)
    phrases = [Phrase.of(wrong)]
    if right and include_right_variants:
        phrases.append(Phrase.of(right))
    phrases = [p for p in phrases if p.norms]
    found: list[Candidate] = []
    for phrase in phrases:
        found.extend(match_phrase(index, phrase, threshold))
    # Places already right take part in overlap resolution (so "I'm Odile Ambrose" cannot
    # win over the exact "Odile Ambrose" inside it) and are dropped afterwards.
    words = len(phrases[0].norms) if phrases else 1
    return [c for c in resolve_overlaps(found, words, prefer={right} if right else ()) if c.found != right]


def match_phrase(index: NameIndex, phrase: Phrase, threshold: int,
                 near: list[set[str]] | None = None, skip_anchors: Collection[str] = ()) -> list[Candidate]:
    """Windows of *index* scoring at least *threshold* against *phrase* (may overlap).

    Windows start from occurrences of words near a phrase word (*near*, one set per phrase
    word); words in *skip_anchors* (everyday words, for the glossary scan) start only split windows.
    """
    if near is None:
        near = index.near_words(list(phrase.norms))
    n = len(phrase.norms)
    # (window length, first-word offset from the aligned start): the phrase length, one word
    # split in two before/after the anchor, or two words merged before/after it.
    shapes = [(n, 0), (n + 1, 0), (n + 1, -1)] + ([(n - 1, 0), (n - 1, 1)] if n > 1 else [])
    # Windows seen and scores are keyed by ints and strings, never tuples: this loop runs
    # on the scan's worker thread, and every surviving container feeds the cyclic GC, whose
    # full collections hold the GIL (freeze the window) for tens of ms.
    seen: set[int] = set()
    cache: dict[str, int] = {}
    results: list[Candidate] = []
    segments = index.segments
    split_shapes = shapes[1:3]
    for word_number, similar in enumerate(near):
        for norm in similar:
            # An everyday word may still be half of a split name ("Tide water"), nothing more.
            anchor_shapes = split_shapes if norm in skip_anchors and norm not in phrase.norms else shapes
            for position in index.packed_positions(norm):
                s, t = position >> SHIFT, position & _LOW
                tokens = segments[s]
                count = len(tokens.norms)
                for k, shift in anchor_shapes:
                    first = t - word_number + shift
                    if first < 0 or first > t or first + k > count or first + k <= t:
                        continue
                    spot = ((position - t + first) << 16) | k   # (segment, first word, length)
                    if spot in seen:
                        continue
                    seen.add(spot)
                    if tokens.any_blocked and any(tokens.blocked[first:first + k]):
                        continue
                    words = tokens.norms[first:first + k]
                    key = " ".join(words)
                    packed = cache.get(key)
                    if packed is None:
                        score, how = score_window(phrase, tuple(words), tuple(tokens.keys[first:first + k]))
                        packed = score << 2 | _HOWS.index(how)
                        cache[key] = packed
                    if packed >> 2 >= threshold:
                        results.append(_candidate(index, s, first, k, (packed >> 2, _HOWS[packed & 3])))
    return results


_HOWS = ("exact", "spelling", "sound")


def _candidate(index: NameIndex, s: int, first: int, k: int, scored: tuple[int, str]) -> Candidate:
    tokens = index.segments[s]
    start, end = tokens.starts[first], tokens.ends[first + k - 1]
    segment = index.transcript.segments[s]
    context, context_start = context_snippet(tokens.text, start, end)
    return Candidate(s, start, end, tokens.text[start:end], scored[0], scored[1],
                     context, context_start, time_at(segment, start))


def resolve_overlaps(candidates: Iterable[Candidate], words: int = 1,
                     prefer: Collection[str] = ()) -> list[Candidate]:
    """Keep the best of overlapping candidates (score, then closest word count), in document order.

    A candidate whose text is exactly one of *prefer* (a right form) outranks everything.
    """
    def rank(c: Candidate) -> tuple:
        return (c.found not in prefer, -c.score, abs(len(c.found.split()) - words), c.index, c.start)
    kept: dict[int, list[Candidate]] = {}
    for candidate in sorted(candidates, key=rank):
        taken = kept.setdefault(candidate.index, [])
        if all(candidate.end <= other.start or other.end <= candidate.start for other in taken):
            taken.append(candidate)
    return sorted((c for group in kept.values() for c in group), key=lambda c: (c.index, c.start))


def spans_for(candidates: Iterable[Candidate], right: str) -> list[ReplaceSpan]:
    """The replace span list (for ``ops.replace_spans``) that writes *right* over each candidate."""
    return [ReplaceSpan(c.index, c.start, c.end, right) for c in candidates if c.found != right]
