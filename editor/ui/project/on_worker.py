"""One function run on a worker thread, its outcome told on the GUI thread.

Reading journals left behind takes a second for a long one; the window must not freeze meanwhile, and
whoever waits (a held window, an open dialog) must always hear back: :class:`OnWorker` emits exactly
one of ``done`` (the result) or ``failed`` (the exception raised, for the caller to show), never
losing an error in the thread.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from editor.ui import process_tuning


class OnWorker(QObject):
    """*function()* on a worker thread named *name*; ``done`` gives its result, or ``failed`` the
    exception it raised, on the thread this object lives in. Its parent must outlive the worker
    (the window's controller, not a dialog that may close first)."""

    done = Signal(object)
    failed = Signal(object)
    _finished = Signal(bool, object)     # (ok, result or exception), emitted on the worker

    def __init__(self, function: Callable[[], object], name: str, parent: QObject):
        super().__init__(parent)
        self._function, self._name = function, name
        self._finished.connect(self._on_finished)   # queued: received where this object lives

    def start(self) -> None:
        finished, function = self._finished, self._function

        def run() -> None:
            try:
                with process_tuning.python_on_worker():
                    outcome, ok = function(), True
            except Exception as error:  # noqa: BLE001 — told to whoever waits, never lost in a thread
                outcome, ok = error, False
            with contextlib.suppress(RuntimeError):    # the window closed meanwhile: nobody to tell
                finished.emit(ok, outcome)

        threading.Thread(target=run, name=self._name, daemon=True).start()

    def _on_finished(self, ok: bool, outcome: object) -> None:
        (self.done if ok else self.failed).emit(outcome)
