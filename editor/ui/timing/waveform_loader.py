"""PeaksLoader: computes (or reads cached) waveform peaks on a worker thread.

Decoding runs in FFmpeg (PyAV) and numpy, which release the GIL, so the window stays
responsive; results and progress come back as queued signals on the GUI thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, Signal

from editor.core.errors import TranscriptError
from editor.ui.background import keep_until_finished


class _PeaksThread(QThread):
    progressed = Signal(float)
    computed = Signal(object)       # Peaks, or None when cancelled
    failed = Signal(str)

    def __init__(self, audio_path: str, cache_path: str, parent=None):
        super().__init__(parent)
        self._audio = audio_path
        self._cache = cache_path
        self.stop = threading.Event()

    def run(self) -> None:
        try:
            from editor.audio.peaks import load_or_compute
            peaks = load_or_compute(self._audio, self._cache, self.progressed.emit, self.stop.is_set)
        except TranscriptError as error:
            self.failed.emit(str(error))
            return
        self.computed.emit(None if self.stop.is_set() else peaks)


class PeaksLoader(QObject):
    """``load(audio, project)`` -> ``progressed(fraction)`` ... ``loaded(peaks)`` or ``failed(message)``."""

    progressed = Signal(float)
    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._thread: _PeaksThread | None = None

    def load(self, audio_path: str, project_path: str | None = None) -> None:
        """Start loading peaks for *audio_path* (cancels a load still running)."""
        self.cancel()
        from editor.audio.peaks import default_cache_path  # numpy and PyAV: only once there is audio
        thread = _PeaksThread(str(audio_path), str(default_cache_path(audio_path, project_path)))
        thread.progressed.connect(self._on_thread_progressed)
        thread.computed.connect(self._on_thread_computed)
        thread.failed.connect(self._on_thread_failed)
        keep_until_finished(thread)
        self._thread = thread
        thread.start(QThread.Priority.LowPriority)

    def cancel(self) -> None:
        """Stop the load under way: what it still reports is dropped. Its thread is waited for, but
        the signals it posted before it stopped (progress, a failure) are delivered after this returns:
        a strip cleared for no audio would show that progress, or another file's error."""
        if self._thread is not None:
            self._thread.stop.set()
            self._thread.wait()
            self._thread = None

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def _is_current(self) -> bool:
        """Whether the signal being handled comes from the load under way (not one cancelled)."""
        return self._thread is not None and self.sender() is self._thread

    def _on_thread_progressed(self, fraction: float) -> None:
        if self._is_current():
            self.progressed.emit(fraction)

    def _on_thread_failed(self, message: str) -> None:
        if self._is_current():
            self._thread = None
            self.failed.emit(message)

    def _on_thread_computed(self, peaks) -> None:
        if self._is_current():
            self._thread = None
            if peaks is not None:
                self.loaded.emit(peaks)
