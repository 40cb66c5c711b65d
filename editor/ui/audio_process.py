"""One background process for the window's short PocketSphinx jobs, shared by its features.

PocketSphinx keeps Python's GIL while it decodes (50-300 ms for one passage), so decoding on a
thread of the window's own process stops the GUI thread for that long: the window cannot
repaint or take a key. The window's short audio jobs -- the audio's verdict on a correction, one
turn checked again after an edit, one turn re-synced -- therefore run in this one worker
process: started on first use, kept for the session (its aligners are made once), and at a
lower CPU priority than the window. Whole-episode passes have pools of their own
(:func:`editor.align.batch.align_transcript`). The threads that wait on these jobs hold no GIL
while they wait.

The jobs travel over a pipe, not through a ``ProcessPoolExecutor``: its queues are named
semaphores, which a window that is killed (the screenshot tool ends it with SIGTERM) leaves to the
resource tracker, and the tracker warns of them on the terminal. A pipe is gone with the window,
and the worker, finding it closed, ends too.

Qt-free on purpose: the worker process imports this module to run the jobs below. Light to import
(multiprocessing is loaded when the first job is submitted): the window imports it at start-up.
"""

from __future__ import annotations

import atexit
import threading
from collections import deque
from typing import TYPE_CHECKING, TypeVar

from editor.align import worker_start

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Future
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

    import numpy as np

    from editor.align.aligner import Aligner, AlignOptions
    from editor.align.batch import AlignJob
    from editor.hearing.listen import Heard, HearJob
    from editor.hearing.verdict import Region, Verdict


_Job = TypeVar("_Job", bound="AlignJob")     # an AlignJob or a HearJob


class AudioProcess:
    """One worker process, (re)started on first use: ``submit(job, *args)`` returns a Future (or raises
    :class:`JobFailed` when no process can be started). Jobs run one at a time, in the order given;
    one not started yet can be cancelled."""

    def __init__(self):
        self._lock = threading.Lock()
        self._worker: _Worker | None = None

    def submit(self, job, *args) -> Future:
        for _attempt in range(2):
            with self._lock:
                if self._worker is None:
                    self._worker = _Worker()
                worker = self._worker
            try:
                return worker.submit(job, args)
            except _ProcessGone:
                with self._lock:     # the process died (or could not be started): start a new one
                    if self._worker is worker:
                        self._worker = None
        raise JobFailed("the audio worker process could not be started")

    def shutdown(self) -> None:
        """Cancel the jobs not started; the process ends once the one running is done (not waited for here:
        the worker's own thread reaps it)."""
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.close()


_REAP_TIMEOUT_S = 5.0     # how long the worker's thread waits for the process to end after letting go of it


class _ProcessGone(Exception):
    """The worker process died, or could not be started."""


class _Worker:
    """The process, and a thread of this process that hands it the jobs one by one over a pipe and
    waits for each answer (holding no GIL meanwhile). The process is started on the first job."""

    def __init__(self) -> None:
        self._jobs: deque[tuple[Future, Callable, tuple]] = deque()
        self._changed = threading.Condition()
        self._closed = False         # no more jobs taken (shut down, or the process is gone)
        self._thread: threading.Thread | None = None

    def submit(self, job: Callable, args: tuple) -> Future:
        from concurrent.futures import Future
        future: Future = Future()
        with self._changed:
            if self._closed:
                raise _ProcessGone
            self._jobs.append((future, job, args))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="audio process", daemon=True)
                self._thread.start()
            self._changed.notify()
        return future

    def close(self) -> None:
        with self._changed:
            self._closed = True
            jobs, self._jobs = list(self._jobs), deque()
            self._changed.notify()
        for future, _job, _args in jobs:
            future.cancel()

    def _run(self) -> None:
        try:
            connection, process = _start_process()
        except (OSError, RuntimeError) as error:      # e.g. no process can be had
            self._fail(f"the audio worker process could not be started: {error}")
            return
        try:
            self._serve(connection, process)
        finally:
            connection.close()     # the process, finding it closed, ends
            self._fail("the audio worker process stopped unexpectedly")
            # Reap it (this is the worker's own thread, not the GUI thread): left unjoined, a process that
            # ended stays a zombie until multiprocessing next starts one. It ends at once once its pipe is
            # closed (it waits on the pipe between jobs), so the timeout only bounds a worker that hangs.
            process.join(timeout=_REAP_TIMEOUT_S)

    def _serve(self, connection: Connection, process: BaseProcess) -> None:
        from multiprocessing.connection import wait
        from multiprocessing.reduction import ForkingPickler
        while True:
            with self._changed:
                while not self._jobs and not self._closed:
                    self._changed.wait()
                if not self._jobs:
                    return       # shut down
                future, job, args = self._jobs.popleft()
            if not future.set_running_or_notify_cancel():
                continue     # cancelled while it waited
            try:
                sent = ForkingPickler.dumps((job, args))
            except Exception as error:       # a job that cannot be sent fails alone
                future.set_exception(error)
                continue
            try:
                connection.send_bytes(sent)
                wait([connection, process.sentinel])
                done, value = connection.recv()
            except (OSError, EOFError):      # the process died: no more jobs taken before this one fails
                self._fail("the audio worker process stopped unexpectedly", running=future)
                return
            if done:
                future.set_result(value)
            else:
                future.set_exception(value)

    def _fail(self, why: str, running: Future | None = None) -> None:
        """Take no more jobs, and fail the *running* one and those still waiting."""
        with self._changed:
            self._closed = True
            jobs, self._jobs = list(self._jobs), deque()
        if running is not None:
            running.set_exception(_ProcessGone(why))
        for future, _job, _args in jobs:
            if future.set_running_or_notify_cancel():
                future.set_exception(_ProcessGone(why))


