"""Waveform peaks for a 1-hour MP3: compute time, memory, cache-hit time, GUI responsiveness.

The MP3 (64 kbps, looped espeak-ng speech) is generated once into the temp dir. Prints:
cold compute (decode at 8 kHz + min/max), peak memory, cache file size, cache-hit load,
and the longest GUI event-loop stall while the PeaksLoader thread computes (goal <= 10 s
compute, window responsive).

    .venv/bin/python tests/bench/bench_peaks.py [minutes]
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import timing_audio as ta  # noqa: E402

from editor.audio.peaks import compute_peaks, load_or_compute  # noqa: E402


def responsiveness(mp3: Path, cache: Path) -> tuple[float, float]:
    """(seconds to load in the background, longest gap between 10 ms GUI timer ticks in ms)."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui.timing.waveform_loader import PeaksLoader

    app = QApplication.instance() or QApplication([])
    loader = PeaksLoader()
    clock = QElapsedTimer()
    gaps = [0]
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps[0] = max(gaps[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    loader.loaded.connect(lambda _: app.quit())
    clock.start()
    timer.start()
    loader.load(str(mp3), str(cache))
    app.exec()
    return clock.elapsed() / 1000, float(gaps[0])


def main() -> None:
    minutes = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    mp3 = ta.long_mp3(Path(tempfile.gettempdir()) / f"bench_peaks_{minutes}m.mp3", minutes)
    print(f"{minutes} min MP3, {mp3.stat().st_size / 1e6:.1f} MB")
    began = time.perf_counter()
    peaks = compute_peaks(mp3)
    cold = time.perf_counter() - began
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "episode.tep.json.peaks.npz"
        load_or_compute(mp3, cache)
        began = time.perf_counter()
        load_or_compute(mp3, cache)
        hit = time.perf_counter() - began
        size = cache.stat().st_size / 1e6
        cache.unlink()
        background, stall = responsiveness(mp3, cache)
    print(f"{'compute s':>9} {'peak RSS MB':>11} {'levels':>6} {'cache MB':>8} {'cache hit s':>11} "
          f"{'in Qt thread s':>14} {'max GUI stall ms':>16}")
    print(f"{cold:>9.2f} {rss:>11.0f} {len(peaks.levels):>6} {size:>8.2f} {hit:>11.3f} "
          f"{background:>14.2f} {stall:>16.0f}")
    print("goal: compute <= 10 s for 1 hour; GUI stays responsive (stalls well under 100 ms)")


if __name__ == "__main__":
    main()
