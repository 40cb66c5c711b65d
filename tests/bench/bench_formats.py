"""Project save/load, loaded-model memory and export time per format for a 10-hour episode.

Prints a table (run by `make bench`). Targets from the foundation issue:
project save <= 0.3 s, load <= 0.3 s, loaded model <= 60 MB.
Times are the best of a few runs, so one hiccup of the shared machine does not count.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ten_hour_episode  # noqa: E402

from editor.core import project  # noqa: E402
from editor.formats.base import ExportOptions  # noqa: E402
from editor.formats.writers import WRITERS  # noqa: E402

RUNS = 3


def best_of(action, runs: int = RUNS) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def model_megabytes(path: Path) -> float:
    """Memory the loaded transcript keeps (tracemalloc: Python objects, after the JSON is freed)."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    loaded = project.load(path)
    gc.collect()
    kept = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    del loaded
    return kept / 1e6


def main() -> int:
    episode = ten_hour_episode()
    words = sum(len(s.words) for s in episode.segments)
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "episode.tep.json"
        episode.meta.audio_path = str(Path(folder) / "episode.mp3")
        save_s, _ = best_of(lambda: project.save(episode, path))
        size = path.stat().st_size / 1e6
        load_s, loaded = best_of(lambda: project.load(path))
        assert loaded.transcript == episode, "project round trip changed the transcript"
        memory = model_megabytes(path)
        rows.append(("project save (atomic, fsync)", f"{save_s:.3f} s", "<= 0.3 s", _ok(save_s <= 0.3)))
        rows.append(("project load (validated)", f"{load_s:.3f} s", "<= 0.3 s", _ok(load_s <= 0.3)))
        rows.append(("loaded model memory", f"{memory:.1f} MB", "<= 60 MB", _ok(memory <= 60)))
        rows.append(("project file size", f"{size:.1f} MB", "", ""))
        for writer in WRITERS:
            seconds, output = best_of(lambda w=writer: w.write(episode, ExportOptions()),
                                      runs=1 if writer.BINARY else RUNS)
            length = len(output) / 1e6
            rows.append((f"export {writer.NAME} ({writer.LABEL})", f"{seconds:.3f} s", f"{length:.1f} MB out", ""))
    print(f"Synthetic episode: {len(episode.segments)} turns, {words} timed words, "
          f"{len(episode.speakers)} speakers, {episode.mark_count()} marks, {episode.end_ms / 3.6e6:.1f} h "
          f"(CPU count {os.cpu_count()})")
    widths = [max(len(row[i]) for row in rows + [("what", "figure", "target", "ok")]) for i in range(4)]
    for row in [("what", "figure", "target", "ok"), tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip())
    return 0


def _ok(passed: bool) -> str:
    return "yes" if passed else "NO"


if __name__ == "__main__":
    sys.exit(main())
