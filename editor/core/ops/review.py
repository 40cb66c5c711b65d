"""Review edits: approve, flag or reset segments, and their notes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone

from editor.core.ops.base import SetFields, rows_of, segment_at
from editor.core.transcript import ReviewStatus, Transcript


def set_status(transcript: Transcript, index: int | Iterable[int], status: ReviewStatus | str,
               reviewer: str = "", when: str | None = None) -> SetFields:
    """Approve, flag or reset segments; approval records *reviewer* and *when* (ISO 8601, UTC)."""
    status = ReviewStatus(status)
    approved = status == ReviewStatus.APPROVED
    when = when or datetime.now(timezone.utc).isoformat(timespec="seconds")
    fields = {"status": status, "approved_by": reviewer if approved else "",
              "approved_at": when if approved else ""}
    return SetFields(tuple((i, dict(fields)) for i in rows_of(transcript, index)))


def set_note(transcript: Transcript, index: int, note: str) -> SetFields:
    """Set a segment's note (the reason it is flagged)."""
    segment_at(transcript, index)
    return SetFields(((index, {"note": note}),))
