"""The worker processes one episode's passes share: alignment, then the audio checks, on the same workers.

Starting a worker is the costly part of a pass that has few turns to do: a spawned process imports
numpy, PyAV and PocketSphinx and loads the acoustic model and dictionary (about a second of CPU
each, niced, on a machine the producer is using). A command that aligns an episode and then checks
its audio (``transcript-editor suggest``) hands both passes one :class:`AlignerPool`, so each
worker starts once and each of its aligners loads once, whatever the number of passes.

Each worker keeps one :class:`~editor.align.aligner.Aligner` for every set of
:class:`~editor.align.aligner.AlignOptions` a pass asked of it (alignment and the audio checks search
with different dictionaries), made on the first job that asks for it; the first pass's is loaded as
the worker starts, while that pass decodes the audio.

The pool owns its workers' lifetime: each is a process of its own with a pipe to it, served by a
thread of this process that hands it the jobs one at a time (holding no GIL while it waits). Not a
``ProcessPoolExecutor``: its manager thread winds a pool down on its own schedule, and one whose
worker was killed raced the interpreter's exit (Python 3.11's exit hook writing to that thread's
wake-up pipe as it closed it: "Bad file descriptor" or "handle is closed", a traceback on the
terminal); its queues' named semaphores were left to the resource tracker's warning by a process
killed outright. Here a worker is ended by closing its pipe (it exits after its current job) or
killed, and waited for, before :meth:`AlignerPool.close` returns; its thread ends with it. A stop a
signal asks while the pool takes a job or closes is held back until it is done
(:mod:`editor.core.stop_request`): raised half-way, it could leave the pool's lock held.

Light to import (no numpy, no PocketSphinx): a worker imports this module as it starts, before it
lowers its priority.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, TypeVar

from editor.align import worker_start
from editor.align.worker_start import WORKER_NICENESS
from editor.core import stop_request

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    from editor.align.aligner import Aligner, AlignOptions

JobT = TypeVar("JobT")
ResultT = TypeVar("ResultT")

_WORKER_NAME = "transcript-editor aligner"


class AlignerPool:
    """*workers* worker processes, each holding an aligner per set of options it was asked for."""

    def __init__(self, workers: int = 2):
        self.workers = workers
        self._changed = threading.Condition()
        self._queued: deque[tuple[Future, Callable, object, AlignOptions]] = deque()
        self._workers: list[_Worker] = []
        self._broken = False        # a worker died: no more jobs taken until the pool is closed
        self._closing = False       # no more jobs taken: the queued ones are done, then the workers end

    def submit(self, task: Callable[[JobT, Aligner], ResultT], job: JobT, options: AlignOptions) -> Future[ResultT]:
        """Run ``task(job, aligner)`` in a worker, with that worker's aligner for *options*.

        Raises :class:`concurrent.futures.process.BrokenProcessPool` once a worker has died (or the
        workers cannot be started, as in a script without a ``__main__`` guard): the pool is no use
        any more until it is closed, and a pass carries on in its own process. A job queued or
        running when a worker dies fails with it.
        """
        future: Future[ResultT] = Future()
        with stop_request.held(), self._changed:
            if self._broken or self._closing:
                raise BrokenProcessPool("the aligner's worker processes have ended")
            if len(self._workers) < self.workers:
                try:
                    self._workers.append(_Worker(self, options))
                except (OSError, RuntimeError) as error:     # no process can be had, or a main module without a guard
                    if not self._workers:
                        raise BrokenProcessPool(f"no worker process could be started: {error}") from error
            self._queued.append((future, task, job, options))
            self._changed.notify()
        return future

    def close(self, wait: bool = True) -> None:
        """End the workers and wait until they have exited. *wait*: the jobs given are done first; else
        the ones not started are cancelled and the workers killed (their results are not wanted, and a
        worker still loading its model, niced on a loaded machine, would be waited for for seconds).
        The pool can be used again afterwards (new workers start on the next job)."""
        with stop_request.held():
            self._close(wait)

    def _close(self, wait: bool) -> None:
        with self._changed:
            workers, self._workers = self._workers, []
            self._closing = True
            dropped: list[Future] = []
            if not wait:
                dropped = [future for future, *_rest in self._queued]
                self._queued.clear()
            self._changed.notify_all()
        for future in dropped:
            future.cancel()
        if not wait:
            for worker in workers:      # all of them, then wait: none waits on another's end
                worker.kill()
        for worker in workers:
            worker.join()
        with self._changed:
            self._closing = self._broken = False
            self._queued.clear()

    def __enter__(self) -> AlignerPool:
        return self

    def __exit__(self, kind, _error, _traceback) -> None:
        # Stopped or failed (an exception on its way out): the workers' turns are not wanted any more.
        self.close(wait=kind is None)

    # -------------------------------------------------------------------- for the workers' threads
    def _next(self) -> tuple[Future, Callable, object, AlignOptions] | None:
        """The next job to run (marked running), waited for; None once there will be none."""
        with self._changed:
            while True:
                while not self._queued and not (self._closing or self._broken):
                    self._changed.wait()
                if not self._queued:
                    return None
                queued = self._queued.popleft()
                if queued[0].set_running_or_notify_cancel():
                    return queued

    def _worker_died(self) -> None:
        """A worker died: the pool takes no more jobs, and those queued fail."""
        with self._changed:
            self._broken = True
            queued, self._queued = list(self._queued), deque()
            self._changed.notify_all()
        for future, *_rest in queued:
            if future.set_running_or_notify_cancel():
                future.set_exception(BrokenProcessPool("a worker process ended before its job was done"))


class _Worker:
    """One worker process and the thread of this process that serves it its jobs."""

    def __init__(self, pool: AlignerPool, options: AlignOptions):
        import multiprocessing
        import pickle
        context = multiprocessing.get_context("spawn")
        self._connection, theirs = context.Pipe()
        # Pickled here, unpickled by the worker once its priority is lowered (they import the aligner).
        # A daemon: a pool its owner never closed is no reason for this process's exit to wait (for a
        # worker waiting on its pipe for good); multiprocessing ends it then.
        self._process: BaseProcess = context.Process(
            target=_serve_jobs, args=(theirs, WORKER_NICENESS, pickle.dumps(options)), name=_WORKER_NAME, daemon=True)
        try:
            with _ctrl_c_held():
                self._process.start()
        except BaseException:
            self._connection.close()
            raise
        finally:
            theirs.close()
        self._thread = threading.Thread(target=self._serve, args=(pool,), name="aligner worker", daemon=True)
        self._thread.start()

    def kill(self) -> None:
        self._process.kill()

    def join(self) -> None:
        """Wait until the process has exited (it does once its pipe is closed) and its thread has ended."""
        self._thread.join()
        self._process.join()

    def _serve(self, pool: AlignerPool) -> None:
        try:
            while (queued := pool._next()) is not None:
                future, task, job, options = queued
                if not self._run(future, task, job, options):
                    pool._worker_died()
                    return
        finally:
            self._connection.close()     # the worker, finding it closed, exits

    def _run(self, future: Future, task: Callable, job: object, options: AlignOptions) -> bool:
        """Run one job in the process and set its *future*; False when the process died meanwhile."""
        from multiprocessing.connection import wait
        from multiprocessing.reduction import ForkingPickler
        try:
            sent = ForkingPickler.dumps((task, job, options))
        except Exception as error:       # a job that cannot be sent fails alone
            future.set_exception(error)
            return True
        try:
            self._connection.send_bytes(sent)
            wait([self._connection, self._process.sentinel])
            done, value = self._connection.recv()
        except (OSError, EOFError):
            future.set_exception(BrokenProcessPool("a worker process ended before its job was done"))
            return False
        if done:
            future.set_result(value)
        else:
            future.set_exception(value)
        return True


@contextlib.contextmanager
def _ctrl_c_held():
    """SIGINT ignored meanwhile (in the main thread, the one place its handler may change): a process
    started then starts with it ignored (an ignored signal stays so in a new program), so a Ctrl+C
    in the terminal does not reach a worker still starting, before it could ignore it itself (a
    "Fatal Python error" and a traceback). A Ctrl+C in those few milliseconds is lost."""
    import signal
    import threading
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.getsignal(signal.SIGINT)
    if before is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        if before is not None:      # None: a handler not set from Python, left as it was
            signal.signal(signal.SIGINT, before)


# ----------------------------------------------------------------------------- in a worker process

_aligners: list[tuple[AlignOptions, Aligner]] = []   # this worker's, one per options (a few at most)


def _aligner_for(options: AlignOptions) -> Aligner:
    from editor.align.aligner import Aligner
    # A list, not a dict: options hold a dict of PocketSphinx settings, and are not hashable.
    for held, aligner in _aligners:
        if held == options:
            return aligner
    aligner = Aligner(options)
    _aligners.append((options, aligner))
    return aligner


def _serve_jobs(connection: Connection, niceness: int, first_options: bytes) -> None:
    """A worker: lower its priority, load the first pass's aligner, then run the jobs that come over
    *connection* one at a time until it is closed, ``(True, result)`` or ``(False, the exception)``
    back for each."""
    import pickle
    import signal
    # Ctrl+C in a terminal reaches every process of the command: the command stops, and ends its
    # workers itself. (Started from a main thread, it has ignored it from the start: _ctrl_c_held.)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_start.begin(niceness)
    # Should it fail, the first job that asks for this aligner fails with the error, which its pass tells.
    with contextlib.suppress(Exception):
        _aligner_for(pickle.loads(first_options))
    while True:
        try:
            task, job, options = connection.recv()
        except (EOFError, OSError):
            return
        except Exception as error:      # a job's module could not be imported here
            answer: tuple[bool, object] = (False, RuntimeError(f"{type(error).__name__}: {error}"))
        else:
            try:
                answer = (True, task(job, _aligner_for(options)))
            except Exception as error:
                answer = (False, error)
        try:
            connection.send(answer)
        except (BrokenPipeError, ConnectionResetError):
            return
        except Exception as error:      # a result (or an exception) that cannot be pickled
            connection.send((False, RuntimeError(f"{type(error).__name__}: {error}")))
