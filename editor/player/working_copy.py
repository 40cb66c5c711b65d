"""A PCM WAV working copy of the episode, so every seek lands where it was asked.

libVLC 3 seeks compressed audio approximately: VBR MP3 and Ogg Vorbis land 9-28 s
away (and report the target time anyway), CBR MP3, M4A and FLAC 30-210 ms away
(tests/bench/bench_player.py measures it). PCM is exact, so the player decodes the episode once
with PyAV (FFmpeg bundled in the wheel; the same decoder recognizers use, so the
transcript's times refer to the same samples) into a mono 16-bit WAV in the user's
cache folder, in a background thread while the original already plays, and then
switches to it.

Size: speech needs no more than 22.05/24 kHz, so sources above 24 kHz are halved
(44.1 -> 22.05, 48 -> 24 kHz): about 159 MB per hour at 22.05 kHz. Copies are keyed
by the source's absolute path, size and mtime (an edited file gets a new copy) and
the least recently used are pruned above ``CACHE_LIMIT_BYTES``.

Pure Python + PyAV; no Qt, no vlc.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import statistics
import threading
import time
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import av

from editor.core.user_data import cache_subdir

CACHE_LIMIT_BYTES = 3 * 1024**3             # ~19 hours of working copies at 22.05 kHz
STALE_PART_S = 24 * 3600                    # a .part older than this is a crashed decode
PREROLL_S = 1.0                             # decoded and dropped before a window (decoders settle)


class WorkingCopyError(Exception):
    """The source cannot be decoded; the message names the file and the problem."""


@dataclass(frozen=True)
class SourceInfo:
    duration_ms: int        # 0 when the container does not say
    sample_rate: int
    codec: str              # FFmpeg codec name, e.g. "mp3", "vorbis", "pcm_s16le"
    container: str          # FFmpeg format name(s), e.g. "mp3", "ogg", "wav"

    @property
    def is_pcm(self) -> bool:
        """Already exact to seek: no working copy needed."""
        return self.codec.startswith("pcm_") and "wav" in self.container.split(",")


def probe(path: str | os.PathLike) -> SourceInfo:
    """What the file is; raises WorkingCopyError when it holds no audio FFmpeg can read."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise WorkingCopyError(f"{path}: contains no audio stream")
            stream = container.streams.audio[0]
            if stream.duration is not None and stream.time_base is not None:
                duration_ms = int(stream.duration * stream.time_base * 1000)
            elif container.duration is not None:
                duration_ms = int(container.duration / 1000)   # AV_TIME_BASE is microseconds
            else:
                duration_ms = 0
            return SourceInfo(duration_ms, stream.codec_context.sample_rate or 0,
                              stream.codec_context.name, container.format.name)
    except WorkingCopyError:
        raise
    except (av.FFmpegError, OSError) as exc:
        raise WorkingCopyError(f"{path}: not an audio file that can be played ({_reason(exc)})") from exc


def target_rate(source_rate: int) -> int:
    """Speech keeps everything it needs up to 22.05/24 kHz; halving is a cheap, clean ratio."""
    if source_rate <= 24000:
        return source_rate or 22050
    half = source_rate // 2
    return half if half >= 16000 else 16000


def cache_dir() -> Path:
    return cache_subdir("working-copies")


def copy_path(source: str | os.PathLike, folder: Path | None = None) -> Path:
    """Where the working copy of *source* lives (whether or not it exists yet)."""
    src = Path(source).resolve()
    st = src.stat()
    key = hashlib.sha1(f"{src}\0{st.st_size}\0{st.st_mtime_ns}".encode()).hexdigest()[:20]
    return (folder or cache_dir()) / f"{src.stem[:40]}-{key}.wav"


def cached_copy(source: str | os.PathLike, folder: Path | None = None) -> Path | None:
    """The finished working copy of *source*, if one exists (and mark it recently used)."""
    path = copy_path(source, folder)
    if path.is_file():
        os.utime(path)   # least-recently-used pruning goes by mtime
        return path
    return None


def _audio_stream(container: av.container.InputContainer, source: str | os.PathLike) -> av.audio.stream.AudioStream:
    """The first audio stream of *container*, decoded on FFmpeg's own threads."""
    if not container.streams.audio:
        raise WorkingCopyError(f"{source}: contains no audio stream")
    stream = container.streams.audio[0]
    stream.codec_context.thread_type = "AUTO"
    return stream


@contextlib.contextmanager
def _decoding(source: str | os.PathLike, part: Path) -> Iterator[None]:
    """A decode into *part*: FFmpeg's and the file system's errors become a WorkingCopyError naming
    *source*, and *part* is removed unless the decode renamed it into place."""
    try:
        yield
    except _Cancelled:
        raise
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise WorkingCopyError(f"{source}: decoding failed ({_reason(exc)})") from exc
    finally:
        if part.exists():
            part.unlink()


