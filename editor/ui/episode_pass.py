"""A whole-episode pass (alignment, listening) run in a process of its own, its results streamed back.

A pass decodes the episode with PyAV, cuts each turn's audio out with numpy and hands the turns
to its worker pool (:func:`editor.align.batch.align_transcript`). Driven from a thread of the
window's process, that Python work took turns with the GUI thread for the GIL, and the window
stalled for up to a quarter of a second while a pass started. :func:`run` drives the pass from a
child process instead, at a lower CPU priority (lowered before the child imports numpy, PyAV or
PocketSphinx: a process starting at full priority is what a loaded machine feels most). The
window's thread only waits on a pipe (holding no GIL while it waits) and unpickles each turn's
small result.

Qt-free and light to import: the child process imports this module first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from editor.align import worker_start
from editor.ui.audio_process import JobFailed

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

POLL_S = 0.05          # how often the waiting thread looks at *cancelled()*
PIECE_ITEMS = 4        # jobs pickled at a time (about a millisecond of GIL each)
EXIT_WAIT_S = 10.0     # a cancelled pass kills its workers and exits (seconds when niced on a loaded machine)
REAP_WAIT_S = 1.0      # a pass given up on (ended with SIGTERM) kills its workers and exits at once
QUIT_WAIT_S = 1.0      # the window is going away: a pass not ended by then is left to end by itself
LAST_RESORT_S = 10.0   # an orphaned pass that SIGTERM did not end either (see _leave) exits outright


def run(function: Callable[..., Iterator], *args, progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False, leaving: Callable[[], bool] = lambda: False,
        **kwargs) -> Iterator:
    """Yield what ``function(*args, progress=..., cancelled=..., **kwargs)`` yields, run in a child process.

    *function* is a module-level generator function (the child imports it by name); its *progress*
    calls come back to *progress*, and it stops early once *cancelled()*. A
    :class:`~editor.core.errors.TranscriptError` it raises (unreadable audio) is raised here with
    its message; anything else, or the child dying, raises :class:`JobFailed`. Once *leaving()*
    (the window is closing), a cancelled pass is waited for :data:`QUIT_WAIT_S` at most
    (:func:`_wait_for_pass`).
    """
    import multiprocessing
    import pickle

    _reap_let_go()

    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    # Closing our end of this pipe stops the pass (a pipe, not an Event: nothing named to leak or to
    # be cleaned away under a child still starting when the window quits).
    stop_seen, stop = context.Pipe(duplex=False)
    # Pickled here and unpickled in the child only after it has lowered its priority: the jobs'
    # classes would otherwise have the child import the aligner at full priority.
    payload = pickle.dumps((function, tuple(_in_pieces(a) for a in args),
                            {name: _in_pieces(value) for name, value in kwargs.items()}))
    child = context.Process(target=_drive, args=(send, stop_seen, payload), name="transcript-editor pass")
    try:
        child.start()
    except (OSError, RuntimeError) as error:     # e.g. no process can be had, or a main module without a guard
        for end in (receive, send, stop_seen, stop):
            end.close()
        raise JobFailed(f"the background pass could not be started: {error}") from error
    send.close()
    stop_seen.close()
    try:
        while not cancelled():
            if not receive.poll(POLL_S):
                if not child.is_alive() and not receive.poll(0):
                    raise JobFailed("the background pass stopped unexpectedly")
                continue
            try:
                kind, value = receive.recv()
            except EOFError as error:
                raise JobFailed("the background pass stopped unexpectedly") from error
            if kind == "item":
                yield value
            elif kind == "progress":
                if progress is not None:
                    progress(*value)
            elif kind == "unreadable":
                from editor.core.errors import TranscriptError
                raise TranscriptError(*value)
            elif kind == "failed":
                raise JobFailed(value)
            else:       # "done"
                return
    finally:
        stop.close()       # the pass, seeing it closed, kills its workers and exits
        receive.close()
        _wait_for_pass(child, leaving)


def _wait_for_pass(child: BaseProcess, leaving: Callable[[], bool]) -> None:
    """Wait for a pass told to stop to end: :data:`EXIT_WAIT_S`, then SIGTERM (:func:`_end_now`) and
    :data:`REAP_WAIT_S` more; or, once *leaving()*, :data:`QUIT_WAIT_S` at most.

    The pass runs niced, and on a loaded machine it may get the CPU to end only seconds later: a
    closing window does not wait for that (the producer's work is saved before its passes are
    stopped). A pass not ended in time is let go of (:func:`_let_go`): it ends by itself, as a
    stopped pass does, killing its workers and unlinking its pool's semaphores as it leaves."""
    import time
    start = time.monotonic()
    left = terminated = False
    while True:
        child.join(POLL_S)
        if child.exitcode is not None:
            return
        waited = time.monotonic() - start
        if leaving() and not left:
            # SIGTERM at once: the pass kills its workers as soon as it runs, even mid-import.
            left, start, waited = True, time.monotonic(), 0.0
            if not terminated:
                child.terminate()
                terminated = True
        if waited >= (QUIT_WAIT_S if left else EXIT_WAIT_S + REAP_WAIT_S):
            _let_go(child)
            return
        if waited >= EXIT_WAIT_S and not terminated:
            child.terminate()       # it kills its workers and exits as usual (_end_now)
            terminated = True


