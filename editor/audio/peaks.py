"""Waveform peaks: min/max of the audio per time bucket, at a few zoom levels, cached on disk.

Computed from a low-rate decode (8 kHz is plenty for a picture) chunk by chunk, so a
worker thread can report progress and stop when asked. The finest level has one bucket
per BASE_MS; each coarser level merges FACTOR buckets. Values are int8 (-127..127), so
an hour of audio takes under 1 MB in memory and on disk.

The cache file is keyed by the audio's absolute path, size and modification time: a
re-encoded or replaced file is never drawn with stale peaks.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from editor.audio.decode import iter_decode

PEAKS_RATE = 8000
BASE_MS = 10
FACTOR = 4
N_LEVELS = 5            # 10 ms, 40 ms, 160 ms, 640 ms, 2.56 s per bucket
CACHE_VERSION = 1


@dataclass
class Peaks:
    """Min/max per bucket; ``levels[i]`` has shape (n, 2) int8 with BASE_MS * FACTOR**i per bucket."""

    levels: list[np.ndarray]
    duration_ms: int

    @staticmethod
    def bucket_ms(level: int) -> int:
        return BASE_MS * FACTOR ** level

    def window(self, start_ms: float, end_ms: float, columns: int) -> np.ndarray:
        """(columns, 2) float array of min/max in -1..1 for [start_ms, end_ms) split in *columns*.

        Picks the coarsest level that still has at least one bucket per column, then
        merges buckets per column. Columns outside the audio are 0.
        """
        out = np.zeros((max(columns, 0), 2), np.float32)
        if columns <= 0 or end_ms <= start_ms:
            return out
        ms_per_col = (end_ms - start_ms) / columns
        level = 0
        while level + 1 < len(self.levels) and self.bucket_ms(level + 1) <= ms_per_col:
            level += 1
        data = self.levels[level]
        size = self.bucket_ms(level)
        raw = np.floor((start_ms + np.arange(columns + 1) * ms_per_col) / size).astype(np.int64)
        lo = raw[:-1]
        hi = np.maximum(raw[1:], lo + 1)  # at least one bucket per column
        valid = (lo >= 0) & (hi <= len(data))
        if not valid.any():
            return out
        lo_idx = lo[valid]
        hi_idx = hi[valid]
        # Valid columns are contiguous, so reduceat over data[:last hi] merges [lo[k], lo[k+1]);
        # columns that share one bucket (zoomed in past the finest level) take it as is.
        span = data[:hi_idx[-1]]
        mins = np.minimum.reduceat(span[:, 0], lo_idx)
        maxs = np.maximum.reduceat(span[:, 1], lo_idx)
        same = hi_idx - lo_idx == 1
        mins[same] = data[lo_idx[same], 0]
        maxs[same] = data[lo_idx[same], 1]
        out[valid, 0] = mins / 127.0
        out[valid, 1] = maxs / 127.0
        return out


def compute_peaks(audio_path: str | os.PathLike,
                  progress: Callable[[float], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Peaks | None:
    """Decode *audio_path* at PEAKS_RATE and reduce it to peaks; None when cancelled."""
    per_bucket = PEAKS_RATE * BASE_MS // 1000
    rows: list[np.ndarray] = []
    carry = np.zeros(0, np.float32)
    total = 0
    for chunk in iter_decode(audio_path, PEAKS_RATE, "float32", progress, cancelled):
        total += len(chunk)
        samples = np.concatenate([carry, chunk]) if len(carry) else chunk
        whole = len(samples) // per_bucket * per_bucket
        block = samples[:whole].reshape(-1, per_bucket)
        rows.append(np.stack([block.min(axis=1), block.max(axis=1)], axis=1))
        carry = samples[whole:]
    if cancelled and cancelled():
        return None
    if len(carry):
        rows.append(np.array([[carry.min(), carry.max()]], np.float32))
    base = np.concatenate(rows) if rows else np.zeros((0, 2), np.float32)
    base = np.clip(np.round(base * 127), -127, 127).astype(np.int8)
    return Peaks(_pyramid(base), total * 1000 // PEAKS_RATE)


def _pyramid(base: np.ndarray) -> list[np.ndarray]:
    levels = [base]
    for _ in range(N_LEVELS - 1):
        prev = levels[-1]
        pad = (-len(prev)) % FACTOR
        if pad:
            prev = np.concatenate([prev, np.repeat(prev[-1:], pad, axis=0)])
        grouped = prev.reshape(-1, FACTOR, 2)
        levels.append(np.stack([grouped[:, :, 0].min(axis=1), grouped[:, :, 1].max(axis=1)], axis=1))
    return levels


# ---------------------------------------------------------------------------- cache

def cache_key(audio_path: str | os.PathLike) -> str:
    """Identifies this exact audio file: absolute path + size + mtime (+ format version)."""
    path = Path(audio_path).resolve()
    stat = path.stat()
    return f"v{CACHE_VERSION}|{path}|{stat.st_size}|{stat.st_mtime_ns}"


def default_cache_path(audio_path: str | os.PathLike, project_path: str | os.PathLike | None = None) -> Path:
    """Beside the project (``<project>.peaks.npz``) when there is one, else in the user cache dir."""
    if project_path is not None:
        project = Path(project_path)
        return project.with_name(project.name + ".peaks.npz")
    from editor.core.user_data import cache_subdir

    digest = hashlib.sha1(str(Path(audio_path).resolve()).encode()).hexdigest()[:16]
    return cache_subdir("peaks") / f"{digest}.npz"


def load_cached(audio_path: str | os.PathLike, cache_path: str | os.PathLike) -> Peaks | None:
    """The cached peaks when *cache_path* holds peaks of this very audio file, else None."""
    try:
        with np.load(cache_path, allow_pickle=False) as data:
            if str(data["key"]) != cache_key(audio_path):
                return None
            levels = [data[f"level{i}"] for i in range(N_LEVELS)]
            return Peaks(levels, int(data["duration_ms"]))
    except (OSError, KeyError, ValueError):
        return None  # missing, stale format or damaged: recompute


def save_cached(audio_path: str | os.PathLike, cache_path: str | os.PathLike, peaks: Peaks) -> None:
    """Write the cache atomically (temp file + rename); failures only cost a recompute later."""
    cache_path = Path(cache_path)
    try:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_path.with_name(cache_path.name + ".tmp.npz")
        arrays: dict[str, Any] = {f"level{i}": level for i, level in enumerate(peaks.levels)}
        np.savez(tmp, key=np.array(cache_key(audio_path)), duration_ms=np.array(peaks.duration_ms), **arrays)
        os.replace(tmp, cache_path)
    except OSError:
        pass


def load_or_compute(audio_path: str | os.PathLike, cache_path: str | os.PathLike | None = None,
                    progress: Callable[[float], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Peaks | None:
    """Peaks of *audio_path* from the cache, or computed (and cached); None when cancelled."""
    cache_path = Path(cache_path) if cache_path is not None else default_cache_path(audio_path)
    cached = load_cached(audio_path, cache_path)
    if cached is not None:
        if progress:
            progress(1.0)
        return cached
    peaks = compute_peaks(audio_path, progress, cancelled)
    if peaks is not None:
        save_cached(audio_path, cache_path, peaks)
    return peaks
