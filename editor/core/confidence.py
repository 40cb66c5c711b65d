"""Low-confidence words: the recognizer's own doubts (Whisper ``probability``, WhisperX ``score``).

The window shades these (off by default) and "next low-confidence word" walks them,
moving playback along. Only words carrying a confidence count; untimed words still give
their segment's start as the time to play.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from editor.core.transcript import Segment, Transcript

DEFAULT_THRESHOLD = 0.5
_TOKEN = re.compile(r"\S+")


class LowWord(NamedTuple):
    index: int            # type: ignore[assignment]  # the segment index (named like tuple.index)
    word: int             # word number inside the segment
    start: int            # character offsets in ``segment.text`` (-1 when words and text disagree)
    end: int
    text: str
    confidence: float
    time_ms: int | None   # the word's start, else the segment's start


def segment_low_words(segment: Segment, index: int, threshold: float) -> list[LowWord]:
    """The words of one segment whose confidence is below *threshold*."""
    if not segment.words:
        return []
    tokens = list(_TOKEN.finditer(segment.text))
    aligned = len(tokens) == len(segment.words)  # words are re-derived after edits; be safe if not
    low = []
    for number, word in enumerate(segment.words):
        if word.confidence is None or word.confidence >= threshold:
            continue
        start, end = (tokens[number].start(), tokens[number].end()) if aligned else (-1, -1)
        time_ms = word.start_ms if word.start_ms is not None else segment.start_ms
        low.append(LowWord(index, number, start, end, word.text, word.confidence, time_ms))
    return low


def recognizer_doubted(segment, start: int, end: int, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """Whether the recognizer was unsure of a word of ``segment.text[start:end]`` (a confidence
    below *threshold*); False when its words carry none or no longer match its text."""
    words = segment.words
    if not words:
        return False
    tokens = list(_TOKEN.finditer(segment.text))
    if len(tokens) != len(words):
        return False
    return any(word.confidence is not None and word.confidence < threshold
               for token, word in zip(tokens, words, strict=True) if token.start() < end and start < token.end())


def low_confidence_words(transcript: Transcript, threshold: float = DEFAULT_THRESHOLD) -> Iterator[LowWord]:
    """Every low-confidence word, in document order."""
    for index, segment in enumerate(transcript.segments):
        yield from segment_low_words(segment, index, threshold)


def next_low_confidence(transcript: Transcript, from_index: int, from_word: int,
                        threshold: float = DEFAULT_THRESHOLD, *, backwards: bool = False,
                        wrap: bool = True) -> LowWord | None:
    """The next (or previous) low-confidence word after word *from_word* of segment *from_index*.

    Pass ``from_word=-1`` to include the first word of *from_index*. Only the segments up to
    the hit are looked at, so stepping through a long episode stays instant.
    """
    segments = transcript.segments
    count = len(segments)
    if count == 0:
        return None
    from_index = min(max(from_index, 0), count - 1)
    step = -1 if backwards else 1
    for lap in range(count + 1):
        index = from_index + step * lap
        if not 0 <= index < count:
            if not wrap:
                return None
            index %= count
        words = segment_low_words(segments[index], index, threshold)
        if lap == 0:
            words = [w for w in words if (w.word < from_word if backwards else w.word > from_word)]
        elif lap == count:
            # Wrapped round to the start segment: only the part not yet looked at.
            words = [w for w in words if (w.word >= from_word if backwards else w.word <= from_word)]
        if words:
            return words[-1] if backwards else words[0]
    return None
