"""The heavy half of the timing controller, imported on the first transcript opened.

The waveform strip needs numpy (peaks) and the runners need PocketSphinx and PyAV: about
160 ms of imports that the start page should not pay for. :mod:`editor.ui.timing_controller`
imports this module when a transcript opens.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal

from editor.align.aligner import RATE, Aligner, align_segment
from editor.align.batch import PAD_MS, AlignJob, plan_jobs
from editor.core.errors import TranscriptError
from editor.ui.alignment_runner import BackgroundAligner
from editor.ui.transcript_model import Role, TranscriptModel
from editor.ui.waveform import WaveformStrip
from editor.ui.waveform_bounds import Bounds, inaudible_spans

_HIGHLIGHT_ROLES = frozenset({int(Role.CURRENT), int(Role.CURRENT_WORD)})


def _row_spans(segment) -> list[tuple[int, int]]:
    """Inaudible/crosstalk spans of one turn; the common case (no such mark) costs one scan of marks."""
    from editor.align.text import UNALIGNED_MARKS
    if not any(mark.kind in UNALIGNED_MARKS for mark in segment.marks):
        return []
    return inaudible_spans(segment)


class StripFeed(QObject):
    """Keeps the strip's per-turn picture (bounds, speaker label, inaudible spans) in step with the model.

    ``dataChanged`` for rows a..b recomputes those rows only and compares: typing in a turn
    changes none of the three, so nothing else happens. What did change reaches the strip
    once, on the next event-loop turn (a rename signals every range of rows the speaker
    has: one push, not hundreds). Rows inserted/removed (split, merge) rebuild, coalesced
    the same way; a reset (opening a file) rebuilds at once.
    """

    def __init__(self, model: TranscriptModel, strip: WaveformStrip):
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


# ----------------------------------------------------------------------------- one turn
def read_span_16k(audio_path: str, start_ms: int, end_ms: int,
                  cancelled=lambda: False) -> tuple[np.ndarray, int]:
    """Mono int16 16 kHz samples of [start_ms, end_ms) and the time of the first one.

    The player's PCM working copy (:mod:`editor.player.working_copy`), when it is ready, is
    read at the exact sample with soundfile: a turn 9 hours in costs milliseconds. Without
    it the source is decoded from its start up to *end_ms* (exact, never a demuxer seek;
    ~1,500x real time on this machine, so seconds for a late turn in a long episode).
    """
    from editor.player import working_copy

    try:
        copy = working_copy.cached_copy(audio_path)
    except OSError:
        copy = None
    if copy is not None:
        try:
            return _read_pcm_span(str(copy), start_ms, end_ms), start_ms
        except (OSError, RuntimeError, ValueError):
            pass   # unreadable copy: decode the source instead
    from editor.audio.decode import decode
    return decode(audio_path, RATE, "int16", start_ms=start_ms, end_ms=end_ms, cancelled=cancelled), start_ms


def _read_pcm_span(path: str, start_ms: int, end_ms: int) -> np.ndarray:
    import av
    import soundfile

    with soundfile.SoundFile(path) as wav:
        rate = wav.samplerate
        wav.seek(min(wav.frames, start_ms * rate // 1000))
        data = wav.read(frames=max(0, (end_ms - start_ms) * rate // 1000), dtype="int16", always_2d=True)
    mono = data[:, 0] if data.shape[1] == 1 else data.mean(axis=1).astype(np.int16)
    if rate == RATE or not len(mono):
        return np.ascontiguousarray(mono)
    frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(mono.reshape(1, -1)), format="s16", layout="mono")
    frame.sample_rate = rate
    resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    parts = [out.to_ndarray().reshape(-1) for out in resampler.resample(frame)]
    parts += [out.to_ndarray().reshape(-1) for out in resampler.resample(None)]
    return np.concatenate(parts) if parts else np.zeros(0, np.int16)


class _TurnThread(QThread):
    aligned = Signal(object, object)     # AlignJob, SegmentAlignment
    failed = Signal(str)

    def __init__(self, audio_path: str, job: AlignJob, aligner: Aligner):
        super().__init__()
        self._audio, self._job, self._aligner = audio_path, job, aligner
        self.stop = threading.Event()

    def run(self) -> None:
        job = self._job
        try:
            audio, first_ms = read_span_16k(self._audio, max(0, job.start_ms - PAD_MS), job.end_ms + PAD_MS,
                                            self.stop.is_set)
        except TranscriptError as error:
            self.failed.emit(str(error))
            return
        if self.stop.is_set():
            return
        alignment = align_segment(audio, job.tokens, job.start_ms, job.end_ms, self._aligner,
                                  audio_start_ms=first_ms)
        if not self.stop.is_set():
            self.aligned.emit(job, alignment)


class TurnResyncer(BackgroundAligner):
    """Re-aligns one turn on demand, reading only that turn's audio.

    Same signals as :class:`AlignmentRunner` for one turn. It does not go through
    ``align_transcript``, which decodes the file front to back up to the turn: re-syncing
    a turn late in a 10-hour episode would decode hours, where the working copy is read at
    the turn. One PocketSphinx decoder is kept for the session (made on first use).
    """

    def __init__(self, model: TranscriptModel, parent=None):
        super().__init__(model, parent)
        self._aligner: Aligner | None = None

    def resync(self, audio_path: str, row: int) -> bool:
        self.cancel()
        jobs = plan_jobs(self._model.transcript.segments, self._duration_ms, [row], redo=True)
        if not jobs:
            return False
        self._aligner = self._aligner or Aligner()
        thread = _TurnThread(str(audio_path), jobs[0], self._aligner)
        thread.aligned.connect(self._on_thread_aligned)
        self._launch(thread)
        return True

    def _on_thread_aligned(self, job: AlignJob, alignment) -> None:
        if self._is_current():
            self._store(job.index, job.segment_id, job.text, alignment)
