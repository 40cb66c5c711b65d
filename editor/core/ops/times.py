"""Time edits: a segment's start or end (to the playback position, or nudged) and its bounds, never
overlapping; every time from a turn on shifted at once; new word times for a segment (its marks follow them)."""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from operator import attrgetter

from editor.core.ops.base import Fields, Group, SetChapters, SetFields, SetTimes, segment_at
from editor.core.timecode import format_clock
from editor.core.transcript import Chapter, Mark, Transcript, Word, WordTiming, made_words, words_later
from editor.core.words import word_time_fields


def set_start(transcript: Transcript, index: int, ms: int) -> SetFields:
    """Move a segment's start to *ms*, kept between its neighbours' starts.

    The previous segment's end follows when it would overlap or was flush. A start at or after
    the segment's own end is refused (ValueError saying so), not clamped to a turn of no length:
    playback past a turn's end almost always means the turn in hand is not the one heard, and
    where the turn really ends only the producer can tell (Set End first).
    """
    segment = segment_at(transcript, index)
    if segment.end_ms is not None and ms >= segment.end_ms:
        raise ValueError(f"Turn {index + 1} ends at {_clock(segment.end_ms)}: set its end first to start it "
                         f"at {_clock(ms)}")
    prev = transcript.segments[index - 1] if index > 0 else None
    after = transcript.segments[index + 1] if index + 1 < len(transcript.segments) else None
    low = prev.start_ms if prev is not None and prev.start_ms is not None else 0
    ms = _clamp(ms, low, _min(segment.end_ms, after.start_ms if after else None))
    edits: list[tuple[int, Fields]] = [(index, {"start_ms": ms})]
    if prev is not None and prev.end_ms is not None and (prev.end_ms > ms or prev.end_ms == segment.start_ms):
        edits.insert(0, (index - 1, {"end_ms": ms}))
    return _changed(transcript, edits)


def set_end(transcript: Transcript, index: int, ms: int) -> SetFields:
    """Move a segment's end to *ms*, kept before the next segment's end (and the audio's, when known).

    The next segment's start follows when it would overlap or was flush (as :func:`set_start`
    moves the previous end). An end at or before the segment's own start is refused, as
    :func:`set_start` refuses a start past the end.
    """
    segment = segment_at(transcript, index)
    if segment.start_ms is not None and ms <= segment.start_ms:
        raise ValueError(f"Turn {index + 1} starts at {_clock(segment.start_ms)}: set its start first to end it "
                         f"at {_clock(ms)}")
    after = transcript.segments[index + 1] if index + 1 < len(transcript.segments) else None
    high = _min(after.end_ms if after is not None else None, transcript.meta.duration_ms)
    if high is not None and segment.start_ms is not None:
        high = max(high, segment.start_ms + 1)
    ms = ms if high is None else min(ms, high)
    edits: list[tuple[int, Fields]] = [(index, {"end_ms": ms})]
    if after is not None and after.start_ms is not None and (after.start_ms < ms or after.start_ms == segment.end_ms):
        edits.append((index + 1, {"start_ms": ms}))
    return _changed(transcript, edits)


def _changed(transcript: Transcript, edits: list[tuple[int, Fields]]) -> SetFields:
    """*edits* without the fields they would set to what they hold (nothing: no undo step)."""
    kept = []
    for row, fields in edits:
        segment = transcript.segments[row]
        changed = {name: value for name, value in fields.items() if getattr(segment, name) != value}
        if changed:
            kept.append((row, changed))
    return SetFields(tuple(kept))


def _clock(ms: int) -> str:
    """A time as the status bar has room for: milliseconds only when they are not 0."""
    return format_clock(ms, millis=bool(ms % 1000))


def set_bounds(transcript: Transcript, index: int, start_ms: int, end_ms: int) -> SetFields:
    """Set a segment's start and end, clamped so it never overlaps its neighbours."""
    segment = segment_at(transcript, index)
    if end_ms < start_ms:
        raise ValueError(f"segment {segment.id}: end {end_ms} before start {start_ms}")
    prev = transcript.segments[index - 1] if index > 0 else None
    after = transcript.segments[index + 1] if index + 1 < len(transcript.segments) else None
    low = 0
    if prev is not None:
        low = next((t for t in (prev.end_ms, prev.start_ms) if t is not None), 0)
    high = after.start_ms if after is not None else None
    start = _clamp(start_ms, low, high)
    return SetFields(((index, {"start_ms": start, "end_ms": _clamp(end_ms, start, high)}),))


def _clamp(value: int, low: int, high: int | None) -> int:
    value = max(value, low)
    return value if high is None else max(low, min(value, high))


def _min(*values: int | None) -> int | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


def set_word_times(transcript: Transcript, index: int, words: list[Word], timing: WordTiming,
                   audio_ms: int | None = None) -> SetFields:
    """Give a segment new word times (alignment, a cached alignment); its marks follow them.

    When the times say where words are heard (aligned, imported, or a failed alignment's
    anchors), each mark takes the time of the words around it, so the Markers panel, the
    waveform, the project file and every export put an "[inaudible]" where it is heard,
    not at its turn's start. With *audio_ms* (the length of the audio they were found in), a
    turn end past the audio's end is clipped to it.
    """
    return SetFields(((index, word_time_fields(segment_at(transcript, index), words, timing, audio_ms)),))


# ---------------------------------------------------------------------- shifting every time
@dataclass(frozen=True)
class Shift:
    """A shift of every time from row *first* on, planned: the op and what it had to give up."""

    op: SetTimes | SetFields | Group   # SetFields: an empty one when there is nothing to shift
    first: int                 # the first turn shifted (row)
    turns: int                 # how many turns it shifts
    clamped: int               # turns that would start before 0:00 and start at 0:00 instead
    chapters: int              # chapters shifted with them


