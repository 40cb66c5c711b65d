"""Reading a large transcript on a worker thread while the window stays responsive.

A 60 MB file of a million turns takes tens of seconds to parse; on the GUI
thread that is a frozen window with no way out. :class:`BackgroundRead` runs
``read_file`` on a daemon thread and delivers the result (or the error) back on
the GUI thread through a queued signal; :class:`ReadProgress` shows a busy
progress dialog with Cancel meanwhile. Python cannot interrupt the parser, so
Cancel abandons the read: the window returns at once and the result, when the
thread finishes, is dropped.
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

# Which files are read here is decided with start-up's read, before Qt loads (kept importable here).
from editor.ui.files.preload import BACKGROUND_BYTES, wants_background  # noqa: F401
from editor.ui.process_tuning import collection_paused

if TYPE_CHECKING:
    from editor.formats.base import ReadResult


class BackgroundRead(QObject):
    """``read_file(path)`` on a worker thread; :attr:`finished` carries the read or the error."""

    finished = Signal(object, object, object)   # (this job, ReadResult or None, the error or None)

    def __init__(self, path: str, audio: str | None = None, parent=None):
        super().__init__(parent)
        self.path = path
        self.audio = audio
        self.cancelled = False
        self._result: ReadResult | None = None
        self._thread = threading.Thread(target=self._run, name="read-transcript", daemon=True)

    def start(self) -> BackgroundRead:
        self._thread.start()
        return self

    def cancel(self) -> None:
        self.cancelled = True

    def result(self):
        """The read, for ``open_transcript(preload=...)`` (only after :attr:`finished`)."""
        return self._result

    def release(self) -> None:
        """Drop the read (the receiver has it, or it was cancelled)."""
        self._result = None

    def _run(self) -> None:
        from editor.formats import read_file
        result, error = None, None
        try:
            with collection_paused():
                result = read_file(self.path)
        except Exception as failure:   # delivered to the GUI thread, shown there
            error = failure
        self._result = result
        # Connected queued: the receiver lives on the GUI thread. A RuntimeError means the window
        # closed meanwhile (the job went with it): nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            self.finished.emit(self, result, error)


class ReadProgress(QProgressDialog):
    """"Reading NAME (61 MB)…" with a busy bar and Cancel."""

    def __init__(self, path: str, parent=None):
        size = os.stat(path).st_size if os.path.exists(path) else 0
        super().__init__(f"Reading {Path(path).name} ({size / 1e6:.0f} MB)…", "Cancel", 0, 0, parent)
        self.setWindowTitle("Opening")
        self.setMinimumWidth(380)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
