"""AlignmentRunner: forced alignment in the background, applying results as they arrive.

The work runs in ``editor.align.batch.align_transcript`` (two worker processes) driven
from a low-priority process of its own (:mod:`editor.ui.episode_pass`), waited on by a
QThread; each finished segment comes back to the GUI thread as a queued signal
and is stored through the model (``ops.set_word_times``: words, timing, and marks moved to
the times of the words around them), so
views repaint that turn at once and the project saves the times: a transcript is
aligned once. Alignment results are not undo steps (they are derived data), and a result
for a turn whose text changed meanwhile is dropped (re-sync that turn later).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from editor.core import ops
from editor.core.errors import TranscriptError
from editor.core.transcript import Segment
from editor.ui.audio_process import JobFailed
from editor.ui.background import ThreadRunner, WorkerThread
from editor.ui.document.transcript_model import TranscriptModel

if TYPE_CHECKING:   # the aligner (numpy, PyAV, PocketSphinx) is imported when work starts, not with the window
    from editor.align.aligner import SegmentAlignment
    from editor.align.batch import AlignResult


def plan_jobs(*args, **kwargs):
    """:func:`editor.align.batch.plan_jobs`, imported on first call (numpy, PyAV, PocketSphinx)."""
    from editor.align.batch import plan_jobs as plan
    return plan(*args, **kwargs)


def align_transcript(audio_path: str, jobs, workers: int, progress, cancelled, leaving):
    """:func:`editor.align.batch.align_transcript`, run in a process of its own (:mod:`editor.ui.episode_pass`):
    its decoding and numpy work never take turns with the GUI thread for the GIL."""
    from editor.align.batch import align_transcript as align
    from editor.ui import episode_pass
    return episode_pass.run(align, audio_path, jobs, workers=workers, progress=progress, cancelled=cancelled,
                            leaving=leaving)


class _AlignThread(WorkerThread):
    """Plans the jobs, then aligns them: both off the GUI thread.

    Planning tokenizes every turn (0.3 s for a 10-hour episode), so it runs here, on a
    shallow copy of the segment list taken by :meth:`AlignmentRunner.start`: rows inserted
    or removed meanwhile do not move the plan (results are matched back by id and text).
    """

    result_ready = Signal(object)      # AlignResult

    def __init__(self, audio_path: str, segments: list[Segment], duration_ms: int | None,
                 rows: list[int] | None, redo: bool, workers: int, parent=None):
        super().__init__(parent)
        self._audio = audio_path
        self._plan = (segments, duration_ms, rows, redo)
        self._workers = workers

    def run(self) -> None:
        jobs = plan_jobs(*self._plan)
        if not jobs or self.stop.is_set():
            return
        self.progressed.emit(0, len(jobs))
        try:
            if len(jobs) == 1:      # one turn: no pool to start, its audio read at the turn
                self._align_one(jobs[0])
                return
            for result in align_transcript(self._audio, jobs, workers=self._workers,
                                           progress=self.progressed.emit, cancelled=self.stop.is_set,
                                           leaving=self.leaving.is_set):
                self.result_ready.emit(result)
        except (TranscriptError, JobFailed) as error:     # unreadable audio; the audio process failed
            self.failed.emit(str(error))

    def _align_one(self, job) -> None:
        from editor.align.batch import AlignResult
        from editor.ui import audio_process
        # PocketSphinx holds the GIL while it decodes: in the audio process (which reads the turn's
        # audio too), not on this thread.
        alignment = audio_process.result(audio_process.shared().submit(audio_process.align, job, self._audio),
                                         self.stop.is_set)
        if alignment is not None and not self.stop.is_set():
            self.result_ready.emit(AlignResult(job.index, job.segment_id, job.text, alignment))
            self.progressed.emit(1, 1)


class BackgroundAligner(ThreadRunner):
    """What the whole-episode runner and the one-turn re-syncer share: word times stored
    through the model as results arrive (one worker thread at a time, see :class:`ThreadRunner`)."""

    segment_aligned = Signal(int)      # row whose words were updated

    def __init__(self, model: TranscriptModel, parent=None):
        super().__init__(parent)
        self._model = model
        self._duration_ms: int | None = None

    def set_duration(self, ms: int | None) -> None:
        """The audio's length: the last turn's span ends there when it has no end time."""
        self._duration_ms = ms

    def _store(self, index: int, segment_id: str, text: str, alignment: SegmentAlignment) -> None:
        """Put a turn's new word times in the model, unless the turn changed since it was planned."""
        row = self._model.row_of(segment_id, index)
        if row < 0 or self._model.segment(row).text != text:
            return  # the turn was edited, split or removed meanwhile (re-sync it later)
        # Marks move with the words (ops.set_word_times): the Markers panel, the strip's
        # inaudible band, the project and the exports all say where a mark is heard.
        # A turn end past the audio's end (a page's stated length) ends with the audio.
        self._model.run_derived(ops.set_word_times(self._model.transcript, row, alignment.words, alignment.timing,
                                                   self._duration_ms))
        self.segment_aligned.emit(row)


class AlignmentRunner(BackgroundAligner):
    """``start(audio)`` aligns every timed turn still without word times; ``resync(row)`` one turn."""

    def __init__(self, model: TranscriptModel, workers: int = 2, parent=None):
        super().__init__(model, parent)
        self._workers = workers

    def start(self, audio_path: str, rows: list[int] | None = None, redo: bool = False) -> bool:
        """Align *rows* (default: every turn that needs it) in the background.

        False when *rows* is empty. The jobs are planned on the worker thread, so a start
        with nothing to do still returns True and ends with ``finished(True)`` and no results.
        """
        self.cancel()
        if rows is not None and not rows:
            return False
        thread = _AlignThread(str(audio_path), list(self._model.transcript.segments), self._duration_ms,
                              rows, redo, self._workers)
        thread.result_ready.connect(self._on_thread_result_ready)
        self.start_thread(thread)
        return True

    def resync(self, audio_path: str, row: int) -> bool:
        """Re-align one turn (after an edit), whatever its current word timing."""
        return self.start(audio_path, [row], redo=True)

    def _on_thread_result_ready(self, result: AlignResult) -> None:
        if self.is_current():
            self._store(result.index, result.segment_id, result.text, result.alignment)
