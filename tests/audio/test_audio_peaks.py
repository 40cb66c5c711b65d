"""Waveform peaks: values, zoom windows, progress/cancel, and the on-disk cache."""

import os

import numpy as np
import pytest

from editor.audio.peaks import (
    BASE_MS,
    N_LEVELS,
    cache_key,
    compute_peaks,
    default_cache_path,
    load_cached,
    load_or_compute,
)


@pytest.fixture()
def tone(speech, tmp_path):
    """1 s silence, 1 s of a half-scale 440 Hz tone, 1 s silence (16 kHz WAV)."""
    t = np.arange(16000) / 16000
    samples = np.concatenate([np.zeros(16000), 0.5 * np.sin(2 * np.pi * 440 * t), np.zeros(16000)])
    return speech.write_wav(tmp_path / "tone.wav", (samples * 32767).astype(np.int16))


def test_peaks_follow_the_signal(tone):
    peaks = compute_peaks(tone)
    assert peaks.duration_ms == 3000
    assert len(peaks.levels) == N_LEVELS and len(peaks.levels[0]) == 3000 // BASE_MS
    window = peaks.window(0, 3000, 300)  # 10 ms per column
    assert np.abs(window[:95]).max() < 0.02 and np.abs(window[205:]).max() < 0.02
    assert np.allclose(window[110:190, 1], 0.5, atol=0.03)
    assert np.allclose(window[110:190, 0], -0.5, atol=0.03)
    coarse = peaks.window(0, 3000, 3)  # one column per second uses a coarse level
    assert coarse[1, 1] > 0.45 and abs(coarse[0]).max() < 0.02
    beyond = peaks.window(2500, 4500, 20)
    assert np.all(beyond[10:] == 0)


def test_progress_and_cancel(tone):
    seen = []
    assert compute_peaks(tone, progress=seen.append) is not None and seen[-1] == 1.0
    assert compute_peaks(tone, cancelled=lambda: True) is None


def test_cache_hit_and_invalidation(tone, tmp_path):
    cache = default_cache_path(tone, project_path=tmp_path / "show.project.json")
    assert cache == tmp_path / "show.project.json.peaks.npz"
    first = load_or_compute(tone, cache)
    assert cache.exists()
    stamp = cache.stat().st_mtime_ns
    again = load_or_compute(tone, cache)
    assert cache.stat().st_mtime_ns == stamp  # read, not rewritten
    assert all(np.array_equal(a, b) for a, b in zip(first.levels, again.levels, strict=False))
    # The audio changes (re-encoded, replaced): the cache no longer matches and is rebuilt.
    os.utime(tone, ns=(stamp + 10**9, stamp + 10**9))
    assert load_cached(tone, cache) is None
    load_or_compute(tone, cache)
    assert load_cached(tone, cache) is not None and cache_key(tone) in str(np.load(cache)["key"])


def test_damaged_cache_is_recomputed(tone, tmp_path):
    cache = tmp_path / "peaks.npz"
    cache.write_bytes(b"not a numpy file")
    assert load_or_compute(tone, cache).duration_ms == 3000
    assert load_cached(tone, cache) is not None
