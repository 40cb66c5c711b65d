"""The heavy half of the timing controller: re-syncing one turn (PocketSphinx, PyAV, numpy).

Those imports (about 160 ms and tens of MB) are made inside the functions that use them, so
importing this module -- or the strip's feed, :mod:`editor.ui.timing.strip_feed` -- costs
neither: a transcript without audio never loads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from editor.ui.background import WorkerThread
from editor.ui.timing.alignment_runner import BackgroundAligner

if TYPE_CHECKING:
    from editor.align.batch import AlignJob


class _TurnThread(WorkerThread):
    aligned = Signal(object, object)     # AlignJob, SegmentAlignment

    def __init__(self, audio_path: str, job: AlignJob):
        super().__init__()
        self._audio, self._job = audio_path, job

    def run(self) -> None:
        from editor.ui import audio_process
        job = self._job
        # PocketSphinx holds the GIL while it decodes: in the audio process (which reads the turn's
        # audio too), not on this thread.
        try:
            alignment = audio_process.result(audio_process.shared().submit(audio_process.align, job, self._audio),
                                             self.stop.is_set)
        except audio_process.JobFailed as error:
            self.failed.emit(str(error))
            return
        if alignment is not None and not self.stop.is_set():
            self.aligned.emit(job, alignment)


class TurnResyncer(BackgroundAligner):
    """Re-aligns one turn on demand, reading only that turn's audio.

    Same signals as :class:`AlignmentRunner` for one turn. It does not go through
    ``align_transcript``, which decodes the file front to back up to the turn: re-syncing
    a turn late in a 10-hour episode would decode hours, where the working copy is read at
    the turn. The decoding runs in the window's audio process (:mod:`editor.ui.audio_process`).
    """

    def resync(self, audio_path: str, row: int) -> bool:
        from editor.align.batch import plan_jobs
        self.cancel()
        jobs = plan_jobs(self._model.transcript.segments, self._duration_ms, [row], redo=True)
        if not jobs:
            return False
        thread = _TurnThread(str(audio_path), jobs[0])
        thread.aligned.connect(self._on_thread_aligned)
        self.start_thread(thread)
        return True

    def _on_thread_aligned(self, job: AlignJob, alignment) -> None:
        if self.is_current():
            self._store(job.index, job.segment_id, job.text, alignment)
