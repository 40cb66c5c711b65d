"""The worker processes one episode's passes share: alignment, then the audio checks, on the same workers.

Starting a worker is the costly part of a pass that has few turns to do: a spawned process imports
numpy, PyAV and PocketSphinx and loads the acoustic model and dictionary (about a second of CPU
each, niced, on a machine the producer is using). A command that aligns an episode and then checks
its audio (``transcript-editor suggest``) hands both passes one :class:`AlignerPool`, so each
worker starts once and each of its aligners loads once, whatever the number of passes.

Each worker keeps one :class:`~editor.align.aligner.Aligner` for every set of
:class:`~editor.align.aligner.AlignOptions` a pass asked of it (alignment and the audio checks search
with different dictionaries), made on the first job that asks for it (and its model loaded then, once);
the worker imports the aligner's modules as it starts, while the first pass decodes the audio.

The pool starts its workers on its first job and ends them in :meth:`AlignerPool.close` (``with``):
waited for when the work finished, not when it was stopped or failed (a worker finishes its
current turn, under a second, and exits; it exits too should this process be gone, see
:func:`editor.align.worker_start.exit_with_parent`).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from editor.align import worker_start
from editor.align.aligner import Aligner, AlignOptions
from editor.align.worker_start import WORKER_NICENESS

JobT = TypeVar("JobT")
ResultT = TypeVar("ResultT")


class AlignerPool:
    """*workers* worker processes, each holding an aligner per set of options it was asked for."""

    def __init__(self, workers: int = 2):
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def submit(self, task: Callable[[JobT, Aligner], ResultT], job: JobT, options: AlignOptions) -> Future[ResultT]:
        """Run ``task(job, aligner)`` in a worker, with that worker's aligner for *options*.

        Raises :class:`concurrent.futures.process.BrokenProcessPool` once a worker has died (or the
        workers cannot be started, as in a script without a ``__main__`` guard): the pool is no use
        any more, and a pass carries on in its own process.
        """
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=worker_start.start,
                initargs=(WORKER_NICENESS, f"{__name__}:_load", worker_start.arguments(options)))
        return self._executor.submit(_run, task, job, options)

    def close(self, wait: bool = True) -> None:
        """End the workers: jobs not started are dropped; *wait*: until the running ones are done and the
        workers have exited. The pool can be used again afterwards (new workers start on the next job)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=wait, cancel_futures=True)

    def __enter__(self) -> AlignerPool:
        return self

    def __exit__(self, kind, _error, _traceback) -> None:
        # Stopped or failed (an exception on its way out): the workers' turns are not wanted any more.
        self.close(wait=kind is None)


# ----------------------------------------------------------------------------- in a worker process

_aligners: list[tuple[AlignOptions, Aligner]] = []   # this worker's, one per options (a few at most)


def _aligner_for(options: AlignOptions) -> Aligner:
    # A list, not a dict: options hold a dict of PocketSphinx settings, and are not hashable.
    for held, aligner in _aligners:
        if held == options:
            return aligner
    aligner = Aligner(options)
    _aligners.append((options, aligner))
    return aligner


def _load(options: AlignOptions) -> None:
    """A worker's start, once :func:`editor.align.worker_start.start` has lowered its priority (the
    aligner's modules were imported as its arguments were unpickled): the first pass's aligner."""
    _aligner_for(options)


def _run(task: Callable[[JobT, Aligner], ResultT], job: JobT, options: AlignOptions) -> ResultT:
    return task(job, _aligner_for(options))