def decode_to_wav(source: str | os.PathLike, dest: Path, *, cancel: threading.Event | None = None,
                  progress: Callable[[float], None] | None = None) -> Path:
    """Decode *source* to a mono 16-bit WAV at *dest* (written to a .part, renamed when complete)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + f".{os.getpid()}.{threading.get_ident()}.part")
    with _decoding(source, part):
        with av.open(str(source)) as container:
            stream = _audio_stream(container, source)
            rate = target_rate(stream.codec_context.sample_rate)
            total_s = float(container.duration / 1e6) if container.duration else 0.0
            resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
            with wave.open(str(part), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(rate)
                written = 0
                for frame in container.decode(stream):
                    if cancel is not None and cancel.is_set():
                        raise _Cancelled()
                    for chunk in resampler.resample(frame):
                        out.writeframesraw(chunk.to_ndarray().tobytes())
                        written += chunk.samples
                    if progress is not None and total_s:
                        progress(min(1.0, written / rate / total_s))
                for chunk in resampler.resample(None):   # flush the resampler's tail
                    out.writeframesraw(chunk.to_ndarray().tobytes())
        os.replace(part, dest)
        return dest


@dataclass(frozen=True)
class Window:
    """A stretch of the working copy decoded ahead of it: *path* holds the episode from *start_ms*
    (exact: a whole sample) to *end_ms*, in the working copy's format; *at_end*: to the episode's end."""
    path: Path
    start_ms: float
    end_ms: float
    at_end: bool = False

    def covers(self, ms: float, margin_ms: float = 0.0) -> bool:
        """Whether *ms* is in it, *margin_ms* before its end (but up to the episode's end)."""
        return self.start_ms <= ms < (self.end_ms + 1 if self.at_end else self.end_ms - margin_ms)


def decoder_delay(container: av.container.InputContainer, stream: av.AudioStream) -> int:
    """Samples a decode from the start drops before its first one, which the stream's timestamps
    still count (an MP3's encoder delay, 1105 samples from LAME): sample index = pts - delay.
    Measured on the first frames, so it holds for any codec; 0 for most."""
    container.seek(0, stream=stream)
    rate = stream.codec_context.sample_rate
    decoded = 0
    for frame in container.decode(stream):
        if decoded >= 4 * frame.samples and frame.pts is not None and frame.time_base is not None:
            return int(round(frame.pts * frame.time_base * rate)) - decoded
        decoded += frame.samples
    return 0


def decode_window(source: str | os.PathLike, start_ms: float, end_ms: float, dest: Path, *,
                  cancel: threading.Event | None = None) -> Window:
    """Decode *source* from *start_ms* to *end_ms* into a WAV at *dest*, sample for sample what the
    working copy will hold there (same decoder, same resampling).

    FFmpeg seeks to a little before the start and gives the frames exact timestamps (Ogg, Opus,
    FLAC, M4A and WAV by their containers, MP3 by reading its frames from the start); the first
    PREROLL_S decoded are dropped, as a decoder that starts in the middle needs a few frames to
    settle. Samples are counted from the first frame, corrected by the median difference between
    the frames' timestamps and that count during the preroll: Vorbis stamps a frame at a change
    of block size a few hundred samples off. Raises WorkingCopyError when the frames do not reach
    back to the start."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + f".{threading.get_ident()}.part")
    with _decoding(source, part):
        with av.open(str(source)) as container:
            stream = _audio_stream(container, source)
            src_rate = stream.codec_context.sample_rate
            rate = target_rate(src_rate)
            delay = decoder_delay(container, stream)
            step = src_rate // math.gcd(src_rate, rate)          # source samples per whole output sample
            first = int(max(0.0, start_ms) * src_rate / 1000) // step * step
            last = int(end_ms * src_rate / 1000)
            seek_s = max(0.0, first / src_rate - PREROLL_S)
            if stream.time_base is None:
                raise WorkingCopyError(f"{source}: the audio stream has no time base")
            container.seek(int(seek_s / stream.time_base), stream=stream)
            resampler = av.AudioResampler(format="s16", layout="mono", rate=rate)
            begun = at_end = False
            with wave.open(str(part), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(rate)
                count: int | None = None      # where the frame starts, counted in samples
                offsets: list[int] = []       # the frames' timestamps against that count
                correction = 0
                for frame in container.decode(stream):
                    if cancel is not None and cancel.is_set():
                        raise _Cancelled()
                    stamp = _sample_index(frame, src_rate, delay)
                    if count is None:
                        if stamp is None:
                            continue
                        count = stamp
                    if not begun and stamp is not None:
                        offsets.append(stamp - count)
                        correction = int(statistics.median_low(offsets))
                    index = count + correction
                    count += frame.samples
                    if not begun:
                        if index > first:
                            raise WorkingCopyError(f"{source}: cannot decode from {start_ms / 1000:.1f} s")
                        if index + frame.samples <= first:
                            continue
                        frame = _tail(frame, first - index)
                        begun = True
                    for chunk in resampler.resample(frame):
                        out.writeframesraw(chunk.to_ndarray().tobytes())
                    if index + frame.samples >= last:
                        break
                else:
                    at_end = True
                for chunk in resampler.resample(None):
                    out.writeframesraw(chunk.to_ndarray().tobytes())
            if not begun:
                raise WorkingCopyError(f"{source}: nothing to decode after {start_ms / 1000:.1f} s")
        with wave.open(str(part)) as check:
            frames = check.getnframes()
        os.replace(part, dest)
        start = first * 1000 / src_rate
        return Window(dest, start, start + frames * 1000 / rate, at_end)


def _sample_index(frame: av.AudioFrame, rate: int, delay: int) -> int | None:
    """The sample of the decode from the start that *frame*'s timestamp says it begins with."""
    if frame.pts is None or frame.time_base is None:
        return None
    return int(round(frame.pts * frame.time_base * rate)) - delay


def _tail(frame: av.AudioFrame, skip: int) -> av.AudioFrame:
    """*frame* without its first *skip* samples."""
    if skip <= 0:
        return frame
    data = frame.to_ndarray()
    planar = frame.format.is_planar
    kept = data[:, skip:] if planar else data[:, skip * len(frame.layout.channels):]
    tail = av.AudioFrame.from_ndarray(kept.copy(), format=frame.format.name, layout=frame.layout.name)
    tail.sample_rate = frame.sample_rate
    return tail


_Job = TypeVar("_Job", bound="_DecodeJob")


class _DecodeJob:
    """A decode in a background thread: :attr:`ready` is set when it ends, successfully or not,
    and :attr:`error` says why it did not succeed ("cancelled" after :meth:`cancel`)."""

    thread_name = "decode"

    def __init__(self, source: str | os.PathLike) -> None:
        self.source = str(source)
        self.error: str | None = None
        self.ready = threading.Event()
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True)

    def start(self: _Job) -> _Job:
        self._thread.start()
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        return self.ready.wait(timeout)

    def _decode(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        try:
            self._decode()
        except _Cancelled:
            self.error = "cancelled"
        except WorkingCopyError as exc:
            self.error = str(exc)
        except Exception as exc:  # noqa: BLE001 - a worker must never die silently
            self.error = f"{self.source}: {exc!r}"
        finally:
            self._ended()
            self.ready.set()

    def _ended(self) -> None:
        """Bookkeeping once the decode has ended, just before :attr:`ready` is set."""


class WindowJob(_DecodeJob):
    """Decodes one :class:`Window` in a background thread (at normal priority: someone waits)."""

    thread_name = "working-copy-window"

    def __init__(self, source: str | os.PathLike, start_ms: float, end_ms: float, dest: Path) -> None:
        super().__init__(source)
        self.start_ms, self.end_ms = start_ms, end_ms
        self.window: Window | None = None
        self._dest = dest

    def _decode(self) -> None:
        self.window = decode_window(self.source, self.start_ms, self.end_ms, self._dest, cancel=self._cancel)


class WorkingCopyJob(_DecodeJob):
    """Decodes one source in a background thread. Poll :attr:`ready` / :attr:`path` / :attr:`error`.

    *on_done* is called from the worker thread (a UI must only emit a signal from it).
    """

    thread_name = "working-copy"

    def __init__(self, source: str | os.PathLike, folder: Path | None = None,
                 on_done: Callable[[WorkingCopyJob], None] | None = None) -> None:
        super().__init__(source)
        self.dest = copy_path(source, folder)
        self.path: Path | None = None
        self.progress = 0.0
        self.seconds = 0.0          # how long the decode took
        self._on_done = on_done
        self._started = 0.0

    def _run(self) -> None:
        _lower_thread_priority()   # the UI and the audio thread come first on a 2-core machine
        self._started = time.perf_counter()
        super()._run()
        if self._on_done is not None and not self._cancel.is_set():
            self._on_done(self)

    def _decode(self) -> None:
        self.path = decode_to_wav(self.source, self.dest, cancel=self._cancel, progress=self._set_progress)
        prune_cache(self.dest.parent, keep=self.dest)

    def _ended(self) -> None:
        self.seconds = time.perf_counter() - self._started

    def _set_progress(self, value: float) -> None:
        self.progress = value


def prune_cache(folder: Path, keep: Path | None = None, limit: int = CACHE_LIMIT_BYTES) -> None:
    """Delete the least recently used copies above *limit* bytes, and crashed .part files."""
    now = time.time()
    copies = []
    for entry in folder.glob("*"):
        try:
            st = entry.stat()
        except OSError:
            continue
        if entry.name.endswith(".part"):
            if now - st.st_mtime > STALE_PART_S:
                entry.unlink(missing_ok=True)
        elif entry.suffix == ".wav":
            copies.append((st.st_mtime, st.st_size, entry))
    total = sum(size for _, size, _ in copies)
    for _, size, entry in sorted(copies):
        if total <= limit:
            break
        if entry != keep:
            entry.unlink(missing_ok=True)
            total -= size


class _Cancelled(Exception):
    pass


def _reason(exc: Exception) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _lower_thread_priority() -> None:
    with contextlib.suppress(AttributeError, OSError):   # Linux only: per thread
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
