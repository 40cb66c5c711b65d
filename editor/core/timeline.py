"""Which segment is playing: a binary search over start times, O(log n) per tick."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from editor.core.transcript import Segment, Word


def segment_starts(segments: Sequence[Segment]) -> list[int]:
    """Start times for :func:`index_at`; untimed segments inherit the previous start."""
    starts: list[int] = []
    last = 0
    for segment in segments:
        if segment.start_ms is not None:
            last = max(last, segment.start_ms)
        starts.append(last)
    return starts


def index_at(starts: Sequence[int], ms: int) -> int:
    """Index of the last segment starting at or before *ms* (-1 before the first)."""
    return bisect_right(starts, ms) - 1


def word_index_at(words: Sequence[Word], ms: int) -> int:
    """Index of the word being spoken at *ms* inside one segment (-1 when none)."""
    lo, hi = 0, len(words)
    while lo < hi:  # bisect on start times, skipping untimed words conservatively
        mid = (lo + hi) // 2
        start = words[mid].start_ms
        if start is None or start <= ms:
            lo = mid + 1
        else:
            hi = mid
    index = lo - 1
    while index >= 0 and words[index].start_ms is None:
        index -= 1
    return index
