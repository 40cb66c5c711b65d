"""The heavy half of the timing controller: re-syncing one turn (PocketSphinx, PyAV, numpy).

Those imports (about 160 ms and tens of MB) are made inside the functions that use them, so
importing this module -- or the strip's feed, :mod:`editor.ui.timing.strip_feed`, re-exported here --
costs neither: a transcript without audio never loads them.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QThread, Signal

from editor.core.errors import TranscriptError
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.timing.alignment_runner import BackgroundAligner

if TYPE_CHECKING:
    import numpy as np

    from editor.align.aligner import Aligner
    from editor.align.batch import AlignJob


# ----------------------------------------------------------------------------- one turn
def read_span_16k(audio_path: str, start_ms: int, end_ms: int,
                  cancelled=lambda: False) -> tuple[np.ndarray, int]:
    """Mono int16 16 kHz samples of [start_ms, end_ms) and the time of the first one.

    The player's PCM working copy (:mod:`editor.player.working_copy`), when it is ready, is
    read at the exact sample with soundfile: a turn 9 hours in costs milliseconds. Without
    it the source is decoded from its start up to *end_ms* (exact, never a demuxer seek;
    ~1,500x real time on this machine, so seconds for a late turn in a long episode).
    """
    from editor.align.aligner import RATE
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
    import numpy as np
    import soundfile

    from editor.align.aligner import RATE

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
        from editor.align.aligner import align_segment
        from editor.align.batch import PAD_AFTER_MS, PAD_MS
        job = self._job
        try:
            audio, first_ms = read_span_16k(self._audio, max(0, job.start_ms - PAD_MS), job.end_ms + PAD_AFTER_MS,
                                            self.stop.is_set)
        except TranscriptError as error:
            self.failed.emit(str(error))
            return
        if self.stop.is_set():
            return
        alignment = align_segment(audio, job.tokens, job.start_ms, job.end_ms, self._aligner,
                                  audio_start_ms=first_ms, before=job.before, after=job.after)
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
        from editor.align.aligner import Aligner
        from editor.align.batch import plan_jobs
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
