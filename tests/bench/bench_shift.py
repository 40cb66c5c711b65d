"""Shift Times on a long document: 200,000 turns (8 timed words each) shifted by +15 s in the window.

Run: ``.venv/bin/python tests/bench/bench_shift.py [--turns N]``. Prints, for the shift, its undo and its
redo: the wall seconds until the step returned to the event loop (the op planned, applied with the
model's signals, and its recovery journal line written) and the process's CPU seconds meanwhile (less
swayed by other programs on a loaded machine: compare runs by it), the longest event-loop stall in the
5 s after it (work the step left for later, e.g. the strip's feed); the undo brings the document back to
what its file holds, which drops the journal, so the redo starts a new one, and for the shift alone the core
op's plan and apply without the window. A window with a fake player (no audio: the shift is not
about playback), offscreen, in a fresh settings/data folder. Also prints the machine's load.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))


def _transcript(turns: int):
    from editor.core.transcript import Segment, Speaker, Transcript, Word, WordTiming
    speakers = {"a": Speaker("a", "Maren Holt"), "b": Speaker("b", "Petter Lund")}
    segments = []
    for n in range(turns):
        start = n * 4000
        words = [Word(f"w{k}", start + k * 400, start + k * 400 + 350) for k in range(8)]
        segments.append(Segment(f"s{n + 1}", start, start + 3600, " ".join(w.text for w in words),
                                "ab"[n % 2], words=words, word_timing=WordTiming.IMPORTED))
    return Transcript(speakers=speakers, segments=segments)


def _stall(app, seconds: float) -> float:
    longest, end = 0.0, time.monotonic() + seconds
    while time.monotonic() < end:
        began = time.monotonic()
        app.processEvents()
        longest = max(longest, time.monotonic() - began)
        time.sleep(0.005)
    return longest


def main() -> None:
    turns = int(sys.argv[sys.argv.index("--turns") + 1]) if "--turns" in sys.argv else 200_000
    home = tempfile.mkdtemp(prefix="bench-shift-")
    os.environ.update(QT_QPA_PLATFORM="offscreen", TRANSCRIPT_EDITOR_SETTINGS=os.path.join(home, "settings.ini"),
                      TRANSCRIPT_EDITOR_DATA_DIR=os.path.join(home, "data"),
                      XDG_CACHE_HOME=os.path.join(home, "cache"))
    from editor.core import ops, project
    transcript = _transcript(turns)
    began = time.perf_counter()
    shift = ops.shift_times(transcript, 15_000)
    planned = time.perf_counter() - began
    began = time.perf_counter()
    ops.run(transcript, shift.op)
    applied = time.perf_counter() - began
    path = Path(home) / "long.tep.json"
    project.save(_transcript(turns), path)

    from fake_player import fake_player_factory
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from editor.ui.main_window import MainWindow
    window = MainWindow(player_factory=fake_player_factory)
    window.resize(1200, 800)
    window.show()
    window.open_path(str(path))
    while window.files.reading is not None or window.model.rowCount() < turns:
        app.processEvents()
        time.sleep(0.01)
    _stall(app, 5)     # the work deferred after opening
    rows = []
    from editor.ui.timing.turn_times import TurnTimes
    turn_times = window.timing.findChild(TurnTimes)
    for name, step in (("shift +15 s", lambda: turn_times.shift(15_000)),
                       ("undo", window.edits.undo), ("redo", window.edits.redo)):
        began, cpu = time.perf_counter(), time.process_time()
        step()
        returned, cpu = time.perf_counter() - began, time.process_time() - cpu
        rows.append((name, returned, cpu, _stall(app, 5)))
    assert window.model.segment(turns - 1).start_ms == (turns - 1) * 4000 + 15_000
    print(f"{turns:,} turns, 8 timed words each; load {Path('/proc/loadavg').read_text().split()[:3]}")
    print(f"core op alone: plan {planned:.2f} s, apply {applied:.2f} s")
    print(f"{'step':<12} {'returned after (s)':>19} {'its CPU (s)':>12} {'longest stall after (s)':>24}")
    for name, returned, cpu, stall in rows:
        print(f"{name:<12} {returned:>19.2f} {cpu:>12.2f} {stall:>24.2f}")
    window.project.discard_changes()
    window.close()


if __name__ == "__main__":
    main()
