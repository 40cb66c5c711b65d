"""Reading the file named on the command line while Qt starts up.

Importing Qt and building the window take ~0.2 s, reading a large transcript
~0.15 s; on two cores part of that overlaps (Qt's C++ start-up releases the
GIL), which is what keeps open-to-idle for a 12,000-cue file under 0.5 s.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.formats.base import ReadResult

# Files at least this big are read in the background with progress and Cancel
# (editor.ui.files.background_read; a 12,000-cue SRT, ~1 MB, reads in ~0.15 s).
BACKGROUND_BYTES = 4 * 1024 * 1024


def wants_background(path: str) -> bool:
    """Is *path* big enough to be read with progress and Cancel (not before the window shows)?"""
    try:
        return os.stat(path).st_size >= BACKGROUND_BYTES
    except OSError:
        return False


class Preload:
    """``read_file(path)`` on a worker thread; :meth:`result` waits and returns or raises."""

    def __init__(self, path: str):
        # The stdlib modules both threads need are imported here, before the worker starts: a
        # module one thread is still initialising can reach the other half-made (seen: the
        # reader's dataclasses found "partially initialized module 'typing'", and the file
        # failed to open about one start in ten).
        import dataclasses  # noqa: F401
        import enum  # noqa: F401
        import typing  # noqa: F401
        self.path = path
        self._result: ReadResult | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="preload", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            from editor.formats import read_file
            self._result = read_file(self.path)
        except BaseException as error:  # re-raised on the GUI thread by result()
            self._error = error

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result