def _start_process() -> tuple[Connection, BaseProcess]:
    import multiprocessing
    context = multiprocessing.get_context("spawn")
    connection, theirs = context.Pipe()
    # A daemon: ended when this process exits normally (it keeps no files or semaphores to clean up).
    process = context.Process(target=_serve_jobs, args=(theirs,), name="transcript-editor audio", daemon=True)
    try:
        process.start()
    except BaseException:
        connection.close()
        raise
    finally:
        theirs.close()
    return connection, process


_shared: AudioProcess | None = None


def shared() -> AudioProcess:
    """The application's audio process (one for every window and feature)."""
    global _shared
    if _shared is None:
        _shared = AudioProcess()
        # Let go of the process at exit: jobs not started are cancelled, and it ends once its pipe is closed.
        atexit.register(_shared.shutdown)
    return _shared


class JobFailed(Exception):
    """The audio process could not do a job: it died, or the job raised (the message says which)."""


def result(future: Future, cancelled, poll_s: float = 0.05):
    """*future*'s result, waited for without holding the GIL; None once *cancelled()* (the
    job is cancelled if it has not started; one already running finishes unheard).
    Raises :class:`JobFailed` when the job could not be done."""
    from editor.core.errors import TranscriptError
    while True:
        try:
            return future.result(timeout=poll_s)
        except TimeoutError:
            if cancelled():
                future.cancel()
                return None
        except _ProcessGone as error:
            raise JobFailed(str(error) or "the audio worker process stopped unexpectedly") from error
        except TranscriptError as error:     # unreadable audio: its message names the file
            raise JobFailed(str(error)) from error
        except Exception as error:      # whatever the job raised, named for the status bar
            raise JobFailed(f"{type(error).__name__}: {error}") from error


def read_span_16k(audio_path: str, start_ms: int, end_ms: int,
                  cancelled=lambda: False) -> tuple[np.ndarray, int]:
    """Mono int16 16 kHz samples of [start_ms, end_ms) and the time of the first one.

    The player's PCM working copy (:mod:`editor.player.working_copy`), when it is ready, is
    read at the exact sample with soundfile: a turn 9 hours in costs milliseconds. Without
    it the source is decoded from its start up to *end_ms* (exact, never a demuxer seek;
    ~1,500x real time on this machine, so seconds for a late turn in a long episode).
    """
    from editor.align.aligner import RATE
    from editor.player import working_copy

    try:
        copy = working_copy.cached_copy(audio_path)
    except OSError:
        copy = None
    if copy is not None:
        try:
            return _read_pcm_span(str(copy), start_ms, end_ms), start_ms
        except (OSError, RuntimeError, ValueError):
            pass   # unreadable copy: decode the source instead
    from editor.audio.decode import decode
    return decode(audio_path, RATE, "int16", start_ms=start_ms, end_ms=end_ms, cancelled=cancelled), start_ms