_let_go_of: list[BaseProcess] = []     # passes left to end by themselves, reaped when the next one starts


def _let_go(child: BaseProcess) -> None:
    """Leave *child* to end by itself. multiprocessing waits, as this process exits, for every process
    it started and still lists: the pass comes off that list (its private ``_children``: there is no
    public way), so a window that is closing leaves at once. A pass let go of ends in its own time:
    told to stop (its stop pipe closed) or orphaned, it ends as a stopped one does."""
    import multiprocessing.process
    multiprocessing.process._children.discard(child)      # type: ignore[attr-defined]
    _let_go_of.append(child)


def _reap_let_go() -> None:
    """Reap the passes let go of that have ended since (an ended child is a zombie until waited for)."""
    _let_go_of[:] = [child for child in _let_go_of if child.is_alive()]


class _Pieces:
    """A list pickled a few items at a time (put together again in the child)."""

    def __init__(self, pieces: list[bytes]):
        self.pieces = pieces

    def joined(self) -> list:
        import pickle
        return [item for piece in self.pieces for item in pickle.loads(piece)]


def _in_pieces(value):
    """*value*, a long list pickled in pieces of :data:`PIECE_ITEMS`: the C pickler keeps the GIL for a
    whole call, and one call over a 10-hour episode's jobs (4 MB) kept it, and the window, for 0.7 s.
    Turns go as they are (:mod:`editor.core.pickled`): a caption file's words are not made to be sent."""
    from editor.core import pickled
    if not isinstance(value, list) or len(value) <= PIECE_ITEMS:
        return value
    return _Pieces([pickled.dumps(value[at:at + PIECE_ITEMS]) for at in range(0, len(value), PIECE_ITEMS)])


def _joined(value):
    return value.joined() if isinstance(value, _Pieces) else value


