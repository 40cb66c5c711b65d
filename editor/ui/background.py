"""One worker thread at a time, for the window's background passes (alignment, listening, audio checks).

:class:`WorkerThread` is a QThread with a ``stop`` event its ``run`` polls, and ``progressed`` /
``failed`` signals. :class:`ThreadRunner` owns at most one of them: :meth:`~ThreadRunner.start_thread`
cancels the one before, :meth:`~ThreadRunner.cancel` stops it and says ``finished(False)``, and
every signal a cancelled thread posted before it was cancelled is ignored when it arrives
later (:meth:`~ThreadRunner.is_current`), so stale results never land in a newer transcript.
A runner connects its thread's own result signals to slots that check ``is_current()`` first.
:func:`keep_until_finished` keeps any running QThread referenced until it is done.
"""

from __future__ import annotations

import atexit
import threading

from PySide6.QtCore import QObject, Qt, QThread, Signal

from editor.ui import process_tuning


class _Keeper(QObject):
    """Holds running threads until they finish: a QThread destroyed while running aborts
    the process, which would happen if its owner (loader, runner) were deleted mid-work.
    Lives in the GUI thread, so the release runs there (queued), never inside the thread."""

    def __init__(self) -> None:
        super().__init__()
        self.running: set[QThread] = set()

    def keep(self, thread: QThread) -> None:
        self.running.add(thread)
        thread.finished.connect(self._on_thread_finished, Qt.ConnectionType.QueuedConnection)

    def _on_thread_finished(self) -> None:
        thread = self.sender()
        if thread in self.running:
            thread.wait()
            self.running.discard(thread)

    def wait_all(self) -> None:
        """Wait for every thread still running (a cancelled one finishing its step) before exit; a
        pass's process that has not ended a moment later is not waited for (see ``WorkerThread.leaving``)."""
        for thread in list(self.running):
            if isinstance(thread, WorkerThread):
                thread.leaving.set()
        for thread in list(self.running):
            thread.wait()


_keeper: _Keeper | None = None


def keep_until_finished(thread: QThread) -> None:
    """Keep *thread* referenced until it has finished (call from the GUI thread)."""
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
        atexit.register(_keeper.wait_all)     # none is destroyed still running when Python exits
    _keeper.keep(thread)


class WorkerThread(QThread):
    """A background pass's thread. While it runs, the process has the short GIL switch interval
    (:func:`editor.ui.process_tuning.python_on_worker`): its Python work (planning the turns,
    imports, starting a worker process, unpickling results) gives the GUI thread the GIL back
    within 0.2 ms, not 5 ms, each time a repaint asks for it."""

    progressed = Signal(int, int)      # done, total
    failed = Signal(str)               # why the work could not be done (a clear, one-line reason)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stop = threading.Event()
        # Set with stop when the window is closing: a background pass's process, told to stop, is
        # waited for a moment only (editor.ui.episode_pass.run), not until its niced workers end.
        self.leaving = threading.Event()
        # Direct: both run on this thread, as it starts and as it ends (whether or not it was cancelled).
        self.started.connect(process_tuning.worker_started, Qt.ConnectionType.DirectConnection)
        self.finished.connect(process_tuning.worker_ended, Qt.ConnectionType.DirectConnection)


class ThreadRunner(QObject):
    progressed = Signal(int, int)      # done, total
    finished = Signal(bool)            # True: everything ran; False: cancelled
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._thread: WorkerThread | None = None

    def is_running(self) -> bool:
        return self._thread is not None

    def cancel(self, wait: bool = False) -> None:
        """Stop the running thread and say ``finished(False)``.

        The thread stops at its next check of ``stop``; whatever it still reports is ignored,
        so the GUI thread does not wait for it (a PocketSphinx job or a module import can take
        a few hundred ms) unless *wait* (the window is closing: no thread may outlive it; a pass's
        process still ending is waited for a moment only, see ``WorkerThread.leaving``).
        """
        thread, self._thread = self._thread, None
        if thread is None:
            return
        if wait:
            thread.leaving.set()
        thread.stop.set()
        if wait:
            thread.wait()
        self.finished.emit(False)

    def start_thread(self, thread: WorkerThread) -> None:
        """Run *thread* (its own result signals already connected) as the current one."""
        self.cancel()
        keep_until_finished(thread)
        thread.progressed.connect(self._on_thread_progressed)
        thread.failed.connect(self._on_thread_failed)
        thread.finished.connect(self._on_thread_finished)
        self._thread = thread
        thread.start()

    def is_current(self) -> bool:
        """Whether the signal being handled comes from the thread still running.

        Signals the thread posted before :meth:`cancel` are still delivered after it (with
        no sender once the thread is gone): they must change nothing.
        """
        thread = self.sender()
        return thread is not None and thread is self._thread

    def _on_thread_progressed(self, done: int, total: int) -> None:
        if self.is_current():
            self.progressed.emit(done, total)

    def _on_thread_failed(self, message: str) -> None:
        if self.is_current():
            self.failed.emit(message)

    def _on_thread_finished(self) -> None:
        if not self.is_current():
            return    # a finished posted before cancel(): cancel already said finished(False)
        thread, self._thread = self.sender(), None
        assert isinstance(thread, WorkerThread)     # is_current(): the sender is the running thread
        self.finished.emit(not thread.stop.is_set())
