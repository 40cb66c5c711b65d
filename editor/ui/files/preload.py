"""Reading the file named on the command line while Qt starts up.

Importing Qt and building the window take ~0.3 s of one core, reading a 12,000-cue
SRT ~0.25 s (importing the readers, parsing, merging cues into turns). On a worker
thread the read shares the GIL with that start-up, so the two add up; so where the
process can still fork safely (Linux, before Qt or any other thread exists: what
``transcript-editor FILE`` does first) and the machine is not saturated, the file is
read in a child process on another core, which sends the result back pickled without
making the turns' words (:mod:`editor.core.pickled`, ~15 ms to load). Else a thread (started
by :mod:`editor.ui.app` once PySide is loaded, whose first import must not meet another thread's):
the child costs ~40 ms more CPU in all (pickling, loading, a second process), which
a saturated machine does not give back (Linux schedules a session's processes as one
group, so there a second process gets little more CPU than a second thread).

Both give what ``read_file`` gives: the same result, or the same ``TranscriptError``
(its problem, file, line and byte). A child that fails in any other way (killed, out
of memory, a bug) is not trusted to say why: the file is then read again here, so
whatever ``read_file`` does with it happens as it would without the child.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from typing import TYPE_CHECKING

from editor.ui.process_tuning import collection_paused

if TYPE_CHECKING:
    from editor.core.read_result import ReadResult

# Files at least this big are read in the background with progress and Cancel
# (editor.ui.files.background_read; a 12,000-cue SRT, ~1 MB, reads in ~0.15 s).
BACKGROUND_BYTES = 4 * 1024 * 1024


def wants_background(path: str) -> bool:
    """Is *path* big enough to be read with progress and Cancel (not before the window shows)?"""
    try:
        return os.stat(path).st_size >= BACKGROUND_BYTES
    except OSError:
        return False


def start(path: str, in_child: bool | None = None) -> Preload | ChildRead:
    """The read of *path* begun: in a child process when this process may fork, *in_child* (by
    default: :func:`core_to_spare`) and the fork succeeds, else on a worker thread."""
    if can_fork() and (core_to_spare() if in_child is None else in_child):
        try:
            return ChildRead(path)
        except OSError:   # no process to be had (a limit reached): a thread then
            pass
    return Preload(path)


def child_worthwhile() -> bool:
    """Read in a child process? When this process may still fork and a core is free for the child."""
    return can_fork() and core_to_spare()


def can_fork() -> bool:
    """May this process fork a child that runs Python? Only while nothing but this thread runs and
    Qt is not loaded (a fork copies no other thread: a lock one of them held would stay held)."""
    return (sys.platform.startswith("linux") and threading.active_count() == 1
            and "PySide6.QtCore" not in sys.modules)


def core_to_spare() -> bool:
    """Will a child get CPU of its own? Not on a saturated machine: a load average of twice the
    cores or more. Measured on two cores: at a load of ~3 the child cut open-to-idle by a quarter,
    at 12-17 it did no better than the thread (its session shares one group's CPU with it)."""
    try:
        return os.getloadavg()[0] < 2 * len(os.sched_getaffinity(0))
    except (OSError, AttributeError):   # no load average, or no affinity call here
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
            with collection_paused():   # what it reads all lives on: frozen, never walked by a collection
                self._result = read_file(self.path)
        except BaseException as error:  # re-raised on the GUI thread by result()
            self._error = error

    def result(self):
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result


_READ, _FAILED = "read", "failed"   # what the child sends: (_READ, result) or (_FAILED, error's fields)


class ChildRead:
    """``read_file(path)`` in a forked child process; :meth:`result` waits and returns or raises.

    The child writes its answer into an anonymous in-memory file and exits: it never waits on this
    process (a pipe would hold it at every 64 KB until a thread here got the GIL to empty it). A
    thread here waits for the child's exit (without the GIL), so the child is gone as soon as it is
    done, and loads the answer at once (a 12,000-cue file's turns: ~15 ms), while the window is still
    being made and waits on the X server now and then, rather than on the GUI thread when the file
    opens; :meth:`result` then takes what it loaded.
    """

    def __init__(self, path: str):
        # What loading the answer imports, imported here, before the fork (the child needs it too) and
        # before the waiting thread starts: that thread then imports nothing while this one imports
        # the window's modules (two threads importing at once can meet a module half made).
        from editor.core import pickled, read_result, words  # noqa: F401
        self.path = path
        self._exit_code: int | None = None
        self._answer: tuple = (None,)
        self._answer_file = os.memfd_create("transcript-read", os.MFD_CLOEXEC)
        try:
            pid = os.fork()
        except OSError:
            os.close(self._answer_file)
            raise
        if pid == 0:
            _read_in_child(path, self._answer_file)   # never returns
        self._thread = threading.Thread(target=self._wait, args=(pid,), name="preload", daemon=True)
        self._thread.start()

    def _wait(self, pid: int) -> None:
        with contextlib.suppress(ChildProcessError):   # (reaped elsewhere: the answer is not trusted)
            self._exit_code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        try:
            if self._exit_code == 0:
                size = os.fstat(self._answer_file).st_size
                answer = os.pread(self._answer_file, size, 0)
                self._answer = _unpickled(answer) if answer else (None,)
        except OSError:   # the answer cannot be read back: result() reads the file itself
            pass
        finally:
            os.close(self._answer_file)

    def result(self):
        self._thread.join()
        kind, *what = self._answer
        if kind == _READ:
            return what[0]
        if kind == _FAILED:
            from editor.core.errors import TranscriptError
            raise TranscriptError(*what)
        from editor.formats import read_file  # the child failed: read here, as without it
        return read_file(self.path)


def _unpickled(answer: bytes) -> tuple:
    from editor.core import pickled
    # ~10^5 objects that all live on: no collections while they arrive, and frozen after (else the
    # next allocation's collection walked them all, ~20 ms, just before the model freezes them anyway).
    try:
        with collection_paused():
            return pickled.loads(answer)
    except Exception:   # not what the child wrote: read the file here
        return (None,)


def _read_in_child(path: str, answer_file: int) -> None:
    """The child's whole life: read, send, exit (no Python clean-up: it shares the parent's files)."""
    status = 1
    try:
        import gc
        gc.disable()   # a short life: nothing worth collecting

        from editor.core import pickled
        from editor.core.errors import TranscriptError
        from editor.formats import read_file
        answer: tuple
        try:
            answer = (_READ, read_file(path))
        except TranscriptError as error:
            if type(error) is not TranscriptError:
                raise   # a kind the parent could not make from these fields: it reads the file itself
            answer = (_FAILED, error.problem, error.path, error.line, error.offset)
        data = memoryview(pickled.dumps(answer))
        while data:
            data = data[os.write(answer_file, data):]
        status = 0
    except BaseException:   # the parent reads the file itself and meets the problem there
        status = 1
    finally:
        os._exit(status)
