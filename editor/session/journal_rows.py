"""The rows part of a journal line: which rows an edit's primitives touched, written as their
post-edit state. A row-preserving edit is written sparsely (``"set": [[row, segment], ...]``, so a
replace in 1,000 places writes 1,000 segments, not the document); an edit that inserts or removes
rows writes the one window that covers them (``"rows": [first, old_count], "segments": [...]``)."""

from __future__ import annotations

from collections.abc import Iterable

from editor.core import ops
from editor.core.transcript import Transcript
from editor.session.journal_lines import segments_to_json


class RowRecorder:
    """An ops listener that forwards to the model and notes the rows each primitive touched.

    ``lo`` is the first touched row and ``tail`` the number of untouched rows at
    the end; both stay valid as rows come and go (one counts from the start,
    the other from the end). ``sparse`` holds the exact rows while no primitive
    has inserted or removed any.
    """

    def __init__(self, transcript: Transcript, inner: ops.Listener | None = None, count_before: int | None = None):
        self.transcript = transcript
        self.inner = inner
        self.count_before = len(transcript.segments) if count_before is None else count_before
        self.lo: int | None = None
        self.tail: int | None = None
        self.sparse: set[int] = set()
        self.structural = False
        self.changes: list[ops.Change] = []

    def about_to_apply(self, op: ops.Op) -> None:
        if self.inner is not None:
            self.inner.about_to_apply(op)

    def applied(self, change: ops.Change) -> None:
        self._note(change)
        if self.inner is not None:
            self.inner.applied(change)

    def noted(self, changes: Iterable[ops.Change]) -> RowRecorder:
        """Note *changes* after the fact (an observer told of a committed edit), counting rows as
        they were after each one."""
        count = self.count_before
        for change in changes:
            if change.inserted is not None:
                count += change.inserted[1]
            if change.removed is not None:
                count -= change.removed[1]
            self._note(change, count)
        return self

    def _note(self, change: ops.Change, count: int | None = None) -> None:
        self.changes.append(change)
        if change.speakers and isinstance(change.undo, ops.SetSpeakers):
            return  # rows only repaint a renamed speaker; the speaker list is written instead
        if count is None:
            count = len(self.transcript.segments)
        inserted, removed, rows = change.inserted, change.removed, change.rows
        if inserted is None and removed is None:
            if not rows:
                return
            first, end = rows[0], rows[-1] + 1
            if not self.structural:
                self.sparse.update(rows)
        else:
            self.structural = True
            starts = list(rows[:1])
            ends = [rows[-1] + 1] if rows else []
            if inserted is not None:
                starts.append(inserted[0])
                ends.append(inserted[0] + inserted[1])
            if removed is not None:
                starts.append(removed[0])
                ends.append(removed[0])
            first, end = min(starts), max(ends + starts)
        self.lo = first if self.lo is None else min(self.lo, first)
        self.tail = count - end if self.tail is None else min(self.tail, count - end)

    def record(self) -> dict:
        """The rows part of the journal line for everything noted so far."""
        if self.lo is None:
            return {}
        segments = self.transcript.segments
        if not self.structural:
            rows = sorted(self.sparse)
            data = segments_to_json([segments[r] for r in rows])
            return {"set": [[r, d] for r, d in zip(rows, data, strict=False)]}
        tail = self.tail or 0    # set together with lo
        end = len(segments) - tail
        return {"rows": [self.lo, self.count_before - self.lo - tail],
                "segments": segments_to_json(segments[self.lo:end])}

    def written(self) -> Iterable[int]:
        """The rows :meth:`record` writes in full (as they are now)."""
        if self.lo is None:
            return ()
        if not self.structural:
            return self.sparse
        return range(self.lo, len(self.transcript.segments) - (self.tail or 0))

