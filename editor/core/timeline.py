"""Which segment is playing: a binary search over start times, O(log n) per tick."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import attrgetter

from editor.core.transcript import Segment, Transcript, Word

_START = attrgetter("start_ms")


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


class StartTimes:
    """:func:`segment_starts` of a transcript, kept up to date as it is edited and built in slices.

    A huge episode is never walked whole in one go: :meth:`extend` adds the next rows (a caller
    drives it from an idle timer), :meth:`retimed` rewrites only the rows an edit moved, and
    :meth:`rows_moved` forgets the rows from a split or merge on (built again by :meth:`extend`).
    Until the whole list is built :meth:`index_at` searches the rest on the segments themselves.
    """

    # How far back a look-up on the unbuilt rows walks to find a timed turn before it builds them
    # instead (an untimed stretch that long is an import waiting for times, not a playing episode).
    WALK_BACK = 64

    def __init__(self, transcript: Transcript):
        self._transcript = transcript   # its segment list is read at each call: it may be replaced
        self._starts: list[int] = []

    @property
    def _segments(self) -> list[Segment]:
        return self._transcript.segments

    @property
    def complete(self) -> bool:
        return len(self._starts) >= len(self._segments)

    def extend(self, count: int) -> bool:
        """Build up to *count* more rows; True when the list is complete."""
        starts, segments = self._starts, self._segments
        last = starts[-1] if starts else 0
        for index in range(len(starts), min(len(segments), len(starts) + count)):
            start = segments[index].start_ms
            if start is not None and start > last:
                last = start
            starts.append(last)
        return self.complete

    def retimed(self, first: int, last: int) -> None:
        """Rows *first*..*last* got other start times: rewrite them and the later rows whose
        running maximum they change (usually none)."""
        starts, segments = self._starts, self._segments
        built = len(starts)
        previous = starts[first - 1] if 0 < first <= built else 0
        end = min(last + 1, built)
        if first < end:
            # The running maximum in C (a shift retimes every turn); a turn without a start (0 here:
            # no start is below 0) takes the one before it, as in the loop below.
            retimed = [0 if start is None else start for start in map(_START, segments[first:end])]
            starts[first:end] = accumulate(retimed, max, initial=previous)
            del starts[first]   # the initial value
            previous, first = starts[end - 1], end
        for index in range(first, built):
            start = segments[index].start_ms
            value = previous if start is None or start < previous else start
            if index > last and starts[index] == value:
                return
            starts[index] = previous = value

    def rows_moved(self, first: int) -> None:
        """Rows were inserted or removed from *first* on: those starts are built again."""
        del self._starts[first:]

    def index_at(self, ms: int) -> int:
        """Index of the last segment starting at or before *ms* (-1 before the first)."""
        starts = self._starts
        if self.complete or (starts and ms < starts[-1]):
            return index_at(starts, ms)
        # The rows not built yet: a binary search on the segments, untimed ones taking the start
        # of the timed turn before them as segment_starts does.
        floor = starts[-1] if starts else 0
        if ms < floor:
            return -1      # nothing built: before the first start (or below zero)
        lo, hi = len(starts), len(self._segments)
        while lo < hi:
            mid = (lo + hi) // 2
            start = self._timed_start_before(mid, lo)
            if start is _TOO_FAR:
                self.extend(len(self._segments))
                return index_at(self._starts, ms)
            if (floor if start is None else max(start, floor)) <= ms:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1

    def _timed_start_before(self, index: int, lowest: int):
        """Start of the last timed segment at or before *index* (not below *lowest*: None there)."""
        segments = self._segments
        for back in range(index, max(lowest, index - self.WALK_BACK) - 1, -1):
            start = segments[back].start_ms
            if start is not None:
                return start
        return None if index - self.WALK_BACK < lowest else _TOO_FAR


_TOO_FAR = object()