def shift_times(transcript: Transcript, delta_ms: int, first: int = 0) -> Shift:
    """Shift the times of every turn from row *first* on by *delta_ms* (an intro added: +15 s),
    their words' and marks' times, and the chapters that start with or after them.

    A time that would fall before 0:00 is 0:00 (``Shift.clamped`` counts those turns: the
    producer is told). Shifting later turns back past the start of the turn before them is
    refused (ValueError); a turn before them that would overlap the first one shifted ends where
    it starts. One op however many turns: O(1) per turn, words shifted when they are read (a
    recipe, see :func:`words_later`), so 200,000 turns take a fraction of a second.
    """
    segments = transcript.segments
    segment_at(transcript, first)
    if delta_ms == 0:
        return Shift(SetFields(()), first, 0, 0, 0)
    prev = segments[first - 1] if first else None
    head = segments[first].start_ms
    new_head = None if head is None else max(0, head + delta_ms)
    if prev is not None and prev.start_ms is not None and head is not None and new_head is not None \
            and new_head < prev.start_ms:
        raise ValueError(f"Turn {first + 1} would start at {_clock(new_head)}, before turn {first} "
                         f"(at {_clock(prev.start_ms)}): shift it by at most "
                         f"{(head - prev.start_ms) / 1000:g} s earlier, or shift from an earlier turn.")
    # Column by column, in comprehensions and C (see SetTimes): 200,000 turns in a fraction of a second.
    run = segments[first:]
    starts = list(map(_START, run))
    clamped = 0 if delta_ms > 0 else sum(1 for start in starts if start is not None and start + delta_ms < 0)
    columns: dict[str, list] = {
        "start_ms": _later(starts, delta_ms),
        "end_ms": _later(list(map(_END, run)), delta_ms),
        # Words are shifted when first read (a recipe): most turns of a long episode never are.
        "words": [words_later(_shifted_words, words, delta_ms) if words.__class__ is not list or words else words
                  for words in map(_STORED_WORDS, run)]}
    for name in ("marks", "original_marks"):
        marks = list(map(_STORED_FIELD[name], run))
        if any(marks):      # most episodes have a few marks, or none: no column to set then
            columns[name] = [_shifted_marks(turn, delta_ms) if turn else turn for turn in marks]
    if prev is not None and prev.end_ms is not None and new_head is not None and prev.end_ms > new_head:
        # The turn before would overlap the first one shifted: it ends where that one now starts.
        first_set = first - 1
        for name, values in columns.items():
            values.insert(0, new_head if name == "end_ms" else _STORED_FIELD[name](prev))
    else:
        first_set = first
    op: SetTimes | Group = SetTimes(first_set, columns, shifted=(first, delta_ms, len(run), clamped))
    moved = _shifted_chapters(transcript.chapters, delta_ms, 0 if first == 0 or head is None else head)
    if moved is not None:
        chapters, count = moved
        op = Group((op, SetChapters(chapters)))
    else:
        count = 0
    return Shift(op, first, len(run), clamped, count)


_START, _END, _MARKS, _ORIGINAL_MARKS = (attrgetter(name) for name in ("start_ms", "end_ms", "marks", "original_marks"))
_STORED_WORDS = attrgetter("stored_words")    # a list, or a recipe not made yet (read, it would be made)
_STORED_FIELD = {"start_ms": _START, "end_ms": _END, "words": _STORED_WORDS, "marks": _MARKS,
                 "original_marks": _ORIGINAL_MARKS}


def _later(times: list[int | None], delta_ms: int) -> list[int | None]:
    """*times* shifted by *delta_ms*, none before 0:00 (None: no time, kept)."""
    if delta_ms > 0:
        return [None if ms is None else ms + delta_ms for ms in times]
    return [None if ms is None else max(0, ms + delta_ms) for ms in times]


def _shifted_words(stored, delta_ms: int) -> list[Word]:
    words = made_words(stored)
    if delta_ms >= 0:     # nothing can fall before 0:00
        return [Word(w.text, None if w.start_ms is None else w.start_ms + delta_ms,
                     None if w.end_ms is None else w.end_ms + delta_ms, w.confidence) for w in words]
    return [Word(w.text, None if w.start_ms is None else max(0, w.start_ms + delta_ms),
                 None if w.end_ms is None else max(0, w.end_ms + delta_ms), w.confidence)
            for w in words]


def _shifted_marks(marks: list[Mark], delta_ms: int) -> list[Mark]:
    return [mark if mark.time_ms is None else dataclasses.replace(mark, time_ms=max(0, mark.time_ms + delta_ms))
            for mark in marks]


def _shifted_chapters(chapters: list[Chapter], delta_ms: int, from_ms: int) -> tuple[tuple[Chapter, ...], int] | None:
    """The chapters with those from *from_ms* on shifted (kept sorted; of two that would start at
    the same time, 0:00, the one shifted there is kept: the chapter playing from there); None when
    none moves."""
    first = bisect.bisect_left([c.start_ms for c in chapters], from_ms)
    if first == len(chapters):
        return None
    moved = [dataclasses.replace(c, start_ms=max(0, c.start_ms + delta_ms)) for c in chapters[first:]]
    by_start = {c.start_ms: c for c in [*chapters[:first], *moved]}   # a later one wins its time
    return tuple(sorted(by_start.values(), key=lambda c: c.start_ms)), len(moved)
