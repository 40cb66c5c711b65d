"""Time edits: a segment's start (to the playback position) and its bounds, never overlapping;
new word times for a segment (its marks follow them)."""

from __future__ import annotations

from editor.core.ops.base import Fields, SetFields, segment_at
from editor.core.transcript import Transcript, Word, WordTiming
from editor.core.words import word_time_fields


def set_start(transcript: Transcript, index: int, ms: int) -> SetFields:
    """Move a segment's start to *ms*, kept between its neighbours' starts and its own end.

    The previous segment's end follows when it would overlap or was flush.
    """
    segment = segment_at(transcript, index)
    prev = transcript.segments[index - 1] if index > 0 else None
    after = transcript.segments[index + 1] if index + 1 < len(transcript.segments) else None
    low = prev.start_ms if prev is not None and prev.start_ms is not None else 0
    ms = _clamp(ms, low, _min(segment.end_ms, after.start_ms if after else None))
    edits: list[tuple[int, Fields]] = [(index, {"start_ms": ms})]
    if prev is not None and prev.end_ms is not None and (prev.end_ms > ms or prev.end_ms == segment.start_ms):
        edits.insert(0, (index - 1, {"end_ms": ms}))
    return SetFields(tuple(edits))


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
