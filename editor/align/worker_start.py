"""How a worker process starts: it lowers its CPU priority first, and only then imports its heavy parts.

A spawned worker unpickles its initializer and the initializer's arguments before running it:
an initializer in :mod:`editor.align.batch`, or an :class:`~editor.align.aligner.AlignOptions`
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

WORKER_NICENESS = 10    # workers yield the CPU to the window (and the producer's other programs)


def lower_priority(niceness: int = WORKER_NICENESS) -> None:
    """Run at *niceness* or lower priority (a worker of a worker, already niced, is not lowered again)."""
    with contextlib.suppress(OSError):     # not allowed here: run at the caller's priority
        current = os.nice(0)
        if current < niceness:
            os.nice(niceness - current)


def start(niceness: int, initializer: str, payload: bytes) -> None:
    """Lower the priority, then import ``"module:function"`` *initializer* and call it with the
    arguments pickled in *payload* (:func:`arguments`)."""
    lower_priority(niceness)
    module, _, name = initializer.partition(":")
    getattr(importlib.import_module(module), name)(*pickle.loads(payload))


def arguments(*args) -> bytes:
    """*args* for :func:`start`, pickled so the worker unpickles them once its priority is lowered."""
    return pickle.dumps(args)