def _read_pcm_span(path: str, start_ms: int, end_ms: int) -> np.ndarray:
    import av
    import numpy as np
    import soundfile

    from editor.align.aligner import RATE

    with soundfile.SoundFile(path) as wav:
        rate = wav.samplerate
        wav.seek(min(wav.frames, start_ms * rate // 1000))
        data = wav.read(frames=max(0, (end_ms - start_ms) * rate // 1000), dtype="int16", always_2d=True)
    mono = data[:, 0] if data.shape[1] == 1 else data.mean(axis=1).astype(np.int16)
    if rate == RATE or not len(mono):
        return np.ascontiguousarray(mono)
    frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(mono.reshape(1, -1)), format="s16", layout="mono")
    frame.sample_rate = rate
    resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    parts = [out.to_ndarray().reshape(-1) for out in resampler.resample(frame)]
    parts += [out.to_ndarray().reshape(-1) for out in resampler.resample(None)]
    return np.concatenate(parts) if parts else np.zeros(0, np.int16)


def with_turn_audio(audio_path: str, job: _Job, cancelled=lambda: False) -> _Job:
    """*job* with its turn's audio (and the padding alignment takes around a turn) read in."""
    from editor.align.batch import PAD_AFTER_MS, PAD_MS
    job.audio, job.audio_start_ms = read_span_16k(audio_path, max(0, job.start_ms - PAD_MS),
                                                  job.end_ms + PAD_AFTER_MS, cancelled)
    return job


# ----------------------------------------------------------------------------- in the worker process
def _serve_jobs(connection: Connection) -> None:
    """Run the jobs that come over *connection*, one at a time, until it is closed (the window let go of
    this process, or is gone): ``(True, result)`` or ``(False, the exception)`` back for each."""
    worker_start.begin()
    while True:
        try:
            job, args = connection.recv()
        except (EOFError, OSError):
            return
        except Exception as error:      # a job's module could not be imported here
            connection.send((False, RuntimeError(f"{type(error).__name__}: {error}")))
            continue
        try:
            answer = (True, job(*args))
        except Exception as error:
            answer = (False, error)
        try:
            connection.send(answer)
        except (BrokenPipeError, ConnectionResetError):
            return
        except Exception as error:      # a result (or an exception) that cannot be pickled
            connection.send((False, RuntimeError(f"{type(error).__name__}: {error}")))


_aligners: dict[str, Aligner] = {}


def _aligner(options: AlignOptions | None = None) -> Aligner:
    from editor.align.aligner import Aligner, AlignOptions
    options = options or AlignOptions()
    key = repr(options)
    if key not in _aligners:
        _aligners[key] = Aligner(options)
    return _aligners[key]


def judge(samples: np.ndarray, where: Region, candidate: str) -> Verdict:
    """The audio's verdict on *candidate* in place of ``where.original`` (*samples*: the region's audio)."""
    from editor.hearing.fit import HEARING_OPTIONS
    from editor.hearing.sayings import teach
    from editor.hearing.verdict import compare
    aligner = _aligner(HEARING_OPTIONS)
    teach(aligner, [candidate])     # the name's other pronunciations, as the command line's verdicts have them
    return compare(samples, where, candidate, aligner)


def judge_at(audio_path: str, where: Region, candidate: str) -> Verdict:
    """:func:`judge` with the region's audio read here, from the player's working copy (the window's
    process then does no audio reading at all for a verdict)."""
    samples, _start = read_span_16k(audio_path, where.start_ms, where.end_ms)
    return judge(samples, where, candidate)


_kept_regions: dict[int, list[np.ndarray]] = {}   # a check's regions' samples, by the check's number
KEPT_CHECKS = 4      # checks whose regions are kept at most (one each from the window's few checkers)


def keep_regions_audio(number: int, audio_path: str, regions: list[Region]) -> int:
    """Decode every region's samples (the file once, front to back: before there is a working copy)
    and keep them here under *number* for :func:`judge_kept`; returns how many. Kept in this process:
    sent back, the window's process would unpickle seconds of samples per region."""
    from editor.hearing.suggest import region_audio
    while len(_kept_regions) >= KEPT_CHECKS:
        del _kept_regions[next(iter(_kept_regions))]
    _kept_regions[number] = region_audio(audio_path, regions)
    return len(_kept_regions[number])


def judge_kept(number: int, i: int, where: Region, candidate: str) -> Verdict:
    """:func:`judge` of region *i* kept by :func:`keep_regions_audio` under *number*."""
    kept = _kept_regions.get(number)
    if kept is None:
        raise RuntimeError("the audio worker process was restarted during the check")
    return judge(kept[i], where, candidate)


def forget_regions_audio(number: int) -> None:
    _kept_regions.pop(number, None)


def hear(job: HearJob, audio_path: str = "") -> Heard:
    """One turn's audio checks; its audio read here from *audio_path* unless the job carries it
    (reading it is numpy and decoding work the window's process is spared)."""
    from editor.hearing.fit import HEARING_OPTIONS
    from editor.hearing.listen import hear_segment
    if job.audio is None:
        job = with_turn_audio(audio_path, job)
    return hear_segment(job, _aligner(HEARING_OPTIONS))


def align(job: AlignJob, audio_path: str = ""):
    """One turn's word times (a SegmentAlignment); its audio read here from *audio_path* unless the job carries it."""
    from editor.align.aligner import align_segment
    if job.audio is None:
        job = with_turn_audio(audio_path, job)
    assert job.audio is not None
    return align_segment(job.audio, job.tokens, job.start_ms, job.end_ms, _aligner(),
                         audio_start_ms=job.audio_start_ms, before=job.before, after=job.after)
