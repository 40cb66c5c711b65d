"""Where each word of a segment sits in its text and when it is spoken (no Qt).

The view needs both to highlight the word being played and to seek to a
clicked word. Imported word times are used when they match the text's
tokens; otherwise times are estimated by the word's character position
inside the segment (forced alignment, when it runs, gives real ones).
Tokens and the estimate are the core's (:mod:`editor.core.words`), so a
highlight matches the word times the core estimates and stores elsewhere.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from editor.core.transcript import Segment
from editor.core.words import spread, tokenize

# Rough speaking pace for segments without an end time (about 14 characters a second).
_MS_PER_CHAR = 70


@dataclass(frozen=True, slots=True)
class WordSpans:
    """Character spans of a segment's words, with their start times (sorted)."""

    text: str
    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]   # empty when the segment is untimed

    def word_at_char(self, offset: int) -> int:
        """Index of the word containing (or just before) character *offset*; -1 when none."""
        index = bisect_right([s for s, _ in self.spans], offset) - 1
        return index

    def word_at_time(self, ms: int) -> int:
        """Index of the word being spoken at *ms*; -1 before the first word."""
        if not self.starts:
            return -1
        return bisect_right(self.starts, ms) - 1


def word_spans(segment: Segment, next_start_ms: int | None = None) -> WordSpans:
    """Spans and start times of *segment*'s words (see module docstring)."""
    text = segment.text
    spans = tuple(tokenize(text))
    return WordSpans(text, spans, tuple(_starts(segment, spans, next_start_ms)))


def _starts(segment: Segment, spans: tuple[tuple[int, int], ...], next_start_ms: int | None) -> list[int]:
    if segment.start_ms is None or not spans:
        return []
    words = segment.words
    if len(words) == len(spans) and all(w.start_ms is not None for w in words):
        starts = [int(w.start_ms) for w in words]  # type: ignore[arg-type]
        # Keep them monotonic so bisect works even on slightly messy imports.
        for i in range(1, len(starts)):
            if starts[i] < starts[i - 1]:
                starts[i] = starts[i - 1]
        return starts
    start = segment.start_ms
    end = segment.end_ms
    if end is None or end <= start:
        end = next_start_ms if next_start_ms and next_start_ms > start else start + _MS_PER_CHAR * len(segment.text)
    words = spread([segment.text[s:e] for s, e in spans], start, end)
    return [start if w.start_ms is None else w.start_ms for w in words]
