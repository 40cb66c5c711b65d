"""The heavy half of the timing controller, imported on the first transcript opened.

The waveform strip needs numpy (peaks) and the runners need PocketSphinx and PyAV: about
160 ms of imports that the start page should not pay for. :mod:`editor.ui.timing_controller`
imports this module when a transcript opens.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from editor.ui.alignment_runner import AlignmentRunner
from editor.ui.transcript_model import Role, TranscriptModel
from editor.ui.waveform import WaveformStrip
from editor.ui.waveform_bounds import Bounds, inaudible_spans

_HIGHLIGHT_ROLES = frozenset({int(Role.CURRENT), int(Role.CURRENT_WORD)})


class TimingStrip(WaveformStrip):
    """The waveform strip plus one incremental feeding door.

    :meth:`WaveformStrip.set_transcript` re-reads every turn (45 ms for a 10-hour episode,
    most of it inaudible spans and boundary limits); the window calls :meth:`set_rows`
    with lists it keeps up to date row by row instead, and recomputes the draggable
    boundaries only when a turn's times changed.
    """

    def set_rows(self, bounds: list[Bounds], labels: list[str], inaudible: list[tuple[int, int]],
                 bounds_changed: bool = True) -> None:
        self._bounds = bounds
        self._labels = labels
        self._inaudible = inaudible
        if bounds_changed:
            self._refresh_boundaries()
        self.update()


def _row_spans(segment) -> list[tuple[int, int]]:
    """Inaudible/crosstalk spans of one turn; the common case (no such mark) costs one scan of marks."""
    from editor.align.text import UNALIGNED_MARKS
    if not any(mark.kind in UNALIGNED_MARKS for mark in segment.marks):
        return []
    return inaudible_spans(segment)


def _guard_decode_buffer() -> None:
    """Work around a bug in editor.align.batch._Buffer.drop_before (owned by TIMING; reported).

    ``drop_before(ms)`` advances ``base`` by the samples it was *asked* to drop even when the
    buffer holds fewer, so after a jump (a single re-synced turn, a resumed run, a gap longer
    than one decode chunk) later samples are labelled with the wrong time and the turn is
    aligned against the wrong audio (it FAILS, or lands wrong). Patched here only while the
    bug is present (checked by behaviour), so the fix in batch.py makes this a no-op.
    """
    import numpy as np

    from editor.align import batch

    probe = batch._Buffer()
    probe.append(np.zeros(10, np.int16))
    probe.drop_before(10_000)
    if probe.base <= 10:
        return

    def drop_before(self, ms: int) -> None:
        cut = min(ms * batch.RATE // 1000 - self.base, len(self.samples))
        if cut > 0:
            self.samples = self.samples[cut:]
            self.base += cut

    batch._Buffer.drop_before = drop_before


_guard_decode_buffer()


class SafeRunner(AlignmentRunner):
    """AlignmentRunner that ignores a thread's ``finished`` delivered after :meth:`cancel`.

    ``cancel`` waits for the thread and then disconnects it, but the queued ``finished``
    was posted before the disconnect and still arrives, with no sender: the base slot then
    reads ``None.stop``. (To be fixed in alignment_runner.py itself; see the report.)
    """

    def _on_thread_finished(self) -> None:
        if self.sender() is None:
            return
        super()._on_thread_finished()


class StripFeed(QObject):
    """Keeps the strip's per-turn picture (bounds, speaker label, inaudible spans) in step with the model.

    ``dataChanged`` for rows a..b recomputes those rows only and compares: typing in a turn
    changes none of the three, so nothing else happens. What did change reaches the strip
    once, on the next event-loop turn (a rename signals every range of rows the speaker
    has: one push, not hundreds). Rows inserted/removed (split, merge) rebuild, coalesced
    the same way; a reset (opening a file) rebuilds at once.
    """

    def __init__(self, model: TranscriptModel, strip: TimingStrip):
        super().__init__(strip)
        self._model, self._strip = model, strip
        self._bounds: list[Bounds] = []
        self._labels: list[str] = []
        self._spans: list[list[tuple[int, int]]] = []
        self._rebuild_pending = False
        self._push_pending = False
        self._bounds_dirty = False
        model.modelReset.connect(self.rebuild)
        model.rowsInserted.connect(self._schedule_rebuild)
        model.rowsRemoved.connect(self._schedule_rebuild)
        model.layoutChanged.connect(self._schedule_rebuild)
        model.dataChanged.connect(self._on_model_data_changed)
        model.speakers_changed.connect(self._on_model_speakers_changed)

    def rebuild(self) -> None:
        self._rebuild_pending = False
        transcript = self._model.transcript
        segments = transcript.segments
        self._bounds = [(s.start_ms, s.end_ms) for s in segments]
        self._labels = [transcript.speaker_name(s.speaker_id) for s in segments]
        self._spans = [_row_spans(s) for s in segments]
        self._bounds_dirty = True
        self._flush()

    def _schedule_rebuild(self, *_) -> None:
        if not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self, self._rebuild_if_pending)

    def _rebuild_if_pending(self) -> None:
        if self._rebuild_pending:
            self.rebuild()

    def _on_model_data_changed(self, top, bottom, roles=()) -> None:
        if roles and _HIGHLIGHT_ROLES.issuperset(roles):
            return                      # the playback highlight moved: nothing the strip draws
        if self._rebuild_pending:
            return
        segments = self._model.transcript.segments
        if len(segments) != len(self._bounds):
            self._schedule_rebuild()
            return
        transcript = self._model.transcript
        bounds_changed = labels_changed = spans_changed = False
        for row in range(max(0, top.row()), min(bottom.row(), len(segments) - 1) + 1):
            segment = segments[row]
            bounds = (segment.start_ms, segment.end_ms)
            if bounds != self._bounds[row]:
                self._bounds[row] = bounds
                bounds_changed = True
            label = transcript.speaker_name(segment.speaker_id)
            if label != self._labels[row]:
                self._labels[row] = label
                labels_changed = True
            spans = _row_spans(segment)
            if spans != self._spans[row]:
                self._spans[row] = spans
                spans_changed = True
        if bounds_changed or labels_changed or spans_changed:
            self._schedule_push(bounds_changed)

    def _on_model_speakers_changed(self) -> None:
        transcript = self._model.transcript
        if len(transcript.segments) == len(self._labels):
            self._labels = [transcript.speaker_name(s.speaker_id) for s in transcript.segments]
            self._schedule_push(False)

    def _schedule_push(self, bounds_changed: bool) -> None:
        self._bounds_dirty = self._bounds_dirty or bounds_changed
        if not self._push_pending:
            self._push_pending = True
            QTimer.singleShot(0, self, self._flush)

    def _flush(self) -> None:
        """Hand the strip copies of the lists (it must never see ours change under it mid-drag)."""
        if self._rebuild_pending:
            return    # the rebuild pushes
        self._push_pending = False
        bounds_changed, self._bounds_dirty = self._bounds_dirty, False
        self._strip.set_rows(list(self._bounds), list(self._labels),
                             [span for spans in self._spans for span in spans], bounds_changed)
