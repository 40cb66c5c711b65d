"""Decode any audio file (MP3, M4A, OGG, FLAC, WAV...) to mono PCM numpy arrays with PyAV.

PyAV's wheel bundles the FFmpeg libraries, so no system ffmpeg is needed. Every failure
becomes a :class:`TranscriptError` naming the file, never a traceback.

Spans are decoded from the start of the file and trimmed by sample count, not by a
demuxer seek: FFmpeg's seek in VBR MP3 and Ogg lands seconds away from the time asked
for (the same problem FORMATS.md measures for libVLC), and word times must be exact.
Callers that need many spans of one file decode it once (:func:`decode`) and slice.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import av
import numpy as np

from editor.core.errors import TranscriptError

# Chunks of about this many seconds are handed out by iter_decode (progress granularity).
CHUNK_SECONDS = 10.0


def _open(path: Path) -> av.container.InputContainer:
    if not path.exists():
        raise TranscriptError("audio file not found", path)
    if path.stat().st_size == 0:
        raise TranscriptError("audio file is empty (0 bytes)", path)
    try:
        container = av.open(str(path), mode="r")
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError) as error:
        raise TranscriptError(f"not a readable audio file ({_reason(error)})", path) from None
    if not container.streams.audio:
        container.close()
        raise TranscriptError("file has no audio stream", path)
    return container


def _reason(error: Exception) -> str:
    text = getattr(error, "strerror", None) or str(error)
    return text.strip() or type(error).__name__


def duration_ms(path: str | os.PathLike) -> int | None:
    """The duration the container declares (None when it declares none)."""
    container = _open(Path(path))
    try:
        stream = container.streams.audio[0]
        if stream.duration is not None and stream.time_base is not None:
            return int(stream.duration * stream.time_base * 1000)
        if container.duration is not None:
            return int(container.duration / 1000)  # av.time_base is microseconds
        return None
    finally:
        container.close()


def iter_decode(path: str | os.PathLike, rate: int, dtype: str = "float32",
                progress: Callable[[float], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> Iterator[np.ndarray]:
    """Yield consecutive mono chunks (about CHUNK_SECONDS long) resampled to *rate*.

    *dtype* is ``"float32"`` (-1..1) or ``"int16"``. *progress* gets the fraction of the
    declared duration decoded so far; *cancelled* is polled between chunks and stops the
    generator early when it returns True.
    """
    path = Path(path)
    sample_format = {"float32": "flt", "int16": "s16"}[dtype]
    container = _open(path)
    try:
        stream = container.streams.audio[0]
        stream.codec_context.thread_type = "AUTO"
        total_s = _declared_seconds(container, stream)
        converter = _Converter(sample_format, rate)
        pending: list[np.ndarray] = []
        pending_len = 0
        chunk_len = int(rate * CHUNK_SECONDS)
        produced = 0
        try:
            for frame in container.decode(stream):
                converter.push(frame)
                if converter.pushed < PULL_EVERY:
                    continue
                for out in converter.pull():
                    pending.append(out)
                    pending_len += len(out)
                if pending_len >= chunk_len:
                    chunk = np.concatenate(pending)
                    pending, pending_len = [], 0
                    produced += len(chunk)
                    yield chunk
                    if progress and total_s:
                        progress(min(1.0, produced / rate / total_s))
                    if cancelled and cancelled():
                        return
            pending += converter.pull(flush=True)
        except av.error.FFmpegError as error:
            # A broken packet in the middle: keep what decoded when there was something.
            with contextlib.suppress(av.error.FFmpegError):
                pending += converter.pull()
            if produced + sum(map(len, pending)) == 0:
                raise TranscriptError(f"audio could not be decoded ({_reason(error)})", path) from None
        if pending:
            chunk = np.concatenate(pending)
            produced += len(chunk)
            yield chunk
        if produced == 0:
            raise TranscriptError("no audio could be decoded (truncated or not audio)", path)
        if progress:
            progress(1.0)
    finally:
        container.close()


# Decoded frames pushed into the converter between two looks at what it made. A frame is small
# (an MP3 frame is 26 ms: 139,000 of them an hour): looking after each one cost more than the
# conversion itself (a third of decoding a 1-hour MP3), and ~40 frames are still only about a second.
PULL_EVERY = 40


class _Converter:
    """Decoded frames to mono samples of one format and rate: FFmpeg's resampler in a filter
    graph, as PyAV's ``AudioResampler`` builds it (abuffer, aformat, abuffersink: the same
    samples), but pushed a frame at a time and read only every PULL_EVERY frames (the
    resampler's call reads after each frame, and ends each read on an exception).
    Frames already in the wanted format, layout and rate are taken as they are."""

    def __init__(self, sample_format: str, rate: int):
        self._format = av.AudioFormat(sample_format)
        self._rate = rate
        self._graph: av.filter.Graph | None = None
        self._as_is: list[np.ndarray] | None = None     # frames that needed no conversion
        self.pushed = 0                                  # frames pushed since the last pull

    def push(self, frame: av.AudioFrame) -> None:
        self.pushed += 1
        if self._as_is is None and self._graph is None:
            if (frame.format.name == self._format.name and frame.layout.name == "mono"
                    and frame.sample_rate == self._rate):
                self._as_is = []
            else:
                self._graph = self._made_for(frame)
        if self._as_is is not None:
            self._as_is.append(frame.to_ndarray().reshape(-1))
        else:
            assert self._graph is not None
            self._graph.push(frame)

    def pull(self, flush: bool = False) -> list[np.ndarray]:
        """The samples made so far (*flush*: the input has ended, so also those the resampler held back)."""
        self.pushed = 0
        if self._as_is is not None:
            made, self._as_is = self._as_is, []
            return made
        if self._graph is None:
            return []
        if flush:
            self._graph.push(None)
        made = []
        while True:
            try:
                out = self._graph.pull()
            except EOFError:
                break
            except av.error.FFmpegError as error:
                if error.errno != errno.EAGAIN:
                    raise
                break
            made.append(out.to_ndarray().reshape(-1))
        return made

    def _made_for(self, frame: av.AudioFrame) -> av.filter.Graph:
        graph = av.filter.Graph()
        extra = {"time_base": str(frame.time_base)} if frame.time_base is not None else {}
        source = graph.add("abuffer", sample_rate=str(frame.sample_rate), sample_fmt=frame.format.name,
                           channel_layout=frame.layout.name, **extra)
        convert = graph.add("aformat", sample_rates=str(self._rate), sample_fmts=self._format.name,
                            channel_layouts="mono")
        sink = graph.add("abuffersink")
        source.link_to(convert)
        convert.link_to(sink)
        graph.configure()
        return graph


def _declared_seconds(container, stream) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / 1_000_000
    return None


def decode(path: str | os.PathLike, rate: int = 16000, dtype: str = "int16",
           start_ms: int | None = None, end_ms: int | None = None,
           progress: Callable[[float], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> np.ndarray:
    """Decode the whole file, or the span [start_ms, end_ms), to one mono array at *rate*."""
    first = 0 if start_ms is None else max(0, int(start_ms) * rate // 1000)
    last = None if end_ms is None else max(first, int(end_ms) * rate // 1000)
    parts: list[np.ndarray] = []
    seen = 0
    for chunk in iter_decode(path, rate, dtype, progress, cancelled):
        lo, hi = seen, seen + len(chunk)
        seen = hi
        if hi <= first:
            continue
        parts.append(chunk[max(0, first - lo): None if last is None else max(0, last - lo)])
        if last is not None and hi >= last:
            break
    if not parts:
        return np.zeros(0, dtype=np.int16 if dtype == "int16" else np.float32)
    return np.concatenate(parts)
