"""SuspectRunner: the audio checks of every turn (or a few) in the background.

A QThread drives :func:`editor.hearing.listen.hear_transcript` (two worker processes, the
audio decoded once); each checked turn comes back to the GUI thread as a queued signal and
goes into the :class:`SuspectStore`. Nothing here edits the transcript.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal

from editor.core.errors import TranscriptError
from editor.core.transcript import Segment


class _HearThread(QThread):
    heard = Signal(object)             # editor.hearing.listen.Heard
    progressed = Signal(int, int)
    failed = Signal(str)

    def __init__(self, audio_path: str, segments: list[Segment], duration_ms: int | None,
                 names: list[str], rows: list[int] | None, workers: int, parent=None):
        super().__init__(parent)
        self._args = (audio_path, segments, duration_ms, names, rows, workers)
        self.stop = threading.Event()

    def run(self) -> None:
        from editor.hearing.listen import hear_transcript, plan

        audio_path, segments, duration_ms, names, rows, workers = self._args
        jobs = plan(segments, duration_ms, names, rows)
        if not jobs or self.stop.is_set():
            return
        self.progressed.emit(0, len(jobs))
        try:
            for heard in hear_transcript(audio_path, jobs, workers=1 if len(jobs) == 1 else workers,
                                         progress=self.progressed.emit, cancelled=self.stop.is_set):
                self.heard.emit(heard)
        except TranscriptError as error:
            self.failed.emit(str(error))


class SuspectRunner(QObject):
    """``start(audio, segments)`` checks the turns; results arrive as ``heard(Heard)``."""

    heard = Signal(object)
    progressed = Signal(int, int)
    finished = Signal(bool)            # True: everything was checked; False: cancelled
    failed = Signal(str)

    def __init__(self, workers: int = 2, parent=None):
        super().__init__(parent)
        self._workers = workers
        self._thread: _HearThread | None = None

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, audio_path: str, segments: list[Segment], duration_ms: int | None,
              names: list[str] = (), rows: list[int] | None = None) -> None:
        self.cancel()
        thread = self._thread = _HearThread(str(audio_path), list(segments), duration_ms, list(names), rows,
                                            self._workers)
        thread.heard.connect(self._on_heard)
        thread.progressed.connect(self._on_progressed)
        thread.failed.connect(self._on_failed)
        thread.finished.connect(self._on_finished)
        thread.start()

    def cancel(self) -> None:
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.stop.set()
        thread.wait()
        self.finished.emit(False)

    def _current(self) -> bool:
        return self.sender() is not None and self.sender() is self._thread

    def _on_heard(self, heard) -> None:
        if self._current():
            self.heard.emit(heard)

    def _on_progressed(self, done: int, total: int) -> None:
        if self._current():
            self.progressed.emit(done, total)

    def _on_failed(self, message: str) -> None:
        if self._current():
            self.failed.emit(message)

    def _on_finished(self) -> None:
        if not self._current():
            return
        thread, self._thread = self._thread, None
        completed = not thread.stop.is_set()
        thread.deleteLater()
        self.finished.emit(completed)
