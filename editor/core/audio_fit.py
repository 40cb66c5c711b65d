"""Does a transcript fit in its audio's length? One measure for every check that asks.

What the transcript needs of the audio is what its last timed turn needs: up to its last word
when its word times were heard (aligned against audio, or a recognizer's own), whatever end the
turn states; else up to its end, unless that end is only the length the file states (a podcast
page's "33:43" given to its last turn: the page may round, or be of a longer cut), then up to its
start. A transcript "runs past" its audio when it needs more than the audio's length plus
:data:`PAST_END_MS`: the sign of the wrong episode's audio or a cut file.
"""

from __future__ import annotations

from editor.core.transcript import Segment, Transcript, WordTiming

PAST_END_MS = 1000      # a transcript may end a little after the audio (rounding, padding)

# Word times that say where the words are heard (a failed alignment's words are mostly estimated
# between anchors, and estimated ones only share out the turn's stated span).
_HEARD = frozenset({WordTiming.ALIGNED, WordTiming.IMPORTED})


def needed_ms(transcript: Transcript) -> int:
    """How far into the audio the transcript needs to go (0 when nothing is timed)."""
    stated = transcript.meta.duration_ms
    for segment in reversed(transcript.segments):
        if segment.start_ms is None:
            continue
        heard = _heard_end(segment)
        if heard:
            return max(segment.start_ms, heard)
        if segment.end_ms is None or segment.end_ms == stated:
            return segment.start_ms
        return max(segment.start_ms, segment.end_ms)
    return 0


def runs_past(transcript: Transcript, audio_ms: int) -> bool:
    """True when the transcript needs clearly more than *audio_ms* of audio (0: length unknown)."""
    return audio_ms > 0 and needed_ms(transcript) > audio_ms + PAST_END_MS


def turns_after(transcript: Transcript, audio_ms: int) -> int:
    """How many turns start after *audio_ms* (beyond the tolerance): turns that cannot be played.

    Every turn is looked at: an edited start may be out of order. Only the audio warning asks,
    once when it is built, so the one pass over the document is no cost on an edit or a tick."""
    limit = audio_ms + PAST_END_MS
    return sum(1 for segment in transcript.segments if segment.start_ms is not None and segment.start_ms > limit)


def end_within(segment: Segment, audio_ms: int | None) -> int | None:
    """*segment*'s end clipped to the audio's length, or None when it needs no clipping: a turn
    that starts inside the audio ends with it at the latest (a turn starting at or after the audio's
    end keeps its times: that is a sign of the wrong audio, not a guess to correct, and clipped it
    would start and end at once)."""
    if not audio_ms or segment.start_ms is None or segment.end_ms is None:
        return None
    if segment.end_ms > audio_ms > segment.start_ms:
        return audio_ms
    return None


def _heard_end(segment: Segment) -> int:
    if segment.word_timing not in _HEARD:
        return 0
    for word in reversed(segment.words):
        if word.end_ms is not None:
            return word.end_ms
    return 0
