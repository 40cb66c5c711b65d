"""How a worker process starts: it lowers its CPU priority first, and only then imports its heavy parts;
and it ends when the process that started it is gone.

A spawned worker unpickles its initializer and the initializer's arguments before running it:
an initializer in :mod:`editor.align.aligner_pool`, or an :class:`~editor.align.aligner.AlignOptions`
among its arguments, has the worker import numpy, PyAV and PocketSphinx (a second of CPU) at
the window's own priority. :func:`start` is the initializer instead: this module imports
nothing heavy, the real initializer is named by a string, and its arguments travel pickled, so
all of that happens after :func:`lower_priority`.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable

WORKER_NICENESS = 10    # workers yield the CPU to the window (and the producer's other programs)
PARENT_CHECK_S = 1.0    # how often a worker looks whether the process that started it is still there


def lower_priority(niceness: int = WORKER_NICENESS) -> None:
    """Run at *niceness* or lower priority (a worker of a worker, already niced, is not lowered again)."""
    with contextlib.suppress(OSError):     # not allowed here: run at the caller's priority
        current = os.nice(0)
        if current < niceness:
            os.nice(niceness - current)


def exit_with_parent(grace_s: float = 0.0, leave: Callable[[], None] | None = None) -> None:
    """End this process once the process that started it is gone (*grace_s* later, should it not
    have ended by itself by then), by calling *leave()* on a thread of its own (default: exit at once).

    A pool's worker waits for its next job forever: when the window (or a background pass, or
    the command line) is killed, or stops a pass it cannot wait for, its workers would otherwise
    live on, idle, holding memory. A daemon thread looks once a second (no GIL held meanwhile).
    """
    parent = _parent_pid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        time.sleep(grace_s)
        (leave or _exit_now)()

    threading.Thread(target=watch, name="exit with parent", daemon=True).start()


def _exit_now() -> None:
    os._exit(0)     # a worker keeps nothing to clean up: its pool's semaphores are its parent's


def _parent_pid() -> int:
    """The process that started this one: as multiprocessing knows it, when it started this one (a
    worker whose parent died while it was starting would otherwise take its new parent, init, for
    the one to watch, and live on idle for good)."""
    if "multiprocessing" in sys.modules:       # a spawned worker: already imported, nothing to load
        parent = sys.modules["multiprocessing"].parent_process()
        if parent is not None and parent.pid is not None:
            return parent.pid
    return os.getppid()


def begin(niceness: int = WORKER_NICENESS) -> None:
    """What every worker process does first: :func:`lower_priority` and :func:`exit_with_parent`."""
    lower_priority(niceness)
    exit_with_parent()


def start(niceness: int, initializer: str, payload: bytes) -> None:
    """:func:`begin`, then import ``"module:function"`` *initializer* and call it with the
    arguments pickled in *payload* (:func:`arguments`)."""
    begin(niceness)
    module, _, name = initializer.partition(":")
    getattr(importlib.import_module(module), name)(*pickle.loads(payload))


def arguments(*args) -> bytes:
    """*args* for :func:`start`, pickled so the worker unpickles them once its priority is lowered."""
    return pickle.dumps(args)
