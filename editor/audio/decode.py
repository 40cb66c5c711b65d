"""Decode any audio file (MP3, M4A, OGG, FLAC, WAV...) to mono PCM numpy arrays with PyAV.

PyAV's wheel bundles the FFmpeg libraries, so no system ffmpeg is needed. Every failure
becomes a :class:`TranscriptError` naming the file, never a traceback.

Spans are decoded from the start of the file and trimmed by sample count, not by a
demuxer seek: FFmpeg's seek in VBR MP3 and Ogg lands seconds away from the time asked
for (the same problem FORMATS.md measures for libVLC), and word times must be exact.
Callers that need many spans of one file decode it once (:func:`decode`) and slice.
"""

from __future__ import annotations

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
        resampler = av.AudioResampler(format=sample_format, layout="mono", rate=rate)
        pending: list[np.ndarray] = []
        pending_len = 0
        chunk_len = int(rate * CHUNK_SECONDS)
        produced = 0
        try:
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    pending.append(out.to_ndarray().reshape(-1))
                    pending_len += out.samples
                if pending_len >= chunk_len:
                    chunk = np.concatenate(pending)
                    pending, pending_len = [], 0
                    produced += len(chunk)
                    yield chunk
                    if progress and total_s:
                        progress(min(1.0, produced / rate / total_s))
                    if cancelled and cancelled():
                        return
            for out in resampler.resample(None):
                pending.append(out.to_ndarray().reshape(-1))
        except av.error.FFmpegError as error:
            # A broken packet in the middle: keep what decoded when there was something.
            if produced + pending_len == 0:
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
