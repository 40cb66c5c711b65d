"""Is a place Correct Everywhere found part of someone else's name? :func:`other_full_name`.

A short name sounds like many others: "Baraka" and "Barack" are both BRK, so when a producer
corrects "Baraka" to "Daraka", the transcript's "Barack Obama" is listed as a sound-alike scoring
over the line that ticks a place by default. Applied, it would write "Daraka Obama".

The signal that sets such a place apart is the name around it: the word found is one the
dictionary knows, written with a capital, and beside it stands another capitalized word (mid-
sentence, so a name's, not a sentence's capital) that is neither a word of the wrong phrase or
the right form nor ever beside the wrong phrase or the right form elsewhere in the episode.
"Barack" + "Obama" is such a full name; "Rayez" in "Thomas Rayez" (for "Rayes") is not: the
dictionary does not know "rayez", and "Thomas" stands beside "Rayes" too. Such a place is still
listed, unticked, with the full name as the reason.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Container

from editor.core.name_index import NameIndex, SegmentTokens

_SENTENCE_END = ".!?…:;\"“”"


def other_full_name(index: NameIndex, segment: int, start: int, end: int, phrases: list[tuple[str, ...]],
                    dictionary: Container[str], common: Container[str]) -> str:
    """The full name the words at ``segments[segment].text[start:end]`` are part of ("Barack Obama"),
    or "" when they are not plainly part of a name other than *phrases* (each the normalised
    words of the wrong phrase or the right form)."""
    tokens = index.segments[segment]
    first, last = _word_numbers(tokens, start, end)
    if first is None:
        return ""
    own = {w for phrase in phrases for w in phrase}
    found = tokens.norms[first:last + 1]
    differing = [i for i, w in zip(range(first, last + 1), found, strict=True) if w not in own]
    # The words that make it differ are real, capitalized words: a name spelled as the dictionary spells it.
    if not differing or not all(tokens.norms[i] in dictionary and _capitalized(tokens, i) for i in differing):
        return ""
    for side, neighbour in ((-1, first - 1), (1, last + 1)):
        if not 0 <= neighbour < len(tokens.norms) or not _capitalized(tokens, neighbour):
            continue
        # A name's words stand apart by spaces only: "Nairobi. Barack", "Barack, Obama" are no name.
        gap = tokens.text[tokens.ends[neighbour]:tokens.starts[first]] if side < 0 else \
            tokens.text[tokens.ends[last]:tokens.starts[neighbour]]
        if gap.strip():
            continue
        word = tokens.norms[neighbour]
        if word in own or word in common or _starts_sentence(tokens, neighbour):
            continue
        if any(_beside(index, phrase, side, word) for phrase in phrases):
            continue     # the wrong phrase (or right form) has this neighbour too: the same person
        lo, hi = min(first, neighbour), max(last, neighbour)
        return " ".join(_written(tokens, i) for i in range(lo, hi + 1))
    return ""


def _word_numbers(tokens: SegmentTokens, start: int, end: int) -> tuple[int | None, int]:
    """Numbers of the first and last word whose core lies within ``[start, end)``."""
    first = bisect_right(tokens.starts, start) - 1
    last = bisect_right(tokens.starts, end - 1) - 1
    if first < 0 or tokens.starts[first] != start or last < first:
        return None, 0
    return first, last


def _written(tokens: SegmentTokens, i: int) -> str:
    return tokens.text[tokens.starts[i]:tokens.ends[i]]


def _capitalized(tokens: SegmentTokens, i: int) -> bool:
    written = _written(tokens, i)
    return written[:1].isupper() and written.isalpha() and len(written) > 1


def _starts_sentence(tokens: SegmentTokens, i: int) -> bool:
    """Whether word *i* opens its turn or follows a sentence's end (its capital may be the sentence's)."""
    if i == 0:
        return True
    between = tokens.text[tokens.ends[i - 1]:tokens.starts[i]]
    return any(ch in _SENTENCE_END for ch in between)


def _beside(index: NameIndex, phrase: tuple[str, ...], side: int, word: str) -> bool:
    """Whether *word* stands right before (*side* -1) or after (+1) an occurrence of *phrase*."""
    n = len(phrase)
    if not n:
        return False
    for s, t in index.positions(phrase[0]):
        norms = index.segments[s].norms
        if norms[t:t + n] != phrase:
            continue
        at = t - 1 if side < 0 else t + n
        if 0 <= at < len(norms) and norms[at] == word:
            return True
    return False
