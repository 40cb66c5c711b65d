"""Review edits: approve, flag or reset segments, and their notes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from editor.core.ignored_passages import passage
from editor.core.ops.base import SetFields, rows_of, segment_at
from editor.core.transcript import IgnoredPassage, ReviewStatus, Segment, Transcript

# An approval is of the text as it was: a turn whose text changes afterwards needs approving again.
_REOPENED = {"status": ReviewStatus.UNREVIEWED, "approved_by": "", "approved_at": ""}


def set_status(transcript: Transcript, index: int | Iterable[int], status: ReviewStatus | str,
               reviewer: str = "", when: str | None = None) -> SetFields:
    """Approve, flag or reset segments; approval records *reviewer* and *when* (ISO 8601, UTC).

    Segments that already have *status* are left as they are: approving an approved turn
    keeps who approved it and when, and is no edit at all (the op is empty for it).
    """
    status = ReviewStatus(status)
    approved = status == ReviewStatus.APPROVED
    when = when or datetime.now(timezone.utc).isoformat(timespec="seconds")
    fields = {"status": status, "approved_by": reviewer if approved else "",
              "approved_at": when if approved else ""}
    segments = transcript.segments
    return SetFields(tuple((i, dict(fields)) for i in rows_of(transcript, index) if segments[i].status is not status))


def set_note(transcript: Transcript, index: int, note: str) -> SetFields:
    """Set a segment's note (the reason it is flagged)."""
    segment_at(transcript, index)
    return SetFields(((index, {"note": note}),))


def reopened(segment: Segment) -> dict:
    """The review fields a text edit of *segment* also sets: an approved turn goes back to
    unreviewed (its undo brings the approval back); a flag or no review stays as it is."""
    return dict(_REOPENED) if segment.status is ReviewStatus.APPROVED else {}


def ignore_passages(transcript: Transcript, index: int, spans: Iterable[tuple[int, int]]) -> SetFields:
    """Say the passages ``text[start:end]`` of segment *index* are right (the producer heard them;
    see :mod:`editor.core.ignored_passages`). Passages already said right are left as they are:
    an empty op when all are."""
    segment = segment_at(transcript, index)
    have = {(kept.start, kept.end) for kept in segment.ignored}
    added = [passage(segment.text, start, end) for start, end in dict.fromkeys(spans) if (start, end) not in have]
    if not added:
        return SetFields(())
    return SetFields(((index, {"ignored": tuple(sorted((*segment.ignored, *added), key=_place))}),))


def unignore_passages(transcript: Transcript, index: int, passages: Iterable[IgnoredPassage]) -> SetFields:
    """Take back the producer's word on *passages* of segment *index*: the audio's doubts of them
    show again. An empty op when none of them is held."""
    segment = segment_at(transcript, index)
    gone = set(passages)
    kept = tuple(p for p in segment.ignored if p not in gone)
    if len(kept) == len(segment.ignored):
        return SetFields(())
    return SetFields(((index, {"ignored": kept}),))


def _place(kept: IgnoredPassage) -> tuple[int, int]:
    return kept.start, kept.end
