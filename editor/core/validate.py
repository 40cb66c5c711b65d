"""Self-checks of a transcript: problems are reported, never raised.

Readers call :func:`repair` to turn what they can fix (end before start,
segments out of order) into warnings, so a damaged file still loads with a
visible note instead of a crash.
"""

from __future__ import annotations

from collections.abc import Sequence

from editor.core.audio_fit import needed_ms, runs_past
from editor.core.timecode import format_clock
from editor.core.transcript import Transcript


def problems(transcript: Transcript) -> list[str]:
    """Every inconsistency in *transcript*, as sentences for the user."""
    found: list[str] = []
    previous_start: int | None = None
    seen_ids: set[str] = set()
    for number, segment in enumerate(transcript.segments, 1):
        where = f"segment {number}"
        if segment.id in seen_ids:
            found.append(f"{where}: duplicate id {segment.id!r}")
        seen_ids.add(segment.id)
        if segment.start_ms is not None:
            if segment.start_ms < 0:
                found.append(f"{where}: starts before 0")
            if segment.end_ms is not None and segment.end_ms < segment.start_ms:
                found.append(f"{where}: ends ({format_clock(segment.end_ms)}) before it starts "
                             f"({format_clock(segment.start_ms)})")
            if previous_start is not None and segment.start_ms < previous_start:
                found.append(f"{where}: starts at {format_clock(segment.start_ms)}, before the "
                             f"segment above it ({format_clock(previous_start)})")
            previous_start = segment.start_ms
        if segment.speaker_id is not None and segment.speaker_id not in transcript.speakers:
            found.append(f"{where}: unknown speaker id {segment.speaker_id!r}")
        for mark in segment.marks:
            if not 0 <= mark.start <= mark.end <= len(segment.text):
                found.append(f"{where}: {mark.kind.value} mark outside the text")
    duration = transcript.meta.duration_ms
    if duration and runs_past(transcript, duration):    # the audio-length measure the window warns by
        found.append(f"the transcript runs to {format_clock(needed_ms(transcript))}, past the end of "
                     f"the audio ({format_clock(duration)})")
    return found


def repair(transcript: Transcript, unit: str = "segment", numbers: Sequence[int] | None = None,
           overlaps: bool = True) -> list[str]:
    """Fix what can be fixed safely, in place; return warnings saying what was done.

    *unit* names the segments in the warnings ("caption" when a reader repairs cues before
    merging them into turns), and *numbers* gives each segment's number in them (the cue's
    number in the file, where empty cues were dropped; default: its place, from 1).
    *overlaps*: whether to count segments overlapping the next (False: a reader reported them).
    """
    warnings: list[str] = []
    for place, segment in enumerate(transcript.segments):
        number = numbers[place] if numbers is not None else place + 1
        if segment.start_ms is not None and segment.end_ms is not None and segment.end_ms < segment.start_ms:
            warnings.append(f"{unit} {number} ended before it started "
                            f"({format_clock(segment.start_ms)} → {format_clock(segment.end_ms)}); "
                            "its end was set to its start")
            segment.end_ms = segment.start_ms
    starts = [s.start_ms for s in transcript.segments if s.start_ms is not None]
    if any(b < a for a, b in zip(starts, starts[1:], strict=False)):
        # A stable sort of the timed segments among themselves. Untimed ones keep their places in
        # reading order: carried along with a neighbour, they would follow a segment whose time is
        # wrong (a typo sending it to the end) and be given a time near it on export.
        places = [i for i, s in enumerate(transcript.segments) if s.start_ms is not None]
        timed = sorted((transcript.segments[i] for i in places), key=lambda s: s.start_ms or 0)
        for place, segment in zip(places, timed, strict=True):
            transcript.segments[place] = segment
        warnings.append(f"{unit}s were out of time order and have been sorted by start time")
    if overlaps:
        warnings += overlap_warnings(sum(1 for a, b in zip(transcript.segments, transcript.segments[1:], strict=False)
                                         if a.end_ms is not None and b.start_ms is not None and b.start_ms < a.end_ms),
                                     unit)
    return warnings


def overlap_warnings(overlaps: int, unit: str = "segment") -> list[str]:
    """What :func:`repair` says of *overlaps* segments starting before the one above them ended
    (nothing for none): also for a reader that checked its cues itself."""
    return [f"{overlaps} {unit}(s) overlap the next one (kept as they are)"] if overlaps else []
