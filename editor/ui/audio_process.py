"""One background process for the window's short PocketSphinx jobs, shared by its features.

PocketSphinx keeps Python's GIL while it decodes (50-300 ms for one passage), so decoding on a
thread of the window's own process stops the GUI thread for that long: the window cannot
repaint or take a key. The window's short audio jobs -- the audio's verdict on a correction, one
turn checked again after an edit, one turn re-synced -- therefore run in this one worker
process: started on first use, kept for the session (its aligners are made once), and at a
lower CPU priority than the window. Whole-episode passes have pools of their own
(:func:`editor.align.batch.align_transcript`). The threads that wait on these jobs hold no GIL
while they wait.

Qt-free on purpose: the worker process imports this module to run the jobs below. Light to import
(multiprocessing is loaded when the first job is submitted): the window imports it at start-up.
"""

from __future__ import annotations

import atexit
import threading
from typing import TYPE_CHECKING, TypeVar

from editor.align import worker_start

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    import numpy as np

    from editor.align.aligner import Aligner, AlignOptions
    from editor.align.batch import AlignJob
    from editor.hearing.listen import Heard, HearJob
    from editor.hearing.verdict import Region, Verdict


_Job = TypeVar("_Job", bound="AlignJob")     # an AlignJob or a HearJob


class AudioProcess:
    """A one-process pool, (re)started on first use: ``submit(job, *args)`` returns a Future (or raises
    :class:`JobFailed` when no process can be started)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, job, *args) -> Future:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool
        for _attempt in range(2):
            with self._lock:
                if self._pool is None:
                    self._pool = ProcessPoolExecutor(max_workers=1, initializer=worker_start.begin,
                                                     mp_context=multiprocessing.get_context("spawn"))
                pool = self._pool
            try:
                return pool.submit(job, *args)
            except (BrokenProcessPool, RuntimeError):
                with self._lock:     # the process died (or was shut down): start a new one
                    if self._pool is pool:
                        self._pool = None
        raise JobFailed("the audio worker process could not be started")

    def shutdown(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


_shared: AudioProcess | None = None


def shared() -> AudioProcess:
    """The application's audio process (one for every window and feature)."""
    global _shared
    if _shared is None:
        _shared = AudioProcess()
        # Let go of the pool while the interpreter still stands (its finalizer needs multiprocessing).
        atexit.register(_shared.shutdown)
    return _shared


class JobFailed(Exception):
    """The audio process could not do a job: it died, or the job raised (the message says which)."""


def result(future: Future, cancelled, poll_s: float = 0.05):
    """*future*'s result, waited for without holding the GIL; None once *cancelled()* (the
    job is cancelled if it has not started; one already running finishes unheard).
    Raises :class:`JobFailed` when the job could not be done."""
    from concurrent.futures.process import BrokenProcessPool

    from editor.core.errors import TranscriptError
    while True:
        try:
            return future.result(timeout=poll_s)
        except TimeoutError:
            if cancelled():
                future.cancel()
                return None
        except BrokenProcessPool as error:
            raise JobFailed("the audio worker process stopped unexpectedly") from error
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
    from editor.hearing.verdict import compare
    return compare(samples, where, candidate, _aligner(HEARING_OPTIONS))


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
