"""Align a whole transcript (or chosen segments) on both cores, one segment at a time.

The audio is decoded once, front to back (exact times even for VBR MP3 and Ogg, where
demuxer seeks are off by seconds), and each segment is sent to a worker process as soon
as its audio is decoded, so the first results arrive within a second and keep coming
while the rest decodes. Each worker process holds its own PocketSphinx decoder.

``align_transcript`` is a generator of :class:`AlignResult` in completion order; the
caller applies each one (``apply_alignment``) and saves the project, so an episode is
aligned only once. A result whose segment text changed meanwhile is stale and skipped.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TypeVar, overload

import numpy as np

from editor.align.aligner import RATE, Aligner, AlignOptions, SegmentAlignment, align_segment
from editor.align.aligner_pool import AlignerPool
from editor.align.text import Token, segment_tokens
from editor.audio.decode import iter_decode
from editor.core import stop_request
from editor.core.transcript import Segment, WordTiming
from editor.core.words import word_time_fields

# Audio taken before and after a segment's span: transcript times are rough. Recognizers
# and Rev/Otter give a turn's start in whole seconds, up to ~1.3 s before its first word, so
# the span's end (the next turn's start) may fall that much before this turn's last word.
PAD_MS = 500
PAD_AFTER_MS = 1300
MAX_IN_FLIGHT = 8     # segments queued per worker pool before decoding waits (bounds memory)
SLOW_MS_PER_WORD = 800   # a slow speaker with pauses: how long a last turn's spoken words may take
DONE_TIMINGS = frozenset({WordTiming.ALIGNED, WordTiming.IMPORTED})


@dataclass
class AlignJob:
    index: int
    segment_id: str
    text: str
    tokens: list[Token]
    start_ms: int
    end_ms: int
    audio_start_ms: int = 0
    audio: np.ndarray | None = None
    before: list[str] = field(default_factory=list)   # last spoken words of the turn before
    after: list[str] = field(default_factory=list)    # first spoken words of the turn after


@dataclass
class AlignResult:
    index: int
    segment_id: str
    text: str                 # the text the times were computed for
    alignment: SegmentAlignment


def plan_jobs(segments: Sequence[Segment], duration_ms: int | None = None,
              indices: Sequence[int] | None = None, redo: bool = False) -> list[AlignJob]:
    """Jobs for the timed segments (all, or *indices*) that still need word times.

    A segment's span ends at its end time, else at the next timed segment's start, else at
    *duration_ms*; the last timed segment's span may run on into the rest of the audio.
    Segments already ALIGNED or IMPORTED are skipped unless *redo*.
    """
    chosen = range(len(segments)) if indices is None else indices
    jobs = []
    for index in chosen:
        segment = segments[index]
        if segment.start_ms is None or (not redo and segment.word_timing in DONE_TIMINGS
                                        and len(segment.words) == len(segment.text.split())):
            continue
        end = segment.end_ms if segment.end_ms is not None else _next_start(segments, index, duration_ms)
        if end is None or end <= segment.start_ms:
            continue
        tokens = segment_tokens(segment)
        if duration_ms and end < duration_ms and _next_start(segments, index, None) is None:
            # The last turn's end is often the reader's guess (400 ms a written word): a slow
            # speaker runs past it, and so does text read aloud ("patreon.com/t" is five
            # words), and words cut off from their audio fail. Listen on into the rest of the
            # audio, up to twice the span or a slow speaker's time for the spoken words.
            spoken = sum(len(token.spoken) for token in tokens)
            end = min(duration_ms, max(end + (end - segment.start_ms), segment.start_ms + spoken * SLOW_MS_PER_WORD))
        jobs.append(AlignJob(index, segment.id, segment.text, tokens, segment.start_ms, end,
                             before=_spoken_edge(segments, index - 1, last=True),
                             after=_spoken_edge(segments, index + 1, last=False)))
    return jobs


CONTEXT_WORDS = 5   # words of each neighbouring turn the padded audio may hold


def _spoken_edge(segments: Sequence[Segment], index: int, last: bool) -> list[str]:
    """The last (or first) few spoken words of the segment at *index* ([] when none)."""
    if not 0 <= index < len(segments):
        return []
    spoken = [w for token in segment_tokens(segments[index]) for w in token.spoken]
    return spoken[-CONTEXT_WORDS:] if last else spoken[:CONTEXT_WORDS]


def _next_start(segments: Sequence[Segment], index: int, duration_ms: int | None) -> int | None:
    for later in segments[index + 1:]:
        if later.start_ms is not None:
            return later.start_ms
    return duration_ms


def apply_alignment(segment: Segment, result: AlignResult) -> bool:
    """Store the result's words in *segment* (its marks follow them); False (nothing
    changed) when the text moved on. The window does the same through ``ops.set_word_times``."""
    if segment.id != result.segment_id or segment.text != result.text:
        return False
    for name, value in word_time_fields(segment, result.alignment.words, result.alignment.timing).items():
        setattr(segment, name, value)
    return True


def _run_job(job: AlignJob, aligner: Aligner) -> AlignResult:
    assert job.audio is not None, "the buffer gives every job its audio before it runs"
    alignment = align_segment(job.audio, job.tokens, job.start_ms, job.end_ms, aligner,
                              audio_start_ms=job.audio_start_ms, before=job.before, after=job.after)
    return AlignResult(job.index, job.segment_id, job.text, alignment)


JobT = TypeVar("JobT", bound=AlignJob)      # a job (or a job of a subclass) of align_transcript's
ResultT = TypeVar("ResultT")                 # what its task makes of one


class _Buffer:
    """The decoded audio still needed: samples from ``base`` (a sample index) on.

    Kept as the decoder's chunks (about 10 s each) rather than one growing array: an
    append is O(1) (one array re-concatenated per chunk was quadratic: 7 s and a second
    copy of everything for one turn of a 1-hour file) and audio no pending job needs is
    released chunk by chunk.
    """

    def __init__(self) -> None:
        self.base = 0                          # sample index of the first kept sample
        self._chunks: deque[np.ndarray] = deque()
        self._held = 0                         # samples kept (sum of the chunks' lengths)

    @property
    def end_ms(self) -> int:
        return (self.base + self._held) * 1000 // RATE

    def append(self, chunk: np.ndarray) -> None:
        if len(chunk):
            self._chunks.append(chunk)
            self._held += len(chunk)

    def samples(self, lo: int, hi: int) -> np.ndarray:
        """A copy of the kept samples with indices in [lo, hi) (clipped to what is kept)."""
        parts, at = [], self.base
        for chunk in self._chunks:
            if at >= hi:
                break
            if at + len(chunk) > lo:
                parts.append(chunk[max(0, lo - at):max(0, hi - at)])
            at += len(chunk)
        return np.concatenate(parts) if parts else np.zeros(0, np.int16)

    def take(self, job: JobT, pad_ms: int, pad_after_ms: int | None = None) -> JobT:
        lo = max(0, job.start_ms - pad_ms) * RATE // 1000
        hi = (job.end_ms + (pad_ms if pad_after_ms is None else pad_after_ms)) * RATE // 1000
        lo = max(lo, self.base)     # never label later audio with an earlier time
        job.audio_start_ms = lo * 1000 // RATE
        job.audio = self.samples(lo, hi)
        return job

    def drop_before(self, ms: int) -> None:
        """Release the samples before *ms*; never more than are kept, so ``base`` stays true."""
        cut = ms * RATE // 1000 - self.base
        while cut > 0 and self._chunks:
            first = self._chunks[0]
            if len(first) <= cut:
                self._chunks.popleft()
            else:
                self._chunks[0] = first[cut:].copy()    # a copy: the view would pin the whole chunk
            dropped = min(cut, len(first))
            self.base += dropped
            self._held -= dropped
            cut -= dropped


@overload
def align_transcript(audio_path: str | os.PathLike, jobs: Sequence[AlignJob], *, workers: int = ...,
                     options: AlignOptions | None = ..., pad_ms: int = ..., pad_after_ms: int = ...,
                     progress: Callable[[int, int], None] | None = ...,
                     cancelled: Callable[[], bool] | None = ...,
                     pool: AlignerPool | None = ...) -> Iterator[AlignResult]: ...


@overload
def align_transcript(audio_path: str | os.PathLike, jobs: Sequence[JobT], *, workers: int = ...,
                     options: AlignOptions | None = ..., pad_ms: int = ..., pad_after_ms: int = ...,
                     progress: Callable[[int, int], None] | None = ...,
                     cancelled: Callable[[], bool] | None = ...,
                     pool: AlignerPool | None = ...,
                     task: Callable[[JobT, Aligner], ResultT]) -> Iterator[ResultT]: ...


def align_transcript(audio_path, jobs, *, workers=2, options=None, pad_ms=PAD_MS, pad_after_ms=PAD_AFTER_MS,
                     progress=None, cancelled=None, pool=None, task=_run_job):
    """Align *jobs* (from :func:`plan_jobs`) against *audio_path*; yields results as they finish.

    *workers* processes (1 = in this process, no pool). *progress(done, total)* after each
    result; *cancelled()* is polled often and stops everything early (TranscriptError from
    decoding propagates). *task(job, aligner)* is the work done per segment with its audio
    (default: word times, an :class:`AlignResult`); another module-level function makes other
    per-segment audio work (the audio checks of editor.hearing) share the decoding, the
    buffering and the workers, and yields what that function returns.

    *pool*: the workers to use, the caller's to close (several passes over one episode share them:
    :mod:`editor.align.aligner_pool`); *workers* is then ignored. Without it, a pool of *workers*
    processes is started for this pass and ended with it.
    """
    return _each_job(audio_path, jobs, task, workers=workers, options=options, pad_ms=pad_ms,
                     pad_after_ms=pad_after_ms, progress=progress, cancelled=cancelled, pool=pool)


def _each_job(audio_path: str | os.PathLike, jobs: Sequence[JobT], task: Callable[[JobT, Aligner], ResultT], *,
              workers: int, options: AlignOptions | None, pad_ms: int, pad_after_ms: int,
              progress: Callable[[int, int], None] | None,
              cancelled: Callable[[], bool] | None, pool: AlignerPool | None) -> Iterator[ResultT]:
    """:func:`align_transcript`, typed by its *task*."""
    options = options or AlignOptions()
    pending = deque(sorted(jobs, key=lambda job: job.end_ms))
    if not pending:
        return
    # A stop a signal asks meanwhile (Ctrl+C) is held back until the pass has left by its own code, its
    # workers ended: raised where it came, it could leave a lock held that a worker's thread needs.
    with stop_request.held():
        own = AlignerPool(workers) if pool is None and workers > 1 else None     # this pass's own, ended with it
        finished = False
        try:
            finished = yield from _jobs_run(audio_path, pending, task, pool or own, options, pad_ms, pad_after_ms,
                                            progress, cancelled, shared=pool is not None)
        finally:
            if own is not None:
                # Stopped early: its workers are killed, not waited for (their turns are not wanted any more).
                own.close(wait=finished)


def _jobs_run(audio_path: str | os.PathLike, pending: deque[JobT], task: Callable[[JobT, Aligner], ResultT],
              pool: AlignerPool | None, options: AlignOptions, pad_ms: int, pad_after_ms: int,
              progress: Callable[[int, int], None] | None,
              cancelled: Callable[[], bool] | None, shared: bool) -> Generator[ResultT, None, bool]:
    """The jobs *pending* (by end time) run on *pool* (None: in this process; *shared*: the caller's,
    outliving this pass) as the audio is decoded; returns whether every one was done (not stopped early)."""
    total = len(pending)
    local = Aligner(options) if pool is None else None

    def stop() -> bool:
        return stop_request.asked() or (cancelled is not None and cancelled())

    in_flight: dict[Future[ResultT], JobT] = {}
    done = 0
    buffer = _Buffer()
    finished_all = False

    def run_here(job: JobT) -> Iterator[ResultT]:
        nonlocal done, local
        if stop():
            # Stopped, and the pool broke (its workers killed): nothing is wanted any more, and this
            # process loading the model to do the turn itself would only keep it from ending.
            return
        local = local or Aligner(options)
        done += 1
        yield task(job, local)
        if progress:
            progress(done, total)

    def submit(job: JobT) -> Iterator[ResultT]:
        nonlocal pool
        job = buffer.take(job, pad_ms, pad_after_ms)
        if pool is not None:
            try:
                in_flight[pool.submit(task, job, options)] = job
            except BrokenProcessPool:
                pool = None  # e.g. a script without a __main__ guard: carry on in this process
        if pool is None:
            yield from run_here(job)
        while len(in_flight) >= MAX_IN_FLIGHT and not stop():
            yield from collect(timeout=0.2)

    def collect(timeout: float | None) -> Iterator[ResultT]:
        nonlocal done, pool
        finished, _ = wait(in_flight, timeout=timeout, return_when=FIRST_COMPLETED)
        for future in finished:
            job = in_flight.pop(future)
            if isinstance(future.exception(), BrokenProcessPool):
                pool = None
                yield from run_here(job)
                continue
            done += 1
            yield future.result()
            if progress:
                progress(done, total)

    try:
        for chunk in iter_decode(audio_path, RATE, "int16", cancelled=stop):
            buffer.append(chunk)
            while pending and pending[0].end_ms + pad_after_ms <= buffer.end_ms and not stop():
                yield from submit(pending.popleft())
            if stop():
                return False
            if not pending:
                break     # every job has its audio: the rest of the file is not needed
            buffer.drop_before(min(job.start_ms for job in pending) - pad_ms)
            if pool is not None and in_flight:
                yield from collect(timeout=0)
        for job in pending:  # spans running past the end of the audio
            if stop():
                return False
            yield from submit(job)
        while in_flight and not stop():
            yield from collect(timeout=0.2)
        finished_all = not stop()
    finally:
        # Stopped (or left by the caller) early: the turns not begun are not wanted. On a shared
        # pool they are cancelled here; those running are not waited for (a worker finishes its
        # current turn, under a second), their results are dropped, and a pass started next on the
        # same pool waits that long for its first. A pass's own pool drops them as it is closed.
        if not finished_all and shared:
            for future in in_flight:
                future.cancel()
    return finished_all
