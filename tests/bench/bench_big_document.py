"""A long episode in the window: does each action cost what it shows or changes, not the document?

Opens a synthetic 10-hour episode (``--turns``, default 10,000 turns, saved as a project) and
prints, for each action a producer takes, the longest single pass of the event loop it caused
(the longest the window could not paint or answer a key):

- open: from asking to open until 3 s after the document was handed over;
- end: Ctrl+End, and the scroll bar dragged to the bottom;
- type: one character typed in a turn near the end (the in-place editor), the first and the worst
  of the next three;
- tick: playback ticks (the playing turn and word highlight), worst and mean;
- approve: approving a turn near the end;
- progress: the review counters read after an edit.

Then peak resident memory. ``--profile`` also prints the functions that took longest in the
longest pass of each action (cProfile), to see where a stall comes from. The same seed gives the
same episode, so figures from different runs compare.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import TEN_HOURS_MS, ten_hour_episode  # noqa: E402
from window_bench import private_environment  # noqa: E402

TICK_MS = 50      # the player's tick while playing


class Stalls:
    """Runs the event loop and keeps the longest single pass (and, when profiling, its profile)."""

    def __init__(self, app, profile: bool):
        self.app, self.profile = app, profile

    def run(self, seconds: float = 0.0, until=None) -> tuple[float, cProfile.Profile | None]:
        longest, worst = 0.0, None
        end = time.monotonic() + seconds
        while (until is not None and not until()) or time.monotonic() < end:
            took, prof = self.timed(self.app.processEvents)
            if took > longest:
                longest, worst = took, prof
            time.sleep(0.002)
        return longest, worst

    def timed(self, call) -> tuple[float, cProfile.Profile | None]:
        prof = cProfile.Profile() if self.profile else None
        started = time.perf_counter()
        if prof is not None:
            prof.enable()
        call()
        if prof is not None:
            prof.disable()
        return time.perf_counter() - started, prof

    def action(self, call, settle: float = 0.5) -> tuple[float, cProfile.Profile | None]:
        """*call* plus the event-loop passes in the *settle* seconds after it: the longest of them."""
        took, prof = self.timed(call)
        after, after_prof = self.run(settle)
        return (took, prof) if took >= after else (after, after_prof)


def report(name: str, seconds: float, prof, extra: str = "") -> None:
    print(f"  {name:9s} longest pass {seconds * 1000:8.1f} ms{extra}", flush=True)
    if prof is not None and seconds > 0.02:
        stats = pstats.Stats(prof)
        stats.sort_stats("cumulative").print_stats(r"editor/", 12)


def write_episode(path: Path, turns: int) -> None:
    """Save the synthetic episode of *turns* turns as a project at *path*."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from editor.core.project import save

    # As dense as a real episode (a turn every 3.6 s): more turns make a longer episode, not more
    # turns on each second of the waveform strip.
    transcript = ten_hour_episode(turns=turns, words=turns * 15, duration_ms=max(TEN_HOURS_MS, turns * 3_600))
    save(transcript, path)
    words = sum(len(s.text.split()) for s in transcript.segments)
    print(f"{len(transcript.segments):,} turns, {words:,} words, {path.stat().st_size / 1e6:.1f} MB project",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=10_000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--write", help=argparse.SUPPRESS)   # the episode's project file, then exit
    args = parser.parse_args()
    if args.write:
        write_episode(Path(args.write), args.turns)
        return
    private = private_environment("bench-big-document-")
    root = Path(__file__).resolve().parents[2]
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    path = private / "episode.tep"
    # Written by another process, so the peak memory printed is the window's alone.
    subprocess.run([sys.executable, __file__, "--write", str(path), "--turns", str(args.turns)], check=True)
    app = QApplication([])
    from editor.ui.main_window import MainWindow
    window = MainWindow()
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    stalls = Stalls(app, args.profile)

    started = time.monotonic()
    opened, prof = stalls.timed(lambda: window.open_path(str(path)))
    reading, read_prof = stalls.run(until=lambda: window.files.reading is None)
    settled, settle_prof = stalls.run(3.0)
    worst = max((opened, prof), (reading, read_prof), (settled, settle_prof), key=lambda item: item[0])
    rows = window.model.rowCount()
    assert rows == args.turns, "the episode did not open"
    tick_from = window.model.segment(rows - 40).start_ms or 0
    report("open", worst[0], worst[1], f"   (open to settled {time.monotonic() - started:.1f} s)")

    view = window.view
    view.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    report("Ctrl+End", *stalls.action(lambda: QTest.keyClick(view, Qt.Key.Key_End, ctrl)))
    bar = view.verticalScrollBar()
    report("drag end", *stalls.action(lambda: (bar.setValue(0), app.processEvents(), bar.setValue(bar.maximum()))))

    row = rows - 3
    view.open_editor(row, 0)
    stalls.run(0.3)
    editor = view.editor()
    typed = [stalls.action(lambda: QTest.keyClicks(editor, "x"), settle=0.4) for _ in range(4)]
    report("type 1st", *typed[0], "   (the first edit also starts the recovery journal)")
    report("type", *max(typed[1:], key=lambda item: item[0]))
    view.close_editor()
    stalls.run(0.3)

    position = window.playback.position_changed
    ticks = [stalls.timed(lambda ms=tick_from + i * TICK_MS: (position.emit(ms), app.processEvents()))
             for i in range(200)]
    longest = max(ticks, key=lambda item: item[0])
    mean = sum(t for t, _ in ticks) / len(ticks)
    report("tick", longest[0], longest[1], f"   (mean {mean * 1000:.2f} ms over {len(ticks)} ticks)")

    report("approve", *stalls.action(lambda: window.review.approve(rows - 5)))
    progress = window.review.progress
    report("progress", *stalls.timed(window.review.recount),
           f"   ({progress.approved:,} of {progress.total:,} approved)")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"  peak memory {peak} MB", flush=True)
    window.project.discard_changes()
    os._exit(0)


if __name__ == "__main__":
    main()
