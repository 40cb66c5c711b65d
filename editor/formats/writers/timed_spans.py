"""Giving every timed piece of a published file (caption cue, JSON segment) a time that shows.

Shared by the caption writers and the Podcasting 2.0 JSON writer, so a turn said
in no time (a zero-length turn, a turn of untimed words squeezed into no gap)
gets the same time in every format. The pieces must already be in the order they
are written; pieces of one moment are laid one after the other in that order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

MIN_SHOWN_MS = 1000   # a zero-length piece gets up to this long


class TimedSpan(Protocol):
    start_ms: int
    end_ms: int


def give_time(spans: Sequence[TimedSpan], weights: Sequence[int], duration_ms: int | None) -> None:
    """Every span ends after it starts, and none runs past the audio's end (when known).

    A span that starts at or after the audio's end is moved to its last second, but not before the
    span it follows (published starts never decrease). A zero-length span would never show: it and
    the spans starting at the same moment (the rest of a turn said in no time, spans moved to the
    audio's last second) share out the time from that moment, a second for each zero-length one
    (or as long as the longest of them lasts), up to the next span's start and the audio's end, one
    after the other by *weights* (their length of text), so they never overlap.
    """
    for number, span in enumerate(spans):
        if duration_ms and span.start_ms >= duration_ms:
            before = spans[number - 1].start_ms if number else 0   # already inside the audio
            span.start_ms = max(0, before, duration_ms - MIN_SHOWN_MS)
            span.end_ms = span.start_ms   # shares the last second with any other span moved there
        elif duration_ms:
            span.end_ms = min(span.end_ms, duration_ms)
    first = 0
    while first < len(spans):
        moment = spans[first].start_ms
        stop = first + 1
        while stop < len(spans) and spans[stop].start_ms == moment:
            stop += 1
        zero = sum(1 for span in spans[first:stop] if span.end_ms <= span.start_ms)
        if zero:
            # Unsorted (a plain caption export keeps overlapping turns in turn order): look a little ahead.
            later = [s.start_ms for s in spans[stop:stop + 3] if s.start_ms > moment]
            wanted = max(moment + zero * MIN_SHOWN_MS, *(span.end_ms for span in spans[first:stop]))
            end = min([wanted, *later, *([duration_ms] if duration_ms else [])])
            _share(spans[first:stop], weights[first:stop], moment, end)
        first = stop


def _share(together: Sequence[TimedSpan], weights: Sequence[int], start_ms: int, end_ms: int) -> None:
    """*together* one after the other from *start_ms* to *end_ms*, each for its share of *weights*."""
    total = sum(weights) or 1
    length = max(0, end_ms - start_ms)
    clock = 0
    for span, weight in zip(together, weights, strict=True):
        span.start_ms = start_ms + length * clock // total
        clock += weight
        span.end_ms = start_ms + length * clock // total
