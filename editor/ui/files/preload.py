"""Reading the file named on the command line while Qt starts up.

Importing Qt and building the window take ~0.4 s of the GUI thread, reading a 12,000-cue
file ~0.2 s. A thread shares the GIL with that work, so on Linux, where the process is
forked before Qt is imported (one thread, nothing of Qt's to inherit), a child process reads
the file on the other core and hands back the result, pickled (~0.03 s to take in). Anywhere
else, or when the child cannot deliver, a thread reads it; a file the child could not read is
read again here, so its error is the one the window shows.
"""

from __future__ import annotations

import contextlib
import io
import os
import pickle
import select
import signal
import sys
import threading
import time
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.formats.base import ReadResult

# Files at least this big are read in the background, with progress and Cancel
# (editor.ui.files.background_read); smaller ones up front (a 12,000-cue SRT, ~1 MB, in ~0.2 s).
BACKGROUND_BYTES = 4 * 1024 * 1024
CHILD_TIMEOUT_S = 120   # a hang guard only: reading the largest file read up front takes ~1 s


def wants_background(path: str) -> bool:
    try:
        return os.stat(path).st_size >= BACKGROUND_BYTES
    except OSError:
        return False


class Preload:
    """``read_file(path)`` started now; :meth:`result` waits and returns or raises."""

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
        self._child = _ReadingProcess(path) if _may_fork() else None
        self._thread: threading.Thread | None = None
        if self._child is None:
            self._thread = threading.Thread(target=self._run, name="preload", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            from editor.formats import read_file
            self._result = read_file(self.path)
        except BaseException as error:  # re-raised on the GUI thread by result()
            self._error = error

    def result(self):
        if self._child is not None:
            child, self._child = self._child, None
            delivered = child.result()
            if delivered is not None:
                self._result = delivered
            else:
                self._run()         # here, now: the error (if any) is raised below as read_file's
        elif self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result


def _may_fork() -> bool:
    """Forking is safe while the process has one thread and no Qt: at start-up, on Linux."""
    return (sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
            and not any(name.startswith(("PySide6", "shiboken6")) for name in sys.modules))


class _ReadingProcess:
    """A forked child that reads *path* and writes the pickled ReadResult to a pipe."""

    def __init__(self, path: str):
        self._pipe, write_end = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:                  # the child: read, write, leave (no atexit, no Qt)
            status = 1
            try:
                os.close(self._pipe)
                from editor.formats import read_file
                data = _dumps(read_file(path))
                with open(write_end, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)

    def result(self) -> ReadResult | None:
        """The child's read; None when it failed (a bad file, a crash, no answer in time)."""
        data = io.BytesIO()
        deadline = time.monotonic() + CHILD_TIMEOUT_S
        try:
            with open(self._pipe, "rb", buffering=0) as pipe:
                while True:
                    ready, _, _ = select.select([pipe], [], [], max(0.0, deadline - time.monotonic()))
                    if not ready:
                        os.kill(self._pid, signal.SIGKILL)
                        return None
                    chunk = pipe.read(1 << 20)
                    if not chunk:
                        break
                    data.write(chunk)
        finally:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self._pid, 0)
        try:
            return pickle.loads(data.getbuffer()) if data.tell() else None
        except Exception:    # anything the child wrote that does not load: the file is read here
            return None


def _dumps(result: ReadResult) -> bytes:
    """*result* pickled with the transcript's objects as plain values (loads in C, a call per object)."""
    from editor.core.transcript import STORED_FIELDS, Mark, Segment, Word

    stored = attrgetter(*STORED_FIELDS)

    class _Pickler(pickle.Pickler):
        def reducer_override(self, obj):
            kind = obj.__class__
            if kind is Word:
                return Word, (obj.text, obj.start_ms, obj.end_ms, obj.confidence)
            if kind is Mark:
                return Mark, (obj.kind, obj.start, obj.end, obj.time_ms)
            if kind is Segment:   # the words as stored: a recipe stays one
                return _segment, (stored(obj),)
            return NotImplemented

    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(result)
    return out.getvalue()


def _segment(values: tuple):
    """A Segment from its stored fields (see _dumps)."""
    from editor.core.transcript import Segment

    segment = object.__new__(Segment)
    for name, value in zip(Segment.__slots__, values, strict=True):
        setattr(segment, name, value)
    return segment
