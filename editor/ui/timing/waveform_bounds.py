"""Which segment boundaries the waveform strip can drag, how far, and what a drag changes.

Plain Python (no Qt) so the rules are unit-tested on their own. A boundary is either
shared (one segment ends where the next starts, or the first has no end) and moves both,
or a lone start/end next to a gap. Limits keep every segment at least MIN_MS long and
neighbours from ever overlapping; ``ops.set_bounds`` clamps the same way as a second guard.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from editor.core.transcript import Segment, Transcript

MIN_MS = 200  # shortest segment a drag can leave

Bounds = tuple[int | None, int | None]


@dataclass(frozen=True)
class Boundary:
    ms: int
    before: int | None   # row whose end is here (None: a lone start)
    after: int | None    # row whose start is here (None: a lone end)
    low: int
    high: int


def segment_bounds(transcript: Transcript) -> list[Bounds]:
    return [(s.start_ms, s.end_ms) for s in transcript.segments]


def _effective_end(bounds: list[Bounds], row: int, duration_ms: int) -> int:
    start, end = bounds[row]
    if end is not None:
        return end
    for later in range(row + 1, len(bounds)):   # not a slice: that copies the rest of a long episode
        if bounds[later][0] is not None:
            return bounds[later][0]   # type: ignore[return-value]
    return max(duration_ms, (start or 0) + MIN_MS)


def boundaries(bounds: list[Bounds], duration_ms: int) -> list[Boundary]:
    """Every draggable boundary, in time order (segments assumed sorted by start)."""
    result: list[Boundary] = []
    prev = None  # last timed row
    for row, (start, _end) in enumerate(bounds):
        if start is None:
            continue
        _add_row_boundaries(result, bounds, row, prev, duration_ms)
        prev = row
    return result


def row_boundaries(bounds: list[Bounds], rows: Iterable[int], duration_ms: int) -> list[Boundary]:
    """The boundaries :func:`boundaries` gives at the starts and ends of *rows* (timed rows), the same
    objects found by looking at their neighbours only: what the strip shows of a million turns."""
    result: list[Boundary] = []
    for row in rows:
        prev = next((r for r in range(row - 1, -1, -1) if bounds[r][0] is not None), None)
        _add_row_boundaries(result, bounds, row, prev, duration_ms)
    return result


def _add_row_boundaries(result: list[Boundary], bounds: list[Bounds], row: int, prev: int | None,
                        duration_ms: int) -> None:
    """The boundary at timed *row*'s start, and at its end when that is a lone end; *prev*: the timed
    row before it."""
    start, end = bounds[row]
    assert start is not None
    own_end = _effective_end(bounds, row, duration_ms)
    if prev is not None and (bounds[prev][1] is None or bounds[prev][1] == start):
        low = (bounds[prev][0] or 0) + MIN_MS
        result.append(Boundary(start, prev, row, low, max(low, own_end - MIN_MS)))
    else:
        low = 0 if prev is None else _effective_end(bounds, prev, duration_ms)
        result.append(Boundary(start, None, row, low, max(low, own_end - MIN_MS)))
    if end is not None:
        nxt = next((r for r in range(row + 1, len(bounds)) if bounds[r][0] is not None), None)
        if nxt is None or bounds[nxt][0] != end:
            high = bounds[nxt][0] if nxt is not None else None
            if high is None:
                high = max(duration_ms, end)
            result.append(Boundary(end, row, None, start + MIN_MS, max(start + MIN_MS, high)))


def clamp(boundary: Boundary, ms: int) -> int:
    return max(boundary.low, min(int(ms), boundary.high))


def retime(bounds: list[Bounds], boundary: Boundary, ms: int, duration_ms: int) -> list[tuple[int, int, int]]:
    """(row, start, end) changes for dragging *boundary* to *ms*, in an order that never overlaps."""
    x = clamp(boundary, ms)
    if x == boundary.ms:
        return []
    changes = []
    if boundary.before is not None:
        changes.append((boundary.before, bounds[boundary.before][0] or 0, x))
    if boundary.after is not None:
        changes.append((boundary.after, x, _effective_end(bounds, boundary.after, duration_ms)))
    if len(changes) == 2 and x > boundary.ms:
        changes.reverse()  # moving later: the later segment shrinks first
    return changes


def inaudible_spans(segment: Segment, default_ms: int = 1000) -> list[tuple[int, int]]:
    """Time spans of a segment's inaudible/crosstalk marks: the covered words' times when known."""
    from editor.align.marks import UNALIGNED_MARKS

    spans = []
    offsets = _token_offsets(segment.text) if segment.words else []
    for mark in segment.marks:
        if mark.kind not in UNALIGNED_MARKS:
            continue
        covered = [(w.start_ms, w.end_ms) for w, (a, b) in zip(segment.words, offsets, strict=False)
                   if a < mark.end and mark.start < b]
        times = [(s, e) for s, e in covered if s is not None and e is not None]
        if times:
            spans.append((times[0][0], max(times[-1][1], times[0][0] + 1)))
        elif mark.time_ms is not None:
            spans.append((mark.time_ms, mark.time_ms + default_ms))
    return spans


def _token_offsets(text: str) -> list[tuple[int, int]]:
    import re

    return [m.span() for m in re.finditer(r"\S+", text)]