# ----------------------------------------------------------------------------- in the child process
def _drive(send, stop_seen, payload: bytes) -> None:
    import signal
    signal.signal(signal.SIGTERM, _end_now)
    worker_start.lower_priority()
    # Orphaned, the pass sees the window go (``cancelled`` below, or a broken pipe) and ends as a
    # cancelled one does: its pool's workers killed, its semaphores unlinked.
    # Should it not have ended by itself EXIT_WAIT_S later, it is ended as a pass the window gives
    # up on is (_leave).
    worker_start.exit_with_parent(grace_s=EXIT_WAIT_S, leave=_leave)
    import multiprocessing
    import pickle

    from editor.core.errors import TranscriptError

    parent = multiprocessing.parent_process()

    def cancelled() -> bool:      # the window closed its end of the pipe, or is gone (nobody reads the results)
        return _ended or stop_seen.poll() or (parent is not None and not parent.is_alive())

    items = None
    try:
        try:
            if cancelled():
                return       # stopped before it began: nothing heavy imported for nothing
            function, args, kwargs = pickle.loads(payload)
            args = tuple(_joined(a) for a in args)
            kwargs = {name: _joined(value) for name, value in kwargs.items()}
            items = function(*args, progress=lambda done, total: send.send(("progress", (done, total))),
                             cancelled=cancelled, **kwargs)
            for item in items:
                if cancelled():
                    return
                send.send(("item", item))
            send.send(("done", None))
        except TranscriptError as error:
            send.send(("unreadable", (error.problem, error.path, error.line, error.offset)))
        except (BrokenPipeError, ConnectionResetError):
            raise
        except Exception as error:      # whatever the pass raised, named for the status bar
            send.send(("failed", f"{type(error).__name__}: {error}"))
    except (BrokenPipeError, ConnectionResetError):
        return       # the window stopped listening, also before hearing why the pass ended
    finally:
        send.close()
        if items is not None:
            items.close()       # now, not when collected: a stopped pass tells its pool to stop (and does not wait)
        _end_workers()


def _end_now(_signal: int, _frame) -> None:
    """SIGTERM: the window gave up waiting for this cancelled pass (it had not ended
    :data:`EXIT_WAIT_S` after it was stopped, as on a loaded machine, where it runs niced), or is
    closing and ends it without waiting for its next look at its stop pipe. Its workers are
    killed, not waited for (a killed worker prints nothing), and the pass leaves as usual, by the
    ``finally`` of :func:`_drive` and multiprocessing's exit, which unlinks the pool's semaphores.
    Ended by SIGTERM's default action, it left them to the resource tracker, which warned of them on
    the terminal. Nothing is raised here: the main thread may be starting a worker, which
    :func:`_end_workers` then kills."""
    global _ended
    _ended = True
    import multiprocessing
    for worker in multiprocessing.active_children():
        worker.kill()


_ended = False      # SIGTERM came (_end_now): the pass stops, whatever its pipes say yet


def _leave() -> None:
    """End this orphaned pass as the window ends a pass it gives up on: SIGTERM, which
    :func:`_end_now` handles on the main thread (its workers killed, so whatever waits on them
    returns) before the pass leaves by the ``finally`` of :func:`_drive` and multiprocessing's exit,
    which unlinks its pool's semaphores. Ended at once (``os._exit``), it left them to the resource
    tracker, which warned of them on the terminal; that is done only should the main thread not
    have left :data:`LAST_RESORT_S` later (stuck in something no killed worker ends)."""
    import os
    import signal
    import time
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(LAST_RESORT_S)
    os._exit(0)


def _end_workers() -> None:
    """End the worker processes this pass started and wait until they have.

    A pass that finished has none left (its pool waited for them), and so has one stopped by its
    pass's own ``finally`` (:meth:`editor.align.aligner_pool.AlignerPool.close` kills them); a worker
    started as SIGTERM came (:func:`_end_now`) may be left. Those are killed: their turns are not
    wanted any more, and a worker still starting (importing and loading PocketSphinx, niced:
    seconds on a loaded machine) would otherwise be waited for until it could read that it must
    stop. A killed worker prints nothing and holds nothing to clean up.

    A process started by multiprocessing, on its way out, first unlinks its semaphores and stops
    its queues' feeder threads, and only then waits for its children: workers are ended and
    waited for here, before that.
    """
    import multiprocessing
    import threading
    workers = multiprocessing.active_children()
    for worker in workers:      # all of them, then wait: none waits on another's end
        worker.kill()
    for worker in workers:
        worker.join()
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and not thread.daemon:    # whatever else the work left running
            thread.join()
