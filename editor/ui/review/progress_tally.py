"""ReviewTally: how many turns are approved or flagged and how much audio they cover, kept current.

Counting is a pass over every turn, which a million-turn document cannot afford after each
edit, so the tally keeps each row's part (its status and duration) and follows the model's
signals: an edit, an approval or an undo recounts only the rows it touched, a playback tick
nothing. A new document is counted a slice per event-loop turn when it is big, and the tally
says it changed once that count is complete.
"""

from __future__ import annotations

from array import array
from itertools import compress
from operator import attrgetter

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.transcript import ReviewStatus, Segment
from editor.ui.document.transcript_model import Role, TranscriptModel

COUNT_SLICE = 20_000    # rows of a new document counted per event-loop turn
_APPROVED, _FLAGGED = 1, 2
_CODE = {ReviewStatus.APPROVED: _APPROVED, ReviewStatus.FLAGGED: _FLAGGED}   # other statuses: 0
_STATUS = attrgetter("status")
_BOUNDS = attrgetter("start_ms", "end_ms")
_COUNTED_ROLES = {int(Role.STATUS), int(Role.START), int(Role.END)}   # what a row adds to the tally


def _parts(segments: list[Segment]) -> tuple[bytes, array]:
    """What *segments* add to the tally: a status code and a duration each.

    Made without a container per row: a freshly opened document's objects are not yet frozen
    out of the garbage collector's sight, and a million small tuples would set off a full
    collection over all of them."""
    # Segment.duration_ms inlined, bounds read in C: a shift of every turn retallies 200,000 of them.
    return (bytes(map(_CODE.get, map(_STATUS, segments), [0] * len(segments))),
            array("q", [0 if start is None or end is None or end < start else end - start
                        for start, end in map(_BOUNDS, segments)]))


class ReviewTally(QObject):
    """Approved and flagged turns of the model's transcript, and their share of the running time."""

    changed = Signal()      # the counts changed (or a new document's count is complete)

    def __init__(self, model: TranscriptModel, parent=None):
        super().__init__(parent)
        self._model = model
        self._codes = bytearray()          # per counted row: _APPROVED, _FLAGGED or 0
        self._durations = array("q")       # per counted row: its duration in ms (8 bytes, not an int object)
        self._approved = self._flagged = self._approved_ms = self._total_ms = 0
        self._count_more = QTimer(self)
        self._count_more.setSingleShot(True)
        self._count_more.setInterval(0)
        self._count_more.timeout.connect(self._count_slice)
        model.modelReset.connect(self._restart)
        model.dataChanged.connect(self._on_data_changed)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsAboutToBeRemoved.connect(self._on_rows_about_to_be_removed)
        model.rowsRemoved.connect(self.changed)     # told once the row count is the new one
        self._restart()

    @property
    def complete(self) -> bool:
        """Whether every row is counted (a big document's count takes a few event-loop turns)."""
        return len(self._codes) == self._model.rowCount()

    def counts(self) -> tuple[int, int, int, int, int]:
        """(approved, flagged, rows, approved ms, total ms) of the rows counted so far."""
        return self._approved, self._flagged, self._model.rowCount(), self._approved_ms, self._total_ms

    # ------------------------------------------------------------------ counting
    def _restart(self) -> None:
        self._count_more.stop()
        self._codes = bytearray()
        self._durations = array("q")
        self._approved = self._flagged = self._approved_ms = self._total_ms = 0
        self._count_slice()

    def _count_slice(self) -> None:
        first = len(self._codes)
        codes, durations = _parts(self._model.transcript.segments[first:first + COUNT_SLICE])
        self._add(codes, durations, +1)
        self._codes += codes
        self._durations += durations
        if self.complete:
            self.changed.emit()
        else:
            self._count_more.start()

    def _add(self, codes: bytes | bytearray, durations: array, sign: int) -> None:
        self._approved += sign * codes.count(_APPROVED)
        self._flagged += sign * codes.count(_FLAGGED)
        self._total_ms += sign * sum(durations)
        self._approved_ms += sign * sum(compress(durations, map(_APPROVED.__eq__, codes)))

    def _counted(self, first: int, last: int) -> range:
        return range(first, min(last + 1, len(self._codes)))   # rows not counted yet are reached later

    # ------------------------------------------------------------------ following the model
    def _on_data_changed(self, top, bottom, roles=()) -> None:
        if roles and _COUNTED_ROLES.isdisjoint(map(int, roles)):
            return      # the playback highlight moved, or text was edited: no status or time changed
        rows = self._counted(top.row(), bottom.row())
        if not rows:
            return
        before = self.counts()
        codes, durations = _parts(self._model.transcript.segments[rows.start:rows.stop])
        self._add(self._codes[rows.start:rows.stop], self._durations[rows.start:rows.stop], -1)
        self._add(codes, durations, +1)
        self._codes[rows.start:rows.stop] = codes
        self._durations[rows.start:rows.stop] = durations
        if self.counts() != before:
            self.changed.emit()

    def _on_rows_inserted(self, parent, first: int, last: int) -> None:
        if first > len(self._codes):
            return      # after the counted rows: the count in progress reaches them
        codes, durations = _parts(self._model.transcript.segments[first:last + 1])
        self._add(codes, durations, +1)
        self._codes[first:first] = codes
        self._durations[first:first] = durations
        self.changed.emit()

    def _on_rows_about_to_be_removed(self, parent, first: int, last: int) -> None:
        rows = self._counted(first, last)
        self._add(self._codes[rows.start:rows.stop], self._durations[rows.start:rows.stop], -1)
        del self._codes[rows.start:rows.stop]
        del self._durations[rows.start:rows.stop]
