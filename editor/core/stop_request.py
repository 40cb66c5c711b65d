"""A stop asked of the process by a signal (Ctrl+C, SIGTERM), held back from work that must not be
torn at an arbitrary point.

A signal's Python handler runs in the main thread between any two of its bytecodes, and an
exception it raises lands there: inside ``Condition.__enter__`` after the lock was taken (the
``with`` never reaches its ``__exit__``), half-way through ``concurrent.futures.wait`` taking its
futures' locks one by one. A lock left held that way blocks the thread that serves a worker
process (setting its future's result, taking its next job), and closing the pool then waits for
that thread for good: the command never ends.

So a handler calls :func:`ask` with the exception that stops: raised at once, as before, unless the
main thread is :func:`held` (running work that polls :func:`asked` often and leaves by its own
code, its workers ended): then recorded, and raised as the outermost held block is left.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_asked: BaseException | None = None     # the stop recorded while held, not yet raised
_holds = 0                              # the main thread's held blocks it is in


def ask(stop: BaseException) -> None:
    """From a signal handler (the main thread): stop with *stop* now, or once the held work is left."""
    global _asked
    if _holds:
        if _asked is None:      # the first stop asked is the one the process reports
            _asked = stop
        return
    raise stop


def asked() -> bool:
    """Whether a stop was asked and is held back: the held work should leave as soon as it can."""
    return _asked is not None


@contextmanager
def held() -> Iterator[None]:
    """A stop asked meanwhile is raised as this block is left (by the main thread; elsewhere no
    signal handler runs, and nothing is held back)."""
    global _holds, _asked
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _holds += 1         # before anything is taken: a stop asked before this line is raised with nothing held
    try:
        yield
    finally:
        _holds -= 1     # after everything is let go: one asked after this line is raised with nothing held
        if not _holds and _asked is not None:
            stop, _asked = _asked, None
            raise stop
